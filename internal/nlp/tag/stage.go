// Package tag is herald's "tag" stage: Penn part-of-speech tags, IOB2 chunk
// labels and lemmas for every token of the analysed sentences, from pure-Go
// averaged-perceptron models embedded in the binary (internal/resources/models,
// rebuilt by `herald train pos|chunk ../shared/data/conll2003`).
//
// The stage keeps no per-article state and is safe for concurrent use; the
// models are loaded once, on first use, and shared read-only.
package tag

import (
	"context"
	"fmt"
	"sync"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/nlp/tag/clause"
	"herald/internal/nlp/tag/lemma"
)

// Name is the stage name.
const Name = "tag"

type stage struct{}

// New returns the "tag" stage. It requires "segment" and fills Token.POS,
// Token.Chunk and Token.Lemma of the tokens of non-debris sentences, and
// a.Clauses (package clause's shallow analysis). It is
// English-only: another known Doc.Language makes it skip.
func New() nlp.Stage { return stage{} }

func (stage) Name() string       { return Name }
func (stage) Requires() []string { return []string{"segment"} }

// Fingerprint identifies the feature code; the model bytes enter the
// resources fingerprint when loaded.
func (stage) Fingerprint() string { return FeatureVersion + "+" + ChunkFeatureVersion }

var (
	lemOnce sync.Once
	lem     *lemma.Lemmatizer
	lemErr  error
)

type wordBuf struct{ words, pos, chunk []string }

var wordPool = sync.Pool{New: func() any { return &wordBuf{} }}

// Process tags every analysed sentence of a.
func (stage) Process(ctx context.Context, a *model.Analysis) error {
	if l := a.Doc.Language; l != "" && l != "en" {
		return fmt.Errorf("tag: language %q: %w", l, nlp.ErrSkip)
	}
	tg, err := Default()
	if err != nil {
		return err
	}
	lemOnce.Do(func() { lem, lemErr = lemma.Load() })
	if lemErr != nil {
		return fmt.Errorf("tag: load lemmas: %w", lemErr)
	}
	wb := wordPool.Get().(*wordBuf)
	defer wordPool.Put(wb)
	for si, s := range a.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !analysed(a, s) || s.TokenEnd <= s.TokenStart {
			continue
		}
		toks := a.Tokens[s.TokenStart:s.TokenEnd]
		n := len(toks)
		wb.words = wb.words[:0]
		for _, t := range toks {
			wb.words = append(wb.words, a.Text[t.Start:t.End])
		}
		wb.pos = grow(wb.pos, n)
		wb.chunk = grow(wb.chunk, n)
		tg.Tag(wb.words, wb.pos, wb.chunk)
		for i := range toks {
			toks[i].POS = wb.pos[i]
			toks[i].Chunk = wb.chunk[i]
			toks[i].Lemma = lem.Lemma(wb.words[i], wb.pos[i])
		}
	}
	clause.Analyze(a)
	return nil
}

func analysed(a *model.Analysis, s model.Sentence) bool {
	return s.Block < 0 || s.Block >= len(a.Blocks) || a.Blocks[s.Block].Analysed()
}

// grow returns s resized to n, reallocated only when too small.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Load loads the stage's models and lexicons (once per process) and returns
// the stage, for app.DefaultStages.
func Load() (nlp.Stage, error) {
	if _, err := Default(); err != nil {
		return nil, err
	}
	lemOnce.Do(func() { lem, lemErr = lemma.Load() })
	if lemErr != nil {
		return nil, fmt.Errorf("tag: load lemmas: %w", lemErr)
	}
	return New(), nil
}
