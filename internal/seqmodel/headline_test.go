package seqmodel

import (
	"strings"
	"testing"
)

// headlineClusters has words with their tenths of lower-case use.
func headlineClusters(t *testing.T) *Clusters {
	t.Helper()
	var b strings.Builder
	for _, e := range []struct {
		w     string
		share int
	}{
		{"warns", 9}, {"policy", 9}, {"on", 9}, {"would", 9}, {"lead", 9}, {"to", 9},
		{"three", 9}, {"bigger", 9}, {"move", 9}, {"us", 9},
		{"war", 8}, {"world", 7}, {"house", 1}, {"white", 6}, {"trump", 0},
	} {
		b.WriteString(e.w + "\taa\t" + string(rune('0'+e.share)) + "\n")
	}
	cl, err := LoadClusters([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func TestHeadlineCommon(t *testing.T) {
	cl := headlineClusters(t)
	for _, c := range []struct{ text, want string }{
		// a Title Case headline: its common words are read in lower case
		{"Trump Warns Clinton Policy On Syria Would Lead To World War Three", "Warns Policy On Would Lead To Three"},
		// emphasis capitals of a headline too, but not short ones
		{"Trump Makes An Even BIGGER Move On Policy To Lead US Would", "Move On Policy To Lead Would BIGGER"},
		// the first word is a sentence start as any other
		{"Warns Trump On White House Policy To Lead Would", "On Policy To Lead Would"},
		// too few common words: a line of names, read as written
		{"Surrey 429-7 ( C. Lewis 80 , M. Butcher 70 ) On To", ""},
		// not Title Case
		{"Trump warns Clinton on policy to lead would", ""},
	} {
		words := strings.Fields(c.text)
		ws := make([]Word, len(words))
		for i, w := range words {
			Analyze(w, cl, &ws[i], nil)
		}
		var got []string
		for _, i := range cl.HeadlineCommon(words, ws, SentenceFlags(ws), nil) {
			got = append(got, words[i])
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: got %q, want %q", c.text, g, c.want)
		}
	}
	var nilCl *Clusters
	if got := nilCl.HeadlineCommon([]string{"A", "B"}, make([]Word, 2), SentTitleCase, nil); len(got) != 0 {
		t.Errorf("nil clusters: %v", got)
	}
}

func TestTitleCaseLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Trump Warns Clinton Policy On Syria\n", true},
		{"“Finally, Someone Who Thinks Like Me”", true},
		{"The Post sent its reporter to Pennsylvania.", false},
		{"Two Words", false},
		{"", false},
	} {
		if got := titleCaseLine(c.line); got != c.want {
			t.Errorf("titleCaseLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestClustersLowerShareSkipsHeadlines: the case of words in Title Case
// lines is not counted, so a headline verb keeps its lower-case share.
func TestClustersLowerShareSkipsHeadlines(t *testing.T) {
	var texts []string
	for range 10 {
		texts = append(texts, "Senator Warns Rivals Over Budget Plan\nthe senator warns that the plan fails . she warns again .")
	}
	next := textSource(texts)
	cl := TrainClusters(next, ClusterOptions{Branch: 2, Levels: 2, Seed: 1})
	if v, ok := cl.LowerShare("warns"); !ok || v != 9 {
		t.Errorf("LowerShare(warns) = %d, %v; want 9 (headline uses not counted)", v, ok)
	}
}

// textSource yields texts one by one, as TrainClusters reads them.
func textSource(texts []string) func() (string, bool) {
	i := 0
	return func() (string, bool) {
		if i >= len(texts) {
			return "", false
		}
		i++
		return texts[i-1], true
	}
}
