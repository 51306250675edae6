// Package ner is herald's "ner" stage: IOB2 named-entity labels over herald
// types (PER, ORG, GPE, LOC, NORP, MISC) in Token.NER, from a pure-Go greedy
// averaged-perceptron model trained on CoNLL-2003 (`herald train ner`), whose
// LOC and MISC labels are refined with herald's country data and the
// models/ner_types.tsv lexicon. It does not build entities (the actor stage
// does).
//
// The stage keeps no per-article state and is safe for concurrent use; the
// model, clusters and lexicons are loaded once and shared read-only.
package ner

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/resources/countries"
	"herald/internal/resources/models"
	"herald/internal/seqmodel"
)

// Name is the stage name.
const Name = "ner"

type stage struct{}

// New returns the "ner" stage. It requires "tag" and fills Token.NER for the
// tokens of non-debris sentences ("O" outside entities). English-only.
func New() nlp.Stage { return stage{} }

func (stage) Name() string        { return Name }
func (stage) Requires() []string  { return []string{"tag"} }
func (stage) Fingerprint() string { return FeatureVersion }

var (
	defOnce sync.Once
	defRec  *Recognizer
	defTyp  *typer
	defErr  error
)

// Default returns the recognizer over the embedded model, loaded once.
func Default() (*Recognizer, error) {
	load()
	return defRec, defErr
}

func load() {
	defOnce.Do(func() {
		m, err := seqmodel.SharedModel(models.NER, models.Read)
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		cl, err := seqmodel.SharedClusters(models.Clusters, models.Read)
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		gz, err := DefaultGazetteer()
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		m2, err := seqmodel.SharedModel(models.NER2, models.Read)
		if errors.Is(err, fs.ErrNotExist) {
			m2, err = nil, nil // no stacked stage
		}
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		if defRec, err = NewRecognizer(m, m2, cl, gz); err != nil {
			defErr = err
			return
		}
		cd, err := countries.Load()
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		b, err := models.Read(models.Types)
		if err != nil {
			defErr = fmt.Errorf("ner: %w", err)
			return
		}
		if defTyp, err = parseTypes("models/"+models.Types, b, cd); err != nil {
			defErr = fmt.Errorf("ner: load types: %w", err)
		}
	})
}

type docBuf struct {
	idx                     []int // sentence indexes analysed
	words, pos, chunk, out  [][]string
	flatW, flatP, flatC, fo []string
}

var docPool = sync.Pool{New: func() any { return &docBuf{} }}

// Process labels the tokens of every analysed sentence of a.
func (stage) Process(ctx context.Context, a *model.Analysis) error {
	if l := a.Doc.Language; l != "" && l != "en" {
		return fmt.Errorf("ner: language %q: %w", l, nlp.ErrSkip)
	}
	load()
	if defErr != nil {
		return defErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b := docPool.Get().(*docBuf)
	defer docPool.Put(b)
	b.idx = b.idx[:0]
	b.words, b.pos, b.chunk, b.out = b.words[:0], b.pos[:0], b.chunk[:0], b.out[:0]
	b.flatW, b.flatP, b.flatC, b.fo = b.flatW[:0], b.flatP[:0], b.flatC[:0], b.fo[:0]
	// one flat array per layer, sliced per sentence (no per-sentence allocation)
	for si, s := range a.Sentences {
		if s.TokenEnd <= s.TokenStart || (s.Block >= 0 && s.Block < len(a.Blocks) && !a.Blocks[s.Block].Analysed()) {
			continue
		}
		b.idx = append(b.idx, si)
		for _, t := range a.Tokens[s.TokenStart:s.TokenEnd] {
			b.flatW = append(b.flatW, a.Text[t.Start:t.End])
			b.flatP = append(b.flatP, t.POS)
			b.flatC = append(b.flatC, t.Chunk)
			b.fo = append(b.fo, "")
		}
	}
	k := 0
	for _, si := range b.idx {
		s := a.Sentences[si]
		n := s.TokenEnd - s.TokenStart
		b.words = append(b.words, b.flatW[k:k+n:k+n])
		b.pos = append(b.pos, b.flatP[k:k+n:k+n])
		b.chunk = append(b.chunk, b.flatC[k:k+n:k+n])
		b.out = append(b.out, b.fo[k:k+n:k+n])
		k += n
	}
	if len(b.idx) == 0 {
		return nil
	}
	defRec.Label(b.words, b.pos, b.chunk, b.out)
	for j, si := range b.idx {
		defTyp.Refine(b.words[j], b.out[j])
		s := a.Sentences[si]
		for i, l := range b.out[j] {
			a.Tokens[s.TokenStart+i].NER = l
		}
	}
	return nil
}

// Load loads the stage's model and lexicons (once per process) and returns
// the stage, for app.DefaultStages.
func Load() (nlp.Stage, error) {
	load()
	if defErr != nil {
		return nil, defErr
	}
	return New(), nil
}
