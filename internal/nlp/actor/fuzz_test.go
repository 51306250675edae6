package actor

import (
	"testing"
	"time"
	"unicode/utf8"

	"herald/internal/model"
)

var testDate = mustDate("2025-08-07")

var fuzzLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-LOC", "B-NORP", "B-MISC", "I-MISC", "O", "O"}

// FuzzProcess runs the stage on arbitrary text with arbitrary name labels:
// it must not panic and must keep the output contract.
func FuzzProcess(f *testing.F) {
	f.Add("Russian President Vladimir Putin met US President Donald Trump in Moscow.", []byte{8, 0, 1, 2, 5, 0, 1, 2, 0, 5})
	f.Add("Witkoff-Putin talks: Putin’s office said he would meet the US President.", []byte{1, 0, 1, 0, 0, 0, 5})
	f.Add("“The President is open,” Leavitt said. He said it. Ukraine’s Zaporizhzhia region", []byte{0, 3, 4, 1, 2, 5, 6})
	f.Fuzz(fuzzOne)
}

func fuzzOne(t *testing.T, text string, labels []byte) {
	{
		if !utf8.ValidString(text) || len(text) > 1000 {
			return
		}
		a := &model.Analysis{Text: text, Doc: model.Doc{Language: "en"}}
		a.Tokens = tokenize(text, 0)
		for i := range a.Tokens {
			if len(labels) > 0 {
				a.Tokens[i].NER = fuzzLabels[int(labels[i%len(labels)])%len(fuzzLabels)]
			}
			a.Tokens[i].POS = guessPOS(a.Tokens[i].Text)
		}
		a.Sentences = []model.Sentence{{Start: 0, End: len(text), TokenStart: 0, TokenEnd: len(a.Tokens)}}
		if len(labels) > 0 && labels[0]%2 == 0 {
			a.PublishedDate = testDate
		}
		if err := mustStage(t).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
		for _, c := range a.Coref {
			if c.Start < 0 || c.End > len(text) || text[c.Start:c.End] != c.Text {
				t.Fatalf("bad coref %+v", c)
			}
		}
	}
}

func mustDate(s string) (t time.Time) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
