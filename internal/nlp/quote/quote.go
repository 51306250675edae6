// Package quote is herald's quotation and attribution stage. It finds
// direct, indirect and mixed quotations with their speaker, cue, source
// chain (via), medium and anonymous sources, and writes Analysis.Quotes.
//
// It reads the tokens and sentences of the segment stage, the POS tags of
// the tag stage when present (it degrades to word shapes without them), and
// the entities and coreference links of the actor stage (without them it
// still gives speaker spans, without entity ids). Cue words come from the
// embedded, user-extendable lexicon of internal/resources/cues.
//
// What it recognises: a reporting verb with its subject before it ("Ushakov
// said (that) …", with auxiliaries and adverbs in the cue: "has repeatedly
// warned"), fronted and inverted quotations ("“…,” Ushakov said", "“…,” said
// Ushakov, …"), split quotations and quotation-only sentences and
// paragraphs that go on quoting the speaker before (rule "continuation"),
// quotations running over several paragraphs, "according to X" (fronted or
// trailing; before another reporting verb it is a source chain: X goes to
// Via), colon and dash introductions ("Putin: …", "Name ― “…”", transcript
// turns), passive and raising verbs (no source; their subject is content),
// and parenthetical attributions ("…, he said, …"). Quote marks of every
// style pair up per paragraph (“ ” „ « » ‘ ’, doubled apostrophes and
// straight marks); unbalanced marks never fail. Content spans exclude the
// marks around a quotation;
// Quote.Text is Text[Start:End] over all content spans; Via is never nil;
// Rule names the pattern that matched.
//
// A Stage is safe for concurrent use: it holds only the read-only lexicon.
package quote

import (
	"context"
	"fmt"
	"sort"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/resources/cues"
)

// Stage is the quote stage.
type Stage struct {
	lex *cues.Lexicon
}

// New loads the cue lexicon (once per process) and returns the stage.
func New() (nlp.Stage, error) {
	lex, err := cues.Load()
	if err != nil {
		return nil, fmt.Errorf("quote: load cues: %w", err)
	}
	return &Stage{lex: lex}, nil
}

// NewWithLexicon returns a stage using lex (for tests and custom lexicons).
func NewWithLexicon(lex *cues.Lexicon) *Stage { return &Stage{lex: lex} }

// version changes whenever the rules change output.
const version = "quote/1"

// Fingerprint identifies the rules; the cue lexicon enters the resources
// fingerprint when loaded.
func (s *Stage) Fingerprint() string { return version }

// Name returns "quote".
func (s *Stage) Name() string { return "quote" }

// Requires names the stages whose output the quote stage reads.
func (s *Stage) Requires() []string { return []string{"segment", "tag", "ner", "actor"} }

// Process writes a.Quotes, sorted by start, with ids Q1, Q2, …. It never
// fails on odd input (unbalanced quote marks, missing tags); it skips
// articles in a language other than English.
func (s *Stage) Process(ctx context.Context, a *model.Analysis) error {
	if a.Doc.Language != "" && a.Doc.Language != "en" {
		return fmt.Errorf("quote: language %q: %w", a.Doc.Language, nlp.ErrSkip)
	}
	a.Quotes = Extract(s.lex, a)
	return nil
}

// Extract returns the quotations of a (which must have tokens and
// sentences), sorted by start. It does not modify a.
func Extract(lex *cues.Lexicon, a *model.Analysis) []model.Quote {
	d := newDoc(lex, a)
	d.run()
	out := make([]model.Quote, 0, len(d.drafts))
	for i := range d.drafts {
		if q, ok := d.finish(&d.drafts[i]); ok {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End < out[j].End
	})
	// Drop quotes whose content duplicates an earlier one.
	k := 0
	for i := range out {
		if k > 0 && out[k-1].Start == out[i].Start && out[k-1].End == out[i].End {
			continue
		}
		out[k] = out[i]
		k++
	}
	out = out[:k]
	for i := range out {
		out[i].ID = fmt.Sprintf("Q%d", i+1)
	}
	return out
}
