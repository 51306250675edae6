package quote

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzExtract: any text, including unbalanced quote marks and invalid
// UTF-8, gives quotes without panics, with spans inside the text, sorted.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will win,” Lopez said.", "Smith said: “a\n“b”", "''x,'' he said. ''y", "„a“ «b» ‘c’ \"d",
		"According to , said", "”“”“", "Putin: x y z", "\xff“\xfe said", "He said, “",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/news.txt"); err == nil {
		f.Add(string(b))
	}
	lex := lexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// The segmenter repairs text before this stage; still, no panic.
			a := build(t, text, people, nil)
			Extract(lex, a)
			return
		}
		a := build(t, text, people, nil)
		qs := Extract(lex, a)
		checkInvariants(t, a, qs)
	})
}

// FuzzRegions: quote regions lie inside their blocks and never overlap.
func FuzzRegions(f *testing.F) {
	for _, s := range []string{"“a” ‘b’ \"c\" «d» „e“ ''f''", "“unclosed\n“next”", "’’‘‘\"\"", "it's '90s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		regs := findRegions(text, nil)
		end := -1
		for _, r := range regs {
			if r.start < 0 || r.end > len(text) || r.start > r.end || r.open > r.start || r.open < end {
				t.Fatalf("bad region %+v in %q", r, text)
			}
			if r.close >= 0 && r.close < r.end {
				t.Fatalf("close before end %+v", r)
			}
			end = r.end
		}
	})
}
