package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedFilesAreReproducible regenerates the tables from the
// installed WordNet and compares them with the committed ones. It is
// skipped where Debian's wordnet-base is not installed.
func TestCommittedFilesAreReproducible(t *testing.T) {
	const wn = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(wn, "verb.exc")); err != nil {
		t.Skip("wordnet-base not installed")
	}
	out := t.TempDir()
	if err := run(wn, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"exceptions.tsv", "bases.tsv"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generation: run go run ./internal/nlp/tag/lemma/gen", f)
		}
	}
}
