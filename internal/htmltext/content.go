package htmltext

import (
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"herald/internal/model"
)

// voteMin is the share of a block's word trigrams that readability's text
// must hold for the block to be kept; voteMinShingles is the size below which
// readability's text is too small to vote.
const (
	voteMin         = 0.5
	voteMinShingles = 50
)

// maxTrafilaturaText is the size of page text (bytes, outside scripts and
// styles) from which trafilatura is not run: ten times a very long article.
const maxTrafilaturaText = 300_000

// textSize returns the bytes of text in n outside script, style and template
// elements, counting no further than limit.
func textSize(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			total += len(n.Data)
			return total < limit
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template", "noscript":
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	return total
}

// extraction is the output of the extractors for one page.
type extraction struct {
	traf *html.Node // trafilatura's main content
	read *html.Node // readability's main content; nil when it found none
	fb   fallbackMeta
}

// mainContent runs the extractors. root is not modified.
func mainContent(root *html.Node, u *nurl.URL) (*extraction, error) {
	var ex extraction
	if art, err := readability.FromDocument(root, u); err == nil {
		ex.read = art.Node
		ex.fb = fallbackMeta{title: art.Title(), site: art.SiteName(), byline: art.Byline(), lang: art.Language()}
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				ex.fb.published = t.Format("2006-01-02")
			} else {
				ex.fb.published = t.Format(time.RFC3339)
			}
		}
	}
	if textSize(root, maxTrafilaturaText) >= maxTrafilaturaText {
		// trafilatura's cost grows with the square of the text size: a page
		// this large is left to readability alone.
		if ex.read == nil {
			return nil, fmt.Errorf("%w: page too large for extraction", ErrNoText)
		}
		ex.traf = ex.read
		return &ex, nil
	}
	opts := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if ex.read != nil {
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: cloneTree(ex.read)}
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		if ex.read == nil {
			return nil, fmt.Errorf("%w: %v", ErrNoText, err)
		}
		ex.traf = ex.read
	} else {
		ex.traf = res.ContentNode
		md := res.Metadata
		ex.fb.title = first(md.Title, ex.fb.title)
		ex.fb.site = first(ex.fb.site, md.Sitename)
		if isHostname(ex.fb.site) {
			ex.fb.site = "" // derived from the address, not said by the page
		}
		ex.fb.byline = first(ex.fb.byline, md.Author)
		if ex.fb.published == "" && !md.Date.IsZero() {
			ex.fb.published = md.Date.Format("2006-01-02")
		}
	}
	return &ex, nil
}

// piece is one block of text before layout.
type piece struct{ text, kind string }

// renderTree renders a content tree into pieces.
func renderTree(n *html.Node) []piece {
	var b builder
	b.walk(n, model.BlockParagraph)
	b.flush()
	text := b.sb.String()
	out := make([]piece, len(b.blocks))
	for i, bl := range b.blocks {
		out[i] = piece{text[bl.Start:bl.End], bl.Kind}
	}
	return out
}

// render lays out the extraction: trafilatura's blocks, less those that
// readability does not support when readability found a real article (half
// of a block's word trigrams must occur in readability's text). Measured on
// the article-extraction benchmark, this vote removes much of what one
// extractor alone lets through (related links, promotions) at almost no
// cost in recall.
func (ex *extraction) render() []piece {
	tp := renderTree(ex.traf)
	if ex.read == nil || ex.read == ex.traf {
		return tp
	}
	rp := renderTree(ex.read)
	var all strings.Builder
	rs := make(map[uint64]struct{})
	for _, p := range rp {
		all.WriteString(p.text)
		all.WriteString("\n\n")
		for _, h := range shingleHashes(p.text) {
			rs[h] = struct{}{}
		}
	}
	if len(rs) > voteMinShingles {
		readText := all.String()
		keep := tp[:0:0]
		for _, p := range tp {
			if supported(p.text, rs, readText) {
				keep = append(keep, p)
			}
		}
		tp = keep
	}
	return tp
}

// supported reports whether readability's text backs a block: half its
// word trigrams are in rs, or, for a block of fewer than three words, the
// block's text occurs in readText.
func supported(text string, rs map[uint64]struct{}, readText string) bool {
	if len(words(text)) < shingleWords {
		return strings.Contains(readText, text)
	}
	return support(text, rs) >= voteMin
}

func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	c.Attr = append([]html.Attribute(nil), n.Attr...)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneTree(ch))
	}
	return c
}

// isHostname reports whether s looks like a host name ("news.example.com").
func isHostname(s string) bool {
	return strings.Contains(s, ".") && !strings.ContainsAny(s, " \t")
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
