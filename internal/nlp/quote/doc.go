package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"herald/internal/model"
	"herald/internal/resources/cues"
)

// doc is the per-article working state of one Extract call.
type doc struct {
	lex     *cues.Lexicon
	a       *model.Analysis
	text    string
	low     string // text with ASCII letters lower-cased (same byte offsets)
	toks    []model.Token
	hasPOS  bool
	regs    []region
	reg     []int32 // token → region containing it, or -1
	openTok []int32 // token → region it opens, or -1
	closTok []int32 // token → region it closes, or -1
	cover   []bool  // token already used by a frame
	ments   []ment
	verbOf  map[int]int // head token of a clause's verb → clause index
	drafts  []draft
}

// ment is an entity mention or coreference link.
type ment struct {
	start, end int
	entity     string
	typ        string
	coref      bool
}

// draft is a quotation being built.
type draft struct {
	block, sent int
	srcS, srcE  int  // source tokens, -1 when none
	ante        int  // antecedent token of a relative source ("Trump, who said"), or -1
	shareLater  bool // shares the subject of a cue analysed later in the sentence
	inherit     int  // draft index whose speaker this one shares, -1
	cueS, cueE  int  // cue tokens, cueS == -1 when none
	lemma       string
	weight      float64
	content     []model.Span
	rule        string
	via         []string
	medium      string
	speaker     string
	speakerSpan *model.Span
	anonymous   bool
	desc        string
}

func newDoc(lex *cues.Lexicon, a *model.Analysis) *doc {
	d := &doc{lex: lex, a: a, text: a.Text, toks: a.Tokens}
	b := []byte(a.Text)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	if len(b) > 0 {
		d.low = unsafe.String(&b[0], len(b)) // b is never written again
	}
	for i := range d.toks {
		if d.toks[i].POS != "" {
			d.hasPOS = true
			break
		}
	}
	d.regs = findRegions(d.text, a.Blocks)
	d.reg = make([]int32, len(d.toks))
	d.cover = make([]bool, len(d.toks))
	d.openTok = make([]int32, len(d.toks))
	d.closTok = make([]int32, len(d.toks))
	for i := range d.reg {
		d.reg[i], d.openTok[i], d.closTok[i] = -1, -1, -1
	}
	d.drafts = make([]draft, 0, len(a.Sentences)/2+4)
	for ri := range d.regs {
		r := &d.regs[ri]
		// The tokens of the marks ('' may be two tokens) know their region.
		j := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > r.open })
		for ; j < len(d.toks) && d.toks[j].Start < r.start && d.toks[j].Start >= r.open; j++ {
			d.openTok[j] = int32(ri)
		}
		if r.close >= 0 {
			end := r.close + 1
			if end < len(d.text) && d.text[r.close] == '\'' && d.text[end] == '\'' {
				end++
			}
			j := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > r.close })
			for ; j < len(d.toks) && d.toks[j].Start < end; j++ {
				d.closTok[j] = int32(ri)
			}
		}
		lo := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= r.start })
		for i := lo; i < len(d.toks) && d.toks[i].End <= r.end; i++ {
			d.reg[i] = int32(ri)
			if r.tokStart < 0 {
				r.tokStart = i
			}
			r.tokEnd = i + 1
		}
	}
	if len(a.Clauses) > 0 {
		d.verbOf = make(map[int]int, len(a.Clauses))
		for i, c := range a.Clauses {
			if h := c.Verb.Head; h >= 0 && h < len(d.toks) {
				d.verbOf[h] = i
			}
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			d.ments = append(d.ments, ment{m.Start, m.End, e.ID, e.Type, false})
		}
	}
	types := map[string]string{}
	for _, e := range a.Entities {
		types[e.ID] = e.Type
	}
	for _, c := range a.Coref {
		d.ments = append(d.ments, ment{c.Start, c.End, c.Entity, types[c.Entity], true})
	}
	sort.Slice(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
	return d
}

// word returns the token's text and lw its lower-cased text.
func (d *doc) word(i int) string { t := &d.toks[i]; return d.text[t.Start:t.End] }
func (d *doc) lw(i int) string   { t := &d.toks[i]; return d.low[t.Start:t.End] }

func (d *doc) pos(i int) string { return d.toks[i].POS }

// is reports whether token i is the lower-case word w.
func (d *doc) is(i int, w string) bool { return i >= 0 && i < len(d.toks) && d.lw(i) == w }

// firstRune of token i.
func (d *doc) firstRune(i int) rune {
	r, _ := utf8.DecodeRuneInString(d.word(i))
	return r
}

// isOpener: token i is an opening quote mark of a region.
func (d *doc) isOpener(i int) (int, bool) {
	if i < 0 || i >= len(d.toks) || d.openTok[i] < 0 {
		return -1, false
	}
	return int(d.openTok[i]), true
}

// isCloser: token i is (or holds) a closing quote mark of a region.
func (d *doc) isCloser(i int) (int, bool) {
	if i < 0 || i >= len(d.toks) || d.closTok[i] < 0 {
		return -1, false
	}
	return int(d.closTok[i]), true
}

// isMarkTok: token i is only quote marks.
func (d *doc) isMarkTok(i int) bool {
	w := d.word(i)
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isMark(r) {
			return false
		}
	}
	return true
}

func (d *doc) isPunct(i int) bool {
	w := d.word(i)
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func (d *doc) isComma(i int) bool { w := d.word(i); return w == "," }

func (d *doc) isFinal(i int) bool {
	switch d.word(i) {
	case ".", "!", "?", "...", "…", "?!", "!?":
		return true
	}
	return false
}

func (d *doc) isDash(i int) bool {
	switch d.word(i) {
	case "—", "–", "--", "-", "―":
		return true
	}
	return false
}

func (d *doc) capitalized(i int) bool {
	r := d.firstRune(i)
	return unicode.IsUpper(r)
}

var auxWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"'s": true, "’s": true, "'re": true, "’re": true, "'ve": true, "’ve": true, "'ll": true, "’ll": true, "'d": true, "’d": true,
	"has": true, "have": true, "had": true, "having": true, "do": true, "does": true, "did": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "must": true,
	"should": true, "shall": true, "not": true, "n't": true, "n’t": true, "never": true,
	"also": true, "repeatedly": true, "later": true, "now": true, "then": true, "once": true, "again": true,
	"previously": true, "recently": true, "publicly": true, "reportedly": true, "already": true, "still": true,
	"just": true, "first": true, "initially": true, "often": true, "frequently": true, "privately": true,
	"openly": true, "further": true, "earlier": true, "separately": true, "similarly": true, "even": true,
	"long": true, "widely": true, "clearly": true, "explicitly": true, "subsequently": true, "ultimately": true,
	"flatly": true, "strongly": true, "quickly": true, "immediately": true, "specifically": true,
}

// isAux: token i can stand between a subject and its reporting verb and
// belongs to the cue ("has said", "also warned", "did not mention").
func (d *doc) isAux(i int) bool {
	if auxWords[d.lw(i)] {
		if d.hasPOS {
			p := d.pos(i)
			return strings.HasPrefix(p, "VB") || p == "MD" || p == "RB" || p == "RBR" || p == "POS" || p == "PRP" || p == ""
		}
		return true
	}
	if d.hasPOS && d.pos(i) == "RB" && strings.HasSuffix(d.lw(i), "ly") {
		return true
	}
	return false
}

var detWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"some": true, "many": true, "several": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"other": true, "another": true, "both": true, "all": true, "most": true, "few": true, "each": true, "every": true,
	"no": true, "any": true, "more": true, "such": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "who": true,
	"everyone": true, "someone": true, "somebody": true, "nobody": true, "others": true, "some": true, "many": true,
	"both": true, "few": true, "most": true, "this": true, "that": true, "one": true,
}

var nonNominal = map[string]bool{
	"and": true, "or": true, "but": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"with": true, "by": true, "from": true, "as": true, "that": true, "which": true, "if": true, "when": true,
	"while": true, "because": true, "than": true, "so": true, "not": true, "there": true, "where": true,
	"after": true, "before": true, "since": true, "about": true, "into": true, "over": true, "under": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"do": true, "does": true, "did": true, "also": true, "very": true, "just": true, "then": true, "now": true,
	"said": true, "says": true, "told": true, "what": true, "how": true, "why": true, "whether": true,
}

// nominal reports whether token i can be part of a noun phrase that is the
// subject of a reporting verb.
func (d *doc) nominal(i int) bool {
	if d.reg[i] >= 0 || d.isMarkTok(i) {
		return false
	}
	w := d.lw(i)
	if quantWords[w] && i+1 < len(d.toks) && d.toks[i+1].Sentence == d.toks[i].Sentence && !d.isPunct(i+1) {
		return true
	}
	if w == "’s" || w == "'s" || w == "’" || w == "&" || w == "." && i > 0 && d.toks[i-1].End == d.toks[i].Start {
		return true
	}
	if d.hasPOS {
		switch d.pos(i) {
		case "NN", "NNS", "NNP", "NNPS", "PRP", "DT", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "HYPH", "NML", "VBN", "FW":
			if d.pos(i) == "VBN" {
				// "a former elected official": only inside a phrase.
				return i+1 < len(d.toks) && strings.HasPrefix(d.pos(i+1), "NN")
			}
			return true
		}
		return false
	}
	if nonNominal[w] {
		return false
	}
	if d.isPunct(i) {
		return false
	}
	r := d.firstRune(i)
	if unicode.IsUpper(r) || unicode.IsDigit(r) || detWords[w] || pronouns[w] {
		return true
	}
	if strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	return len(w) > 1
}

// isPronoun: token i is a personal pronoun.
func (d *doc) isPronoun(i int) bool {
	if d.hasPOS {
		return d.pos(i) == "PRP"
	}
	switch d.lw(i) {
	case "he", "she", "they", "it", "we", "i", "you":
		return true
	}
	return false
}

var prepJoin = map[string]bool{"of": true, "on": true, "for": true, "at": true, "from": true, "to": true, "in": true, "with": true}

// quantWords can open a quantified subject ("nearly half of voters").
var quantWords = map[string]bool{"about": true, "nearly": true, "almost": true, "roughly": true, "only": true,
	"around": true, "approximately": true, "some": true, "more": true, "fewer": true, "less": true, "than": true, "over": true}

// npBefore returns the noun phrase ending just before token e (exclusive),
// within [lo, e): possessives ("Putin’s office"), titles ("White House Press
// Secretary Karoline Leavitt") and of-phrases ("the head of the commission")
// included. It returns (-1, -1) when token e-1 is not nominal.
func (d *doc) npBefore(e, lo int) (int, int) {
	j := e - 1
	// A bracketed party tag or note: "Rep. Jim Clyburn (D-S.C.) said".
	if j > lo && d.word(j) == ")" {
		k := j - 1
		for k > lo && j-k < 8 && d.word(k) != "(" && d.word(k) != ")" {
			k--
		}
		if d.word(k) == "(" && k-1 >= lo && d.nominal(k-1) {
			if s, _ := d.npBefore(k, lo); s >= 0 {
				return s, e
			}
		}
	}
	if j < lo || !d.nominal(j) {
		return -1, -1
	}
	// A pronoun subject stands alone ("one of them" aside), and so does a
	// relative "who".
	if d.isPronoun(j) || d.is(j, "who") || d.is(j, "whom") {
		if j-2 >= lo && d.is(j-1, "of") && d.nominal(j-2) && !d.isPronoun(j-2) {
			if s, _ := d.npBefore(j-1, lo); s >= 0 {
				return s, e
			}
		}
		return j, e
	}
	for j-1 >= lo {
		k := j - 1
		if d.nominal(k) {
			if d.isPronoun(k) && !d.is(k, "it") {
				break
			}
			j = k
			continue
		}
		// "the Commission on Presidential Debates", "the head of the agency",
		// "Doyle and others"
		if (prepJoin[d.lw(k)] || d.is(k, "and")) && k-1 >= lo && d.nominal(k-1) && !d.isPronoun(k-1) && e-j <= 8 && !timeWords[d.lw(j)] {
			if d.hasPOS && !strings.HasPrefix(d.pos(k-1), "NN") && d.pos(k-1) != "CD" {
				break
			}
			if !d.hasPOS && !d.capitalized(j) && !d.is(k, "of") {
				break
			}
			j = k - 1
			continue
		}
		break
	}
	// Do not start with a stray conjunction-like determiner "that" (relative).
	for j < e-1 && (d.is(j, "that") || d.is(j, "which")) {
		j++
	}
	return j, e
}

// npAfter returns the noun phrase starting at token s, up to hi.
func (d *doc) npAfter(s, hi int) (int, int) {
	if s >= hi || !d.nominal(s) {
		return -1, -1
	}
	if d.isPronoun(s) {
		return s, s + 1
	}
	e := s
	for e < hi {
		if d.nominal(e) {
			// A determiner after a noun starts a new phrase: "told reporters the meeting".
			if e > s && d.determiner(e) && !d.determiner(e-1) && !d.is(e-1, "of") {
				break
			}
			e++
			continue
		}
		if prepJoin[d.lw(e)] && e+1 < hi && d.nominal(e+1) && e-s < 8 && !d.is(e, "to") {
			e++
			continue
		}
		break
	}
	return s, e
}

// spanOf returns the byte span of tokens [s, e).
func (d *doc) spanOf(s, e int) model.Span {
	return model.Span{Start: d.toks[s].Start, End: d.toks[e-1].End}
}

// determiner: token i is an article, demonstrative or possessive determiner.
func (d *doc) determiner(i int) bool {
	if d.hasPOS {
		p := d.pos(i)
		return p == "DT" || p == "PRP$"
	}
	switch d.lw(i) {
	case "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// clauseSubject returns the subject tokens of the clause whose verb head is
// token v, from the tag stage's clause analysis, or (-1, -1).
func (d *doc) clauseSubject(v int) (int, int) {
	ci, ok := d.verbOf[v]
	if !ok {
		return -1, -1
	}
	sub := d.a.Clauses[ci].Subject
	if !sub.Present() || sub.Start < 0 || sub.End > len(d.toks) || sub.End > v {
		return -1, -1
	}
	if d.toks[sub.Start].Sentence != d.toks[v].Sentence {
		return -1, -1
	}
	return sub.Start, sub.End
}
