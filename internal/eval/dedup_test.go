package eval

import (
	"math"
	"strings"
	"testing"
)

func TestPairScores(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}
	pred := map[string]string{"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}
	// gold pairs: ab ac bc; predicted pairs: ab cd → tp 1, fp 1, fn 2.
	p, r, f, tp, fp, fn := PairScores(gold, pred)
	if tp != 1 || fp != 1 || fn != 2 || p != 0.5 || math.Abs(r-1.0/3) > 1e-9 || math.Abs(f-0.4) > 1e-9 {
		t.Fatalf("p=%v r=%v f=%v tp=%d fp=%d fn=%d", p, r, f, tp, fp, fn)
	}
}

func TestGenerateCopiesDeterministic(t *testing.T) {
	var docs []DedupDoc
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		docs = append(docs, DedupDoc{ID: id, Text: strings.Repeat("The minister said on Monday that talks would resume. Officials declined to comment further. ", 5) + id})
	}
	x, y := GenerateCopies(docs, 7), GenerateCopies(docs, 7)
	if len(x) != len(y) || len(x) <= len(docs) {
		t.Fatalf("sizes %d %d (originals %d)", len(x), len(y), len(docs))
	}
	for i := range x {
		if x[i] != y[i] {
			t.Fatal("same seed, different set")
		}
		if strings.Contains(x[i].ID, "#copy") && (x[i].Gold == x[i].ID || x[i].Text == "") {
			t.Errorf("copy %s: gold %s", x[i].ID, x[i].Gold)
		}
	}
}
