package quote

import (
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
)

// region is a stretch of text between quote marks, inside one block.
type region struct {
	open, close int // byte offsets of the opening and closing marks; close is -1 when unclosed
	start, end  int // the content, marks excluded, surrounding spaces trimmed
	block       int
	next, prev  int // the region continuing this one in the next paragraph (multi-paragraph quote), or -1
	tokStart    int // first token inside, or -1
	tokEnd      int
}

// mark families: a region closes only with a mark of its own family.
const (
	famNone = iota
	famDouble
	famSingle
	famGuillemet
)

// findRegions pairs the quote marks of every analysed block. It never fails:
// a close without an open is ignored, an opener while a region of its
// family is open ends that region unclosed, and a region still open at the
// end of its block runs to the end of the block. An unclosed region whose
// next block starts with an opener of the same family continues there.
func findRegions(text string, blocks []model.Block) []region {
	var regs []region
	if len(blocks) == 0 && text != "" {
		blocks = []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}}
	}
	for bi, b := range blocks {
		if !b.Analysed() || b.Start < 0 || b.End > len(text) || b.Start >= b.End {
			continue
		}
		fam := famNone
		low := false // open region began with „
		cur := -1
		closeAt := func(markPos, markEnd int, closed bool) {
			r := &regs[cur]
			if closed {
				r.close = markPos
				r.end = markPos
			} else {
				r.end = markPos
			}
			_ = markEnd
			r.start, r.end = trim(text, r.start, r.end)
			cur, fam = -1, famNone
		}
		open := func(markPos, markEnd, f int) {
			regs = append(regs, region{open: markPos, close: -1, start: markEnd, end: markEnd, block: bi, next: -1, prev: -1, tokStart: -1})
			cur, fam = len(regs)-1, f
		}
		for i := b.Start; i < b.End; {
			c := text[i]
			var r rune
			size := 1
			if c < utf8.RuneSelf {
				if c != '"' && c != '\'' {
					i++
					continue
				}
				r = rune(c)
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			j := i + size
			if r == '\'' && j < b.End && text[j] == '\'' {
				// '' is a double mark in some archives (''Yes,'' he said).
				r = '"'
				j++
			}
			prev, next := before(text, i, b.Start), after(text, j, b.End)
			switch r {
			case '"':
				switch {
				case fam == famDouble:
					closeAt(i, j, true)
				case fam == famNone && openerContext(prev, next):
					open(i, j, famDouble)
				}
			case '“':
				switch {
				case fam == famDouble && low:
					closeAt(i, j, true)
				case fam == famDouble && closerContext(prev, next) && !openerContext(prev, next):
					// “ typed for ”: “Yes,“ he said.
					closeAt(i, j, true)
				case fam == famDouble:
					closeAt(i, j, false)
					open(i, j, famDouble)
				case fam == famNone:
					open(i, j, famDouble)
				}
				low = false
			case '„':
				if fam == famDouble {
					closeAt(i, j, false)
				}
				if fam == famNone {
					open(i, j, famDouble)
					low = true
				}
			case '”':
				switch {
				case fam == famDouble:
					closeAt(i, j, true)
				case fam == famNone && prev == 0 && unicode.IsLetter(next):
					// ” typed for “ at the start of a paragraph.
					open(i, j, famDouble)
				}
			case '«':
				if fam == famGuillemet {
					closeAt(i, j, false)
				}
				if fam == famNone {
					open(i, j, famGuillemet)
				}
			case '»':
				if fam == famGuillemet {
					closeAt(i, j, true)
				}
			case '‘', '\'':
				if fam == famNone && openerContext(prev, next) && unicode.IsLetter(next) {
					open(i, j, famSingle)
				} else if fam == famSingle && r == '\'' && closerContext(prev, next) {
					closeAt(i, j, true)
				}
			case '’':
				if fam == famSingle && closerContext(prev, next) {
					closeAt(i, j, true)
				}
			}
			i = j
		}
		if cur >= 0 {
			closeAt(b.End, b.End, false)
		}
	}
	// Multi-paragraph quotes: an unclosed region at the end of its block
	// continues in a region opening the next block.
	for i := range regs {
		r := &regs[i]
		if r.close >= 0 || i+1 >= len(regs) {
			continue
		}
		n := &regs[i+1]
		if n.block != r.block+1 || r.block+1 >= len(blocks) {
			continue
		}
		bs, _ := trim(text, blocks[n.block].Start, blocks[n.block].End)
		if n.open != bs {
			continue
		}
		// r must run to the end of its block.
		_, be := trim(text, blocks[r.block].Start, blocks[r.block].End)
		if r.end != be {
			continue
		}
		r.next, n.prev = i+1, i
	}
	return regs
}

// openerContext: a mark preceded by a space, an opening bracket, a dash or
// the start of the block, and followed by a non-space, opens a quotation.
func openerContext(prev, next rune) bool {
	if next == 0 || unicode.IsSpace(next) {
		return false
	}
	return prev == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' ||
		prev == '-' || prev == ':' || prev == '/' || prev == '“' || prev == '"'
}

// closerContext: a mark after a non-space and before a non-letter closes.
func closerContext(prev, next rune) bool {
	return prev != 0 && !unicode.IsSpace(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

func before(text string, i, lo int) rune {
	if i <= lo {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func after(text string, j, hi int) rune {
	if j >= hi {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[j:hi])
	return r
}

// trim narrows [s, e) past ASCII and Unicode white space.
func trim(text string, s, e int) (int, int) {
	return trimFunc(text, s, e, unicode.IsSpace)
}

// trimFunc narrows [s, e) of text past the runes at either edge for which
// drop is true.
func trimFunc(text string, s, e int, drop func(rune) bool) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !drop(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !drop(r) {
			break
		}
		e -= n
	}
	return s, e
}

// isMark reports whether r is a quotation mark.
func isMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '‘', '’', '«', '»', '‹', '›':
		return true
	}
	return false
}
