package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"herald/internal/model"
)

// ErrNoText is returned (wrapped) for a page with no article text.
var ErrNoText = errors.New("htmltext: no article text")

// Document is the main text of a web page with its structure and metadata.
type Document struct {
	// Text is the main article text without the headline; blocks are
	// separated by "\n\n".
	Text string
	// Blocks are of kind paragraph, heading, quote (a block quote) or debris;
	// offsets are UTF-8 byte offsets into Text, sorted, non-overlapping.
	Blocks []model.Block

	Title       string // headline
	Published   string // ISO 8601: YYYY-MM-DD or RFC 3339; "" when unknown
	Site        string // site or publisher name
	Byline      string // author(s)
	Language    string // language code declared by the page (e.g. "en"), lower case
	Canonical   string // canonical URL of the page
	Description string // summary given by the page
}

// Extract returns the main text of the HTML page. pageURL, when not
// empty, is the page's address (used to resolve relative links; no rule keys
// on it). It returns an error wrapping ErrNoText when the page has no article
// text, and another error only when the boilerplate lexicon (embedded, or
// replaced under HERALD_RESOURCES) is unreadable. Extract is safe for
// concurrent use.
func Extract(page []byte, pageURL string) (*Document, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	root, err := parse(page)
	if err != nil {
		// Too deeply nested for the parser: fall back on the text of the
		// page's tokens.
		doc := &Document{}
		doc.Text, doc.Blocks = layout(cleanBlocks(lex, tokenText(page), "", nil))
		if !hasWords(doc.Text) {
			return nil, fmt.Errorf("%w (%v)", ErrNoText, err)
		}
		return doc, nil
	}
	var u *nurl.URL
	if pageURL != "" {
		if pu, err := nurl.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	meta := readMeta(root)
	prune(root)
	ex, err := mainContent(root, u)
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	meta.fill(doc, u, ex.fb)
	doc.Text, doc.Blocks = layout(cleanBlocks(lex, ex.render(), doc.Title, meta))
	if !hasWords(doc.Text) {
		return nil, ErrNoText
	}
	return doc, nil
}

// rawTags are the containers whose text tokenText leaves out.
var rawTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "textarea": true, "title": true,
}

// tokenText renders a page that the parser rejects from its tokens: text
// outside scripts and styles, a block at each block-level tag.
func tokenText(page []byte) []piece {
	if !utf8.Valid(page) {
		page = []byte(strings.ToValidUTF8(string(page), "\uFFFD"))
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	var b builder
	kind := model.BlockParagraph
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			b.flush()
			text := b.sb.String()
			out := make([]piece, len(b.blocks))
			for i, bl := range b.blocks {
				out[i] = piece{text[bl.Start:bl.End], bl.Kind}
			}
			return out
		case html.TextToken:
			if skip == 0 {
				b.text(string(z.Text()), kind)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			start := tt != html.EndTagToken
			switch {
			case tag == "body":
				skip = 0
			case rawTags[tag]:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case tag == "br":
				b.br()
			case headingTag(tag):
				b.flush()
				kind = model.BlockParagraph
				if start {
					kind = model.BlockHeading
				}
			case tag == "blockquote":
				b.flush()
				kind = model.BlockParagraph
				if start {
					kind = model.BlockQuote
				}
			case blockTags[tag]:
				b.flush()
			}
		}
	}
}

// parse decodes the page to UTF-8 and parses it. Valid UTF-8 is taken as
// such (whatever a <meta charset> claims: saved pages are often re-encoded);
// other bytes are decoded as a BOM, a <meta charset> or sniffing says.
func parse(page []byte) (*html.Node, error) {
	r := bytes.NewReader(page)
	var root *html.Node
	var err error
	if utf8.Valid(page) {
		root, err = html.Parse(r)
	} else if enc, _, _ := charset.DetermineEncoding(page, ""); enc != nil {
		root, err = html.Parse(enc.NewDecoder().Reader(r))
	} else {
		root, err = html.Parse(r)
	}
	if err != nil {
		return nil, fmt.Errorf("htmltext: parse: %w", err)
	}
	return root, nil
}

func hasWords(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}
