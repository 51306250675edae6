package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestEvalCoNLL(t *testing.T) {
	// a made-up document in CoNLL-2003 format
	doc := "-DOCSTART- -X- -X- O\n\n" +
		"Angela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\non IN B-PP O\nMonday NNP B-NP O\n. . O O\n\n" +
		"The DT B-NP O\nEuropean NNP I-NP B-ORG\nCommission NNP I-NP I-ORG\nsaid VBD B-VP O\nGerman JJ B-NP B-MISC\nexports NNS I-NP O\nrose VBD B-VP O\n. . O O\n"
	p := filepath.Join(t.TempDir(), "dev.txt")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runCoNLL(context.Background(), EvalRequest{Set: "conll", Path: p, Stdout: &out, Stderr: &out}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	last := lines[len(lines)-1]
	re := regexp.MustCompile(`^conll: NER_F1=[0-9.]+ POS_ACC=[0-9.]+ CHUNK_F1=[0-9.]+ tokens/s=[0-9]+$`)
	if !re.MatchString(last) {
		t.Fatalf("last line %q", last)
	}
	if !strings.Contains(out.String(), "PER") || !strings.Contains(out.String(), "overall") {
		t.Errorf("report lacks per-type lines:\n%s", out.String())
	}
	if strings.Contains(last, "NER_F1=0.0000") {
		t.Errorf("no entity found on an easy document:\n%s", out.String())
	}
	if err := runCoNLL(context.Background(), EvalRequest{Path: filepath.Join(t.TempDir(), "missing.txt"), Stdout: &out}); err == nil {
		t.Error("missing file: no error")
	}
}
