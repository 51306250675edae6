package resources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTSVLocatesErrors(t *testing.T) {
	data := []byte("# comment\nRUS\tRussia\n\nUSA\n")
	_, err := TSV("countries.tsv", data, 2)
	if err == nil || !strings.HasPrefix(err.Error(), "countries.tsv:4:1:") {
		t.Fatalf("err = %v", err)
	}
	rows, err := TSV("x.tsv", []byte("a\t  b\tc\n"), 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0].Errorf(1, "bad").Error(); got != "x.tsv:1:5: bad" {
		t.Errorf("column: %s", got)
	}
}

func TestReadOverrideAndFingerprint(t *testing.T) {
	emb := fstest.MapFS{"a.tsv": {Data: []byte("embedded")}}
	f0 := Fingerprint()
	Register("dom", emb)
	f1 := Fingerprint()
	if f1 == f0 {
		t.Error("registering files did not change the fingerprint")
	}
	got, err := Read("dom/a.tsv", emb, "a.tsv")
	if err != nil || string(got) != "embedded" {
		t.Fatalf("%q %v", got, err)
	}
	if Fingerprint() != f1 {
		t.Error("reading a file changed the fingerprint")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dom"), 0o755)
	os.WriteFile(filepath.Join(dir, "dom", "a.tsv"), []byte("override"), 0o644)
	SetOverrideDir(dir)
	defer SetOverrideDir("")
	got, err = Read("dom/a.tsv", emb, "a.tsv")
	if err != nil || string(got) != "override" {
		t.Fatalf("%q %v", got, err)
	}
	if Fingerprint() == f1 {
		t.Error("fingerprint did not change with the data")
	}
}
