package htmltext

import (
	"hash/maphash"
	"strings"

	"herald/internal/model"
)

var seed = maphash.MakeSeed()

// shingleWords is the number of words in a shingle.
const shingleWords = 3

// words returns the word-character runs of s.
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingleHashes returns hashes of the 3-word shingles of s (one shingle for a
// text of fewer words).
func shingleHashes(s string) []uint64 {
	w := words(s)
	if len(w) == 0 {
		return nil
	}
	const k = shingleWords
	n := max(1, len(w)-k+1)
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		var h maphash.Hash
		h.SetSeed(seed)
		for _, x := range w[i:min(i+k, len(w))] {
			h.WriteString(x)
			h.WriteByte(0)
		}
		out = append(out, h.Sum64())
	}
	return out
}

// support is the share of s's shingles found in set.
func support(s string, set map[uint64]struct{}) float64 {
	hs := shingleHashes(s)
	if len(hs) == 0 {
		return 1
	}
	n := 0
	for _, h := range hs {
		if _, ok := set[h]; ok {
			n++
		}
	}
	return float64(n) / float64(len(hs))
}

// layout joins pieces into a text, separated by "\n\n", and its blocks.
func layout(ps []piece) (string, []model.Block) {
	var sb strings.Builder
	out := make([]model.Block, 0, len(ps))
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(p.text)
		out = append(out, model.Block{Start: start, End: sb.Len(), Kind: p.kind})
	}
	return sb.String(), out
}
