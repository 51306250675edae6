package seqmodel

import (
	"slices"
	"strings"
)

// DictCounter counts the labels of each word form in training data, to find
// words whose label is (almost) always the same: a tagger may then skip
// scoring them, which is both faster and as accurate.
type DictCounter struct {
	m map[string]map[string]int
}

// Add counts one (word, label) pair.
func (c *DictCounter) Add(word, label string) {
	if c.m == nil {
		c.m = map[string]map[string]int{}
	}
	l := c.m[word]
	if l == nil {
		l = map[string]int{}
		c.m[word] = l
	}
	l[label]++
}

// Frozen returns the words seen at least minCount times whose most frequent
// label has at least share of their occurrences, encoded as sorted
// "word<TAB>label" lines (for a model's Meta). keep, when not nil, filters
// the candidates.
func (c *DictCounter) Frozen(minCount int, share float64, keep func(word, label string) bool) string {
	var lines []string
	for w, ls := range c.m {
		n, best, bl := 0, 0, ""
		for l, k := range ls {
			n += k
			if k > best || (k == best && l < bl) {
				best, bl = k, l
			}
		}
		if n >= minCount && float64(best) >= share*float64(n) && !strings.ContainsAny(w, "\t\n") && (keep == nil || keep(w, bl)) {
			lines = append(lines, w+"\t"+bl)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// DecodeDict parses Frozen's encoding into word → label id; words whose
// label is not in labels are dropped.
func DecodeDict(s string, labels []string) map[string]uint16 {
	out := map[string]uint16{}
	for _, ln := range strings.Split(s, "\n") {
		w, l, ok := strings.Cut(ln, "\t")
		if !ok {
			continue
		}
		if k := slices.Index(labels, l); k >= 0 {
			out[w] = uint16(k)
		}
	}
	return out
}
