package event

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Example is one training or test item for the pair classifier: the lemmas
// (lowercased words) of a sentence, the token ranges of the actor and the
// recipient, and the PLOVER type.
type Example struct {
	Words            []string
	SrcStart, SrcEnd int
	TgtStart, TgtEnd int
	// Cues are clause cues of the pair (PairCues), nil without clauses.
	Cues  []string
	Label string
}

// Classifier is an averaged multi-class perceptron over sparse features of
// an actor–recipient pair in a sentence. It is read-only after training and
// safe for concurrent use.
type Classifier struct {
	Labels  []string             `json:"labels"`
	Weights map[string][]float32 `json:"weights"`
	// BagOfWords marks the baseline: sentence words only.
	BagOfWords bool `json:"bag_of_words,omitempty"`
}

// Features returns the features of ex: the sentence's words, the words
// between the pair and near it, their bigrams, the order of the pair, the
// clause cues with the lexicon types of their verbs, and lexicon trigger
// types (given by lex, which may be nil), each once, in order of first
// appearance.
func Features(ex Example, bagOfWords bool, lex func(word string) []string) []string {
	var fb featBuf
	fb.build(ex, bagOfWords, lex)
	out := make([]string, 0, len(fb.spans))
	seen := make(map[string]bool, len(fb.spans))
	for _, sp := range fb.spans {
		f := string(fb.arena[sp[0]:sp[1]])
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// featBuf holds the features of one example as spans of one byte arena,
// so scoring allocates nothing once the buffer has grown.
type featBuf struct {
	arena []byte
	spans [][2]int32
}

var featPool = sync.Pool{New: func() any { return &featBuf{arena: make([]byte, 0, 4096), spans: make([][2]int32, 0, 256)} }}

// add appends the feature made of the concatenated parts.
func (fb *featBuf) add(parts ...string) {
	s := len(fb.arena)
	for _, p := range parts {
		fb.arena = append(fb.arena, p...)
	}
	fb.spans = append(fb.spans, [2]int32{int32(s), int32(len(fb.arena))})
}

func (fb *featBuf) addInt(prefix string, n int) {
	s := len(fb.arena)
	fb.arena = append(fb.arena, prefix...)
	fb.arena = strconv.AppendInt(fb.arena, int64(n), 10)
	fb.spans = append(fb.spans, [2]int32{int32(s), int32(len(fb.arena))})
}

func (fb *featBuf) build(ex Example, bagOfWords bool, lex func(word string) []string) {
	fb.arena, fb.spans = fb.arena[:0], fb.spans[:0]
	for _, w := range ex.Words {
		fb.add("w=", w)
	}
	if bagOfWords {
		return
	}
	inPair := func(i int) bool {
		return (i >= ex.SrcStart && i < ex.SrcEnd) || (i >= ex.TgtStart && i < ex.TgtEnd)
	}
	lo, hi := ex.SrcEnd, ex.TgtStart
	order := "st"
	if ex.TgtStart < ex.SrcStart {
		lo, hi, order = ex.TgtEnd, ex.SrcStart, "ts"
	}
	fb.add("order=", order)
	if hi < lo {
		hi = lo
	}
	prev := "<"
	for i := lo; i < hi && i < len(ex.Words); i++ {
		w := ex.Words[i]
		fb.add("b=", w)
		fb.add("bb=", prev, "_", w)
		prev = w
		if lex != nil {
			for _, t := range lex(w) {
				fb.add("Lb=", t)
			}
		}
	}
	fb.addInt("gap=", min(hi-lo, 8))
	for _, c := range ex.Cues {
		fb.add("c=", c)
		if lex == nil {
			continue
		}
		if v, ok := strings.CutPrefix(c, "v="); ok {
			for _, t := range lex(v) {
				fb.add("Lv=", t)
			}
		} else if v, ok := strings.CutPrefix(c, "v2="); ok {
			for _, t := range lex(v) {
				fb.add("Lv2=", t)
			}
		}
	}
	for k := 1; k <= 3; k++ {
		if i := ex.SrcEnd + k - 1; i < len(ex.Words) && !inPair(i) {
			fb.add(afterSrc[k-1], ex.Words[i])
		}
	}
	if i := ex.SrcStart - 1; i >= 0 && i < len(ex.Words) {
		fb.add("pre=", ex.Words[i])
	}
	for i := ex.TgtEnd; i < len(ex.Words) && i < ex.TgtEnd+3; i++ {
		fb.add("after_t=", ex.Words[i])
	}
	if lex != nil {
		for i, w := range ex.Words {
			if inPair(i) {
				continue
			}
			for _, t := range lex(w) {
				fb.add("L=", t)
			}
		}
	}
}

var afterSrc = [3]string{"a1=", "a2=", "a3="}

// Train fits a classifier with the averaged perceptron, epochs passes over
// the examples in an order shuffled with seed. The result is deterministic.
func Train(exs []Example, epochs int, seed int64, bagOfWords bool, lex func(string) []string) *Classifier {
	labelSet := map[string]bool{}
	for _, ex := range exs {
		labelSet[ex.Label] = true
	}
	c := &Classifier{BagOfWords: bagOfWords, Weights: map[string][]float32{}}
	for l := range labelSet {
		c.Labels = append(c.Labels, l)
	}
	sort.Strings(c.Labels)
	li := map[string]int{}
	for i, l := range c.Labels {
		li[l] = i
	}
	nl := len(c.Labels)
	feats := make([][]string, len(exs))
	for i, ex := range exs {
		feats[i] = Features(ex, bagOfWords, lex)
	}
	w := map[string][]float64{}
	acc := map[string][]float64{} // sum of updates weighted by time, for averaging
	get := func(m map[string][]float64, k string) []float64 {
		v := m[k]
		if v == nil {
			v = make([]float64, nl)
			m[k] = v
		}
		return v
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(seed))
	t := 1.0
	scores := make([]float64, nl)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			for k := range scores {
				scores[k] = 0
			}
			for _, f := range feats[i] {
				if v, ok := w[f]; ok {
					for k := range scores {
						scores[k] += v[k]
					}
				}
			}
			best := argmax(scores)
			gold := li[exs[i].Label]
			if best != gold {
				for _, f := range feats[i] {
					wv, av := get(w, f), get(acc, f)
					wv[gold]++
					wv[best]--
					av[gold] += t
					av[best] -= t
				}
			}
			t++
		}
	}
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := make([]float32, nl)
		nz := false
		for j := range v {
			v[j] = float32(w[k][j] - acc[k][j]/t)
			if math.Abs(float64(v[j])) > 1e-4 {
				nz = true
			}
		}
		if nz {
			c.Weights[k] = v
		}
	}
	return c
}

func argmax(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

// Predict returns the most likely label of ex and a confidence in (0, 1]
// from a softmax over the scores. It allocates nothing in the steady state.
func (c *Classifier) Predict(ex Example, lex func(string) []string) (string, float64) {
	if len(c.Labels) == 0 {
		return "", 0
	}
	fb := featPool.Get().(*featBuf)
	defer featPool.Put(fb)
	fb.build(ex, c.BagOfWords, lex)
	// Each feature counts once, as in training: sort the spans by content
	// and skip repeats.
	arena := fb.arena
	key := func(sp [2]int32) []byte { return arena[sp[0]:sp[1]] }
	slices.SortFunc(fb.spans, func(x, y [2]int32) int { return bytes.Compare(key(x), key(y)) })
	var buf [32]float64
	scores := buf[:0]
	if len(c.Labels) <= len(buf) {
		scores = buf[:len(c.Labels)]
	} else {
		scores = make([]float64, len(c.Labels))
	}
	for i, sp := range fb.spans {
		if i > 0 && bytes.Equal(key(fb.spans[i-1]), key(sp)) {
			continue
		}
		if v, ok := c.Weights[string(key(sp))]; ok {
			for k := range scores {
				scores[k] += float64(v[k])
			}
		}
	}
	best := argmax(scores)
	var z float64
	for _, s := range scores {
		z += math.Exp(s - scores[best])
	}
	return c.Labels[best], 1 / z
}

// Marshal encodes the classifier as JSON with sorted keys (deterministic).
func (c *Classifier) Marshal() ([]byte, error) { return json.Marshal(c) }

// ParseClassifier decodes Marshal's output.
func ParseClassifier(data []byte) (*Classifier, error) {
	var c Classifier
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("event: classifier: %w", err)
	}
	for k, v := range c.Weights {
		if len(v) != len(c.Labels) {
			return nil, fmt.Errorf("event: classifier: feature %q has %d weights for %d labels", k, len(v), len(c.Labels))
		}
	}
	return &c, nil
}

// Words lowercases tokens for the classifier, keeping lemmas when given.
func Words(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = strings.ToLower(t)
	}
	return out
}
