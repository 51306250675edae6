package seqmodel

import (
	"sync"
	"sync/atomic"
)

// lexicon caches the Analyze result of each clusters word, computed on
// first use and shared: a known token then costs one map lookup instead of
// three and a pass over its runes. Each entry is published once through its
// state (0 empty, 1 being written, 2 ready), so readers never see a partly
// written Word and loading stays cheap.
type lexicon struct {
	once  sync.Once
	words []Word
	state []atomic.Uint32
}

// ID returns the word id of the exact form w (0 ≤ id < Len()), or -1: ids
// let callers keep per-word data in slices.
func (c *Clusters) ID(w string) int32 {
	if id, ok := c.ids[w]; ok {
		return id
	}
	return -1
}

// AnalyzeID is Analyze(s, c, w, scratch) that also returns s's word id (-1
// when s is not a clusters word); the analyses of words are cached.
func (c *Clusters) AnalyzeID(s string, w *Word, scratch []byte) (int32, []byte) {
	id, ok := c.ids[s]
	if !ok {
		return -1, Analyze(s, c, w, scratch)
	}
	lx := &c.lex
	lx.once.Do(func() {
		lx.words = make([]Word, len(c.key))
		lx.state = make([]atomic.Uint32, len(c.key))
	})
	st := &lx.state[id]
	if st.Load() == 2 {
		*w = lx.words[id]
		return id, scratch
	}
	scratch = Analyze(s, c, w, scratch)
	if st.CompareAndSwap(0, 1) {
		lx.words[id] = *w
		st.Store(2)
	}
	return id, scratch
}
