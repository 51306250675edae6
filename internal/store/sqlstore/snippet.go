package sqlstore

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// snippetWords is how many words a search snippet shows.
const snippetWords = 24

// snippetScan bounds how much of an article the snippet looks through.
const snippetScan = 64 << 10

// queryTerms returns the lower-case words of a search text.
func queryTerms(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) }) {
		if w != "or" && w != "and" && w != "not" {
			out = append(out, w)
		}
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord tells the ASCII bytes that are word runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		r := rune(c)
		t[c] = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
	}
	return t
}()

// wordRuneAt returns the length of the rune at text[i] and whether it is a
// word rune, without decoding ASCII.
func wordRuneAt(text string, i int) (int, bool) {
	if c := text[i]; c < utf8.RuneSelf {
		return 1, asciiWord[c]
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, isWordRune(r)
}

// termMatch reports whether the lower-case word w is a form of the query
// term t: t itself, t with an ending ("strikes" for "strike"), or a word
// that shares all but a short ending with t ("elected", "election" for
// "elect"), roughly what the full-text index's stemmer makes equal.
func termMatch(w, t string) bool {
	if strings.HasPrefix(w, t) {
		return len(w)-len(t) <= 4
	}
	p := 0
	for p < len(w) && p < len(t) && w[p] == t[p] {
		p++
	}
	return p >= 4 && len(t)-p <= 2 && len(w)-p <= 4
}

// word is one word of a text: its span and the query term it matches (-1: none).
type word struct {
	start, end int32
	term       int32
}

var wordPool = sync.Pool{New: func() any { return new([]word) }}

// snippet returns about snippetWords words of text around the passage where
// the most distinct query terms occur (the first such passage), matched
// words marked «…» and cut ends marked "…". With no term found it returns
// the text's first words.
func snippet(text string, terms []string) string {
	if len(text) > snippetScan {
		text = text[:snippetScan]
		for !utf8.ValidString(text) && len(text) > 0 {
			text = text[:len(text)-1]
		}
	}
	var firsts [128]bool // ASCII first letters of the terms
	for _, t := range terms {
		if t != "" && t[0] < utf8.RuneSelf {
			firsts[t[0]] = true
		} else {
			for c := range firsts {
				firsts[c] = true // a non-ASCII term may fold from any letter
			}
		}
	}
	wp := wordPool.Get().(*[]word)
	defer wordPool.Put(wp)
	ws := (*wp)[:0]
	defer func() { *wp = ws[:0] }()
	for i := 0; i < len(text); {
		n, ok := wordRuneAt(text, i)
		if !ok {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			n, ok := wordRuneAt(text, j)
			if !ok {
				break
			}
			j += n
		}
		r := rune(text[i])
		w := word{int32(i), int32(j), -1}
		if r < utf8.RuneSelf && !firsts[unicode.ToLower(r)&0x7f] {
			// No term starts with this letter: not a match, no lower-casing.
		} else {
			lw := strings.ToLower(text[i:j])
			for k, t := range terms {
				if termMatch(lw, t) {
					w.term = int32(k)
					break
				}
			}
		}
		ws = append(ws, w)
		i = j
	}
	if len(ws) == 0 {
		return ""
	}
	// The window with the most distinct terms, then the most matches.
	best, bestScore := 0, -1
	count := make([]int, len(terms))
	distinct, matches := 0, 0
	for i := range ws {
		if k := ws[i].term; k >= 0 {
			if count[k] == 0 {
				distinct++
			}
			count[k]++
			matches++
		}
		if i >= snippetWords {
			if k := ws[i-snippetWords].term; k >= 0 {
				count[k]--
				if count[k] == 0 {
					distinct--
				}
				matches--
			}
		}
		if score := distinct*1000 + matches; i >= min(snippetWords, len(ws))-1 && score > bestScore {
			best, bestScore = max(0, i-snippetWords+1), score
		}
	}
	// Start a little before the first match so it has some context.
	first := best
	for first < len(ws) && first < best+snippetWords && ws[first].term < 0 {
		first++
	}
	if first < len(ws) && first < best+snippetWords {
		best = max(best, first-3)
	}
	end := min(len(ws), best+snippetWords)
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	for i := best; i < end; i++ {
		if i > best {
			b.WriteString(text[ws[i-1].end:ws[i].start])
		}
		w := text[ws[i].start:ws[i].end]
		if ws[i].term >= 0 {
			b.WriteString("«" + w + "»")
		} else {
			b.WriteString(w)
		}
	}
	// Punctuation that closes the last word (up to a space) stays.
	tail := text[ws[end-1].end:]
	if end < len(ws) {
		tail = tail[:ws[end].start-ws[end-1].end]
	}
	if i := strings.IndexFunc(tail, unicode.IsSpace); i >= 0 {
		tail = tail[:i]
	}
	b.WriteString(tail)
	if end < len(ws) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
