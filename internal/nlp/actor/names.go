package actor

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/internal/resources/actors"
	"herald/internal/resources/countries"
)

// orgAlias is one name of an organisation split into folded tokens.
type orgAlias struct {
	toks []string // folded tokens
	caps []bool   // token must be written in capitals in the text (acronyms)
	org  *actors.Org
}

// splitName splits a name into tokens the way the segment stage does for
// names: on spaces, with a possessive "'s" split off.
func splitName(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for _, pos := range []string{"'s", "’s"} {
			if strings.HasSuffix(f, pos) && len(f) > len(pos) {
				out = append(out, f[:len(f)-len(pos)], pos)
				f = ""
				break
			}
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func indexOrgs(kb *actors.Data) map[string][]orgAlias {
	m := map[string][]orgAlias{}
	for i := range kb.Orgs {
		o := &kb.Orgs[i]
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			parts := splitName(name)
			al := orgAlias{org: o}
			for _, p := range parts {
				k := string(tokKey(nil, p))
				if k == "" {
					continue
				}
				al.toks = append(al.toks, k)
				al.caps = append(al.caps, isAcronym(p))
			}
			if len(al.toks) == 0 {
				continue
			}
			m[al.toks[0]] = append(m[al.toks[0]], al)
		}
	}
	for k, list := range m {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].toks) > len(list[j].toks) })
		m[k] = list
	}
	return m
}

// isAcronym reports whether s is written in capitals with at least two
// letters ("NATO", "U.N.", "AP"): such names match only capitals.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return true
		}
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsLower(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// isCap reports whether s starts with an upper-case letter or a digit.
func isCap(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// tokKey appends the folded key of one token to dst: the same key as
// countries.Key, computed without allocation for ASCII text.
func tokKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:start], countries.Key(s)...)
		}
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '.' || c == '\'' || c == '`':
			continue
		default:
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, c)
	}
	return dst
}

// lower returns s in lower case, without allocating when s is already lower-case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// translit returns a key under which transliteration variants of a folded
// name meet: "zelenskyy", "zelensky", "zelenskiy", "zelenskyi" → "zelensky";
// "andrii", "andriy" → "andry". Only word endings are rewritten.
func translit(k string) string {
	if !strings.Contains(k, "yy") && !strings.Contains(k, "iy") && !strings.Contains(k, "yi") &&
		!strings.Contains(k, "ii") && !strings.Contains(k, "ij") {
		return k
	}
	words := strings.Split(k, " ")
	for i, w := range words {
		for _, suf := range []string{"yy", "iy", "yi", "ii", "ij"} {
			if strings.HasSuffix(w, suf) && len(w) > 3 {
				w = w[:len(w)-2] + "y"
				break
			}
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// titleCase capitalises the first letter of each word but "of" and "the".
func titleCase(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		lw := lower(w)
		if i > 0 && (lw == "of" || lw == "the" || lw == "and") {
			b.WriteString(lw)
			continue
		}
		up := true
		for _, r := range lw {
			if up {
				r = unicode.ToUpper(r)
			}
			up = r == '-'
			b.WriteRune(r)
		}
	}
	return b.String()
}

// initials returns the capitals of the content words of a name
// ("International Atomic Energy Agency" → "IAEA").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch lower(w) {
		case "of", "the", "and", "for", "on", "de", "&":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// indexPlaceWords collects the first folded word of every country name,
// capital name and demonym form.
func indexPlaceWords(cd *countries.Data) map[string]bool {
	m := map[string]bool{}
	add := func(s string) {
		k := countries.Key(s)
		if i := strings.IndexByte(k, ' '); i >= 0 {
			k = k[:i]
		}
		if k != "" {
			m[k] = true
		}
	}
	for _, c := range cd.All() {
		for _, n := range c.Names {
			add(n)
		}
		for _, n := range c.CapitalNames {
			add(n)
		}
		if c.Capital != "" {
			add(c.Capital)
		}
		for _, dm := range c.Demonyms {
			add(dm.Form)
		}
	}
	return m
}

// firstWord returns the part of a folded key before its first space.
func firstWord(k []byte) []byte {
	for i, c := range k {
		if c == ' ' {
			return k[:i]
		}
	}
	return k
}
