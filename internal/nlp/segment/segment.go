// Package segment is herald's "segment" stage: it splits an article's text
// into blocks (title, heading, paragraph, quote, debris), sentences inside
// every analysed block, and tokens. It owns the tokenizer of the whole
// project; the tokens follow the CoNLL-2003 / Penn Treebank conventions the
// tagging and NER models are trained on, with hyphenated compounds kept as
// one token whose Parts give the pieces.
//
// Contract: blocks, sentences and tokens are sorted and non-overlapping;
// blocks cover no leading or trailing white space; every sentence lies in
// one non-debris block and every token in one sentence; debris blocks have
// no sentences or tokens; Token.Text == Text[Start:End]. All offsets are
// UTF-8 byte offsets. Time is linear in the text length, and any input,
// including invalid UTF-8, is handled without panics.
//
// Everything here is safe for concurrent use: the word lists are loaded
// once and only read afterwards.
package segment

import (
	"context"
	"unicode/utf8"

	"herald/internal/model"
	"herald/internal/nlp"
)

// Name is the stage name.
const Name = "segment"

// version changes whenever the segmentation rules change output.
const version = "segment/1"

// Segmenter splits text into blocks, sentences and tokens. It is safe for
// concurrent use.
type Segmenter struct {
	lex *Lexicon
}

// Default returns the segmenter built from the default word lists (embedded,
// or replaced from the HERALD_RESOURCES directory).
func Default() (*Segmenter, error) {
	lex, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Segmenter{lex: lex}, nil
}

// NewSegmenter returns a segmenter using lex.
func NewSegmenter(lex *Lexicon) *Segmenter { return &Segmenter{lex: lex} }

// Result is the segmentation of one text.
type Result struct {
	Blocks    []model.Block
	Sentences []model.Sentence
	Tokens    []model.Token
}

// Segment splits text. given holds blocks already known (from an HTML page,
// or the application's leading title block); they are kept, cleaned (see
// the package contract) and their paragraphs re-classified when they are
// debris. With no given blocks, or only title blocks, the text (after the
// titles) is split as plain text: one block per line, headings for short
// title-like lines before a paragraph, debris for site furniture.
func (sg *Segmenter) Segment(text string, given []model.Block) Result {
	var blocks []model.Block
	if len(given) == 0 {
		blocks = sg.lex.plainBlocks(text, 0, len(text), make([]model.Block, 0, len(text)/200+4))
	} else {
		blocks = sg.lex.givenBlocks(text, given)
	}
	tk := tokenizer{
		lex:   sg.lex,
		text:  text,
		toks:  make([]model.Token, 0, estimateTokens(text)),
		parts: make([]model.Span, 0, len(text)/200+4),
	}
	sents := make([]model.Sentence, 0, len(text)/120+4)
	for bi, b := range blocks {
		if !b.Analysed() {
			continue
		}
		ts := len(tk.toks)
		tk.run(b.Start, b.End)
		if len(tk.toks) == ts {
			continue
		}
		first := len(sents)
		sents = sg.lex.splitSentences(tk.toks, ts, len(tk.toks), bi, sents)
		for si := first; si < len(sents); si++ {
			for k := sents[si].TokenStart; k < sents[si].TokenEnd; k++ {
				tk.toks[k].Sentence = si
			}
		}
	}
	return Result{Blocks: blocks, Sentences: sents, Tokens: tk.toks}
}

// Tokenize returns the tokens of text (their Sentence fields are 0), with
// no block or sentence analysis: for tools that need herald's tokens of a
// given span, such as evaluations.
func (sg *Segmenter) Tokenize(text string) []model.Token {
	tk := tokenizer{lex: sg.lex, text: text, toks: make([]model.Token, 0, estimateTokens(text))}
	tk.run(0, len(text))
	return tk.toks
}

// estimateTokens returns a close upper estimate of the number of tokens of
// text (word starts plus punctuation), so that the token slice is allocated
// once: copying a grown slice of tokens is costly while the GC runs.
func estimateTokens(text string) int {
	n := 8
	space := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < utf8.RuneSelf {
			k := ascii[c]
			if k == cOther {
				n++
				space = true
				continue
			}
			if k == cSpace {
				space = true
				continue
			}
			if space {
				n++
				space = false
			}
			continue
		}
		if c == 0xE2 || c >= 0xF0 { // punctuation, dashes, quotes; emoji
			n++
			space = true
			continue
		}
		if space && c >= 0xC0 {
			n++
			space = false
		}
	}
	return n
}

// stage is the pipeline stage; it keeps no per-article state.
type stage struct{}

// New returns the "segment" stage. It requires no other stage and fills
// Analysis.Blocks, Sentences and Tokens. It loads the word lists now (so
// that they enter the resource fingerprint); a loading error is returned by
// Process.
func New() nlp.Stage {
	_, _ = DefaultLexicon()
	return stage{}
}

// Load is New for callers that want a loading error at once.
func Load() (nlp.Stage, error) {
	if _, err := DefaultLexicon(); err != nil {
		return nil, err
	}
	return stage{}, nil
}

func (stage) Name() string        { return Name }
func (stage) Requires() []string  { return nil }
func (stage) Fingerprint() string { return version }

// Process segments a.Text, keeping the blocks a already has (see Segment).
// It runs for every language.
func (stage) Process(ctx context.Context, a *model.Analysis) error {
	sg, err := Default()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := sg.Segment(a.Text, a.Blocks)
	a.Blocks, a.Sentences, a.Tokens = r.Blocks, r.Sentences, r.Tokens
	return nil
}
