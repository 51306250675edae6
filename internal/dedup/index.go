package dedup

import "sort"

// Index groups signatures in memory: each added document joins the group of
// the most similar earlier document at or above Threshold, or starts its
// own. Not safe for concurrent use.
type Index struct {
	ids   []string
	sigs  []Signature
	group []int
	bands map[uint64][]int
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{bands: map[uint64][]int{}} }

// Add adds a document and returns the id of its group (its own id when it
// copies nothing seen before).
func (x *Index) Add(id string, sig Signature) string {
	best, bestSim := -1, 0.0
	seen := map[int]bool{}
	keys := BandKeys(&sig)
	for _, k := range keys {
		for _, j := range x.bands[k] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if s, ok := Score(&sig, &x.sigs[j]); ok && (s > bestSim || s == bestSim && j < best) {
				best, bestSim = j, s
			}
		}
	}
	me := len(x.ids)
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, sig)
	g := me
	if best >= 0 {
		g = x.group[best]
	}
	x.group = append(x.group, g)
	for _, k := range keys {
		x.bands[k] = append(x.bands[k], me)
	}
	return x.ids[g]
}

// Groups returns the groups with more than one member, each sorted, in order of their first member.
func (x *Index) Groups() [][]string {
	by := map[int][]string{}
	for i, g := range x.group {
		by[g] = append(by[g], x.ids[i])
	}
	var keys []int
	for g, m := range by {
		if len(m) > 1 {
			keys = append(keys, g)
		}
	}
	sort.Ints(keys)
	out := make([][]string, 0, len(keys))
	for _, g := range keys {
		m := append([]string(nil), by[g]...)
		sort.Strings(m)
		out = append(out, m)
	}
	return out
}
