package segment

import (
	"unicode"
	"unicode/utf8"
)

// ASCII character classes.
const (
	cOther uint8 = iota // punctuation and symbols
	cSpace              // whitespace
	cLower              // a-z
	cUpper              // A-Z
	cDigit              // 0-9
	cUnder              // _ (a word character)
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			ascii[c] = cSpace
		case c >= 'a' && c <= 'z':
			ascii[c] = cLower
		case c >= 'A' && c <= 'Z':
			ascii[c] = cUpper
		case c >= '0' && c <= '9':
			ascii[c] = cDigit
		case c == '_':
			ascii[c] = cUnder
		default:
			ascii[c] = cOther
		}
	}
	ascii[0] = cSpace // NUL and other C0 controls separate tokens
	for c := 1; c < 0x20; c++ {
		ascii[c] = cSpace
	}
	ascii[0x7f] = cSpace
}

// isASCIIWord reports whether c is an ASCII letter, digit or underscore.
func isASCIIWord(c byte) bool {
	return c < utf8.RuneSelf && ascii[c] >= cLower
}

// isSpaceByte reports whether c is ASCII white space (or a control).
func isSpaceByte(c byte) bool { return c < utf8.RuneSelf && ascii[c] == cSpace }

// isSpaceRune reports whether r separates tokens: Unicode white space, plus
// zero-width space, byte order mark and word joiner, which are invisible.
func isSpaceRune(r rune) bool {
	switch r {
	case 0x200B, 0xFEFF, 0x2060, 0x180E:
		return true
	}
	if r < utf8.RuneSelf {
		return ascii[r] == cSpace
	}
	return unicode.IsSpace(r) || (r >= 0x80 && r < 0xA0) // C1 controls
}

// isWordRune reports whether r (decoded with size bytes) is part of a word:
// letters, digits, combining marks, the soft hyphen, and undecodable bytes
// or U+FFFD (so that broken text keeps its words together).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	if r == utf8.RuneError || r == 0xAD {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// decode returns the rune at s[i:] and its size, with invalid bytes as
// (RuneError, 1). i must be < len(s).
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordAt reports whether a word rune starts at s[i:] (false at the end).
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return isASCIIWord(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// isHyphen reports whether r joins the parts of a compound word.
func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

// isApostrophe reports whether r can be an apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == 0x2019 || r == 0x02BC }

// isDash reports whether r is a dash that is always a token of its own.
func isDash(r rune) bool {
	switch r {
	case 0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
		return true
	}
	return false
}

// Quote directions.
const (
	qNone  = iota
	qOpen  // opens a quotation: “ ‘ « ‹ „ ‚ 「 『
	qClose // closes one: ” ’ » › 」 』
	qBoth  // either, by context: " ' ''
)

func quoteKind(r rune) int {
	switch r {
	case 0x201C, 0x2018, 0x00AB, 0x2039, 0x201E, 0x201A, 0x300C, 0x300E, 0x201F, 0x201B:
		return qOpen
	case 0x201D, 0x2019, 0x00BB, 0x203A, 0x300D, 0x300F:
		return qClose
	case '"', '\'', '`', 0xFF02:
		return qBoth
	}
	return qNone
}

// isEmoji reports whether r starts an emoji (pictographs, dingbats,
// regional indicators and other symbols shown as emoji).
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF:
		return true
	case r >= 0x2600 && r <= 0x27BF:
		return true
	case r >= 0x2B00 && r <= 0x2BFF:
		return true
	case r >= 0x1FC00 && r <= 0x1FFFF:
		return true
	case r == 0x203C || r == 0x2049 || r == 0x2122 || r == 0x2139 || r == 0x231A || r == 0x231B || r == 0x2328 || r == 0x23CF:
		return true
	case r >= 0x23E9 && r <= 0x23FA:
		return true
	}
	return false
}

// isEmojiModifier reports whether r continues an emoji sequence.
func isEmojiModifier(r rune) bool {
	switch {
	case r == 0xFE0F || r == 0xFE0E || r == 0x20E3:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag sequences (flags of regions)
		return true
	}
	return false
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isUpperRune reports whether r is an upper-case or title-case letter.
func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == cUpper
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isLowerRune reports whether r is a lower-case letter.
func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == cLower
	}
	return unicode.IsLower(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
