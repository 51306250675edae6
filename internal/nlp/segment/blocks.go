package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
)

// Limits of a title-like line (a heading candidate).
const (
	headingMaxBytes = 200
	headingMaxWords = 20
	// prefixMaxWords bounds a line matched by a "prefix" debris phrase:
	// longer lines are article text that happens to start the same way.
	prefixMaxWords = 40
	// wrapMinLine is the shortest line counted as hard-wrapped text.
	wrapMinLine = 40
	// debrisSymbolMax is the longest line (in runes) without letters or
	// digits that is debris ("***", ")", "|").
	debrisSymbolMax = 8
)

// line is one trimmed non-blank line and its indentation (in bytes of
// leading white space).
type line struct{ s, e, indent int }

// trimSpan shrinks text[s:e] to exclude leading and trailing white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		c := text[s]
		if c < utf8.RuneSelf {
			if ascii[c] != cSpace {
				break
			}
			s++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !isSpaceRune(r) {
			break
		}
		s += size
	}
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if ascii[c] != cSpace {
				break
			}
			e--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpaceRune(r) || r == utf8.RuneError {
			break
		}
		e -= size
	}
	return s, e
}

// lineBreak returns the size of the line break at text[i] (0 if none):
// \n, \r\n, \r, \f, \v, U+0085, U+2028, U+2029.
func lineBreak(text string, i int) int {
	switch text[i] {
	case '\n', '\f', '\v':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// plainBlocks appends the blocks of text[from:to], read as plain text, to
// out: a block per line (a line continued by one starting in lower case is
// joined with it), or per blank-line-separated chunk when the chunk is
// hard-wrapped prose (split again at indented first lines); title-like
// lines followed by a paragraph become headings and scraping debris becomes
// debris.
func (lex *Lexicon) plainBlocks(text string, from, to int, out []model.Block) []model.Block {
	first := len(out)
	var lines []line // lines of the current chunk (trimmed, non-empty)
	flush := func() {
		if len(lines) == 0 {
			return
		}
		if wrapped(text, lines) {
			// One paragraph, or one per indented first line when the
			// chunk marks its paragraphs by indentation.
			minIndent := lines[0].indent
			for _, l := range lines {
				minIndent = min(minIndent, l.indent)
			}
			start := lines[0].s
			for k := 1; k < len(lines); k++ {
				if lines[k].indent > minIndent {
					out = append(out, model.Block{Start: start, End: lines[k-1].e, Kind: model.BlockParagraph})
					start = lines[k].s
				}
			}
			out = append(out, model.Block{Start: start, End: lines[len(lines)-1].e, Kind: model.BlockParagraph})
		} else {
			// A line per block, except that a line continued by one
			// starting in lower case is joined with it (a wrapped
			// sentence, a broken line).
			start := lines[0].s
			for k := 1; k < len(lines); k++ {
				cur := text[lines[k].s:lines[k].e]
				if startsLower(cur) && lines[k].indent <= lines[k-1].indent &&
					!lex.isDebris(text[lines[k-1].s:lines[k-1].e]) && !lex.isDebris(cur) {
					continue
				}
				out = append(out, model.Block{Start: start, End: lines[k-1].e, Kind: model.BlockParagraph})
				start = lines[k].s
			}
			out = append(out, model.Block{Start: start, End: lines[len(lines)-1].e, Kind: model.BlockParagraph})
		}
		lines = lines[:0]
	}
	ls := from
	for i := from; i <= to; {
		br := 0
		if i < to {
			br = lineBreak(text[:to], i)
			if br == 0 {
				i++
				continue
			}
		}
		s, e := trimSpan(text, ls, i)
		if s < e {
			lines = append(lines, line{s, e, s - ls})
		} else {
			flush() // a blank line ends a chunk
		}
		if i == to {
			break
		}
		i += br
		ls = i
	}
	flush()
	lex.classify(text, out[first:])
	return out
}

// wrapped reports whether the lines of one chunk are hard-wrapped prose: at
// least half of its line ends fall mid-sentence on long lines, and at least
// a third of those continue in lower case (fewer: a table).
func wrapped(text string, lines []line) bool {
	if len(lines) < 2 {
		return false
	}
	soft, lower := 0, 0
	for k := 0; k < len(lines)-1; k++ {
		l := text[lines[k].s:lines[k].e]
		if len(l) < wrapMinLine || endsSentence(l) {
			continue
		}
		soft++
		if isLowerRune(firstRune(text[lines[k+1].s:lines[k+1].e])) {
			lower++
		}
	}
	return lower > 0 && lower*3 >= soft && soft*2 >= len(lines)-1
}

// endsWithPunct reports whether line ends with punctuation (a full stop,
// comma, colon, …), possibly followed by closing quotes or brackets.
func endsWithPunct(line string) bool { return endsWith(line, true) }

// endsSentence reports whether line ends with a sentence end (. ! ? ; : …),
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool { return endsWith(line, false) }

func endsWith(line string, comma bool) bool {
	for len(line) > 0 {
		r, size := utf8.DecodeLastRuneInString(line)
		switch {
		case r == '.' || r == '!' || r == '?' || r == ';' || r == ':' || r == 0x2026 || (comma && r == ','):
			return true
		case r == ')' || r == ']' || quoteKind(r) == qClose || quoteKind(r) == qBoth:
			line = line[:len(line)-size]
			continue
		}
		return false
	}
	return false
}

// classify marks debris and headings among freshly split plain-text blocks.
func (lex *Lexicon) classify(text string, blocks []model.Block) {
	title := make([]bool, len(blocks))
	for k := range blocks {
		b := &blocks[k]
		line := text[b.Start:b.End]
		if lex.isDebris(line) {
			b.Kind = model.BlockDebris
			continue
		}
		title[k] = titleLike(line)
	}
	// A title-like line is a heading when the next analysed block is a
	// paragraph (not itself title-like) that does not continue it in lower
	// case.
	next := -1
	for k := len(blocks) - 1; k >= 0; k-- {
		if blocks[k].Kind == model.BlockDebris {
			continue
		}
		if title[k] && next >= 0 && !title[next] && !startsLower(text[blocks[next].Start:blocks[next].End]) {
			blocks[k].Kind = model.BlockHeading
		}
		next = k
	}
}

// titleLike reports whether line looks like a heading: short, starting with
// a capital letter or a digit (not a list bullet), with a letter, and no
// final punctuation.
func titleLike(line string) bool {
	if len(line) > headingMaxBytes || endsWithPunct(line) {
		return false
	}
	if strings.Count(line, " ")+1 > headingMaxWords {
		return false
	}
	r := firstRune(line)
	if !isUpperRune(r) && !unicode.IsDigit(r) && quoteKind(r) == qNone {
		return false
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return isUpperRune(r) || unicode.IsDigit(firstRune(line))
		}
	}
	return false
}

// startsLower reports whether the first letter of line is lower case.
func startsLower(line string) bool {
	for _, r := range line {
		if unicode.IsLetter(r) {
			return isLowerRune(r)
		}
		if !isSpaceRune(r) && quoteKind(r) == qNone {
			return false
		}
	}
	return false
}

// isDebris reports whether a block's text is scraping debris.
func (lex *Lexicon) isDebris(line string) bool {
	// Strip trailing separators: "Also Read:", "Read more »", "Loading...",
	// but not a single full stop ("per share.").
	s := line
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r == ':' || r == 0xBB || r == 0x203A || r == '>' || r == '|' || r == '-' || r == 0x2026 || isSpaceRune(r) {
			s = s[:len(s)-size]
			continue
		}
		if r == '.' && len(s) > 1 && s[len(s)-2] == '.' {
			s = strings.TrimRight(s, ".")
			continue
		}
		break
	}
	if !hasAlnum(s) {
		return runeCount(line) <= debrisSymbolMax
	}
	if len(s) <= lex.maxExact {
		for _, p := range lex.debris {
			if p.match == matchExact && strings.EqualFold(s, p.text) {
				return true
			}
		}
	}
	words := strings.Count(line, " ") + 1
	if words <= prefixMaxWords {
		for _, p := range lex.debris {
			if p.match == matchPrefix && hasPrefixFold(line, p.text) &&
				(len(line) == len(p.text) || !isASCIIWord(line[len(p.text)]) || !isASCIIWord(p.text[len(p.text)-1])) {
				return true
			}
		}
	}
	return words >= 2 && len(line) <= 120 && lex.allShareWords(line)
}

// allShareWords reports whether every word of line is a share-prompt word.
func (lex *Lexicon) allShareWords(line string) bool {
	var buf [24]byte
	n := 0
	words := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && (isASCIILetter(line[i]) || line[i] == '-') {
			if n == len(buf) {
				return false
			}
			buf[n] = line[i] | 0x20
			n++
			continue
		}
		if i < len(line) && line[i] >= utf8.RuneSelf {
			return false
		}
		if n > 0 {
			if !lex.shareWords[string(buf[:n])] {
				return false
			}
			words++
			n = 0
		}
	}
	return words >= 2
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// givenBlocks cleans blocks given by the caller (an HTML extractor, or the
// application's title block): clamped to the text, trimmed of white space,
// empty ones dropped, sorted, overlaps dropped, unknown kinds made
// paragraphs. Paragraphs that are debris
// are re-classified. When every given block is a title, the text after
// them is split as plain text.
func (lex *Lexicon) givenBlocks(text string, given []model.Block) []model.Block {
	out := make([]model.Block, 0, len(given)+len(text)/200+4)
	for _, b := range given {
		s, e := b.Start, b.End
		if s < 0 {
			s = 0
		}
		if e > len(text) {
			e = len(text)
		}
		if s >= e {
			continue
		}
		s, e = trimSpan(text, s, e)
		if s >= e {
			continue
		}
		b.Start, b.End = s, e
		switch b.Kind {
		case model.BlockTitle, model.BlockHeading, model.BlockParagraph, model.BlockQuote, model.BlockDebris:
		default:
			b.Kind = model.BlockParagraph // unknown kinds are read as paragraphs
		}
		out = append(out, b)
	}
	if !sort.SliceIsSorted(out, func(i, j int) bool { return out[i].Start < out[j].Start }) {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	keep := out[:0]
	allTitle := true
	for _, b := range out {
		if len(keep) > 0 && b.Start < keep[len(keep)-1].End {
			continue // overlaps the previous block
		}
		if b.Kind == model.BlockParagraph && lex.isDebris(text[b.Start:b.End]) {
			b.Kind = model.BlockDebris
		}
		if b.Kind != model.BlockTitle {
			allTitle = false
		}
		keep = append(keep, b)
	}
	out = keep
	if allTitle && len(out) > 0 {
		out = lex.plainBlocks(text, out[len(out)-1].End, len(text), out)
	}
	return out
}
