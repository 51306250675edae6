package ner

import (
	"slices"

	"herald/internal/seqmodel"
)

// TrainOptions configure training.
type TrainOptions struct {
	Iters int // passes over the data (default 10)
	// Folds > 1 also trains a stacked second stage: the first model's labels
	// for each fold come from a model trained on the other folds (FoldIters
	// passes), and the second stage learns from them.
	Folds     int
	FoldIters int
	Seed      uint64 // shuffling seed
	Report    func(iter int, acc float64)
}

type task struct {
	labels []string
	frozen string
	docs   []docInput
	gold   [][]int
	atoms  []uint64
	yb     []uint64
}

func (t *task) Docs() int                 { return len(t.docs) }
func (t *task) Len(d int) int             { return len(t.docs[d].ws) }
func (t *task) Gold(d, i int) int         { return t.gold[d][i] }
func (t *task) Allowed(d, i int) []uint16 { return nil }
func (t *task) Features(d, i int, pred []int, buf []uint64) []uint64 {
	// pred grows by one per call within a document: extend the atom history
	if len(pred) < len(t.yb) || i == 0 {
		t.yb = t.yb[:0]
	}
	for k := len(t.yb); k < len(pred); k++ {
		t.yb = append(t.yb, t.atoms[pred[k]])
	}
	return features(&t.docs[d], i, t.yb, buf)
}

// Train trains the NER model on docs (POS, chunk and NER layers; the POS
// layer may be gold or, as herald train gives it, predicted) and,
// with o.Folds > 1, its stacked second stage (else m2 is nil).
func Train(docs []seqmodel.Doc, cl *seqmodel.Clusters, gz Gazetteer, o TrainOptions) (m1, m2 *seqmodel.Model) {
	t := newTask(docs, cl, gz)
	m1 = t.train(o.Iters, o.Seed, o.Report)
	if o.Folds <= 1 {
		return m1, nil
	}
	// jackknife: stage-1 labels of each fold from a model of the other folds
	s1 := make([][]int, len(t.docs))
	for f := 0; f < o.Folds; f++ {
		sub := &task{atoms: t.atoms, labels: t.labels, frozen: t.frozen}
		for d := range t.docs {
			if d%o.Folds != f {
				sub.docs = append(sub.docs, t.docs[d])
				sub.gold = append(sub.gold, t.gold[d])
			}
		}
		mf := sub.train(o.FoldIters, o.Seed+uint64(f)+1, nil)
		r := &Recognizer{m: mf, atoms: t.atoms, o: mf.Label("O")}
		r.frozen = seqmodel.DecodeDict(mf.Meta["frozen"], mf.Labels)
		for d := range t.docs {
			if d%o.Folds != f {
				continue
			}
			s1[d] = r.decodeInput(&t.docs[d])
		}
	}
	for d := range t.docs {
		setStage1(&t.docs[d], t.labels, s1[d], t.atoms)
	}
	m2 = t.train(o.Iters, o.Seed, o.Report)
	return m1, m2
}

// decodeInput labels a prepared training document with stage 1.
func (r *Recognizer) decodeInput(d *docInput) []int {
	var ids []int
	var y, feats []uint64
	scores := make([]int32, len(r.m.Labels))
	for i := range d.ws {
		// training documents keep their words only as atoms: no frozen shortcut
		feats = features(d, i, y, feats[:0])
		l := r.m.Best(feats, nil, scores)
		y = append(y, r.atoms[l])
		ids = append(ids, l)
	}
	return ids
}

func newTask(docs []seqmodel.Doc, cl *seqmodel.Clusters, gz Gazetteer) *task {
	seen := map[string]bool{}
	var labels []string
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, l := range s.NER {
				if !seen[l] {
					seen[l] = true
					labels = append(labels, l)
				}
			}
		}
	}
	slices.Sort(labels)
	t := &task{labels: labels}
	for _, l := range labels {
		t.atoms = append(t.atoms, seqmodel.Atom(l))
	}
	var buf []byte
	for _, d := range docs {
		var words, pos, chunk [][]string
		var gold []int
		for _, s := range d.Sentences {
			words = append(words, s.Words)
			pos = append(pos, s.POS)
			chunk = append(chunk, s.Chunk)
			for _, l := range s.NER {
				k, _ := slices.BinarySearch(labels, l)
				gold = append(gold, k)
			}
		}
		var di docInput
		buf = prepare(&di, words, pos, chunk, cl, false, false, gz, buf)
		t.docs = append(t.docs, di)
		t.gold = append(t.gold, gold)
	}
	// words that are never part of a name are labelled O without scoring
	var dc seqmodel.DictCounter
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i, w := range s.Words {
				dc.Add(w, s.NER[i])
			}
		}
	}
	t.frozen = dc.Frozen(30, 1, func(w, l string) bool { return l == "O" })
	return t
}

func (t *task) train(iters int, seed uint64, report func(int, float64)) *seqmodel.Model {
	if iters == 0 {
		iters = 10
	}
	tr := seqmodel.NewTrainer(t.labels)
	seqmodel.TrainGreedy(tr, t, iters, seed, report)
	return tr.Model(map[string]string{"features": FeatureVersion, "frozen": t.frozen}, 0)
}
