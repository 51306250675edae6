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
	// AmbFolds (POS, > 1) jackknifes the ambiguity classes that training
	// sees: the words of sentence i get the classes of a dictionary built
	// without the sentences of fold i%AmbFolds, so a class is evidence from
	// other text, as for the words the tagger meets at run time (whose
	// dictionary, from all the training data, includes none of them),
	// instead of a record that always contains the token's own tag.
	AmbFolds int
	Seed     uint64 // shuffling seed
	Report   func(iter int, acc float64)
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
	s1      [][]uint64 // stacked POS stage: first-stage tag atoms per sentence
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
	t.ambEnc = encodeAmbiguity(tagCounts(t.sents, -1, 0), dictMin)
	amb := decodeAmbiguity(t.ambEnc)
	var folds []ambiguity // folds[f]: the dictionary without fold f
	if ambFolds > 1 {
		for f := range ambFolds {
			folds = append(folds, decodeAmbiguity(encodeAmbiguity(tagCounts(t.sents, f, ambFolds), dictMin)))
		}
	}
	t.atoms = labelAtoms(labels)
	var buf []byte
	posAtoms := map[string]uint64{}
	for _, s := range t.sents {
		ws := make([]seqmodel.Word, len(s.Words))
		for i, w := range s.Words {
			buf = seqmodel.Analyze(w, cl, &ws[i], buf)
		}
		t.words = append(t.words, ws)
		dict := amb
		if folds != nil {
			dict = folds[len(t.amb)%len(folds)]
		}
		ab := make([]uint64, len(s.Words))
		for i, w := range s.Words {
			ab[i] = dict.of(w)
		}
		t.amb = append(t.amb, ab)
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
	return t, labels
}

// tagCounts counts the POS tags of each word of sents, leaving out the
// sentences of fold skip (those whose index is skip modulo folds) when
// skip ≥ 0.
func tagCounts(sents []seqmodel.Sentence, skip, folds int) map[string]map[string]int {
	counts := map[string]map[string]int{}
	for si, s := range sents {
		if skip >= 0 && si%folds == skip {
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
func TrainChunk(docs []seqmodel.Doc, cl *seqmodel.Clusters, o TrainOptions) *seqmodel.Model {
	if o.Folds > 1 {
		docs = jackknifePOS(docs, cl, o)
	}
	return train(docs, cl, o, true)
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
	tr := seqmodel.NewTrainer(labels)
	seqmodel.TrainGreedy(tr, task, o.Iters, o.Seed, o.Report)
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
	return tr.Model(meta, 0)
}
