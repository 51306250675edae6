package ner

import (
	"os"
	"slices"
	"strings"
	"testing"

	"herald/internal/nlp/tag"
)

// TestLexiconPathMatchesAnalyze checks that labelling with the clusters'
// lexicon (precomputed words) gives the labels of analysing every token.
func TestLexiconPathMatchesAnalyze(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	slow := *r
	slow.lex, slow.lexFrozen = false, nil
	b, err := os.ReadFile("../tag/testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	var sents, pos, chunk [][]string
	for _, ln := range strings.Split(string(b)+"\nKYIV, Ukraine (AP) — US President Donald Trump met Putin.\nHOW TRUMP PLANS TO END THE WAR", "\n") {
		ws := strings.Fields(ln)
		if len(ws) == 0 {
			continue
		}
		p, c := make([]string, len(ws)), make([]string, len(ws))
		tg.Tag(ws, p, c)
		sents, pos, chunk = append(sents, ws), append(pos, p), append(chunk, c)
	}
	out := func(r *Recognizer) [][]string {
		o := make([][]string, len(sents))
		for i, s := range sents {
			o[i] = make([]string, len(s))
		}
		r.Label(sents, pos, chunk, o)
		return o
	}
	fast, want := out(r), out(&slow)
	names := 0
	for i := range sents {
		if !slices.Equal(fast[i], want[i]) {
			t.Errorf("%q:\nlexicon %v\nanalyse %v", sents[i], fast[i], want[i])
		}
		for _, l := range fast[i] {
			if l != "O" {
				names++
			}
		}
	}
	if names < 10 {
		t.Fatalf("only %d name tokens: the comparison says little", names)
	}
}
