package sqlstore

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTermMatch(t *testing.T) {
	for _, c := range []struct {
		w, t string
		want bool
	}{
		{"strike", "strike", true},
		{"strikes", "strike", true},
		{"elected", "elect", true},
		{"election", "elected", true},
		{"senator", "senate", true},
		{"sen", "senate", false},
		{"trumpet", "trump", true},
		{"trumpeters", "trump", false},
		{"kyiv", "kharkiv", false},
		{"us", "u", true},
		{"the", "they", false},
	} {
		if got := termMatch(c.w, c.t); got != c.want {
			t.Errorf("termMatch(%q, %q) = %v, want %v", c.w, c.t, got, c.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler words go here and there. ", 20)
	for _, c := range []struct {
		name, text string
		terms      []string
		want       string
	}{
		{"lede", "Russia struck Kharkiv overnight, officials said.", []string{"kharkiv"},
			"Russia struck «Kharkiv» overnight, officials said."},
		{"middle with context", long + "Overnight strikes by Russian forces hit a recreational centre in Zaporizhzhia. " + long,
			[]string{"zaporizhzhia", "strike"},
			"…and there. Overnight «strikes» by Russian forces hit a recreational centre in «Zaporizhzhia». filler words go here and there. filler words go here and…"},
		{"most distinct terms win", "Putin spoke. " + long + "Putin and Trump will meet. " + long, []string{"putin", "trump"},
			"…here and there. «Putin» and «Trump» will meet. filler words go here and there. filler words go here and there. filler words go here…"},
		{"no match", "Alpha beta gamma.", []string{"delta"}, "Alpha beta gamma."},
		{"empty", "", []string{"x"}, ""},
		{"no terms", "Alpha beta.", nil, "Alpha beta."},
		{"invalid utf-8 survives", "caf\xff caf\xc3\xa9 cafe", []string{"cafe"}, "caf\xff caf\xc3\xa9 «cafe»"},
	} {
		if got := snippet(c.text, c.terms); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestQueryTerms(t *testing.T) {
	if got := strings.Join(queryTerms(`"Putin" OR Trump's -summit`), "|"); got != "putin|trump's|summit" {
		t.Errorf("queryTerms = %q", got)
	}
}

// FuzzSnippet: no panic; every word of a snippet is text from the article;
// valid UTF-8 in gives valid UTF-8 out.
func FuzzSnippet(f *testing.F) {
	f.Add("Russia struck Kharkiv overnight.", "kharkiv")
	f.Add("caf\xff caf\xc3\xa9", "caf")
	f.Fuzz(func(t *testing.T, text, q string) {
		s := snippet(text, queryTerms(q))
		if utf8.ValidString(text) && !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 snippet %q", s)
		}
		// The marks are taken out of both sides: an article may hold them too.
		unmark := strings.NewReplacer("«", "", "»", "", "…", "")
		plain := unmark.Replace(text)
		for _, w := range strings.Fields(unmark.Replace(s)) {
			if !strings.Contains(plain, w) {
				t.Fatalf("snippet word %q not in the text", w)
			}
		}
	})
}

func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat("The Kremlin said on Thursday that Putin and Trump would meet in the coming days, officials said. ", 60)
	terms := queryTerms("Zaporizhzhia strikes")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		snippet(text, terms)
	}
}
