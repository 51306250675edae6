package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"herald/internal/model"
)

// builder turns an extracted content tree into Text and Blocks. Blocks are
// separated by "\n\n"; inside a block, runs of white space collapse to one
// space and a <br> becomes "\n".
type builder struct {
	sb     strings.Builder
	blocks []model.Block
	cur    []byte // text of the open block
	kind   string // kind of the open block
	space  bool   // a space is pending before the next word
	brs    int    // consecutive <br> seen in the open block
}

// blockTags start a new block.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "ul": true, "ol": true, "dl": true,
	"li": true, "dd": true, "dt": true, "table": true, "tr": true,
	"figure": true, "figcaption": true, "header": true, "footer": true,
	"aside": true, "address": true, "hr": true, "summary": true, "details": true,
	"center": true, "form": true, "fieldset": true, "caption": true,
	"body": true, "html": true,
}

// skipTags are never rendered.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true,
	"button": true, "select": true, "option": true, "input": true, "textarea": true,
	"head": true, "title": true, "meta": true, "link": true,
}

func headingTag(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

// walk renders n and its descendants; kind is the kind for paragraphs inside
// n (paragraph, or quote inside a block quote).
func (b *builder) walk(n *html.Node, kind string) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, kind)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, kind)
		}
		return
	default:
		return
	}
	tag := n.Data
	if skipTags[tag] {
		return
	}
	if tag == "br" {
		b.br()
		return
	}
	inner := kind
	switch {
	case headingTag(tag):
		inner = model.BlockHeading
	case tag == "blockquote":
		inner = model.BlockQuote
	}
	isBlock := blockTags[tag] || headingTag(tag)
	if isBlock {
		b.flush()
	} else if tag == "td" || tag == "th" {
		b.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, inner)
	}
	if isBlock {
		b.flush()
	} else if tag == "td" || tag == "th" || tag == "img" {
		b.space = true
	}
}

func (b *builder) br() {
	b.brs++
	if b.brs >= 2 {
		b.flush()
		return
	}
	if len(b.cur) > 0 {
		b.cur = append(b.cur, '\n')
		b.space = false
	}
}

// text appends s to the open block, collapsing white space.
func (b *builder) text(s string, kind string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			b.space = true
			i += size
			continue
		}
		if len(b.cur) == 0 {
			b.kind = kind
			b.space = false
		} else if b.space && b.cur[len(b.cur)-1] != '\n' {
			b.cur = append(b.cur, ' ')
		}
		b.space = false
		b.brs = 0
		if r == utf8.RuneError && size == 1 {
			b.cur = utf8.AppendRune(b.cur, utf8.RuneError)
		} else {
			b.cur = append(b.cur, s[i:i+size]...)
		}
		i += size
	}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xa0, 0x200b, 0xfeff:
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r)
}

// flush closes the open block.
func (b *builder) flush() {
	b.space = false
	b.brs = 0
	cur := strings.TrimRight(string(b.cur), " \n")
	b.cur = b.cur[:0]
	if cur == "" {
		return
	}
	if b.sb.Len() > 0 {
		b.sb.WriteString("\n\n")
	}
	start := b.sb.Len()
	b.sb.WriteString(cur)
	kind := b.kind
	if kind == "" {
		kind = model.BlockParagraph
	}
	b.blocks = append(b.blocks, model.Block{Start: start, End: b.sb.Len(), Kind: kind})
}
