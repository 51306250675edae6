package gazetteer

import "unicode/utf8"

// latinA folds U+0100–U+017F (Latin Extended-A) to base letters.
const latinA = "aaaaaacccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ij" + "jj" + "kkk" +
	"llllllllll" + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s"

// latin1 folds U+00C0–U+00FF; '*' marks characters that are not letters.
const latin1 = "aaaaaaaceeeeiiii" + "dnooooo*ouuuuy*s" + "aaaaaaaceeeeiiii" + "dnooooo*ouuuuy*y"

// Fold appends the match key of s to dst: lowercase, Latin diacritics
// removed, apostrophes and periods dropped, any other run of non-letters
// (spaces, hyphens, commas) one space, and the abbreviations St/Ste/Ft/Mt
// spelt out ("St. Louis" → "saint louis", "Fort-de-France" → "fort de
// france"). Letters of other scripts are kept, lowercased. Fold does not
// allocate when dst has room.
func Fold(dst []byte, s string) []byte {
	start := len(dst)
	word := len(dst) // start of the current word in dst
	space := false
	flush := func() {
		w := string(dst[word:]) // no allocation: compared only
		var rep string
		switch w {
		case "st":
			rep = "saint"
		case "ste":
			rep = "sainte"
		case "ft":
			rep = "fort"
		case "mt":
			rep = "mount"
		default:
			return
		}
		dst = append(dst[:word], rep...)
	}
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 0xAD:
			continue
		case r >= 0xC0 && r <= 0xFF:
			switch r {
			case 'ß':
				dst = appendLetter(dst, &space, start, &word, 's')
				r = 's'
			case 'æ', 'Æ':
				dst = appendLetter(dst, &space, start, &word, 'a')
				r = 'e'
			case 'þ', 'Þ':
				dst = appendLetter(dst, &space, start, &word, 't')
				r = 'h'
			default:
				b := latin1[r-0xC0]
				if b == '*' {
					r = ' '
				} else {
					r = rune(b)
				}
			}
		case r >= 0x100 && r <= 0x17F:
			if r == 'œ' || r == 'Œ' {
				dst = appendLetter(dst, &space, start, &word, 'o')
				r = 'e'
			} else {
				r = rune(latinA[r-0x100])
			}
		case r >= 0x218 && r <= 0x21B: // Ș ș Ț ț
			r = rune("sstt"[r-0x218])
		case r < 0x80 || r == 0xA0 || r >= 0x2000 && r <= 0x206F:
			r = ' '
		default:
			if isUpper(r) {
				r = toLower(r)
			}
		}
		if r == ' ' {
			if len(dst) > start && !space {
				flush()
				space = true
			}
			continue
		}
		dst = appendLetter(dst, &space, start, &word, r)
	}
	if len(dst) > start && !space {
		flush()
	}
	return dst
}

// appendLetter writes r, first closing a pending separator with one space.
func appendLetter(dst []byte, space *bool, start int, word *int, r rune) []byte {
	if *space {
		dst = append(dst, ' ')
		*word = len(dst)
		*space = false
	} else if len(dst) == start {
		*word = start
	}
	return utf8.AppendRune(dst, r)
}

func isUpper(r rune) bool {
	return (r >= 0x391 && r <= 0x3A9) || (r >= 0x410 && r <= 0x42F) || (r >= 0x400 && r <= 0x40F)
}

func toLower(r rune) rune {
	switch {
	case r >= 0x391 && r <= 0x3A9:
		return r + 0x20
	case r >= 0x410 && r <= 0x42F:
		return r + 0x20
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	}
	return r
}

// FoldString returns Fold of s as a string.
func FoldString(s string) string { return string(Fold(nil, s)) }
