package event

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
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
// between the pair and near it, their bigrams, the order of the pair, and
// lexicon trigger types (given by lex, which may be nil).
func Features(ex Example, bagOfWords bool, lex func(word string) []string) []string {
	var f []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			f = append(f, s)
		}
	}
	for _, w := range ex.Words {
		add("w=" + w)
	}
	if bagOfWords {
		return f
	}
	inPair := func(i int) bool {
		return (i >= ex.SrcStart && i < ex.SrcEnd) || (i >= ex.TgtStart && i < ex.TgtEnd)
	}
	lo, hi := ex.SrcEnd, ex.TgtStart
	order := "st"
	if ex.TgtStart < ex.SrcStart {
		lo, hi, order = ex.TgtEnd, ex.SrcStart, "ts"
	}
	add("order=" + order)
	if hi < lo {
		hi = lo
	}
	prev := "<"
	for i := lo; i < hi && i < len(ex.Words); i++ {
		w := ex.Words[i]
		add("b=" + w)
		add("bb=" + prev + "_" + w)
		prev = w
		if lex != nil {
			for _, t := range lex(w) {
				add("Lb=" + t)
			}
		}
	}
	add(fmt.Sprintf("gap=%d", min(hi-lo, 8)))
	for _, c := range ex.Cues {
		add("c=" + c)
		if lex == nil {
			continue
		}
		if v, ok := strings.CutPrefix(c, "v="); ok {
			for _, t := range lex(v) {
				add("Lv=" + t)
			}
		} else if v, ok := strings.CutPrefix(c, "v2="); ok {
			for _, t := range lex(v) {
				add("Lv2=" + t)
			}
		}
	}
	for k := 1; k <= 3; k++ {
		if i := ex.SrcEnd + k - 1; i < len(ex.Words) && !inPair(i) {
			add(fmt.Sprintf("a%d=%s", k, ex.Words[i]))
		}
	}
	if i := ex.SrcStart - 1; i >= 0 {
		add("pre=" + ex.Words[i])
	}
	for i := ex.TgtEnd; i < len(ex.Words) && i < ex.TgtEnd+3; i++ {
		add("after_t=" + ex.Words[i])
	}
	if lex != nil {
		for i, w := range ex.Words {
			if inPair(i) {
				continue
			}
			for _, t := range lex(w) {
				add("L=" + t)
			}
		}
	}
	return f
}

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

// Predict returns the most likely label of ex and a confidence in (0, 1)
// from a softmax over the scores.
func (c *Classifier) Predict(ex Example, lex func(string) []string) (string, float64) {
	if len(c.Labels) == 0 {
		return "", 0
	}
	scores := make([]float64, len(c.Labels))
	for _, f := range Features(ex, c.BagOfWords, lex) {
		if v, ok := c.Weights[f]; ok {
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
