package ner

import (
	"strings"
	"testing"

	"herald/internal/seqmodel"
)

// fakeGazetteer knows the phrases of its map.
type fakeGazetteer map[string]string

func (g fakeGazetteer) Kind(p string) string { return g[p] }

func TestRepairLabels(t *testing.T) {
	labels := []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}
	r := &Recognizer{m: &seqmodel.Model{Labels: labels}, gz: fakeGazetteer{"New York": "region", "York": ""}}
	for _, c := range []struct{ words, in, want string }{
		// a place name split across two entities is joined
		{"the New York F.B.I. office", "O B-LOC B-ORG I-ORG O", "O B-LOC I-LOC B-ORG O"},
		{"the New York office", "O B-ORG B-LOC O", "O B-LOC I-LOC O"},
		// a known place is left alone, as are entities with a gap
		{"New York Mets", "B-LOC I-LOC B-ORG", "B-LOC I-LOC B-ORG"},
		{"New , York", "B-LOC O B-LOC", "B-LOC O B-LOC"},
		// a name never ends in a function word
		{"the Upper East Side of Manhattan", "O B-LOC I-LOC I-LOC I-LOC B-LOC", "O B-LOC I-LOC I-LOC O B-LOC"},
		{"Bank of", "B-ORG I-ORG", "B-ORG O"},
		{"Bank of England", "B-ORG I-ORG I-ORG", "B-ORG I-ORG I-ORG"},
		// an honorific opening a name leaves it
		{"Mr. Grimm filed papers", "B-PER I-PER O O", "O B-PER O O"},
		{"Mrs Clinton Foundation", "B-PER I-PER O", "O B-PER O"},
		// a ticker's brackets are no part of a name
		{"Electric Co < GE > said", "B-ORG I-ORG I-ORG I-ORG O O", "B-ORG I-ORG O B-ORG O O"},
		// an honorific or an initial alone names no one
		{"Dr. said", "B-PER O", "O O"},
		{"Mr Smith and Mr said", "B-PER I-PER O B-PER O", "O B-PER O O O"},
		{"B. said", "B-PER O", "O O"},
		{"J. Smith", "B-PER I-PER", "B-PER I-PER"},
		{"Mister Rogers", "B-PER I-PER", "B-PER I-PER"},
	} {
		words := strings.Fields(c.words)
		got := strings.Fields(c.in)
		r.splitAngleBrackets(words, got)
		trimHonorifics(words, got)
		trimTrailingFunctionWords(words, got)
		r.joinPlaceNames(words, got)
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: got %s, want %s", c.words, g, c.want)
		}
	}
}
