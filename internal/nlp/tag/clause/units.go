package clause

import (
	"strings"

	"herald/internal/model"
)

// kind is the kind of a unit: a chunk or a significant single token.
type kind uint8

const (
	kNP    kind = iota // noun phrase (a possessive "’s" NP merged into the one before)
	kVG                // verb group (a VP chunk, split before "to" and between main verbs)
	kPP                // preposition(s)
	kSBAR              // subordinator: that, if, though, because, while, …
	kADJP              // adjective phrase
	kADVP              // adverb phrase or lone adverb
	kPRT               // particle
	kComma             // ,
	kCC                // coordinating conjunction
	kQuote             // quotation mark
	kPunct             // other punctuation: . : ; ( ) —
	kWh                // relative pronoun or adverb: who, which, that (WDT), where
	kOther             // anything else
)

// unit is a chunk-level unit of a sentence: tokens [start, end) with a head token.
type unit struct {
	kind       kind
	start, end int
	head       int
	vg         int // for kVG: index into sent.vgs
}

// chunkType returns the chunk type of an IOB2 tag ("B-NP" → "NP", true) and
// whether it begins a chunk; "O" and "" give "".
func chunkType(tag string) (string, bool) {
	if len(tag) > 2 && tag[1] == '-' {
		return tag[2:], tag[0] == 'B'
	}
	return "", true
}

// posChunk derives a coarse chunk type from POS tags alone, for tokens the
// tagger left without chunk tags.
func posChunk(toks []model.Token, i int) string {
	p := toks[i].POS
	switch {
	case p == "DT" || p == "PDT" || p == "PRP" || p == "PRP$" || p == "CD" || p == "EX" || p == "POS" || p == "$" ||
		strings.HasPrefix(p, "NN") || strings.HasPrefix(p, "JJ"):
		return "NP"
	case p == "MD" || strings.HasPrefix(p, "VB"):
		return "VP"
	case p == "TO":
		if i+1 < len(toks) && (toks[i+1].POS == "VB" || toks[i+1].POS == "RB") {
			return "VP"
		}
		return "PP"
	case p == "IN":
		return "PP"
	case p == "RB" || p == "RBR" || p == "RBS":
		if i > 0 && i+1 < len(toks) && isVerbish(toks[i-1].POS) && isVerbish(toks[i+1].POS) {
			return "VP" // "has not said"
		}
		return "ADVP"
	case p == "RP":
		return "PRT"
	}
	return ""
}

func isVerbish(p string) bool { return p == "MD" || strings.HasPrefix(p, "VB") }

func isVerb(p string) bool { return strings.HasPrefix(p, "VB") }

func isNoun(p string) bool {
	return strings.HasPrefix(p, "NN") || p == "PRP" || p == "CD" || p == "EX"
}

func isProper(p string) bool { return p == "NNP" || p == "NNPS" }

func isProperOrPron(p string) bool { return p == "NNP" || p == "NNPS" || p == "PRP" }

// timeWords are heads of noun phrases that name a time ("last year",
// "Friday"): not objects, and "by Friday" is no passive agent.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "now": true, "then": true,
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true, "days": true,
	"weekend": true, "morning": true, "afternoon": true, "evening": true, "night": true, "hour": true, "hours": true,
	"midnight": true, "noon": true, "end": true, "time": true,
}

// isTime reports whether token i names a time.
func (st *sent) isTime(i int) bool { return timeWords[lowerText(&st.toks[i])] }

func isQuote(t *model.Token) bool {
	switch t.POS {
	case "``", "''":
		return true
	}
	switch t.Text {
	case "\"", "“", "”", "‘", "’", "'", "«", "»", "„":
		return t.POS != "POS"
	}
	return false
}

func isPunct(t *model.Token) bool {
	switch t.POS {
	case ".", ":", "(", ")", "-LRB-", "-RRB-", "HYPH", "#", "NFP":
		return true
	}
	if t.Text == "" {
		return false
	}
	for _, r := range t.Text {
		if !strings.ContainsRune(".:;!?()[]{}—–-…", r) {
			return false
		}
	}
	return true
}

// subordinators that introduce adverbial or complement clauses.
var subordinators = map[string]bool{
	"that": true, "if": true, "though": true, "although": true, "because": true, "while": true,
	"whereas": true, "unless": true, "whether": true, "as": true, "since": true, "after": true,
	"before": true, "until": true, "till": true, "once": true, "when": true, "so": true, "than": false,
}

// alwaysSub are subordinators that never head a prepositional phrase.
var alwaysSub = map[string]bool{"that": true, "if": true, "though": true, "although": true,
	"because": true, "whereas": true, "unless": true, "whether": true, "while": true}

func lowerText(t *model.Token) string {
	s := t.Text
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// headOf returns the head token of tokens [start, end): the rightmost noun
// (or pronoun, number), else the last token.
func headOf(toks []model.Token, start, end int) int {
	for i := end - 1; i >= start; i-- {
		if isNoun(toks[i].POS) {
			return i
		}
	}
	return end - 1
}

// buildUnits groups the sentence's tokens [s, e) into units.
func (st *sent) buildUnits() {
	toks, s, e := st.toks, st.s, st.e
	useChunks := false
	for i := s; i < e; i++ {
		if toks[i].Chunk != "" {
			useChunks = true
			break
		}
	}
	typeAt := func(i int) (string, bool) {
		if useChunks {
			return chunkType(toks[i].Chunk)
		}
		t := posChunk(toks, i)
		begin := i == s || posChunk(toks, i-1) != t
		if t == "NP" && i > s && toks[i].POS == "DT" {
			begin = true // a determiner starts a new noun phrase
		}
		if t == "PP" {
			begin = true
		}
		return t, begin
	}
	for i := s; i < e; {
		typ, _ := typeAt(i)
		if i+1 < e && lowerText(&toks[i]) == "according" && lowerText(&toks[i+1]) == "to" {
			st.addPP(i, i+2) // "according to", whatever its tags
			i += 2
			continue
		}
		j := i + 1
		if typ != "" {
			for j < e {
				t2, b2 := typeAt(j)
				if b2 || t2 != typ {
					break
				}
				j++
			}
		}
		next := j
		for typ != "" && j-1 > i && (toks[j-1].Text == "," || isQuote(&toks[j-1]) || isPunct(&toks[j-1])) {
			j-- // a comma or quote chunked into a phrase ("extremely strong ,")
		}
		switch typ {
		case "NP":
			st.addNP(i, j)
		case "VP":
			st.addVP(i, j)
		case "PP":
			if j == i+1 && alwaysSub[lowerText(&toks[i])] && !(j < e && lowerText(&toks[j]) == "of") {
				st.add(unit{kind: kSBAR, start: i, end: j, head: i})
			} else {
				st.addPP(i, j)
			}
		case "SBAR":
			st.add(unit{kind: kSBAR, start: i, end: j, head: i})
		case "ADJP":
			st.add(unit{kind: kADJP, start: i, end: j, head: j - 1})
		case "ADVP":
			if j == i+1 && toks[i].POS == "WRB" {
				st.addWRB(i)
			} else {
				st.add(unit{kind: kADVP, start: i, end: j, head: j - 1})
			}
		case "PRT":
			st.add(unit{kind: kPRT, start: i, end: j, head: i})
		case "CONJP":
			st.add(unit{kind: kCC, start: i, end: j, head: i})
		case "":
			st.addSingle(i)
		default:
			st.add(unit{kind: kOther, start: i, end: j, head: j - 1})
		}
		for ; j < next; j++ {
			st.addSingle(j)
		}
		i = j
	}
}

func (st *sent) add(u unit) { st.units = append(st.units, u) }

// addWRB adds a wh-adverb: a relative "where" after a noun ("the town
// where …"), else a subordinator ("when he knocked out", "asked why").
func (st *sent) addWRB(i int) {
	k := kSBAR
	if n := len(st.units); n > 0 && st.units[n-1].kind == kNP && lowerText(&st.toks[i]) == "where" {
		k = kWh
	}
	st.add(unit{kind: k, start: i, end: i + 1, head: i})
}

// addPP adds a preposition, merged into a preposition right before it
// ("because of", "out of", "according to" tagged as two chunks).
func (st *sent) addPP(i, j int) {
	if n := len(st.units); n > 0 && st.units[n-1].kind == kPP && st.units[n-1].end == i {
		st.units[n-1].end = j
		st.units[n-1].head = j - 1
		return
	}
	st.add(unit{kind: kPP, start: i, end: j, head: j - 1})
}

// addSingle adds a token outside any chunk.
func (st *sent) addSingle(i int) {
	t := &st.toks[i]
	k := kOther
	switch {
	case t.Text == ",":
		k = kComma
	case t.POS == "CC":
		k = kCC
	case isQuote(t):
		k = kQuote
	case t.POS == "WRB":
		st.addWRB(i)
		return
	case t.POS == "WDT" || t.POS == "WP" || t.POS == "WP$":
		k = kWh
	case isPunct(t):
		k = kPunct
	case t.POS == "RB" || t.POS == "RBR" || t.POS == "RBS":
		k = kADVP
	case t.POS == "IN" && subordinators[lowerText(t)] && !(i+1 < st.e && lowerText(&st.toks[i+1]) == "of"):
		k = kSBAR
	case t.POS == "IN" || t.POS == "TO":
		st.addPP(i, i+1)
		return
	case isVerbish(t.POS):
		st.addVP(i, i+1)
		return
	case isNoun(t.POS):
		st.addNP(i, i+1)
		return
	}
	st.add(unit{kind: k, start: i, end: i + 1, head: i})
}

// addNP adds a noun phrase, merging a possessive phrase ("’s top adviser")
// into the phrase before it and turning a lone relative pronoun into kWh.
func (st *sent) addNP(i, j int) {
	toks := st.toks
	wh := true
	for k := i; k < j; k++ {
		if p := toks[k].POS; p != "WDT" && p != "WP" && p != "WP$" {
			wh = false
		}
	}
	if wh {
		st.add(unit{kind: kWh, start: i, end: j, head: i})
		return
	}
	if j == i+2 && lowerText(&toks[i]) == "no" && lowerText(&toks[i+1]) == "longer" {
		st.add(unit{kind: kADVP, start: i, end: j, head: i + 1})
		return
	}
	adv := false
	for k := i; k < j; k++ {
		switch toks[k].POS {
		case "RB", "RBR", "RBS":
			adv = true
		case "DT":
		default:
			adv, k = false, j
		}
	}
	if adv {
		// "earlier", "no longer" chunked as noun phrases
		st.add(unit{kind: kADVP, start: i, end: j, head: j - 1})
		return
	}
	// "Putin and Trump" chunked as one phrase: split at the conjunction
	// when names stand on both sides.
	for m := i + 1; m < j-1; m++ {
		if toks[m].POS == "CC" && isProperOrPron(toks[m-1].POS) && isProperOrPron(toks[m+1].POS) {
			st.addNP(i, m)
			st.add(unit{kind: kCC, start: m, end: m + 1, head: m})
			st.addNP(m+1, j)
			return
		}
	}
	if toks[i].POS == "POS" && len(st.units) > 0 {
		if prev := &st.units[len(st.units)-1]; prev.kind == kNP && prev.end == i {
			prev.end = j
			prev.head = headOf(toks, prev.start, j)
			return
		}
	}
	// A possessive inside the chunk ("Putin ’s adviser") is kept whole.
	st.add(unit{kind: kNP, start: i, end: j, head: headOf(toks, i, j)})
}

// auxLemmas are the verbs that may precede a main verb in one verb group.
var auxLemmas = map[string]bool{"be": true, "have": true, "do": true, "get": true}

// addVP adds verb groups for a VP chunk [i, j), split before "to" and
// after a main (non-auxiliary) verb that another verb follows.
func (st *sent) addVP(i, j int) {
	toks := st.toks
	start := i
	prevMain := false // the group so far ends in a main verb
	hasVerb := false
	for k := i; k < j; k++ {
		p := toks[k].POS
		if p == "CC" {
			// "caught and eliminated": two groups and a conjunction
			if k > start {
				st.addVG(start, k, hasVerb)
			}
			st.add(unit{kind: kCC, start: k, end: k + 1, head: k})
			start, prevMain, hasVerb = k+1, false, false
			continue
		}
		split := false
		if k > start && p == "TO" {
			split = true
		} else if k > start && isVerb(p) && prevMain {
			split = true
		}
		if split {
			st.addVG(start, k, hasVerb)
			start, prevMain, hasVerb = k, false, false
		}
		if isVerb(p) || p == "MD" {
			hasVerb = true
			prevMain = isVerb(p) && !auxLemmas[st.lemma(k)]
		}
	}
	if start < j {
		st.addVG(start, j, hasVerb)
	}
}

func (st *sent) addVG(i, j int, hasVerb bool) {
	if !hasVerb {
		k := kADVP
		if st.toks[i].POS == "TO" {
			k = kPP
		}
		st.add(unit{kind: k, start: i, end: j, head: j - 1})
		return
	}
	st.add(unit{kind: kVG, start: i, end: j, head: j - 1, vg: -1})
}
