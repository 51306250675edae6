package tag

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"herald/internal/resources/models"
	"herald/internal/seqmodel"
)

// Tagger assigns Penn POS tags and IOB2 chunk tags to tokenised sentences
// with two greedy averaged-perceptron models. It is immutable and safe for
// concurrent use.
type Tagger struct {
	pos, chunk *seqmodel.Model
	pos2       *seqmodel.Model // stacked second POS stage, nil when absent
	clusters   *seqmodel.Clusters
	posAtoms   []uint64
	chunkAtoms []uint64
	frozen     map[string]uint16 // words whose POS never varies
	amb        ambiguity         // tag dictionary (ambiguity classes)
	// cache[w] is the offset in slab of the summed POS scores of word w's
	// intrinsic features (see posIntrinsic), for the words of amb: one
	// lookup instead of about fifteen.
	cache map[string]int32
	slab  []int32
	ct    *chunkTables // the chunk model's tabulated templates
}

// buildCache precomputes the intrinsic POS scores of the known words.
func (t *Tagger) buildCache() {
	n := len(t.pos.Labels)
	t.cache = make(map[string]int32, len(t.amb))
	t.slab = make([]int32, 0, len(t.amb)*n)
	var w seqmodel.Word
	var buf []byte
	var feats []uint64
	scores := make([]int32, n)
	for word, a := range t.amb {
		if _, ok := t.frozen[word]; ok {
			continue // tagged without scoring
		}
		buf = seqmodel.Analyze(word, t.clusters, &w, buf)
		feats = posIntrinsic(&w, a, feats[:0])
		t.pos.Score(feats, scores)
		t.cache[word] = int32(len(t.slab))
		t.slab = append(t.slab, scores...)
	}
}

// NewTagger wraps trained models (pos2, the stacked second POS stage, may be
// nil; clusters may be nil when the models were trained without them).
func NewTagger(pos, pos2, chunk *seqmodel.Model, cl *seqmodel.Clusters) (*Tagger, error) {
	if pos2 != nil && !slices.Equal(pos.Labels, pos2.Labels) {
		return nil, fmt.Errorf("tag: POS stages have different labels")
	}
	for _, m := range []*seqmodel.Model{pos, pos2, chunk} {
		if m == nil {
			continue
		}
		if v := m.Meta["features"]; v != FeatureVersion {
			return nil, fmt.Errorf("tag: model features %q, code has %q: retrain with herald train", v, FeatureVersion)
		}
	}
	t := &Tagger{pos: pos, pos2: pos2, chunk: chunk, clusters: cl}
	t.posAtoms = labelAtoms(pos.Labels)
	t.frozen = seqmodel.DecodeDict(pos.Meta["frozen"], pos.Labels)
	t.amb = decodeAmbiguity(pos.Meta["ambiguity"])
	t.buildCache()
	t.chunkAtoms = labelAtoms(chunk.Labels)
	t.ct = newChunkTables(chunk, t.posAtoms, t.chunkAtoms)
	return t, nil
}

func labelAtoms(labels []string) []uint64 {
	a := make([]uint64, len(labels))
	for i, l := range labels {
		a[i] = seqmodel.Atom(l)
	}
	return a
}

// scratch is per-call working memory, pooled.
type scratch struct {
	ws     []seqmodel.Word
	buf    []byte
	feats  []uint64
	scores []int32
	pAtoms []uint64
	cAtoms []uint64
	amb    []uint64
	s1     []uint64
	pIdx   []uint16
	cIdx   []uint16
}

var pool = sync.Pool{New: func() any { return &scratch{scores: make([]int32, 256)} }}

func (s *scratch) analyze(words []string, cl *seqmodel.Clusters) {
	if cap(s.ws) < len(words) {
		s.ws = make([]seqmodel.Word, len(words), len(words)*2)
	}
	s.ws = s.ws[:len(words)]
	for i, w := range words {
		s.buf = seqmodel.Analyze(w, cl, &s.ws[i], s.buf)
	}
}

// Tag writes the POS tag and chunk label of each word into pos and chunk
// (both len(words); chunk may be nil to skip chunking). The strings written
// are the models' own label strings, so Tag does not allocate per token.
func (t *Tagger) Tag(words []string, pos, chunk []string) {
	if len(words) == 0 {
		return
	}
	s := pool.Get().(*scratch)
	defer pool.Put(s)
	s.analyze(words, t.clusters)
	ws := s.ws
	sf := sentenceFlags(ws)
	s.amb = s.amb[:0]
	for _, w := range words {
		s.amb = append(s.amb, t.amb.of(w))
	}
	s.pAtoms = s.pAtoms[:0]
	s.pIdx = s.pIdx[:0]
	for i := range ws {
		l, ok := int(0), false
		if t.frozen != nil {
			var k uint16
			k, ok = t.frozen[words[i]]
			l = int(k)
		}
		if !ok {
			if off, hit := t.cache[words[i]]; hit {
				n := len(t.pos.Labels)
				sc := s.scores[:n]
				copy(sc, t.slab[off:int(off)+n])
				s.feats = posContext(ws, s.amb, sf, i, s.pAtoms, s.feats[:0])
				t.pos.AddScores(s.feats, sc)
				l = seqmodel.Argmax(sc, nil)
			} else {
				s.feats = posFeatures(ws, s.amb, sf, i, s.pAtoms, s.feats[:0])
				l = t.pos.Best(s.feats, nil, s.scores)
			}
		}
		pos[i] = t.pos.Labels[l]
		s.pAtoms = append(s.pAtoms, t.posAtoms[l])
		s.pIdx = append(s.pIdx, uint16(l))
	}
	if t.pos2 != nil {
		s.s1 = append(s.s1[:0], s.pAtoms...)
		s.pAtoms = s.pAtoms[:0]
		s.pIdx = s.pIdx[:0]
		for i := range ws {
			l, ok := int(0), false
			if t.frozen != nil {
				var k uint16
				k, ok = t.frozen[words[i]]
				l = int(k)
			}
			if !ok {
				s.feats = posFeatures(ws, s.amb, sf, i, s.pAtoms, s.feats[:0])
				s.feats = pos2Features(ws, s.s1, i, s.pAtoms, s.feats)
				l = t.pos2.Best(s.feats, nil, s.scores)
			}
			pos[i] = t.pos.Labels[l]
			s.pAtoms = append(s.pAtoms, t.posAtoms[l])
			s.pIdx = append(s.pIdx, uint16(l))
		}
	}
	if chunk == nil {
		return
	}
	if t.ct != nil {
		s.cIdx = grow16(s.cIdx, len(ws))
		t.chunkFast(ws, s.amb, s.pAtoms, s.pIdx, s.cIdx, s)
		for i, l := range s.cIdx {
			chunk[i] = t.chunk.Labels[l]
		}
		fixIOB(chunk)
		return
	}
	s.cAtoms = s.cAtoms[:0]
	for i := range ws {
		s.feats = chunkFeatures(ws, s.amb, s.pAtoms, i, s.cAtoms, s.feats[:0])
		l := t.chunk.Best(s.feats, nil, s.scores)
		chunk[i] = t.chunk.Labels[l]
		s.cAtoms = append(s.cAtoms, t.chunkAtoms[l])
	}
	fixIOB(chunk)
}

func grow16(s []uint16, n int) []uint16 {
	if cap(s) < n {
		return make([]uint16, n)
	}
	return s[:n]
}

// fixIOB repairs an I- label that follows O or another type into B-.
func fixIOB(labels []string) {
	prev := "O"
	for i, l := range labels {
		if len(l) > 2 && l[0] == 'I' {
			if prev == "O" || prev[2:] != l[2:] {
				labels[i] = "B" + l[1:]
			}
		}
		prev = labels[i]
	}
}

var (
	defOnce   sync.Once
	defTagger *Tagger
	defErr    error
)

// Default returns the tagger built from the embedded models, loaded once.
func Default() (*Tagger, error) {
	defOnce.Do(func() {
		pos, err := seqmodel.SharedModel(models.POS, models.Read)
		if err != nil {
			defErr = fmt.Errorf("tag: %w", err)
			return
		}
		pos2, err := seqmodel.SharedModel(models.POS2, models.Read)
		if errors.Is(err, fs.ErrNotExist) {
			pos2, err = nil, nil // no stacked stage
		}
		if err != nil {
			defErr = fmt.Errorf("tag: %w", err)
			return
		}
		chunk, err := seqmodel.SharedModel(models.Chunk, models.Read)
		if err != nil {
			defErr = fmt.Errorf("tag: %w", err)
			return
		}
		cl, err := seqmodel.SharedClusters(models.Clusters, models.Read)
		if err != nil {
			defErr = fmt.Errorf("tag: %w", err)
			return
		}
		defTagger, defErr = NewTagger(pos, pos2, chunk, cl)
	})
	return defTagger, defErr
}

// chunkWithPOS chunks words given their POS tags.
func (t *Tagger) chunkWithPOS(words, pos, chunk []string) {
	s := pool.Get().(*scratch)
	defer pool.Put(s)
	s.analyze(words, t.clusters)
	s.amb = s.amb[:0]
	for _, w := range words {
		s.amb = append(s.amb, t.amb.of(w))
	}
	s.pAtoms = s.pAtoms[:0]
	for _, p := range pos {
		s.pAtoms = append(s.pAtoms, seqmodel.Atom(p))
	}
	s.cAtoms = s.cAtoms[:0]
	for i := range words {
		s.feats = chunkFeatures(s.ws, s.amb, s.pAtoms, i, s.cAtoms, s.feats[:0])
		l := t.chunk.Best(s.feats, nil, s.scores)
		chunk[i] = t.chunk.Labels[l]
		s.cAtoms = append(s.cAtoms, t.chunkAtoms[l])
	}
	fixIOB(chunk)
}
