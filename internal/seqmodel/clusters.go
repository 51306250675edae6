package seqmodel

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clusterPrefixes are the path lengths (levels) used as features.
var clusterPrefixes = [4]int{1, 2, 3, 4}

// Clusters maps word forms to hierarchical cluster paths: one byte per level
// ('a'+child index), so a path prefix is a coarser cluster. Clusters are
// learned from unlabeled text by TrainClusters. Immutable after loading and
// safe for concurrent use.
type Clusters struct {
	// ids numbers the words 0…n-1; path and key are by id
	ids  map[string]int32
	path []string
	key  []string
	// lower[w] is how often the lower-case word w is written in lower case
	// inside sentences of the training text, in tenths (0–9; 9 ≥ 90%), for
	// words seen at least 5 times: tells a common word ("plans") from a
	// name ("trump" is mostly "Trump") in Title Case and capitals-only text.
	lower map[string]uint8

	lex lexicon // Analyze results by word id, filled on first use
}

// newClusters returns empty clusters with room for n words.
func newClusters(n int) *Clusters {
	return &Clusters{ids: make(map[string]int32, n), key: make([]string, 0, n), path: make([]string, 0, n), lower: map[string]uint8{}}
}

// set gives word w cluster path p.
func (c *Clusters) set(w, p string) {
	if id, ok := c.ids[w]; ok {
		c.path[id] = p
		return
	}
	c.ids[w] = int32(len(c.key))
	c.key = append(c.key, w)
	c.path = append(c.path, p)
}

// lookup returns the cluster path of the exact form w.
func (c *Clusters) lookup(w string) (string, bool) {
	if id, ok := c.ids[w]; ok {
		return c.path[id], true
	}
	return "", false
}

// LowerShare returns the tenths of lower-case use of the lower-case word w
// (see Clusters.lower); ok is false when unknown.
func (c *Clusters) LowerShare(w string) (int, bool) {
	v, ok := c.lower[w]
	return int(v), ok
}

// Len returns the number of words with a path.
func (c *Clusters) Len() int { return len(c.key) }

// Path returns the cluster path of word (exact form, else lower case).
func (c *Clusters) Path(word string) (string, bool) {
	p, ok := c.lookup(word)
	if !ok {
		p, ok = c.lookup(strings.ToLower(word))
	}
	return p, ok
}

// LoadClusters reads "word<TAB>path" lines.
func LoadClusters(data []byte) (*Clusters, error) {
	c := newClusters(bytes.Count(data, []byte{'\n'}))
	line := 0
	for len(data) > 0 {
		line++
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		if len(ln) == 0 || ln[0] == '#' {
			continue
		}
		t := bytes.IndexByte(ln, '\t')
		if t <= 0 || t == len(ln)-1 {
			return nil, fmt.Errorf("seqmodel: load clusters: line %d: want word<TAB>path[<TAB>lower-share]", line)
		}
		w, rest := string(ln[:t]), ln[t+1:]
		if u := bytes.IndexByte(rest, '\t'); u >= 0 {
			d := rest[u+1:]
			if len(d) != 1 || d[0] < '0' || d[0] > '9' || u == 0 {
				return nil, fmt.Errorf("seqmodel: load clusters: line %d: lower share must be one digit", line)
			}
			c.lower[w] = d[0] - '0'
			rest = rest[:u]
		}
		c.set(w, string(rest))
	}
	return c, nil
}

// WriteTo writes the clusters as "word<TAB>path" lines sorted by word.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	words := slices.Clone(c.key)
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	var n int64
	fmt.Fprintf(bw, "# word clusters: word<TAB>path (one letter per level)[<TAB>tenths of lower-case use]; herald train clusters\n")
	for _, k := range words {
		var m int
		if v, ok := c.lower[k]; ok {
			m, _ = fmt.Fprintf(bw, "%s\t%s\t%d\n", k, c.path[c.ids[k]], v)
		} else {
			m, _ = fmt.Fprintf(bw, "%s\t%s\n", k, c.path[c.ids[k]])
		}
		n += int64(m)
	}
	return n, bw.Flush()
}

// ClusterOptions configure TrainClusters.
type ClusterOptions struct {
	MinCount int    // words seen fewer times get no cluster (default 3)
	Contexts int    // most frequent words used as context features (default 2000)
	Branch   int    // children per level (default 8)
	Levels   int    // levels of the hierarchy (default 4)
	Iters    int    // k-means iterations per split (default 12)
	Seed     uint64 // random seed (fixed → identical output)
}

// SplitWords is the simple tokeniser used for cluster training: whitespace,
// with punctuation peeled off word ends and clitics ('s, n't) split, roughly
// as news tokenisers do.
func SplitWords(text string, emit func(w string)) {
	for _, f := range strings.Fields(text) {
		// leading punctuation
		for len(f) > 0 {
			r, sz := utf8.DecodeRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			emit(f[:sz])
			f = f[sz:]
		}
		var tail []string
		for len(f) > 0 {
			r, sz := utf8.DecodeLastRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			tail = append(tail, f[len(f)-sz:])
			f = f[:len(f)-sz]
		}
		if f != "" {
			lf := strings.ToLower(f)
			switch {
			case strings.HasSuffix(lf, "n't") && len(f) > 3:
				emit(f[:len(f)-3])
				emit(f[len(f)-3:])
			case (strings.HasSuffix(lf, "'s") || strings.HasSuffix(lf, "\u2019s")) && len(f) > 2:
				k := strings.LastIndexAny(f, "'\u2019")
				emit(f[:k])
				emit(f[k:])
			default:
				emit(f)
			}
		}
		for i := len(tail) - 1; i >= 0; i-- {
			emit(tail[i])
		}
	}
}

// titleCaseLine reports whether a line is a headline in Title Case: three
// words or more with letters, three in four starting upper case (as
// SentenceFlags reads a sentence).
func titleCaseLine(line string) bool {
	letters, title := 0, 0
	for _, f := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			title++
		}
	}
	return titleCase(letters, title)
}

// TrainClusters learns hierarchical word clusters from the texts yielded by
// next (which returns false at the end): each word is represented by the
// PPMI-weighted counts of its neighbours (±1, ±2) among the most frequent
// words, and the vocabulary is split top-down by spherical k-means. The
// result depends only on the texts and opts.
func TrainClusters(next func() (string, bool), opts ClusterOptions) *Clusters {
	if opts.MinCount == 0 {
		opts.MinCount = 3
	}
	if opts.Contexts == 0 {
		opts.Contexts = 2000
	}
	if opts.Branch == 0 {
		opts.Branch = 8
	}
	if opts.Levels == 0 {
		opts.Levels = 4
	}
	if opts.Iters == 0 {
		opts.Iters = 12
	}
	// pass 1: tokens as ids
	ids := map[string]int32{}
	var words []string
	var counts []int
	var corpus []int32 // -1 separates texts
	lowerN, upperN := map[string]int{}, map[string]int{}
	for {
		text, ok := next()
		if !ok {
			break
		}
		prev := ""
		count := true // count the case of mid-sentence words
		emit := func(w string) {
			if mid := count && prev != "" && !strings.Contains(".!?:\"'(-\u2014\u201c\u201d\u2018\u2019", prev); mid {
				r, _ := utf8.DecodeRuneInString(w)
				switch {
				case unicode.IsLower(r) && strings.ToLower(w) == w:
					lowerN[w]++
				case unicode.IsUpper(r) && strings.ToUpper(w) != w:
					upperN[strings.ToLower(w)]++
				}
			}
			prev = w
			id, ok := ids[w]
			if !ok {
				id = int32(len(words))
				ids[w] = id
				words = append(words, w)
				counts = append(counts, 0)
			}
			counts[id]++
			corpus = append(corpus, id)
		}
		// Title Case lines (headlines) say nothing of a word's usual case
		for line := range strings.Lines(text) {
			title := titleCaseLine(line)
			count = !title
			SplitWords(line, emit)
			if title {
				prev = "" // the next line starts afresh
			}
		}
		corpus = append(corpus, -1)
	}
	// vocabulary and contexts: by frequency, then form
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(words[a], words[b])
	})
	ctx := make([]int32, len(words)) // word id → context index or -1
	for i := range ctx {
		ctx[i] = -1
	}
	// contexts are lower-cased frequent forms
	lowerCtx := map[string]int32{}
	for _, id := range order {
		if len(lowerCtx) >= opts.Contexts {
			break
		}
		lw := strings.ToLower(words[id])
		if _, ok := lowerCtx[lw]; !ok {
			lowerCtx[lw] = int32(len(lowerCtx))
		}
	}
	for id, w := range words {
		if c, ok := lowerCtx[strings.ToLower(w)]; ok {
			ctx[id] = c
		}
	}
	vocab := map[int32]int32{} // word id → row
	var rows []int32
	for _, id := range order {
		if counts[id] < opts.MinCount {
			break
		}
		vocab[id] = int32(len(rows))
		rows = append(rows, id)
	}
	nc := int32(len(lowerCtx))
	dims := 4 * int(nc)
	cooc := make([]map[int32]float64, len(rows))
	for i := range cooc {
		cooc[i] = map[int32]float64{}
	}
	colSum := make([]float64, dims)
	total := 0.0
	for i, id := range corpus {
		if id < 0 {
			continue
		}
		r, ok := vocab[id]
		if !ok {
			continue
		}
		for k, off := range [4]int{-1, 1, -2, 2} {
			j := i + off
			if j < 0 || j >= len(corpus) || corpus[j] < 0 {
				continue
			}
			c := ctx[corpus[j]]
			if c < 0 {
				continue
			}
			if (off == 2 && corpus[i+1] < 0) || (off == -2 && corpus[i-1] < 0) {
				continue
			}
			d := int32(k)*nc + c
			cooc[r][d]++
			colSum[d]++
			total++
		}
	}
	// sparse PPMI rows, L2-normalised
	type ent = sparseEnt
	vecs := make([][]ent, len(rows))
	for r, m := range cooc {
		rowSum := 0.0
		for _, v := range m {
			rowSum += v
		}
		var es []ent
		for d, v := range m {
			pmi := math.Log(v * total / (rowSum * math.Pow(colSum[d], 0.75) * math.Pow(total, 0.25)))
			if pmi > 0 {
				es = append(es, ent{d, float32(pmi)})
			}
		}
		slices.SortFunc(es, func(a, b ent) int { return int(a.d - b.d) })
		var n float64
		for _, e := range es {
			n += float64(e.v) * float64(e.v)
		}
		n = math.Sqrt(n)
		for i := range es {
			es[i].v /= float32(max(n, 1e-9))
		}
		vecs[r] = es
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5bd1e995))
	paths := make([][]byte, len(rows))
	// top-down splitting
	var split func(members []int32, level int)
	split = func(members []int32, level int) {
		if level >= opts.Levels || len(members) == 0 {
			return
		}
		k := opts.Branch
		if len(members) <= k {
			for i, m := range members {
				paths[m] = append(paths[m], byte('a'+i))
			}
			return
		}
		cent := make([][]float32, k)
		// init: k-means++ style with seeded rng, frequency-weighted by order
		cent[0] = dense(vecs[members[rng.IntN(len(members))]], dims)
		minD := make([]float64, len(members))
		for i := range minD {
			minD[i] = math.Inf(1)
		}
		for c := 1; c < k; c++ {
			sum := 0.0
			for i, m := range members {
				d := 1 - dot(vecs[m], cent[c-1])
				minD[i] = math.Min(minD[i], d)
				sum += minD[i] * minD[i]
			}
			x := rng.Float64() * sum
			pick := len(members) - 1
			for i := range members {
				x -= minD[i] * minD[i]
				if x <= 0 {
					pick = i
					break
				}
			}
			cent[c] = dense(vecs[members[pick]], dims)
		}
		assign := make([]int, len(members))
		for it := 0; it < opts.Iters; it++ {
			for i, m := range members {
				best, bs := 0, math.Inf(-1)
				for c := range cent {
					if s := dot(vecs[m], cent[c]); s > bs {
						best, bs = c, s
					}
				}
				assign[i] = best
			}
			for c := range cent {
				clear(cent[c])
			}
			for i, m := range members {
				for _, e := range vecs[m] {
					cent[assign[i]][e.d] += e.v
				}
			}
			for c := range cent {
				var n float64
				for _, v := range cent[c] {
					n += float64(v) * float64(v)
				}
				n = math.Sqrt(n)
				if n > 0 {
					for d := range cent[c] {
						cent[c][d] /= float32(n)
					}
				}
			}
		}
		groups := make([][]int32, k)
		for i, m := range members {
			groups[assign[i]] = append(groups[assign[i]], m)
			paths[m] = append(paths[m], byte('a'+assign[i]))
		}
		for _, g := range groups {
			split(g, level+1)
		}
	}
	all := make([]int32, len(rows))
	for i := range all {
		all[i] = int32(i)
	}
	split(all, 0)
	c := newClusters(len(rows))
	for r, id := range rows {
		w := words[id]
		c.set(w, string(paths[r]))
		if ln, un := lowerN[w], upperN[w]; ln+un >= 5 {
			c.lower[w] = uint8(min(9, ln*10/(ln+un)))
		}
	}
	return c
}

type sparseEnt struct {
	d int32
	v float32
}

func dense(es []sparseEnt, dims int) []float32 {
	out := make([]float32, dims)
	for _, e := range es {
		out[e.d] = e.v
	}
	return out
}

func dot(es []sparseEnt, c []float32) float64 {
	var s float32
	for _, e := range es {
		s += e.v * c[e.d]
	}
	return float64(s)
}
