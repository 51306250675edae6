package dedup

import (
	"strings"
	"testing"
)

const story = `Russian forces struck a recreational centre in the Zaporizhzhia region overnight, killing two people and injuring twelve, including children, regional officials said on Thursday. The governor described the attack as cruelty meant to intimidate civilians. Emergency crews worked through the night to clear the rubble and search for survivors. The strike came hours after Moscow said it was no longer bound by a moratorium on deploying intermediate-range missiles. Kyiv has asked its allies for more air defence systems to protect cities far from the front line.`

func TestSimilarity(t *testing.T) {
	a := Sign(story)
	copyWithFooter := Sign("By Staff Reporter\n" + story + "\nCopyright 2025 The Wire. All rights reserved.")
	sentences := strings.Split(story, ". ")
	dropped := Sign(strings.Join(append(sentences[:2:2], sentences[3:]...), ". "))
	other := Sign(`The central bank raised interest rates by half a percentage point on Wednesday, citing persistent inflation in services and a tight labour market. Markets had expected a smaller move, and the currency rose sharply against the dollar after the announcement. Analysts said further increases were likely before the end of the year.`)
	tests := []struct {
		name   string
		b      Signature
		copyOf bool
	}{
		{"identical", a, true},
		{"header and footer", copyWithFooter, true},
		{"sentence dropped", dropped, true},
		{"other story", other, false},
	}
	for _, tc := range tests {
		s, ok := Score(&a, &tc.b)
		if ok != tc.copyOf {
			t.Errorf("%s: similarity %.2f, copy=%v", tc.name, s, tc.copyOf)
		}
	}
	if Similarity(&a, &a) != 1 {
		t.Error("self-similarity is not 1")
	}
}

func TestIndexGroups(t *testing.T) {
	x := NewIndex()
	if g := x.Add("a", Sign(story)); g != "a" {
		t.Fatalf("first: %s", g)
	}
	if g := x.Add("b", Sign(story+" Updated at 10:00.")); g != "a" {
		t.Errorf("copy joined %s", g)
	}
	if g := x.Add("c", Sign("An entirely different report about football results and the weather at the weekend, nothing to do with it.")); g != "c" {
		t.Errorf("unrelated joined %s", g)
	}
	if got := x.Groups(); len(got) != 1 || strings.Join(got[0], ",") != "a,b" {
		t.Errorf("groups = %v", got)
	}
	if len(BandKeys(new(Signature))) != Bands {
		t.Error("band count")
	}
	sig := Sign(story)
	if back, ok := ParseSignature(sig.Bytes()); !ok || back != sig {
		t.Error("signature encoding does not round-trip")
	}
	short := Sign("Qtly div 5.5 cts vs 5.5 cts prior. Pay April 27. Record April one.")
	wrapped := Sign("By Staff Reporter\n\nQtly div 5.5 cts vs 5.5 cts prior. Pay April 27. Record April one.\n\nSign up for our newsletter to get the latest news.")
	if _, ok := Score(&short, &wrapped); !ok {
		t.Error("short item with byline and footer not found as copy")
	}
}

func BenchmarkSign(b *testing.B) {
	b.SetBytes(int64(len(story)))
	for b.Loop() {
		Sign(story)
	}
}
