package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
)

// analysis builds an Analysis of text with one paragraph block per line and
// one sentence per line, the way the segment stage would (without tokens).
func analysis(text, published string) *model.Analysis {
	a := &model.Analysis{Text: text, Doc: model.Doc{Language: "en"}}
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err != nil {
			panic(err)
		}
		a.PublishedDate = t
	}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		end := start + len(strings.TrimRight(line, "\n"))
		if end > start {
			a.Blocks = append(a.Blocks, model.Block{Start: start, End: end, Kind: model.BlockParagraph})
			a.Sentences = append(a.Sentences, model.Sentence{Start: start, End: end, Block: len(a.Blocks) - 1})
		}
		start += len(line)
	}
	return a
}

func run(t testing.TB, text, published string) []model.Time {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := analysis(text, published)
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a.Times
}

// want is one expected expression: its text and "TYPE value [mod]".
type want struct{ text, tv string }

func describe(x model.Time) string {
	s := x.Type + " " + x.Value
	if x.Mod != "" {
		s += " " + x.Mod
	}
	return s
}

// check runs the table: each case's text must yield exactly the listed
// expressions, in order.
func check(t *testing.T, published string, cases []struct {
	in   string
	want []want
}) {
	t.Helper()
	for _, c := range cases {
		got := run(t, c.in, published)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Text == c.want[i].text && describe(got[i]) == c.want[i].tv
		}
		if !ok {
			var g []string
			for _, x := range got {
				g = append(g, x.Text+" = "+describe(x)+" ("+x.Rule+")")
			}
			t.Errorf("%q (published %s):\n got  %v\n want %v", c.in, published, g, c.want)
		}
	}
}
