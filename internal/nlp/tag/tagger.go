package tag

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
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
	// chunkAllowed[c]: the chunk labels that may follow label c (the
	// start: len(chunk.Labels)) in IOB2, I-X only after B-X or I-X
	chunkAllowed [][]uint16
	frozen       map[string]uint16 // words whose POS never varies
	amb          ambiguity         // tag dictionary (ambiguity classes)
	// cache[w] is the offset in slab of the summed POS scores of word w's
	// intrinsic features (see posIntrinsic), for the words of amb: one
	// lookup instead of about fifteen.
	cache map[string]int32
	slab  []int32
	ct    *chunkTables // the chunk model's tabulated templates
	// headlines: read the common words of Title Case headlines in lower
	// case (NewTagger's taggers; the jackknife taggers of training read
	// CoNLL's sentences as written, as their gold layers were made)
	headlines bool
	// lex: by the clusters' word ids, each word's ambiguity class, frozen
	// tag (-1: none) and cache offset (-1: none), so that a known token
	// costs one lookup instead of seven (with Analyze's)
	lex       bool
	lexAmb    []uint64
	lexFrozen []int16
	lexCache  []int32
}

// buildLexicon tabulates the per-word data of the clusters' vocabulary.
func (t *Tagger) buildLexicon() {
	cl := t.clusters
	if cl == nil {
		return
	}
	n := cl.Len()
	t.lexAmb = make([]uint64, n)
	t.lexFrozen = make([]int16, n)
	t.lexCache = make([]int32, n)
	for id := range n {
		t.lexAmb[id] = atomUnknown
		t.lexFrozen[id] = -1
		t.lexCache[id] = -1
	}
	for w, a := range t.amb {
		if id := cl.ID(w); id >= 0 {
			t.lexAmb[id] = a
		}
	}
	for w, k := range t.frozen {
		if id := cl.ID(w); id >= 0 {
			t.lexFrozen[id] = int16(k)
		}
	}
	for w, off := range t.cache {
		if id := cl.ID(w); id >= 0 {
			t.lexCache[id] = off
		}
	}
	t.lex = true
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
		if t.clusters != nil && t.clusters.ID(word) < 0 {
			// rare in news (the dictionary keeps words seen once in
			// training): scored in full when met, not worth the load time
			continue
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
	for i, m := range []*seqmodel.Model{pos, pos2, chunk} {
		if m == nil {
			continue
		}
		want := FeatureVersion
		if i == 2 {
			want = ChunkFeatureVersion
		}
		if v := m.Meta["features"]; v != want {
			return nil, fmt.Errorf("tag: model features %q, code has %q: retrain with herald train", v, want)
		}
	}
	t := &Tagger{pos: pos, pos2: pos2, chunk: chunk, clusters: cl, headlines: true}
	t.posAtoms = labelAtoms(pos.Labels)
	t.frozen = seqmodel.DecodeDict(pos.Meta["frozen"], pos.Labels)
	t.amb = decodeAmbiguity(pos.Meta["ambiguity"])
	t.buildCache()
	t.buildLexicon()
	t.chunkAtoms = labelAtoms(chunk.Labels)
	t.chunkAllowed = iobAllowed(chunk.Labels)
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
	frz    []int16 // token's frozen tag, -1 none
	off    []int32 // token's cache offset, -1 none
	hc     []int   // headline words read in lower case
}

var pool = sync.Pool{New: func() any { return &scratch{scores: make([]int32, 256)} }}

// prepare analyses words into s.ws and sets each token's ambiguity class,
// frozen tag and cache offset. In a Title Case headline, the common words
// that only the headline capitalises are read in lower case (see
// seqmodel.Clusters.HeadlineLower).
func (t *Tagger) prepare(words []string, s *scratch) {
	n := len(words)
	if cap(s.ws) < n {
		s.ws = make([]seqmodel.Word, n, n*2)
	}
	s.ws = s.ws[:n]
	s.amb = grow(s.amb, n)
	s.frz = grow(s.frz, n)
	s.off = grow(s.off, n)
	for i, w := range words {
		t.analyze(w, i, s)
	}
	if sf := seqmodel.SentenceFlags(s.ws); t.headlines && sf&seqmodel.SentTitleCase != 0 {
		s.hc = t.clusters.HeadlineCommon(words, s.ws, sf, s.hc)
		for _, i := range s.hc {
			t.analyze(strings.ToLower(words[i]), i, s)
		}
	}
}

// analyze sets token i of s from word w.
func (t *Tagger) analyze(w string, i int, s *scratch) {
	id := int32(-1)
	if t.lex {
		id, s.buf = t.clusters.AnalyzeID(w, &s.ws[i], s.buf)
	} else {
		s.buf = seqmodel.Analyze(w, t.clusters, &s.ws[i], s.buf)
	}
	if id >= 0 {
		s.amb[i], s.frz[i], s.off[i] = t.lexAmb[id], t.lexFrozen[id], t.lexCache[id]
		return
	}
	s.amb[i] = t.amb.of(w)
	frz, off := int16(-1), int32(-1)
	if k, ok := t.frozen[w]; ok {
		frz = int16(k)
	}
	if o, ok := t.cache[w]; ok {
		off = o
	}
	s.frz[i], s.off[i] = frz, off
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
	t.prepare(words, s)
	ws := s.ws
	sf := seqmodel.SentenceFlags(ws)
	s.pAtoms = s.pAtoms[:0]
	s.pIdx = s.pIdx[:0]
	for i := range ws {
		l, ok := int(s.frz[i]), s.frz[i] >= 0
		if !ok {
			if off := s.off[i]; off >= 0 {
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
			l, ok := int(s.frz[i]), s.frz[i] >= 0
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
	t.chunkWith(s, chunk)
}

// chunkWith writes the chunk labels of s.ws (POS in s.pAtoms, s.pIdx).
func (t *Tagger) chunkWith(s *scratch, chunk []string) {
	ws := s.ws
	if t.ct != nil {
		s.cIdx = grow(s.cIdx, len(ws))
		t.chunkFast(ws, s.amb, s.pAtoms, s.pIdx, s.cIdx, s)
		for i, l := range s.cIdx {
			chunk[i] = t.chunk.Labels[l]
		}
		fixIOB(chunk)
		return
	}
	s.cAtoms = s.cAtoms[:0]
	nC := len(t.chunk.Labels)
	cm1 := nC
	for i := range ws {
		s.feats = chunkFeatures(ws, s.amb, s.pAtoms, i, s.cAtoms, s.feats[:0])
		t.chunk.Score(s.feats, s.scores)
		l := seqmodel.Argmax(s.scores[:nC], t.chunkAllowed[cm1])
		chunk[i] = t.chunk.Labels[l]
		s.cAtoms = append(s.cAtoms, t.chunkAtoms[l])
		cm1 = l
	}
	fixIOB(chunk)
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
