package segment

import (
	"unicode/utf8"

	"herald/internal/model"
)

// MaxSentenceTokens bounds a sentence's length: a longer run of tokens with
// no sentence end (a list, a table flattened to text) is cut there, so later
// stages never see unbounded sentences.
const MaxSentenceTokens = 400

// Kinds of sentence-ending tokens.
const (
	endNone     = iota
	endStop     // . ! ? and runs of them
	endEllipsis // ... …
	endAbbrev   // a token ending with a kept period: "U.S.", "Inc.", "W."
	endTitle    // a title abbreviation: "Gen.", "Mr." (never ends a sentence)
)

// endKind classifies a token as a possible sentence end.
func (lex *Lexicon) endKind(tok string) int {
	if tok == "" {
		return endNone
	}
	switch tok[0] {
	case '.':
		if len(tok) == 1 {
			return endStop
		}
		return endEllipsis // "...", or ".." (mostly a typo)
	case '!', '?':
		return endStop
	}
	if tok == "…" {
		return endEllipsis
	}
	if len(tok) > 1 && tok[len(tok)-1] == '.' {
		if isDigitByte(tok[0]) {
			return endTitle // a list number: "1."
		}
		if c := lex.abbrev[tok[:len(tok)-1]]; c == abbrevTitle || c == abbrevNumber {
			return endTitle
		}
		return endAbbrev
	}
	return endNone
}

// closer reports whether tok (following prev) closes a quotation or a
// bracket that belongs to the sentence before it. A straight quote closes
// only when it touches the preceding token.
func closer(tok, prev model.Token) bool {
	s := tok.Text
	if s == "" {
		return false
	}
	switch s {
	case ")", "]", "}":
		return true
	case "''":
		return true
	}
	r, _ := decode(s, 0)
	switch quoteKind(r) {
	case qClose:
		return true
	case qBoth:
		return tok.Start == prev.End && s != "`" && s != "``"
	}
	return false
}

// opener reports whether tok opens a quotation or a bracket.
func opener(tok, prev model.Token) bool {
	s := tok.Text
	switch s {
	case "(", "[", "{", "``", "`":
		return true
	}
	r, _ := decode(s, 0)
	switch quoteKind(r) {
	case qOpen:
		return true
	case qBoth:
		return tok.Start != prev.End
	}
	return false
}

// splitSentences appends the sentences of the block's tokens toks[ts:te]
// to out.
func (lex *Lexicon) splitSentences(toks []model.Token, ts, te, block int, out []model.Sentence) []model.Sentence {
	start := ts
	add := func(end int) {
		out = append(out, model.Sentence{
			Start: toks[start].Start, End: toks[end-1].End,
			Block: block, TokenStart: start, TokenEnd: end,
		})
		start = end
	}
	for k := ts; k < te; k++ {
		if k-start >= MaxSentenceTokens {
			add(k)
		}
		kind := lex.endKind(toks[k].Text)
		if kind == endNone || kind == endTitle {
			continue
		}
		if k == start+1 && kind == endStop && toks[k].Text == "." && listMarker(toks[start].Text) && toks[k].Start == toks[start].End {
			continue // "1. Cut taxes", "a. The first"
		}
		e := k
		quoted := false
		for e+1 < te && closer(toks[e+1], toks[e]) {
			e++
			if t := toks[e].Text; t != ")" && t != "]" && t != "}" {
				quoted = true // a closing quote, not a bracket
			}
		}
		if e+1 >= te {
			break
		}
		if lex.boundary(kind, toks[e+1], toks[e]) && !(quoted && toks[k].Text != "." && lex.attribution(toks, e+1, te)) {
			add(e + 1)
		}
		k = e
	}
	if start < te {
		add(te)
	}
	return out
}

// attribution reports whether toks[k:te] starts with an inverted
// attribution of the question or exclamation quoted before it: one to
// three capitalised words, then a reporting verb that ends the clause
// ("“Why not?” Putin asked.", "… Sen. Lindsey Graham said, …"). A verb that
// goes on ("Putin said he …") starts a new sentence.
func (lex *Lexicon) attribution(toks []model.Token, k, te int) bool {
	for n := 0; n < 3 && k+n+1 < te; n++ {
		if !isUpperRune(firstRune(toks[k+n].Text)) {
			return false
		}
		if v := k + n + 1; lex.reporting[toks[v].Text] {
			if v+1 == te {
				return true
			}
			switch toks[v+1].Text {
			case ".", ",", ";", ":", "!", "?":
				return true
			}
			return false
		}
	}
	return false
}

// listMarker reports whether s can number a list item: up to three digits
// or one letter.
func listMarker(s string) bool {
	if len(s) == 1 {
		return isASCIIWord(s[0])
	}
	return len(s) <= 3 && allDigits(s)
}

// boundary decides whether a sentence that may end with a token of the
// given kind ends before next (which follows prev).
func (lex *Lexicon) boundary(kind int, next, prev model.Token) bool {
	s := next.Text
	r, _ := decode(s, 0)
	if isLowerRune(r) {
		return false
	}
	switch kind {
	case endStop:
		if r < utf8.RuneSelf {
			switch r {
			case ',', ';', ':', '%', ')', ']', '}', '.', '!', '?':
				return false
			}
		}
		return true
	case endEllipsis:
		return isUpperRune(r) || opener(next, prev)
	case endAbbrev:
		// "… in the U.S. The …", "… in the U.S. “We …"
		return lex.starters[s] || (opener(next, prev) && quoteKind(r) != qNone)
	}
	return false
}
