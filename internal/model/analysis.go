// Package model holds herald's domain types: the article that goes in, the
// Analysis that the pipeline stages fill, and the herald/v1 output contract
// (see DESIGN.md § Output contract). It imports only the standard library.
//
// All offsets are UTF-8 byte offsets into Analysis.Text, half-open [Start, End).
// Values of these types are not safe for concurrent mutation; an Analysis is
// owned by one goroutine while the pipeline runs.
package model

import "time"

// Schema is the name and version of the output contract.
const Schema = "herald/v1"

// Article is one input document as an ingest reader or the CLI yields it.
// Exactly one of Text and HTML is normally set; when HTML is set the text is
// extracted from it.
type Article struct {
	ID        string // stable id (given, or a hash of the content)
	URL       string
	Title     string // headline, when known apart from the body
	Source    string // outlet or site name
	Published string // publication date or time, ISO 8601 (YYYY-MM-DD or RFC 3339); "" when unknown
	Language  string // ISO 639-1 code when known
	Text      string // plain text body
	HTML      []byte // raw HTML page
	Origin    string // where the article was read from (file, URL, jsonl:line), for error messages
}

// Analysis is everything herald knows about one article. The stages of the
// pipeline fill its lists; each stage writes only its own fields.
type Analysis struct {
	Schema  string `json:"schema"`
	Offsets string `json:"offsets"`
	Doc     Doc    `json:"doc"`
	Text    string `json:"text"`

	Blocks    []Block    `json:"blocks"`
	Sentences []Sentence `json:"sentences"`
	Tokens    []Token    `json:"tokens,omitempty"`
	Entities  []Entity   `json:"entities"`
	Coref     []Coref    `json:"coref"`
	Times     []Time     `json:"times"`
	Places    []Place    `json:"places"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`

	// Runs records what each stage did to this article (timing, error).
	Runs []StageRun `json:"runs,omitempty"`

	// Clauses are the tag stage's shallow clause analysis: internal, not part
	// of herald/v1 output.
	Clauses []Clause `json:"-"`
	// Learned holds actor facts the actor stage learned from this text
	// (titles, appositives), for the store's actor registry.
	Learned []LearnedActor `json:"-"`
	// KB is the read-only actor knowledge injected by the application; may be nil.
	KB ActorKB `json:"-"`
	// PublishedDate is Doc.Published parsed (zero when unknown): the anchor
	// for resolving relative time expressions.
	PublishedDate time.Time `json:"-"`
}

// Doc is the document metadata block of herald/v1.
type Doc struct {
	ID        string   `json:"id"`
	URL       string   `json:"url,omitempty"`
	Canonical string   `json:"canonical_url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Source    string   `json:"source,omitempty"`
	Site      string   `json:"site,omitempty"`
	Byline    string   `json:"byline,omitempty"`
	Published string   `json:"published,omitempty"`
	Language  string   `json:"language,omitempty"`
	Pipeline  Pipeline `json:"pipeline"`
	Notes     []string `json:"notes,omitempty"`
}

// Pipeline identifies what produced an analysis, so stale analyses can be found.
type Pipeline struct {
	Version string `json:"version"`
	Models  string `json:"models"`
	// KB identifies the actor registry snapshot used, when there was one.
	KB string `json:"kb,omitempty"`
}

// Span is a half-open byte range into Analysis.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// TextSpan is a span with a copy of its text, which always equals
// Analysis.Text[Start:End] in the output.
type TextSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the bare span.
func (t TextSpan) Span() Span { return Span{t.Start, t.End} }

// Block kinds.
const (
	BlockTitle     = "title"
	BlockHeading   = "heading"
	BlockParagraph = "paragraph"
	BlockQuote     = "quote"
	BlockDebris    = "debris"
)

// Block is a structural unit of the text: title, heading, paragraph, block
// quote, or debris (scraping leftovers, kept for true offsets, never analysed).
type Block struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
}

// Analysed reports whether later stages analyse the block's text.
func (b Block) Analysed() bool { return b.Kind != BlockDebris }

// Sentence is one sentence inside one block. Tokens[TokenStart:TokenEnd] are its tokens.
type Sentence struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	Block      int `json:"-"`
	TokenStart int `json:"-"`
	TokenEnd   int `json:"-"`
}

// Token is one token with the annotations of the segment and tag stages.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
	POS   string `json:"pos,omitempty"`
	Chunk string `json:"chunk,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	NER   string `json:"ner,omitempty"` // IOB2 label over herald types (B-PER, I-GPE, O)
	// Parts are the spans of the pieces of a hyphenated compound
	// ("Russia-Ukraine" → "Russia", "Ukraine"); nil for other tokens.
	Parts []Span `json:"parts,omitempty"`
	// Sentence is the index of the token's sentence.
	Sentence int `json:"-"`
}

// StageRun records one stage's run on one article.
type StageRun struct {
	Stage   string `json:"stage"`
	Nanos   int64  `json:"ns,omitempty"`
	Error   string `json:"error,omitempty"`
	Skipped string `json:"skipped,omitempty"`
}
