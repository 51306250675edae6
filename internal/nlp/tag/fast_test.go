package tag

import (
	"slices"
	"testing"
)

// TestFastPathsMatchGeneric checks that the fast paths (the lexicon's
// precomputed words, the tabulated chunker) give the tags of the generic
// path (Analyze and map lookups per token, chunkFeatures and one model
// lookup per feature) on the news fixture and on edge cases.
func TestFastPathsMatchGeneric(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	slow := *tg
	slow.ct, slow.lex = nil, false
	sents := append(loadFixture(t),
		[]string{"Hello"},
		[]string{"KYIV", ",", "Ukraine", "(", "AP", ")", "—"},
		[]string{"How", "Trump", "Plans", "To", "End", "The", "War"},
		[]string{"e-mail", "news@example.org", "or", "see", "https://example.org/x", "😀"},
	)
	n := 0
	for _, s := range sents {
		p1, c1 := make([]string, len(s)), make([]string, len(s))
		p2, c2 := make([]string, len(s)), make([]string, len(s))
		tg.Tag(s, p1, c1)
		slow.Tag(s, p2, c2)
		if !slices.Equal(p1, p2) || !slices.Equal(c1, c2) {
			t.Errorf("%q:\nfast %v %v\nslow %v %v", s, p1, c1, p2, c2)
		}
		n += len(s)
	}
	if n < 200 {
		t.Fatalf("only %d tokens compared", n)
	}
}

// TestConcurrentTagging tags the fixture from several goroutines at once
// (the shared word caches fill concurrently) and checks every result
// against a sequential run; run it with -race.
func TestConcurrentTagging(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := loadFixture(t)
	tagAll := func() [][]string {
		var out [][]string
		for _, s := range sents {
			p, c := make([]string, len(s)), make([]string, len(s))
			tg.Tag(s, p, c)
			out = append(out, p, c)
		}
		return out
	}
	results := make(chan [][]string, 4)
	for range 4 {
		go func() { results <- tagAll() }()
	}
	want := tagAll()
	for range 4 {
		got := <-results
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("concurrent run differs at %d: %v vs %v", i, got[i], want[i])
			}
		}
	}
}

// TestIOBAllowed checks the chunker's IOB2 transitions: I-X only after B-X
// or I-X, never at the start.
func TestIOBAllowed(t *testing.T) {
	labels := []string{"B-NP", "B-VP", "I-NP", "I-VP", "O"}
	a := iobAllowed(labels)
	want := [][]uint16{
		{0, 1, 2, 4}, // after B-NP
		{0, 1, 3, 4}, // after B-VP
		{0, 1, 2, 4}, // after I-NP
		{0, 1, 3, 4}, // after I-VP
		{0, 1, 4},    // after O
		{0, 1, 4},    // at the start
	}
	for c := range want {
		if !slices.Equal(a[c], want[c]) {
			t.Errorf("after %d: %v, want %v", c, a[c], want[c])
		}
	}
}
