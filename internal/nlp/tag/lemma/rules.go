package lemma

import "strings"

// noun undoes a plural ending of a lower-case word tagged NNS or NNPS.
func (l *Lemmatizer) noun(w string) string {
	if v, ok := l.lookup(noun, w); ok {
		return v
	}
	n := len(w)
	if n >= 5 && strings.HasSuffix(w, "men") {
		return w[:n-2] + "an" // women → woman, gunmen → gunman
	}
	if n < 3 || w[n-1] != 's' {
		return w
	}
	switch {
	case hasAnySuffix(w, "ss", "us", "sis", "xis", "'s"):
		return w
	case n > 4 && strings.HasSuffix(w, "ies"):
		if b, ok := l.isBase(noun, w[:n-1]); ok { // movies → movie
			return b
		}
		return w[:n-3] + "y" // countries → country
	case hasAnySuffix(w, "ses", "xes", "zes", "ches", "shes"):
		if b, ok := l.isBase(noun, w[:n-1]); ok { // houses → house
			return b
		}
		return w[:n-2] // buses → bus, churches → church
	case strings.HasSuffix(w, "oes"):
		if b, ok := l.isBase(noun, w[:n-1]); ok { // shoes → shoe
			return b
		}
		return w[:n-2] // heroes → hero
	}
	return w[:n-1] // strikes → strike, talks → talk
}

// verb undoes an inflection of a lower-case word tagged VB*.
func (l *Lemmatizer) verb(w, pos string) string {
	if pos == "VB" || pos == "VBP" {
		if b, ok := l.isBase(verb, w); ok {
			return b
		}
		if v, ok := l.lookup(verb, w); ok {
			return v // are → be, 're → be
		}
		return w
	}
	if v, ok := l.lookup(verb, w); ok {
		return v
	}
	n := len(w)
	switch pos {
	case "VBZ":
		if n < 3 || w[n-1] != 's' || strings.HasSuffix(w, "ss") {
			return w
		}
		if n > 4 && strings.HasSuffix(w, "ies") {
			return w[:n-3] + "y" // carries → carry
		}
		if strings.HasSuffix(w, "es") {
			if b, ok := l.isBase(verb, w[:n-1]); ok { // strikes → strike
				return b
			}
			if b, ok := l.isBase(verb, w[:n-2]); ok { // pushes → push
				return b
			}
			if hasAnySuffix(w, "sses", "shes", "ches", "xes", "zzes") {
				return w[:n-2]
			}
		}
		return w[:n-1]
	case "VBD", "VBN":
		if n < 4 || !strings.HasSuffix(w, "ed") {
			return w // irregular forms not in the tables, e.g. "put"
		}
		if b, ok := l.isBase(verb, w[:n-1]); ok { // agreed → agree, used → use, died → die
			return b
		}
		if strings.HasSuffix(w, "ied") && n > 4 {
			return w[:n-3] + "y" // carried → carry
		}
		return l.stem(w[:n-2]) // threatened → threaten
	case "VBG":
		if n < 5 || !strings.HasSuffix(w, "ing") {
			return w
		}
		x := w[:n-3]
		if cvc(x) {
			if b, ok := l.isBase(verb, x+"e"); ok { // hoping → hope
				return b
			}
		}
		if strings.HasSuffix(x, "y") && len(x) > 1 {
			if b, ok := l.isBase(verb, x[:len(x)-1]+"ie"); ok { // vying → vie
				return b
			}
		}
		return l.stem(x)
	}
	return w
}

// stem finds the base of x, a verb with -ed or -ing removed: x itself,
// x+"e", x with a doubled final consonant undone, or by spelling
// heuristics for words WordNet lacks.
func (l *Lemmatizer) stem(x string) string {
	if b, ok := l.isBase(verb, x); ok {
		return b
	}
	if b, ok := l.isBase(verb, x+"e"); ok { // making → make
		return b
	}
	n := len(x)
	if n >= 3 && doubled(x) {
		if b, ok := l.isBase(verb, x[:n-1]); ok { // stopped → stop
			return b
		}
		if x[n-1] != 'l' && x[n-1] != 's' && x[n-1] != 'z' && x[n-1] != 'f' {
			return x[:n-1]
		}
		return x
	}
	if needsE(x) {
		return x + "e" // weaponized → weaponize
	}
	return x
}

// adjective undoes -er/-est of a lower-case comparative or superlative.
func (l *Lemmatizer) adjective(w string, c class) string {
	if v, ok := l.lookup(c, w); ok {
		return v
	}
	if c == adv {
		if v, ok := l.lookup(adj, w); ok {
			return v
		}
	}
	n := len(w)
	var x string
	switch {
	case n >= 6 && strings.HasSuffix(w, "est"):
		x = w[:n-3]
	case n >= 5 && strings.HasSuffix(w, "er"):
		x = w[:n-2]
	default:
		return w
	}
	if strings.HasSuffix(x, "i") {
		return x[:len(x)-1] + "y" // easier → easy
	}
	if b, ok := l.isBase(adj, x+"e"); ok { // larger → large
		return b
	}
	if doubled(x) && x[len(x)-1] != 'l' && x[len(x)-1] != 's' {
		return x[:len(x)-1] // hotter → hot
	}
	return x
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// doubled reports whether s ends in a doubled consonant ("stopp").
func doubled(s string) bool {
	n := len(s)
	return n >= 2 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && s[n-1] >= 'a' && s[n-1] <= 'z'
}

// cvc reports whether s ends consonant-vowel-consonant, the final consonant
// not w, x or y ("hop", "rul"): where a silent e may have been dropped.
func cvc(s string) bool {
	n := len(s)
	if n < 3 {
		return false
	}
	a, b, c := s[n-3], s[n-2], s[n-1]
	return a >= 'a' && a <= 'z' && !isVowel(a) && isVowel(b) && c >= 'a' && c <= 'z' && !isVowel(c) &&
		c != 'w' && c != 'x' && c != 'y'
}

// needsE reports whether a stem unknown to WordNet most likely ends in a
// silent e: -iz/-is(e), -at(e), -v(e), -c(e), -g(e), -ur(e), consonant+l(e), …
func needsE(x string) bool {
	n := len(x)
	if n < 3 {
		return false
	}
	if hasAnySuffix(x, "iz", "yz", "ys", "ur", "ud", "od", "id", "ut", "ot") ||
		(strings.HasSuffix(x, "is") && n > 4) || (strings.HasSuffix(x, "at") && n > 4 && !isVowel(x[n-3])) {
		return true
	}
	switch last := x[n-1]; last {
	case 'v', 'c':
		return true
	case 'g':
		return x[n-2] != 'n' && x[n-2] != 'g'
	case 'l':
		p := x[n-2]
		return p == 'b' || p == 'p' || p == 't' || p == 'd' || p == 'k' || p == 'g' || p == 'f' || p == 'z'
	}
	return false
}
