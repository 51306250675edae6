package eval

import (
	"fmt"
	"math/rand"
	"strings"
	"unicode"
)

// DedupDoc is one document of the duplicate-detection set. Gold is the id of
// the original a copy was made from (the document's own id for originals and
// negatives): documents with the same Gold are copies of one story.
type DedupDoc struct {
	ID, Text, Gold string
}

var (
	bylines = []string{"By Staff Reporter", "By Jane Morrison, Associated Correspondent", "Reporting by Alex Chen; Editing by Mark Porter",
		"From our wire services", "By Priya Natarajan | Updated"}
	headers = []string{"BREAKING NEWS", "Listen to this article", "Advertisement", "This article was republished with permission.", "World | Politics"}
	footers = []string{"© 2025 The Daily Wire Service. All rights reserved.", "This story has been corrected to fix a typo.",
		"Sign up for our newsletter to get the latest news.", "Additional reporting by staff.", "Copyright The Syndicate. Distributed by Feeds Inc."}
)

// GenerateCopies returns originals followed by synthetic syndicated copies:
// a third of the originals (chosen with the seed) get 1–3 copies each, every
// copy with a changed header or footer line, a changed byline, up to 20% of
// its sentences dropped or reordered and 2% of its words edited. The result
// is shuffled with the seed, so the same seed gives the same set.
func GenerateCopies(originals []DedupDoc, seed int64) []DedupDoc {
	rng := rand.New(rand.NewSource(seed))
	out := append([]DedupDoc(nil), originals...)
	for i := range out {
		if out[i].Gold == "" {
			out[i].Gold = out[i].ID
		}
	}
	for _, o := range originals {
		if rng.Intn(3) != 0 {
			continue
		}
		n := 1 + rng.Intn(3)
		for k := 0; k < n; k++ {
			out = append(out, DedupDoc{ID: fmt.Sprintf("%s#copy%d", o.ID, k+1), Text: mutate(o.Text, rng), Gold: o.ID})
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func mutate(text string, rng *rand.Rand) string {
	sents := splitSentences(text)
	// Drop or reorder up to 20% of the sentences.
	k := int(float64(len(sents)) * 0.2 * rng.Float64())
	for i := 0; i < k && len(sents) > 2; i++ {
		j := rng.Intn(len(sents))
		if rng.Intn(2) == 0 {
			sents = append(sents[:j], sents[j+1:]...)
		} else {
			m := rng.Intn(len(sents))
			sents[j], sents[m] = sents[m], sents[j]
		}
	}
	// Edit 2% of the words.
	for i, s := range sents {
		words := strings.Fields(s)
		for w := range words {
			if rng.Float64() < 0.02 {
				words[w] = editWord(words[w], rng)
			}
		}
		sents[i] = strings.Join(words, " ")
	}
	body := strings.Join(sents, " ")
	byline := bylines[rng.Intn(len(bylines))]
	if rng.Intn(2) == 0 {
		return byline + "\n\n" + headers[rng.Intn(len(headers))] + "\n\n" + body
	}
	return byline + "\n\n" + body + "\n\n" + footers[rng.Intn(len(footers))]
}

func editWord(w string, rng *rand.Rand) string {
	r := []rune(w)
	if len(r) == 0 {
		return w
	}
	i := rng.Intn(len(r))
	switch rng.Intn(3) {
	case 0: // substitute a letter
		r[i] = rune('a' + rng.Intn(26))
	case 1: // delete a letter
		r = append(r[:i], r[i+1:]...)
	default: // insert a letter
		r = append(r[:i], append([]rune{rune('a' + rng.Intn(26))}, r[i:]...)...)
	}
	return string(r)
}

// splitSentences splits at ". ", "! " and "? " followed by an upper-case
// letter, and at blank lines; single line breaks (hard-wrapped wire copy)
// are spaces.
func splitSentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		end := -1
		if rs[i] == '\n' && i+1 < len(rs) && rs[i+1] == '\n' {
			end = i
		} else if (rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && i+2 < len(rs) && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			end = i + 1
		}
		if end >= 0 {
			if s := strings.Join(strings.Fields(string(rs[start:end])), " "); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.Join(strings.Fields(string(rs[start:])), " "); s != "" {
		out = append(out, s)
	}
	return out
}

// PairScores compares predicted with gold grouping over all pairs of
// documents: a pair is positive when both documents are in one group.
// gold and pred map every document id to a group label.
func PairScores(gold, pred map[string]string) (p, r, f1 float64, tp, fp, fn int) {
	type key struct{ g, p string }
	both := map[key]int{}
	goldN := map[string]int{}
	predN := map[string]int{}
	for id, g := range gold {
		pg := pred[id]
		both[key{g, pg}]++
		goldN[g]++
		predN[pg]++
	}
	pairs := func(n int) int { return n * (n - 1) / 2 }
	var tpS, predPairs, goldPairs int
	for _, n := range both {
		tpS += pairs(n)
	}
	for _, n := range goldN {
		goldPairs += pairs(n)
	}
	for _, n := range predN {
		predPairs += pairs(n)
	}
	tp, fp, fn = tpS, predPairs-tpS, goldPairs-tpS
	p, r = ratio(tp, tp+fp), ratio(tp, tp+fn)
	f1 = harmonic(p, r)
	return
}
