package seqmodel

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Trainer learns an averaged perceptron over hashed features. Weights are
// integers during training, so training is exact and deterministic.
// A Trainer is not safe for concurrent use.
type Trainer struct {
	Labels []string
	index  map[uint64]int32
	keys   []uint64
	ents   [][]tent
	c      int64 // examples seen, the averaging clock
	scores []int64
}

type tent struct {
	l int32
	w int32
	u int64 // Σ clock·Δw, for lazy averaging
}

// NewTrainer returns a trainer for the given labels.
func NewTrainer(labels []string) *Trainer {
	return &Trainer{Labels: labels, index: map[uint64]int32{}, scores: make([]int64, len(labels))}
}

// Scores returns the current (unaveraged) score of each label; the slice is
// reused by the next call.
func (t *Trainer) Scores(feats []uint64) []int64 {
	clear(t.scores)
	for _, f := range feats {
		fi, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.ents[fi] {
			t.scores[e.l] += int64(e.w)
		}
	}
	return t.scores
}

// Predict returns the best label under the current weights among allowed
// (all when nil).
func (t *Trainer) Predict(feats []uint64, allowed []uint16) int {
	s := t.Scores(feats)
	best := -1
	var bs int64
	if allowed == nil {
		for l, v := range s {
			if best < 0 || v > bs {
				best, bs = l, v
			}
		}
		return best
	}
	for _, l := range allowed {
		if v := s[l]; best < 0 || v > bs {
			best, bs = int(l), v
		}
	}
	return best
}

// Update moves the weights of feats towards gold and away from pred (no
// change when they are equal) and advances the averaging clock by one example.
func (t *Trainer) Update(feats []uint64, gold, pred int) {
	t.c++
	if gold == pred {
		return
	}
	for _, f := range feats {
		fi, ok := t.index[f]
		if !ok {
			fi = int32(len(t.ents))
			t.index[f] = fi
			t.keys = append(t.keys, f)
			t.ents = append(t.ents, nil)
		}
		t.add(fi, gold, 1)
		t.add(fi, pred, -1)
	}
}

func (t *Trainer) add(fi int32, l, d int) {
	es := t.ents[fi]
	for i := range es {
		if es[i].l == int32(l) {
			es[i].w += int32(d)
			es[i].u += t.c * int64(d)
			return
		}
	}
	t.ents[fi] = append(es, tent{l: int32(l), w: int32(d), u: t.c * int64(d)})
}

// Model returns the averaged model. Weights whose absolute value is below
// prune are dropped (0 keeps all non-zero weights).
func (t *Trainer) Model(meta map[string]string, prune float64) *Model {
	return Ensemble([]*Trainer{t}, meta, prune)
}

// Ensemble returns the model whose weights are the mean of the averaged
// weights of trainers ts (same labels), for instance trained on differently
// shuffled passes: one model, as fast as each, with less of the variance
// that the visiting order brings. Weights whose absolute mean is below
// prune are dropped (0 keeps all non-zero weights).
func Ensemble(ts []*Trainer, meta map[string]string, prune float64) *Model {
	sum := map[uint64][]float64{} // feature → weight by label
	var keys []uint64
	nl := len(ts[0].Labels)
	for _, t := range ts {
		c := float64(t.c)
		if c == 0 {
			c = 1
		}
		for fi, es := range t.ents {
			k := t.keys[fi]
			ws, ok := sum[k]
			if !ok {
				ws = make([]float64, nl)
				sum[k] = ws
				keys = append(keys, k)
			}
			for _, e := range es {
				// averaged weight: w − u/c (Daumé's lazy averaging)
				ws[e.l] += float64(e.w) - float64(e.u)/c
			}
		}
	}
	slices.Sort(keys)
	n := float64(len(ts))
	maxw := 0.0
	for _, k := range keys {
		ws := sum[k]
		for l := range ws {
			ws[l] /= n
			if ws[l] < prune && ws[l] > -prune {
				ws[l] = 0
			}
			maxw = max(maxw, math.Abs(ws[l]))
		}
	}
	scale := 1.0
	if maxw > 0 {
		scale = maxw / 32767
	}
	feats := make([]feature, 0, len(keys))
	for _, k := range keys {
		f := feature{key: k}
		for l, w := range sum[k] {
			q := math.Round(w / scale)
			if q == 0 {
				continue
			}
			f.labs = append(f.labs, uint16(l))
			f.q = append(f.q, int16(q))
		}
		if len(f.labs) > 0 {
			feats = append(feats, f)
		}
	}
	return build(slices.Clone(ts[0].Labels), meta, float32(scale), feats)
}

// Task is a greedy left-to-right labelling problem over documents: each
// document is one flat token sequence (sentence breaks are the extractor's
// business). Features must depend only on the input and on pred[:i], the
// labels already chosen for the document.
type Task interface {
	Docs() int
	Len(doc int) int
	Gold(doc, i int) int
	// Features appends the features of token i to buf and returns it.
	Features(doc, i int, pred []int, buf []uint64) []uint64
	// Allowed returns the labels token i may take, or nil for all.
	Allowed(doc, i int) []uint16
}

// TrainGreedy trains an averaged perceptron on task for iters passes, visiting
// the documents in an order shuffled by seed (deterministic). Learning uses
// the model's own predictions as label history. report, when not nil, is
// called after each pass with the pass number and the training accuracy.
func TrainGreedy(t *Trainer, task Task, iters int, seed uint64, report func(iter int, acc float64)) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	order := make([]int, task.Docs())
	for i := range order {
		order[i] = i
	}
	var buf []uint64
	var pred []int
	for it := 1; it <= iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, d := range order {
			n := task.Len(d)
			pred = pred[:0]
			for i := 0; i < n; i++ {
				buf = task.Features(d, i, pred, buf[:0])
				p := t.Predict(buf, task.Allowed(d, i))
				g := task.Gold(d, i)
				t.Update(buf, g, p)
				if p == g {
					right++
				}
				total++
				pred = append(pred, p)
			}
		}
		if report != nil {
			report(it, float64(right)/float64(max(total, 1)))
		}
	}
}
