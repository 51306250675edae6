package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedFilesAreReproducible regenerates the data files from the
// installed iso-codes package and compares them with the committed ones.
// It is skipped where Debian's iso-codes is not installed.
func TestCommittedFilesAreReproducible(t *testing.T) {
	const iso = "/usr/share/iso-codes/json"
	if _, err := os.Stat(filepath.Join(iso, "iso_3166-2.json")); err != nil {
		t.Skip("iso-codes not installed")
	}
	out := t.TempDir()
	if err := run(iso, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"countries.tsv", "subdivisions.tsv", "fold_gen.go"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generation: run go run ./internal/resources/countries/gen", f)
		}
	}
}

func TestCommonName(t *testing.T) {
	for in, want := range map[string]string{
		"Moldova, Republic of":                  "Moldova",
		"Congo, The Democratic Republic of the": "Congo",
		"Holy See (Vatican City State)":         "Holy See",
		"Bonaire, Sint Eustatius and Saba":      "Bonaire, Sint Eustatius and Saba",
		"Ukraine":                               "Ukraine",
	} {
		if got := commonName(in); got != want {
			t.Errorf("commonName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := clean("Wales [Cymru GB-CYM]"); got != "Wales" {
		t.Errorf("clean = %q", got)
	}
}
