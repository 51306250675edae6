package countries

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the lookup key of a name: lower case, Latin diacritics folded
// ("Côte" → "cote"), apostrophes and full stops dropped ("U.S." → "us",
// "Côte d'Ivoire" → "cote divoire"), "&" read as "and", every other run of
// punctuation or space turned into one space, and a leading "the" dropped.
// Two names match when their keys are equal. Key is safe for concurrent use.
func Key(s string) string {
	var buf [64]byte
	return string(appendKey(buf[:0], s))
}

// AppendKey appends the key of s (see Key) to dst and returns the extended
// buffer; with a reused buffer it does not allocate. A map lookup
// m[string(buf)] with the result does not allocate either.
func AppendKey(dst []byte, s string) []byte { return appendKey(dst, s) }

// appendKey appends the key of s to dst (see Key).
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator is pending
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = emitSep(dst, start, &space)
				dst = append(dst, c)
			case c >= 'A' && c <= 'Z':
				dst = emitSep(dst, start, &space)
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == '.' || c == '`':
				// dropped: "U.S." → "us", "d'Ivoire" → "divoire"
			case c == '&':
				space = true
				dst = emitSep(dst, start, &space)
				dst = append(dst, "and"...)
				space = true
			default:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘', 'ʼ', 'ʻ', '´', '′':
			continue
		}
		f, ok := fold[r]
		if !ok {
			// Fold the lower-case form too ("Ƒ" → "ƒ" → "f"), so that Key is
			// idempotent.
			f, ok = fold[unicode.ToLower(r)]
		}
		if ok {
			dst = emitSep(dst, start, &space)
			for j := 0; j < len(f); j++ {
				b := f[j]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				dst = append(dst, b)
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = emitSep(dst, start, &space)
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark left over from decomposed input
		}
		space = true
	}
	if k := dst[start:]; len(k) > 4 && string(k[:4]) == "the " {
		dst = append(dst[:start], k[4:]...)
	}
	return dst
}

func emitSep(dst []byte, start int, space *bool) []byte {
	if *space && len(dst) > start {
		dst = append(dst, ' ')
	}
	*space = false
	return dst
}

// capsOnly reports whether s has at least one letter and no lower-case
// letter: "US", "U.S.", "UAE" (forms that must not match "us" or "uae").
func capsOnly(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// isAbbrev reports whether a listed name is an abbreviation: written in
// capitals only, at most six letters ("US", "U.S.A.", "DPRK").
func isAbbrev(s string) bool {
	if !capsOnly(s) {
		return false
	}
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n <= 6
}
