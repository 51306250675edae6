package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
	"herald/internal/resources/cues"
)

// ent is a test entity: every occurrence of each alias becomes a mention.
type ent struct {
	id, typ, sector string
	aliases         []string
}

// cor is a test coreference link: the n-th (0-based) occurrence of word → entity.
type cor struct {
	word   string
	nth    int
	entity string
}

// build makes an Analysis by hand: one block per non-empty line (lines
// starting with "# " are headings, "~ " debris: the markers are kept in the
// text), sentences split after . ! ? (and a closing quote mark) before an
// upper-case letter or an opening mark, simple word/punctuation tokens, no
// POS tags; entities from their aliases.
func build(t testing.TB, text string, ents []ent, cors []cor) *model.Analysis {
	t.Helper()
	a := &model.Analysis{Text: text}
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		s, e := off, off+len(strings.TrimRight(line, "\n"))
		off += len(line)
		s, e = trim(text, s, e)
		if e <= s {
			continue
		}
		kind := model.BlockParagraph
		switch {
		case strings.HasPrefix(text[s:e], "# "):
			kind = model.BlockHeading
		case strings.HasPrefix(text[s:e], "~ "):
			kind = model.BlockDebris
		}
		a.Blocks = append(a.Blocks, model.Block{Start: s, End: e, Kind: kind})
	}
	for bi, b := range a.Blocks {
		if !b.Analysed() {
			continue
		}
		toks := tokenize(text, b.Start, b.End)
		sentStart := 0
		flush := func(end int) {
			if end <= sentStart {
				return
			}
			si := len(a.Sentences)
			ts := len(a.Tokens)
			for _, tk := range toks[sentStart:end] {
				tk.Sentence = si
				a.Tokens = append(a.Tokens, tk)
			}
			a.Sentences = append(a.Sentences, model.Sentence{
				Start: toks[sentStart].Start, End: toks[end-1].End, Block: bi, TokenStart: ts, TokenEnd: len(a.Tokens)})
			sentStart = end
		}
		for i := range toks {
			w := toks[i].Text
			if w != "." && w != "!" && w != "?" {
				continue
			}
			j := i + 1
			for j < len(toks) && (toks[j].Text == "”" || toks[j].Text == "\"" || toks[j].Text == "’" || toks[j].Text == "»") &&
				toks[j].Start == toks[j-1].End {
				j++
			}
			if j < len(toks) {
				r, _ := utf8.DecodeRuneInString(toks[j].Text)
				if unicode.IsUpper(r) || r == '“' || r == '"' || r == '«' {
					flush(j)
				}
			}
		}
		flush(len(toks))
	}
	for _, e := range ents {
		me := model.Entity{ID: e.id, Name: e.aliases[0], Type: e.typ, Sector: e.sector}
		for _, al := range e.aliases {
			for from := 0; ; {
				i := strings.Index(text[from:], al)
				if i < 0 {
					break
				}
				s := from + i
				from = s + len(al)
				if s > 0 && isWordByte(text[s-1]) || from < len(text) && isWordByte(text[from]) {
					continue
				}
				me.Mentions = append(me.Mentions, model.Mention{Start: s, End: from, Text: al})
			}
		}
		a.Entities = append(a.Entities, me)
	}
	for _, c := range cors {
		n := 0
		for _, tk := range a.Tokens {
			if tk.Text == c.word {
				if n == c.nth {
					a.Coref = append(a.Coref, model.Coref{Start: tk.Start, End: tk.End, Text: tk.Text, Entity: c.entity, Rule: "test"})
					break
				}
				n++
			}
		}
	}
	return a
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// tokenize splits [s, e) into words (letters, digits, inner hyphens and
// periods of abbreviations), clitics ('s n't) and single punctuation marks.
func tokenize(text string, s, e int) []model.Token {
	var out []model.Token
	add := func(a, b int) { out = append(out, model.Token{Start: a, End: b, Text: text[a:b]}) }
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if (r2 == '-' || r2 == '.' && j+1 < e && unicode.IsUpper(rune(text[j-1])) && unicode.IsLetter(rune(text[j+1]))) && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += n2
						continue
					}
				}
				if (r2 == '’' || r2 == '\'') && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
					if r3 == 's' || r3 == 't' {
						break
					}
				}
				break
			}
			// n't
			if j-i > 3 && strings.HasSuffix(text[i:j], "n") && j < e && (strings.HasPrefix(text[j:e], "’t") || strings.HasPrefix(text[j:e], "'t")) {
				add(i, j-1)
				_, an := utf8.DecodeRuneInString(text[j:e])
				add(j-1, j+an+1)
				i = j + an + 1
				continue
			}
			add(i, j)
			i = j
			if i < e && (strings.HasPrefix(text[i:e], "’s") || strings.HasPrefix(text[i:e], "'s")) {
				_, an := utf8.DecodeRuneInString(text[i:e])
				k := i + an + 1
				if k >= e || !unicode.IsLetter(rune(text[k])) {
					add(i, k)
					i = k
				}
			}
		default:
			add(i, i+n)
			i += n
		}
	}
	return out
}

var testLex *cues.Lexicon

func lexicon(t testing.TB) *cues.Lexicon {
	t.Helper()
	if testLex == nil {
		l, err := cues.Load()
		if err != nil {
			t.Fatal(err)
		}
		testLex = l
	}
	return testLex
}

// quoteText returns the text of every content span joined by " | ".
func quoteText(a *model.Analysis, q model.Quote) string {
	var parts []string
	for _, sp := range q.Content {
		parts = append(parts, a.Text[sp.Start:sp.End])
	}
	return strings.Join(parts, " | ")
}
