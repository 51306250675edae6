// Package app holds herald's use cases. Analyzer turns one model.Article
// (plain text or HTML) into a model.Analysis: it checks the input, extracts
// the main text of HTML pages, lays out the title block, detects the
// language, anchors the publication date and runs the NLP pipeline.
package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"herald/internal/htmltext"
	"herald/internal/lang"
	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/resources"
)

// Version is herald's version, recorded in doc.pipeline.version. Set at
// build time with -ldflags "-X herald/internal/app.Version=…".
var Version = "0.1.0-dev"

// DefaultMaxBytes is the default input size limit (20 MB).
const DefaultMaxBytes = 20 << 20

// Outcomes of Analyze that callers branch on. Each is wrapped with the input's name.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input, not text or HTML")
	ErrTooLarge = errors.New("input larger than the size limit")
	ErrNoText   = errors.New("no article text found")
	ErrDate     = errors.New("unreadable publication date")
)

// Config configures an Analyzer. The zero value is usable.
type Config struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stages, when set, limits the pipeline to these stages and what they need.
	Stages []string
	// Clock, when set, times the stages (nanoseconds) instead of the wall clock.
	Clock func() int64
}

// Analyzer analyses articles. It is safe for concurrent use; build it once.
type Analyzer struct {
	cfg      Config
	pipeline *nlp.Pipeline
	models   string
}

// NewAnalyzer loads every stage (models and lexicons are loaded once here)
// and returns an Analyzer.
func NewAnalyzer(cfg Config) (*Analyzer, error) {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	stages, err := DefaultStages()
	if err != nil {
		return nil, fmt.Errorf("app: load stages: %w", err)
	}
	p, err := nlp.New(stages...)
	if err != nil {
		return nil, fmt.Errorf("app: build pipeline: %w", err)
	}
	if len(cfg.Stages) > 0 {
		if p, err = p.Only(cfg.Stages); err != nil {
			return nil, fmt.Errorf("app: %w", err)
		}
	}
	if cfg.Clock != nil {
		p = p.WithClock(cfg.Clock)
	}
	return &Analyzer{cfg: cfg, pipeline: p, models: resources.Fingerprint()}, nil
}

// Pipeline returns the pipeline the Analyzer runs.
func (an *Analyzer) Pipeline() *nlp.Pipeline { return an.pipeline }

// PipelineInfo returns what doc.pipeline records for this Analyzer.
func (an *Analyzer) PipelineInfo() model.Pipeline {
	return model.Pipeline{Version: Version, Models: an.models}
}

// Analyze checks and prepares art and runs the pipeline over it. Input
// errors wrap ErrEmpty, ErrBinary, ErrTooLarge, ErrNoText or ErrDate and name
// art.Origin. A failing stage does not fail Analyze: it is recorded in the
// Analysis' Runs. Warnings (repaired UTF-8, non-English text) are in Doc.Notes.
func (an *Analyzer) Analyze(ctx context.Context, art model.Article) (*model.Analysis, error) {
	a, err := an.Prepare(art)
	if err != nil {
		return nil, err
	}
	if err := an.pipeline.Run(ctx, a); err != nil {
		return nil, err
	}
	Finish(a)
	return a, nil
}

// Prepare builds the Analysis for art without running the pipeline: input
// checks, HTML extraction, title block, language and publication date.
func (an *Analyzer) Prepare(art model.Article) (*model.Analysis, error) {
	name := art.Origin
	if name == "" {
		name = "input"
	}
	raw := art.Text
	isHTML := art.HTML != nil
	if isHTML {
		raw = ""
	}
	size := int64(len(art.Text) + len(art.HTML))
	if size > an.cfg.MaxBytes {
		return nil, fmt.Errorf("%s: %w (%d bytes > %d)", name, ErrTooLarge, size, an.cfg.MaxBytes)
	}
	var data []byte
	if isHTML {
		data = art.HTML
	} else {
		data = []byte(raw)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if IsBinary(data) {
		return nil, fmt.Errorf("%s: %w", name, ErrBinary)
	}

	a := &model.Analysis{Schema: model.Schema, Offsets: model.OffsetsUTF8}
	doc := &a.Doc
	doc.URL, doc.Title, doc.Source, doc.Language = art.URL, art.Title, art.Source, art.Language
	published := art.Published
	var body string
	var blocks []model.Block
	if isHTML {
		d, err := htmltext.Extract(art.HTML, art.URL)
		if err != nil {
			if errors.Is(err, htmltext.ErrNoText) {
				return nil, fmt.Errorf("%s: %w", name, ErrNoText)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		body, blocks = d.Text, d.Blocks
		if doc.Title == "" {
			doc.Title = d.Title
		}
		if published == "" {
			published = d.Published
		}
		if doc.Source == "" {
			doc.Source = d.Site
		}
		doc.Site, doc.Byline, doc.Canonical = d.Site, d.Byline, d.Canonical
		if doc.Language == "" {
			doc.Language = d.Language
		}
	} else {
		body = NormalizeText(raw)
	}
	if !utf8.ValidString(body) || !utf8.ValidString(doc.Title) {
		body = strings.ToValidUTF8(body, "\uFFFD")
		doc.Title = strings.ToValidUTF8(doc.Title, "\uFFFD")
		doc.Notes = append(doc.Notes, "invalid UTF-8 repaired (U+FFFD)")
	}
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrNoText)
	}

	// The headline is the first block of the text.
	title := strings.TrimSpace(strings.ReplaceAll(doc.Title, "\n", " "))
	if title != "" {
		shift := len(title) + 2
		a.Text = title + "\n\n" + body
		a.Blocks = append(a.Blocks, model.Block{Start: 0, End: len(title), Kind: model.BlockTitle})
		for _, b := range blocks {
			a.Blocks = append(a.Blocks, model.Block{Start: b.Start + shift, End: b.End + shift, Kind: b.Kind})
		}
	} else {
		a.Text = body
		a.Blocks = append(a.Blocks, blocks...)
	}

	if published != "" {
		t, norm, err := ParsePublished(published)
		if err != nil {
			return nil, fmt.Errorf("%s: %w %q", name, ErrDate, published)
		}
		a.PublishedDate, doc.Published = t, norm
	}

	if code, ok := lang.Detect(body); ok {
		if doc.Language != "" && !strings.HasPrefix(strings.ToLower(doc.Language), code) {
			doc.Notes = append(doc.Notes, fmt.Sprintf("declared language %q, detected %q", doc.Language, code))
		}
		doc.Language = code
	} else if doc.Language == "" {
		doc.Language = "en"
	} else {
		doc.Language = strings.ToLower(doc.Language)
		if i := strings.IndexAny(doc.Language, "-_"); i > 0 {
			doc.Language = doc.Language[:i]
		}
	}
	if doc.Language != "en" {
		doc.Notes = append(doc.Notes, fmt.Sprintf("language %q is not English: only language-independent stages ran", doc.Language))
	}

	doc.ID = art.ID
	if doc.ID == "" {
		sum := sha256.Sum256([]byte(a.Text))
		doc.ID = "sha256:" + hex.EncodeToString(sum[:12])
	}
	doc.Pipeline = an.PipelineInfo()
	return a, nil
}

// NormalizeText turns CRLF and lone CR line ends into LF and removes a
// leading byte-order mark. Offsets refer to the normalised text.
func NormalizeText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// IsBinary reports whether data looks like a binary file rather than text or
// HTML: a NUL byte in the first 8 KB, or more than 10% control bytes.
func IsBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// LooksLikeHTML reports whether data is an HTML document rather than plain text.
func LooksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	h := bytes.ToLower(bytes.TrimSpace(head))
	h = bytes.TrimPrefix(h, []byte("\xef\xbb\xbf"))
	for _, p := range []string{"<!doctype html", "<html", "<?xml", "<head", "<body", "<!--"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	for _, tag := range []string{"<p>", "<p ", "<div", "<article", "<body", "<br>", "<br/>"} {
		if bytes.Contains(h, []byte(tag)) {
			return true
		}
	}
	return false
}

var publishedLayouts = []struct {
	layout   string
	dateOnly bool
}{
	{"2006-01-02", true},
	{time.RFC3339Nano, false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04:05Z07:00", false},
	{"2006-01-02 15:04:05 -0700", false},
	{"2006/01/02", true},
	{"20060102", true},
	{time.RFC1123Z, false},
	{time.RFC1123, false},
	{"January 2, 2006", true},
	{"Jan 2, 2006", true},
	{"2 January 2006", true},
}

// ParsePublished reads a publication date or time and returns it with its
// normalised form: YYYY-MM-DD for a date, RFC 3339 for a time.
func ParsePublished(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	for _, l := range publishedLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.dateOnly {
			return t, t.Format("2006-01-02"), nil
		}
		return t, t.Format(time.RFC3339), nil
	}
	return time.Time{}, "", fmt.Errorf("app: parse date %q", s)
}
