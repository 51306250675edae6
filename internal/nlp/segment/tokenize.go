package segment

import (
	"unicode/utf8"

	"herald/internal/model"
)

// tokenizer appends the tokens of text[start:end] to toks. It follows the
// CoNLL-2003 / Penn Treebank conventions: punctuation split off, clitics and
// possessives split ("Putin's" → "Putin" "'s", "don't" → "do" "n't"), quotes
// separate, abbreviations with their period ("U.S.", "Gen."), numbers whole
// ("50,000", "2.5"), URLs, e-mail addresses, @handles, #hashtags and emoji
// one token each, hyphenated compounds one token with Parts.
type tokenizer struct {
	lex   *Lexicon
	text  string
	from  int // start of the block being tokenized
	toks  []model.Token
	parts []model.Span // shared backing store for Token.Parts
}

func (t *tokenizer) emit(s, e int) {
	if len(t.toks) == cap(t.toks) {
		// Grow by doubling: tokens are large, and append's gentler growth
		// for big slices copies them too often on token-dense input.
		grown := make([]model.Token, len(t.toks), 2*cap(t.toks)+64)
		copy(grown, t.toks)
		t.toks = grown
	}
	t.toks = append(t.toks, model.Token{Start: s, End: e, Text: t.text[s:e]})
}

// run tokenizes text[start:end].
func (t *tokenizer) run(start, end int) {
	text := t.text[:end]
	t.from = start
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch ascii[c] {
			case cSpace:
				i++
			case cOther:
				i = t.punct(text, i)
			default:
				i = t.word(text, i, i)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isSpaceRune(r):
			i += size
		case isWordRune(r):
			i = t.word(text, i, i)
		case isEmoji(r) || isRegional(r):
			i = t.emoji(text, i)
		case r == 0x2019:
			// ’ as apostrophe: a clitic after a token ("U.S.’s"), a
			// decade ("’90s"); else a closing quote.
			j := i + size
			if k := cliticAfter(text, i, j); k > 0 {
				j = k
			} else if k := decadeEnd(text, j); k > 0 {
				j = k
			}
			t.emit(i, j)
			i = j
		default:
			// Quotes, dashes, the ellipsis and other symbols: one rune each.
			t.emit(i, i+size)
			i += size
		}
	}
}

// punct handles an ASCII punctuation or symbol byte at text[i].
func (t *tokenizer) punct(text string, i int) int {
	c := text[i]
	n := len(text)
	j := i + 1
	switch c {
	case '.':
		for j < n && text[j] == '.' {
			j++
		}
		// A number without its leading zero (".125"), after a space or
		// bracket.
		if j == i+1 && j < n && isDigitByte(text[j]) && (i == 0 || isSpaceByte(text[i-1]) || text[i-1] == '(' || text[i-1] == '$') {
			j = scanRun(text, j)
		}
	case '-':
		for j < n && text[j] == '-' {
			j++
		}
	case '!', '?':
		for j < n && (text[j] == '!' || text[j] == '?') {
			j++
		}
	case '`':
		for j < n && text[j] == '`' {
			j++
		}
	case '\'':
		if j < n && text[j] == '\'' {
			j++ // '' closing quote
		} else if k := cliticAfter(text, i, j); k > 0 {
			j = k // "U.S.'s"
		} else if k := decadeEnd(text, j); k > 0 {
			j = k // '90s
		}
	case '#':
		// #hashtag: a letter first, then word characters.
		if j < n {
			r, _ := decode(text, j)
			if isWordRune(r) && !(r < utf8.RuneSelf && ascii[r] == cDigit) {
				j = scanHandle(text, j, true)
			}
		}
	case '@':
		if j < n && isASCIIWord(text[j]) {
			j = scanHandle(text, j, false)
		}
	case '+':
		// A signed number: "+44", "+0.05".
		if j < n && isDigitByte(text[j]) && (i == t.from || !wordAt(text, i-1)) {
			return t.word(text, i, j)
		}
	}
	t.emit(i, j)
	return j
}

// cliticAfter returns the end of a clitic ("'s", "'re", …) whose
// apostrophe text[i:j] directly follows a token (no space before it), or 0.
func cliticAfter(text string, i, j int) int {
	if i == 0 {
		return 0
	}
	if isSpaceByte(text[i-1]) {
		return 0
	}
	m := j
	for m < len(text) && m < j+2 && isASCIILetter(text[m]) {
		m++
	}
	if m > j && !wordAt(text, m) && clitic(text[j:m]) == cliticSplit {
		return m
	}
	return 0
}

// decadeEnd returns the end of "90s" or "90" after an apostrophe at j-1
// ("'90s"), or 0.
func decadeEnd(text string, j int) int {
	if j+1 < len(text) && isDigitByte(text[j]) && isDigitByte(text[j+1]) {
		k := j + 2
		if k < len(text) && text[k] == 's' {
			k++
		}
		if !wordAt(text, k) {
			return k
		}
	}
	return 0
}

// scanHandle scans the word characters of a handle or hashtag from j.
// Hashtags may hold any letters; handles only ASCII.
func scanHandle(text string, j int, unicodeOK bool) int {
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				break
			}
			j++
			continue
		}
		if !unicodeOK {
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			break
		}
		j += size
	}
	return j
}

// emoji emits one emoji with its modifiers, joined sequences and flag pairs.
func (t *tokenizer) emoji(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	if isRegional(r) {
		if j < len(text) {
			if r2, s2 := utf8.DecodeRuneInString(text[j:]); isRegional(r2) {
				j += s2
			}
		}
		t.emit(i, j)
		return j
	}
	for j < len(text) {
		r, size = utf8.DecodeRuneInString(text[j:])
		if isEmojiModifier(r) {
			j += size
			continue
		}
		if r == 0x200D && j+size < len(text) { // zero-width joiner
			if r2, s2 := utf8.DecodeRuneInString(text[j+size:]); isEmoji(r2) {
				j += size + s2
				continue
			}
		}
		break
	}
	t.emit(i, j)
	return j
}

// hasPrefixFold reports whether s starts with the ASCII lower-case prefix p,
// ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// urlStart reports whether a URL starts at text[i:].
func urlStart(text string, i int) bool {
	s := text[i:]
	switch s[0] {
	case 'h', 'H':
		return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
	case 'w', 'W':
		return hasPrefixFold(s, "www.") && wordAt(s, 4)
	case 'f', 'F':
		return hasPrefixFold(s, "ftp://")
	}
	return false
}

// url emits the URL starting at text[i]: everything up to white space or a
// quote mark, less trailing punctuation and unbalanced closing brackets.
func (t *tokenizer) url(text string, i int) int {
	j := i
	open := 0
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if ascii[c] == cSpace || c == '"' || c == '<' || c == '>' || c == '`' {
				break
			}
			if c == '(' {
				open++
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isSpaceRune(r) || quoteKind(r) != qNone || isDash(r) || r == 0x2026 {
			break
		}
		j += size
	}
	// Trim trailing punctuation.
	for j > i {
		c := text[j-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' {
			j--
			continue
		}
		if c == ')' && open == 0 || c == ']' || c == '}' {
			j--
			continue
		}
		if c == ')' {
			open--
		}
		break
	}
	t.emit(i, j)
	return j
}

// word scans a word from text[i] (a word rune) with its joined pieces:
// internal periods ("U.S.", "2.5", "bbc.co.uk"), digit groups ("50,000"),
// times ("10:30"), fractions ("3/8"), ampersand acronyms ("AT&T"), inner
// apostrophes ("O'Brien"), hyphenated compounds ("Russia-Ukraine", with
// Parts), and an abbreviation's final period. Clitics are split off.
//
// The token starts at text[i]; scanning starts at text[from] (i < from when
// a sign comes first).
func (t *tokenizer) word(text string, i, from int) int {
	if urlStart(text, from) {
		return t.url(text, i)
	}
	n := len(text)
	partStart := i    // start of the current hyphen-separated part
	segStart := from  // start of the current period-separated segment
	shortSegs := true // every period-separated segment of this part is ≤ 2 runes
	dotted := false   // the current part has an internal period
	partsBase := len(t.parts)
	compound := false
	j := from
	for {
		j = scanRun(text, j)
		if j >= n {
			break
		}
		c := text[j]
		if c == '.' {
			if j+1 < n && t.joinDot(text, segStart, j) {
				if runeCount(text[segStart:j]) > 2 {
					shortSegs = false
				}
				dotted = true
				j++
				segStart = j
				continue
			}
			// A final period: part of the token for abbreviations.
			if t.keepFinalPeriod(text, i, partStart, segStart, j, dotted, shortSegs) {
				j++
				// "U.S.-led": a hyphen may follow.
				if j < n && text[j] == '-' && wordAt(text, j+1) {
					t.parts = append(t.parts, model.Span{Start: partStart, End: j})
					compound = true
					j++
					partStart, segStart, shortSegs, dotted = j, j, true, false
					continue
				}
			}
			break
		}
		if c == ',' {
			// Digit groups: "50,000", "1,234,567".
			if isDigitByte(text[j-1]) && j+4 <= n && allDigits(text[j+1:j+4]) && (j+4 == n || !isDigitByte(text[j+4])) {
				j++
				continue
			}
			break
		}
		if c == ':' || c == '/' {
			if isDigitByte(text[j-1]) && j+1 < n && isDigitByte(text[j+1]) {
				j++
				continue
			}
			break
		}
		if c == '&' {
			// "AT&T", "S&P", "M&A".
			if j+1 < n && text[j+1] >= 'A' && text[j+1] <= 'Z' && allUpper(text[segStart:j]) && j-segStart <= 4 {
				j++
				continue
			}
			break
		}
		if c == '$' && j-partStart <= 2 && partStart == i && allUpper(text[i:j]) {
			j++ // currencies: "C$", "US$", "HK$"
			break
		}
		if c == '@' {
			if e := emailEnd(text, j); e > 0 {
				t.parts = t.parts[:partsBase]
				t.emit(i, e)
				return e
			}
			break
		}
		r, size := decode(text, j)
		if isHyphen(r) {
			if wordAt(text, j+size) {
				t.parts = append(t.parts, model.Span{Start: partStart, End: j})
				compound = true
				j += size
				partStart, segStart, shortSegs, dotted = j, j, true, false
				continue
			}
			break
		}
		if isApostrophe(r) {
			k := j + size
			m := k
			for m < n && isASCIILetter(text[m]) {
				m++
			}
			if m > k && !wordAt(text, m) {
				switch clitic(text[k:m]) {
				case cliticSplit:
					t.finishWord(i, j, partStart, partsBase, compound)
					t.emit(j, m)
					return m
				case cliticNT:
					if (text[j-1] == 'n' || text[j-1] == 'N') && j-1 > partStart {
						t.finishWord(i, j-1, partStart, partsBase, compound)
						t.emit(j-1, m)
						return m
					}
				}
			}
			if wordAt(text, k) {
				j = k // "O'Brien", "d'Italia", "rock'n'roll"
				continue
			}
			break
		}
		break
	}
	t.finishWord(i, j, partStart, partsBase, compound)
	return j
}

// finishWord emits the word text[i:j]; for a compound it closes the last
// part and attaches the parts collected since partsBase.
func (t *tokenizer) finishWord(i, j, partStart, partsBase int, compound bool) {
	if j <= i {
		t.parts = t.parts[:partsBase]
		return
	}
	t.emit(i, j)
	if compound && partStart < j {
		t.parts = append(t.parts, model.Span{Start: partStart, End: j})
		p := t.parts[partsBase:len(t.parts):len(t.parts)]
		t.toks[len(t.toks)-1].Parts = p
		return
	}
	t.parts = t.parts[:partsBase]
}

// scanRun returns the end of the run of word runes starting at j.
func scanRun(text string, j int) int {
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				return j
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			return j
		}
		j += size
	}
	return j
}

// joinDot decides whether the period at text[j] (between segment
// text[segStart:j] and a following character) is inside a token.
func (t *tokenizer) joinDot(text string, segStart, j int) bool {
	prev := text[j-1]
	r, _ := decode(text, j+1)
	if isDigitByte(prev) && r < utf8.RuneSelf && isDigitByte(byte(r)) {
		return true // 2.5, 1.2.3.4
	}
	if !isWordRune(r) || (r < utf8.RuneSelf && ascii[r] == cDigit) {
		return false
	}
	if isLowerRune(r) {
		return !isDigitByte(prev) // e.g, a.m, bbc.co.uk
	}
	if !isUpperRune(r) {
		return false
	}
	// Upper case after the period: only acronyms ("U.S", "Ph.D.").
	seg := runeCount(text[segStart:j])
	if seg == 1 && !isDigitByte(prev) {
		return true
	}
	if seg == 2 && isUpperRune(firstRune(text[segStart:j])) {
		_, sz := decode(text, j+1)
		k := j + 1 + sz
		return k < len(text) && text[k] == '.'
	}
	return false
}

// keepFinalPeriod decides whether the period at text[j] ending the word
// part text[partStart:j] belongs to the token (an abbreviation).
func (t *tokenizer) keepFinalPeriod(text string, wordStart, partStart, segStart, j int, dotted, shortSegs bool) bool {
	if j+1 < len(text) && text[j+1] == '.' {
		return false // an ellipsis follows
	}
	part := text[partStart:j]
	if partStart == wordStart && len(part) <= 3 && allDigits(part) {
		// A list number at the start of a line: "1. Pivotal".
		return j+1 < len(text) && isSpaceByte(text[j+1]) && t.lineStart(wordStart)
	}
	if dotted {
		// "U.S.", "a.m.", "Ph.D." but not "bbc.co.uk." or "2.5."
		last := text[segStart:j]
		return shortSegs && runeCount(last) <= 2 && !isDigitByte(last[0])
	}
	if runeCount(part) == 1 {
		// An initial ("W."), but not "I." nor the last part of a compound
		// ("Jay-Z.").
		return part != "I" && partStart == wordStart && isUpperRune(firstRune(part))
	}
	switch t.lex.abbrev[part] {
	case abbrevTitle, abbrevGeneral:
		return true
	case abbrevNumber:
		k := j + 1
		for k < len(text) && k < j+3 && text[k] == ' ' {
			k++
		}
		return k < len(text) && isDigitByte(text[k])
	}
	return false
}

// lineStart reports whether only spaces or tabs stand between the start of
// its line (or block) and text[i].
func (t *tokenizer) lineStart(i int) bool {
	for i > t.from {
		c := t.text[i-1]
		if c == '\n' || c == '\r' {
			return true
		}
		if c != ' ' && c != '\t' {
			return false
		}
		i--
	}
	return true
}

// emailEnd returns the end of an e-mail address whose "@" is at text[j]
// (the local part already scanned before it), or 0.
func emailEnd(text string, j int) int {
	k := j + 1
	dots := 0
	lastDot := -1
	for k < len(text) {
		c := text[k]
		if c < utf8.RuneSelf && (isASCIIWord(c) || c == '-') {
			k++
			continue
		}
		if c == '.' && k+1 < len(text) && isASCIIWord(text[k+1]) && k > j+1 && text[k-1] != '.' {
			dots++
			lastDot = k
			k++
			continue
		}
		break
	}
	if dots == 0 || k-lastDot < 3 {
		return 0
	}
	return k
}

// Clitic classes.
const (
	cliticNone = iota
	cliticSplit
	cliticNT
)

// clitic classifies the ASCII letters after an apostrophe.
func clitic(s string) int {
	switch len(s) {
	case 1:
		switch s[0] | 0x20 {
		case 's', 'm', 'd':
			return cliticSplit
		case 't':
			return cliticNT
		}
	case 2:
		a, b := s[0]|0x20, s[1]|0x20
		if (a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e') {
			return cliticSplit
		}
	}
	return cliticNone
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigitByte(s[k]) {
			return false
		}
	}
	return len(s) > 0
}

func allUpper(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < 'A' || s[k] > 'Z' {
			return false
		}
	}
	return len(s) > 0
}

func runeCount(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if s[k] < utf8.RuneSelf || s[k] >= 0xC0 {
			n++
		}
	}
	return n
}

func firstRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	r, _ := decode(s, 0)
	return r
}
