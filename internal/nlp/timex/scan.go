package timex

import (
	"unicode"
	"unicode/utf8"
)

// Word kinds of the stage's own light scanner.
const (
	kWord    uint8 = iota // letters (possibly with digits)
	kDigits               // 0-9 only
	kNum                  // other number: 1,000 or 2.5
	kDecade               // 1990s, 90s
	kOrdinal              // 21st, 3rd
	kAmPm                 // 3pm, 10am
	kPunct                // one punctuation or symbol rune
	kQuarter              // Q1 … Q4 (num = quarter)
	kHalf                 // H1, H2 (num = half)
	kFiscal               // FY2024, FY24 (num = year)
)

// word is one scanned word of a sentence. The stage scans sentence text
// itself (rather than reading a.Tokens) so that hyphenated compounds
// ("three-hour"), abbreviations ("Aug.") and numeric dates split the same
// way whatever the tokenizer did.
type word struct {
	s, e  int    // byte offsets into the analysis text
	t     string // text[s:e]
	x     *entry // lexicon entry of the lower-cased word, nil if none
	num   int    // value of kDigits/kDecade/kOrdinal/kAmPm/kNum (integer part)
	nd    int    // number of digits of kDigits and kDecade
	kind  uint8
	gap   bool // white space (or the sentence start) before the word
	upper bool // starts with an upper-case letter
	pm    bool // kAmPm: p.m.
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scan appends the words of text[s:e] to ws and returns it. It allocates
// only when ws must grow.
func scan(text string, s, e int, lex map[string]*entry, ws []word) []word {
	var buf [24]byte
	gap := true
	i := s
	for i < e {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			gap = true
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:e])
			if unicode.IsSpace(r) {
				gap = true
				i += size
				continue
			}
		}
		start := i
		if !(isDigit(c) || isLetter(r)) {
			ws = append(ws, word{s: start, e: i + size, t: text[start : i+size], kind: kPunct, gap: gap})
			gap = false
			i += size
			continue
		}
		// A run of letters and digits; a number may hold ,ddd groups and one decimal point.
		nLetters, nDigits := 0, 0
		for i < e {
			c := text[i]
			if isDigit(c) {
				nDigits++
				i++
				continue
			}
			if c < utf8.RuneSelf {
				if isLetter(rune(c)) {
					nLetters++
					i++
					continue
				}
				if (c == ',' || c == '.') && nLetters == 0 && nDigits > 0 && i+1 < e && isDigit(text[i+1]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:e])
			if !unicode.IsLetter(r) {
				break
			}
			nLetters++
			i += size
		}
		w := word{s: start, e: i, t: text[start:i], gap: gap, kind: kWord}
		gap = false
		first := text[start]
		w.upper = first >= 'A' && first <= 'Z'
		if !w.upper && first >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(w.t)
			w.upper = unicode.IsUpper(r)
		}
		switch {
		case nLetters == 0 && nDigits == len(w.t):
			w.kind, w.nd = kDigits, nDigits
			w.num = atoi(w.t)
		case nLetters == 0:
			w.kind = kNum
			w.num = atoiPrefix(w.t)
		case nDigits > 0 && isDigit(first):
			// digits followed by letters: 1990s, 21st, 3pm
			j := 0
			for j < len(w.t) && isDigit(w.t[j]) {
				j++
			}
			suf := ""
			if len(w.t)-j <= 2 {
				suf = string(lower(w.t[j:], buf[:]))
			}
			n := atoi(w.t[:j])
			switch {
			case suf == "s" && (j == 4 || j == 2) && n%10 == 0:
				w.kind, w.num, w.nd = kDecade, n, j
			case (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && j <= 2:
				w.kind, w.num = kOrdinal, n
			case (suf == "am" || suf == "pm") && j <= 2:
				w.kind, w.num, w.pm = kAmPm, n, suf == "pm"
			}
		case nDigits == 0 && len(w.t) <= len(buf):
			w.x = lex[string(lower(w.t, buf[:]))]
		case len(w.t) == 2 && (first == 'Q' || first == 'q') && w.t[1] >= '1' && w.t[1] <= '4':
			w.kind, w.num = kQuarter, int(w.t[1]-'0')
		case len(w.t) == 2 && first == 'H' && (w.t[1] == '1' || w.t[1] == '2'):
			w.kind, w.num = kHalf, int(w.t[1]-'0')
		case (len(w.t) == 4 || len(w.t) == 6) && first == 'F' && w.t[1] == 'Y' && isDigit(w.t[2]) && nDigits == len(w.t)-2:
			w.kind, w.num = kFiscal, atoi(w.t[2:])
			if w.num < 100 {
				w.num += 2000
				if w.num > 2070 {
					w.num -= 100
				}
			}
		}
		ws = append(ws, w)
	}
	return ws
}

// lower writes the ASCII lower case of s into buf and returns that part of
// buf (s must fit in buf). Callers use it as a map key in place, which does
// not allocate.
func lower(s string, buf []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)]
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if n > 1e8 {
			return n
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// atoiPrefix reads an integer with ,ddd groups and stops at a decimal point.
func atoiPrefix(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			break
		}
		if isDigit(c) && n < 1e8 {
			n = n*10 + int(c-'0')
		}
	}
	return n
}
