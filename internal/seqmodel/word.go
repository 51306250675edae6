package seqmodel

import (
	"unicode"
	"unicode/utf8"
)

// Word flags.
const (
	FlagInitUpper uint32 = 1 << iota // first letter is upper case
	FlagAllUpper                     // has letters, none lower case
	FlagHasLower
	FlagHasDigit
	FlagAllDigit // only digits and . , : / -
	FlagHasHyphen
	FlagHasPeriod
	FlagPunct      // no letter or digit
	FlagHasCluster // a cluster path was found
	FlagLong       // more than 12 letters
	FlagURL        // looks like a URL or e-mail
	FlagLowerKnown // the lower-case form is a word of the cluster vocabulary
	FlagTitleKnown // the Title-case form is a word of the cluster vocabulary
	FlagHasUpper   // has an upper-case letter anywhere
)

// Word holds the hashed atoms of one token, computed once and shared by all
// feature templates. Atoms are opaque 64-bit hashes; combine them with Mix.
type Word struct {
	Form   uint64 // normalised form (typographic quotes and dashes made ASCII)
	Lower  uint64 // lower case, digits → 0
	Shape  uint64 // Xxxx-dd shape, every character
	SShape uint64 // shape with runs collapsed (Xx-d)
	Pre    [4]uint64
	Suf    [4]uint64
	Clus   [4]uint64 // cluster path prefixes (coarse … full); 0 when unknown
	Flags  uint32
}

// Mix combines feature atoms; finish with Fin.
func Mix(h, a uint64) uint64 {
	h ^= a + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	return h * fnvPrime
}

// Feat returns the finished feature for template t and one atom.
func Feat(t uint16, a uint64) uint64 { return Fin(Mix(H(t), a)) }

// Feat2 returns the finished feature for template t and two atoms.
func Feat2(t uint16, a, b uint64) uint64 { return Fin(Mix(Mix(H(t), a), b)) }

// Feat3 returns the finished feature for template t and three atoms.
func Feat3(t uint16, a, b, c uint64) uint64 { return Fin(Mix(Mix(Mix(H(t), a), b), c)) }

// Atom hashes a string into an atom.
func Atom(s string) uint64 { return S(fnvOffset, s) }

// normRune maps typographic punctuation to the ASCII that news corpora use.
func normRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u201b', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return '"'
	case '\u2013', '\u2014', '\u2012', '\u2212':
		return '-'
	case '\u00a0':
		return ' '
	}
	return r
}

func shapeOf(r rune) byte {
	switch {
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return '*'
	}
	return '?'
}

// Analyze fills w from the token text s, looking s up in cl (may be nil).
// scratch is a reusable buffer; the grown buffer is returned. Analyze does
// not allocate once scratch is large enough.
func Analyze(s string, cl *Clusters, w *Word, scratch []byte) []byte {
	*w = Word{}
	// normalised form and lower form into scratch: [form | lower]
	buf := scratch[:0]
	nLetters, nUpper, nLower, nDigit, nOther := 0, 0, 0, 0, 0
	for _, r := range s {
		r = normRune(r)
		buf = utf8.AppendRune(buf, r)
	}
	formEnd := len(buf)
	first := true
	shapeH, sshapeH := uint64(fnvOffset), uint64(fnvOffset)
	var lastShape byte
	shapeLen := 0
	for i := 0; i < formEnd; {
		r, sz := utf8.DecodeRune(buf[i:])
		i += sz
		switch {
		case unicode.IsLetter(r):
			nLetters++
			if unicode.IsUpper(r) {
				nUpper++
				if first {
					w.Flags |= FlagInitUpper
				}
			} else {
				nLower++
			}
			first = false
		case r >= '0' && r <= '9' || unicode.IsDigit(r):
			nDigit++
			first = false
		default:
			switch r {
			case '-':
				w.Flags |= FlagHasHyphen
			case '.':
				w.Flags |= FlagHasPeriod
			case ',', ':', '/':
			default:
				nOther++
			}
		}
		c := shapeOf(r)
		if shapeLen < 16 {
			shapeH ^= uint64(c)
			shapeH *= fnvPrime
			shapeLen++
		}
		if c != lastShape {
			sshapeH ^= uint64(c)
			sshapeH *= fnvPrime
			lastShape = c
		}
		lr := unicode.ToLower(r)
		if lr >= '0' && lr <= '9' {
			lr = '0'
		}
		buf = utf8.AppendRune(buf, lr)
	}
	form := buf[:formEnd]
	lower := buf[formEnd:]
	w.Form = SB(fnvOffset, form)
	w.Lower = SB(fnvOffset, lower)
	w.Shape = shapeH
	w.SShape = sshapeH
	if nUpper > 0 && nLower == 0 {
		w.Flags |= FlagAllUpper
	}
	if nLower > 0 {
		w.Flags |= FlagHasLower
	}
	if nUpper > 0 {
		w.Flags |= FlagHasUpper
	}
	if nDigit > 0 {
		w.Flags |= FlagHasDigit
		if nLetters == 0 && nOther == 0 {
			w.Flags |= FlagAllDigit
		}
	}
	if nLetters == 0 && nDigit == 0 {
		w.Flags |= FlagPunct
	}
	if nLetters > 12 {
		w.Flags |= FlagLong
	}
	if looksURL(s) {
		w.Flags |= FlagURL
	}
	// prefixes and suffixes of the lower form, in runes (up to 4)
	n := utf8.RuneCount(lower)
	p := 0
	for k := 0; k < 4 && k < n; k++ {
		_, sz := utf8.DecodeRune(lower[p:])
		p += sz
		w.Pre[k] = SB(fnvOffset^uint64(k+1), lower[:p])
	}
	q := len(lower)
	for k := 0; k < 4 && k < n; k++ {
		_, sz := utf8.DecodeLastRune(lower[:q])
		q -= sz
		w.Suf[k] = SB(fnvOffset^uint64(k+11), lower[q:])
	}
	if cl != nil {
		path, ok := cl.lookup(string(form))
		lpath, lok := cl.lookup(string(lower))
		if lok {
			w.Flags |= FlagLowerKnown
		}
		if len(lower) > 0 {
			// "JAPAN" → "Japan": capitals-only text finds the clusters of names
			r, sz := utf8.DecodeRune(lower)
			start := len(buf)
			buf = utf8.AppendRune(buf, unicode.ToUpper(r))
			buf = append(buf, lower[sz:]...)
			tpath, tok := cl.lookup(string(buf[start:]))
			if tok {
				w.Flags |= FlagTitleKnown
			}
			if !ok && !lok && tok && nUpper > 0 {
				path, ok = tpath, true
			}
		}
		if !ok && lok {
			path, ok = lpath, true
		}
		if ok {
			w.Flags |= FlagHasCluster
			for k, pl := range clusterPrefixes {
				w.Clus[k] = S(fnvOffset^uint64(k+21), path[:min(pl, len(path))])
			}
		}
	}
	return buf
}

func looksURL(s string) bool {
	if len(s) < 5 {
		return false
	}
	for i := 0; i+3 <= len(s); i++ {
		if s[i] == ':' && s[i+1] == '/' && s[i+2] == '/' {
			return true
		}
	}
	at, dot := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '@':
			at = i > 0
		case '.':
			dot = at
		}
	}
	if at && dot {
		return true
	}
	return len(s) > 4 && (s[:4] == "www." || s[:4] == "WWW.")
}
