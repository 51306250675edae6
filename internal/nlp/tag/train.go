package tag

import (
	"slices"

	"herald/internal/seqmodel"
)

// TrainOptions configure training.
type TrainOptions struct {
	Iters    int // passes over the data (default 10)
	Folds    int // chunk: jackknife folds for predicted POS (0 or 1: gold POS)
	PosIters int // chunk: passes of the jackknife POS models (default 10)
	// PredEnsemble (chunk, with Folds > 1): the model is the mean of
	// Ensemble models trained on the gold POS layer and PredEnsemble
	// trained on the jackknifed predicted one (seeds Seed+Ensemble, …),
	// instead of models trained on the predicted layer alone.
	PredEnsemble int
	// AmbFolds (POS, > 1) jackknifes the ambiguity classes that training
	// sees: the words of sentence i get the classes of a dictionary built
	// without the sentences of fold i%AmbFolds, so a class is evidence from
	// other text, as for the words the tagger meets at run time (whose
	// dictionary, from all the training data, includes none of them),
	// instead of a record that always contains the token's own tag.
	AmbFolds int
	// Ensemble (> 1) trains that many models, on passes shuffled with seeds
	// Seed, Seed+1, …, and returns the mean of their weights.
	Ensemble int
	// Prune drops the model's (mean averaged) weights whose absolute value
	// is below it; 0 keeps every non-zero weight.
	Prune  float64
	Seed   uint64 // shuffling seed
	Report func(iter int, acc float64)
}

type sentTask struct {
	sents   []seqmodel.Sentence
	words   [][]seqmodel.Word
	flags   []int
	labels  [][]int
	atoms   []uint64 // label atoms
	posAtom [][]uint64
	chunk   bool
	prevBuf []uint64
	amb     [][]uint64 // ambiguity class atoms per sentence
	ambEnc  string
	// ambFolds > 1: training sees jackknifed classes (words seen dictMin times)
	ambFolds, dictMin int
	s1                [][]uint64 // stacked POS stage: first-stage tag atoms per sentence
}

func collectLabels(sents []seqmodel.Sentence, get func(seqmodel.Sentence) []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sents {
		for _, l := range get(s) {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}

// newSentTask builds the POS (or chunk) task of docs; ambFolds > 1
// jackknifes the POS task's ambiguity classes (see TrainOptions.AmbFolds).
func newSentTask(docs []seqmodel.Doc, cl *seqmodel.Clusters, chunk bool, ambFolds int) (*sentTask, []string) {
	t := &sentTask{chunk: chunk}
	for _, d := range docs {
		t.sents = append(t.sents, d.Sentences...)
	}
	get := func(s seqmodel.Sentence) []string { return s.POS }
	if chunk {
		get = func(s seqmodel.Sentence) []string { return s.Chunk }
	}
	labels := collectLabels(t.sents, get)
	dictMin := posDictMin
	if chunk {
		dictMin, ambFolds = chunkDictMin, 0
	}
	t.ambEnc = encodeAmbiguity(tagCounts(t.sents, nil), dictMin)
	t.dictMin, t.ambFolds = dictMin, ambFolds
	t.atoms = labelAtoms(labels)
	var buf []byte
	posAtoms := map[string]uint64{}
	for _, s := range t.sents {
		ws := make([]seqmodel.Word, len(s.Words))
		for i, w := range s.Words {
			buf = seqmodel.Analyze(w, cl, &ws[i], buf)
		}
		t.words = append(t.words, ws)
		t.flags = append(t.flags, seqmodel.SentenceFlags(ws))
		ls := make([]int, len(s.Words))
		for i, l := range get(s) {
			ls[i], _ = slices.BinarySearch(labels, l)
		}
		t.labels = append(t.labels, ls)
		pa := make([]uint64, len(s.Words))
		for i, p := range s.POS {
			a, ok := posAtoms[p]
			if !ok {
				a = seqmodel.Atom(p)
				posAtoms[p] = a
			}
			pa[i] = a
		}
		t.posAtom = append(t.posAtom, pa)
	}
	t.setAmb()
	return t, labels
}

// setAmb sets the ambiguity classes of the task's words: from the whole
// dictionary, or jackknifed when t.ambFolds > 1 (sentence i in fold
// i%ambFolds gets the classes of the dictionary without that fold).
func (t *sentTask) setAmb() {
	dicts := []ambiguity{decodeAmbiguity(t.ambEnc)}
	if t.ambFolds > 1 {
		dicts = dicts[:0] // dicts[f]: the dictionary without fold f
		for f := range t.ambFolds {
			c := tagCounts(t.sents, func(si int) bool { return si%t.ambFolds == f })
			dicts = append(dicts, decodeAmbiguity(encodeAmbiguity(c, t.dictMin)))
		}
	}
	t.amb = t.amb[:0]
	for si, s := range t.sents {
		dict := dicts[si%len(dicts)]
		ab := make([]uint64, len(s.Words))
		for i, w := range s.Words {
			ab[i] = dict.of(w)
		}
		t.amb = append(t.amb, ab)
	}
}

// tagCounts counts the POS tags of each word of sents, leaving out the
// sentences i for which skip(i) (when skip is not nil).
func tagCounts(sents []seqmodel.Sentence, skip func(int) bool) map[string]map[string]int {
	counts := map[string]map[string]int{}
	for si, s := range sents {
		if skip != nil && skip(si) {
			continue
		}
		for i, w := range s.Words {
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][s.POS[i]]++
		}
	}
	return counts
}

func (t *sentTask) Docs() int                 { return len(t.sents) }
func (t *sentTask) Len(d int) int             { return len(t.words[d]) }
func (t *sentTask) Gold(d, i int) int         { return t.labels[d][i] }
func (t *sentTask) Allowed(d, i int) []uint16 { return nil }
func (t *sentTask) Features(d, i int, pred []int, buf []uint64) []uint64 {
	t.prevBuf = t.prevBuf[:0]
	for _, p := range pred {
		t.prevBuf = append(t.prevBuf, t.atoms[p])
	}
	if t.chunk {
		return chunkFeatures(t.words[d], t.amb[d], t.posAtom[d], i, t.prevBuf, buf)
	}
	buf = posFeatures(t.words[d], t.amb[d], t.flags[d], i, t.prevBuf, buf)
	if t.s1 != nil {
		buf = pos2Features(t.words[d], t.s1[d], i, t.prevBuf, buf)
	}
	return buf
}

// TrainPOS trains the POS model on docs (gold POS layer).
func TrainPOS(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) *seqmodel.Model {
	return train(docs, cl, o, false)
}

// TrainPOS2 trains the stacked second POS stage: it sees the first stage's
// tags of the whole sentence, which for training come from first-stage
// models trained on the other o.Folds folds (o.PosIters passes each).
func TrainPOS2(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) *seqmodel.Model {
	pred := jackknifePOS(docs, cl, o)
	task, labels := newSentTask(docs, cl, false, o.AmbFolds)
	for _, d := range pred {
		for _, s := range d.Sentences {
			task.s1 = append(task.s1, labelAtoms(s.POS))
		}
	}
	return finish(task, labels, o)
}

// TrainChunk trains the chunk model on docs (gold chunk layer). With
// o.Folds > 1 the POS layer it learns from is the POS model's own output,
// jackknifed (a POS model trained on the other folds tags each fold), so the
// chunker learns from tags like those it will see; otherwise it learns from
// the gold POS layer.
//
// With o.PredEnsemble > 0 it learns from both: the mean of the weights of
// models that learnt from crisp gold tags (which the chunk layer follows)
// and of models that learnt from the tagger's mistakes chunks better than
// either kind alone.
func TrainChunk(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) *seqmodel.Model {
	if o.Folds <= 1 {
		return train(docs, cl, o, true)
	}
	pred := jackknifePOS(docs, cl, o)
	if o.PredEnsemble <= 0 {
		return train(pred, cl, o, true)
	}
	if o.Iters == 0 {
		o.Iters = 10
	}
	gold, labels := newSentTask(docs, cl, true, 0)
	trs := trainAll(gold, labels, o.Iters, o.Seed, max(o.Ensemble, 1), o.Report)
	ptask, _ := newSentTask(pred, cl, true, 0)
	trs = append(trs, trainAll(ptask, labels, o.Iters, o.Seed+uint64(max(o.Ensemble, 1)), o.PredEnsemble, o.Report)...)
	return seqmodel.Ensemble(trs, map[string]string{"features": ChunkFeatureVersion}, o.Prune)
}

// trainAll trains n models on task, with seeds seed, seed+1, ….
func trainAll(task *sentTask, labels []string, iters int, seed uint64, n int, report func(int, float64)) []*seqmodel.Trainer {
	var trs []*seqmodel.Trainer
	for k := range n {
		tr := seqmodel.NewTrainer(labels)
		seqmodel.TrainGreedy(tr, task, iters, seed+uint64(k), report)
		trs = append(trs, tr)
	}
	return trs
}

// PredictPOS returns a copy of docs whose POS layer is predicted, jackknifed:
// the sentences of document i are tagged by a POS model (o.PosIters passes,
// o.AmbFolds) trained on the documents of the other folds (i%o.Folds).
func PredictPOS(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) []seqmodel.Doc {
	return jackknifePOS(docs, cl, o)
}

// jackknifePOS returns a copy of docs whose POS layer is predicted.
func jackknifePOS(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) []seqmodel.Doc {
	out := make([]seqmodel.Doc, len(docs))
	po := TrainOptions{Iters: o.PosIters, Seed: o.Seed, AmbFolds: o.AmbFolds}
	for f := 0; f < o.Folds; f++ {
		var rest []seqmodel.Doc
		for i, d := range docs {
			if i%o.Folds != f {
				rest = append(rest, d)
			}
		}
		pm := TrainPOS(rest, cl, po)
		tg := &Tagger{pos: pm, clusters: cl, posAtoms: labelAtoms(pm.Labels), amb: decodeAmbiguity(pm.Meta["ambiguity"])}
		for i, d := range docs {
			if i%o.Folds != f {
				continue
			}
			nd := seqmodel.Doc{Sentences: make([]seqmodel.Sentence, len(d.Sentences))}
			for k, s := range d.Sentences {
				ns := s
				ns.POS = make([]string, len(s.Words))
				tg.Tag(s.Words, ns.POS, nil)
				nd.Sentences[k] = ns
			}
			out[i] = nd
		}
	}
	return out
}

func train(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions, chunk bool) *seqmodel.Model {
	if o.Iters == 0 {
		o.Iters = 10
	}
	task, labels := newSentTask(docs, cl, chunk, o.AmbFolds)
	return finish(task, labels, o)
}

func finish(task *sentTask, labels []string, o TrainOptions) *seqmodel.Model {
	if o.Iters == 0 {
		o.Iters = 10
	}
	chunk := task.chunk
	trs := trainAll(task, labels, o.Iters, o.Seed, max(o.Ensemble, 1), o.Report)
	meta := map[string]string{"features": FeatureVersion}
	if chunk {
		meta["features"] = ChunkFeatureVersion
	}
	if !chunk {
		// words whose tag never varies are tagged without scoring
		var dc seqmodel.DictCounter
		for _, s := range task.sents {
			for i, w := range s.Words {
				dc.Add(w, s.POS[i])
			}
		}
		meta["frozen"] = dc.Frozen(20, 0.995, nil)
		meta["ambiguity"] = task.ambEnc
	}
	return seqmodel.Ensemble(trs, meta, o.Prune)
}
