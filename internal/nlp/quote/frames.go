package quote

import (
	"sort"
	"strings"
	"unicode"

	"herald/internal/model"
	"herald/internal/resources/cues"
)

// cand is a cue found in a sentence.
type cand struct {
	s, e  int // the matched words
	entry *cues.Entry
}

// minWeight is the lowest cue weight that makes a quotation.
const minWeight = 0.2

var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true,
	"recently": true, "previously": true, "again": true, "repeatedly": true, "publicly": true, "privately": true,
}

var clauseBreak = map[string]bool{
	"while": true, "but": true, "and": true, "whereas": true, "although": true, "though": true, "as": true,
	"yet": true, "because": true, "so": true, "even": true,
}

func (d *doc) run() {
	sents := d.a.Sentences
	blocks := d.a.Blocks
	for si := range sents {
		s := sents[si]
		if s.Block >= 0 && s.Block < len(blocks) && !blocks[s.Block].Analysed() {
			continue
		}
		ts, te := s.TokenStart, s.TokenEnd
		if ts < 0 || te > len(d.toks) || ts >= te {
			continue
		}
		d.sentence(si, s.Block, ts, te)
	}
	d.continuations()
	d.resolve()
}

// candidates returns the cues of the sentence, outside quote regions.
func (d *doc) candidates(ts, te int) []cand {
	var out []cand
	for i := ts; i < te; i++ {
		if d.reg[i] >= 0 {
			continue
		}
		ps := d.lex.Lookup(d.lw(i))
		if len(ps) == 0 {
			continue
		}
	phrases:
		for _, p := range ps {
			k := p.Entry.Kind
			if k != cues.Verb && k != cues.Prep {
				continue
			}
			if i+len(p.Words) > te {
				continue
			}
			for j := 1; j < len(p.Words); j++ {
				if d.lw(i+j) != p.Words[j] {
					continue phrases
				}
			}
			if k == cues.Verb && !d.verbLike(i) {
				continue
			}
			if p.Entry.Weight < minWeight {
				continue
			}
			out = append(out, cand{i, i + len(p.Words), p.Entry})
			i += len(p.Words) - 1
			break
		}
	}
	return out
}

// verbLike: token i is used as a verb.
func (d *doc) verbLike(i int) bool {
	if d.hasPOS {
		p := d.pos(i)
		return strings.HasPrefix(p, "VB")
	}
	// Without tags: not after a determiner ("the report"), not a
	// capitalised word inside a sentence ("the United States").
	if i > 0 && detWords[d.lw(i-1)] {
		return false
	}
	if d.capitalized(i) {
		return false
	}
	w := d.lw(i)
	past := strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || irregularPast[w]
	if !past && i > 0 {
		// "Trump's tweet", "50 states", "in response to questions": nouns.
		pw := d.lw(i - 1)
		coord := pw == "and" || pw == "but" || pw == "or" || pw == "then" || pw == "who"
		if pw == "’s" || pw == "'s" || d.isPunct(i-1) || nonNominal[pw] && !auxWords[pw] && !coord || unicode.IsDigit(d.firstRune(i-1)) {
			return false
		}
	}
	return true
}

var irregularPast = map[string]bool{"said": true, "told": true, "wrote": true, "written": true, "spoke": true,
	"thought": true, "knew": true, "known": true, "found": true, "felt": true, "sought": true, "saw": true}

// sentence finds the attributions of one sentence.
func (d *doc) sentence(si, block, ts, te int) {
	first := len(d.drafts)
	sentVia := []string(nil)
	// Headline and colon introductions: "Putin: We will …".
	d.colonIntro(si, block, ts, te)
	d.dashTrailer(si, block, ts, te)
	cs := d.candidates(ts, te)
	// Verbs of speaking first, so that "Kasich, a Republican who has
	// refused to endorse Trump, said …" keeps its whole source; then the rest.
	for pass := 0; pass < 2; pass++ {
		for ci, c := range cs {
			strong := c.entry.Kind == cues.Prep || c.entry.Speech && c.entry.Weight >= 0.7
			if strong != (pass == 0) || d.cover[c.s] {
				continue
			}
			var next *cand
			if ci+1 < len(cs) {
				next = &cs[ci+1]
			}
			switch c.entry.Kind {
			case cues.Prep:
				if via, ok := d.according(si, block, ts, te, c, cs[ci+1:]); ok && via != nil {
					sentVia = append(sentVia, via...)
				}
			case cues.Verb:
				d.verbFrame(si, block, ts, te, c, next, first)
			}
		}
	}
	for i := first; i < len(d.drafts); i++ {
		if dr := &d.drafts[i]; dr.shareLater {
			dr.shareLater = false
			if prev := d.lastDraft(first, dr.cueS); prev >= 0 && prev != i {
				dr.inherit = prev
			}
		}
	}
	if len(sentVia) > 0 {
		for i := first; i < len(d.drafts); i++ {
			if d.drafts[i].lemma != "according to" {
				d.drafts[i].via = appendUniq(d.drafts[i].via, sentVia...)
			}
		}
	}
}

func appendUniq(xs []string, ys ...string) []string {
outer:
	for _, y := range ys {
		for _, x := range xs {
			if x == y {
				continue outer
			}
		}
		xs = append(xs, y)
	}
	return xs
}

// colonIntro handles "Name: content" at the start of a sentence.
func (d *doc) colonIntro(si, block, ts, te int) {
	// A transcript turn inside quotation marks: "\"WALLACE: Let’s start …".
	turn := -1
	if ri, ok := d.isOpener(ts); ok && ts+2 < te {
		turn = ri
		ts++
	}
	k := ts
	for k < te && k-ts < 5 && d.capitalized(k) && (d.reg[k] < 0 && d.nominal(k) || turn >= 0 && !d.isPunct(k)) {
		k++
	}
	if k == ts || k >= te || k-ts > 4 {
		return
	}
	dash := false
	if w := d.word(k); w != ":" {
		// "Name ― “…”": a dash introduces a quotation.
		if _, ok := d.isOpener(k + 1); !ok || !(d.isDash(k) || w == "―") {
			return
		}
		dash = true
	}
	if te-(k+1) < 3 && !dash {
		return
	}
	switch d.lw(ts) {
	case "update", "note", "editor", "photo", "watch", "related", "read", "video", "source", "credit", "breaking", "live", "more", "also", "see", "subscribe", "share", "click", "sign":
		return
	}
	if d.hasPOS {
		for i := ts; i < k; i++ {
			if p := d.pos(i); p != "NNP" && p != "NNPS" && p != "PRP" && p != "POS" {
				return
			}
		}
	}
	// The name must be a person or organisation the actor stage knows
	// ("Putin: …"), not a rubric ("The Latest: …"), unless it is a
	// transcript's turn: a name in capitals and a colon opening a quoted
	// passage or a paragraph ("WALLACE: Let’s start …").
	paraStart := si == 0 || d.a.Sentences[si-1].Block != block
	capsTurn := d.word(k) == ":" && d.capsName(ts, k) && (turn >= 0 || paraStart)
	if !capsTurn && len(d.ments) > 0 && d.speakerEntity(d.spanOf(ts, k)) == "" || d.is(ts, "the") {
		return
	}
	if turn >= 0 {
		// The speaker's name is in capitals and the turn runs to the end
		// of the quotation.
		if w := d.word(ts); strings.ToUpper(w) != w || d.word(k) != ":" || k+1 >= len(d.toks) {
			return
		}
		r := d.regs[turn]
		if d.toks[k+1].Start >= r.end {
			return
		}
		dr := d.newDraft(si, block, "colon-transcript")
		dr.srcS, dr.srcE = ts, k
		dr.cueS, dr.cueE = k, k+1
		dr.weight = 0.6
		dr.content = append(dr.content, model.Span{Start: d.toks[k+1].Start, End: r.end})
		d.commit(dr)
		return
	}
	dr := d.newDraft(si, block, "colon")
	dr.srcS, dr.srcE = ts, k
	dr.cueS, dr.cueE = k, k+1
	dr.weight = 0.6
	d.setContent(dr, k+1, te, true)
	d.commit(dr)
}

func (d *doc) newDraft(si, block int, rule string) *draft {
	return &draft{block: block, sent: si, ante: -1, srcS: -1, srcE: -1, inherit: -1, cueS: -1, cueE: -1, rule: rule}
}

// commit stores a draft with content and marks its tokens used.
func (d *doc) commit(dr *draft) {
	if len(dr.content) == 0 {
		return
	}
	mark := func(s, e int) {
		for i := s; i < e && i < len(d.cover); i++ {
			if i >= 0 {
				d.cover[i] = true
			}
		}
	}
	if dr.srcS >= 0 {
		mark(dr.srcS, dr.srcE)
	}
	if dr.cueS >= 0 {
		mark(dr.cueS, dr.cueE)
	}
	for _, sp := range dr.content {
		s, e := d.tokRange(sp)
		mark(s, e)
	}
	d.drafts = append(d.drafts, *dr)
}

// tokRange returns the tokens inside byte span sp.
// functionWord reports whether token i, outside quotation marks, is a
// function word ("to", "in", "that").
func (d *doc) functionWord(i int) bool {
	if !d.hasPOS || d.reg[i] >= 0 {
		return false
	}
	switch d.pos(i) {
	case "TO", "IN", "DT", "CC", "RP", "WDT":
		return true
	}
	return false
}

func (d *doc) tokRange(sp model.Span) (int, int) {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].End <= sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	s := lo
	e := s
	for e < len(d.toks) && d.toks[e].Start < sp.End {
		e++
	}
	return s, e
}

// addRegion adds quote region ri and its continuations (both ways) to dr's content.
func (d *doc) addRegion(dr *draft, ri int) {
	for ri >= 0 && d.regs[ri].prev >= 0 {
		ri = d.regs[ri].prev
	}
	for ; ri >= 0; ri = d.regs[ri].next {
		r := d.regs[ri]
		if r.end > r.start {
			dr.content = append(dr.content, model.Span{Start: r.start, End: r.end})
		}
	}
}

// setContent adds tokens [s, e) to dr's content, trimmed of edge
// punctuation. When allowRegion is set and the
// content starts with a quotation that is all of it, the content is that
// quotation, marks excluded, even where it runs on past e (into later
// sentences or paragraphs).
func (d *doc) setContent(dr *draft, s, e int, allowRegion bool) {
	for s < e && (d.isComma(s) || d.word(s) == ":" || d.isDash(s)) {
		s++
	}
	if s >= e {
		return
	}
	if ri, ok := d.isOpener(s); ok && allowRegion {
		r := d.regs[ri]
		// The whole rest is the quotation (possibly running on past the sentence).
		restQuoted := true
		for i := r.tokEnd + 1; i < e; i++ {
			if r.tokEnd < 0 {
				break
			}
			if !d.isPunct(i) || d.reg[i] >= 0 && int(d.reg[i]) != ri {
				restQuoted = false
				break
			}
		}
		if r.tokEnd < 0 || restQuoted || r.tokEnd >= e {
			d.addRegion(dr, ri)
			return
		}
	}
	// Trim final punctuation outside quotes, trailing commas and the
	// opening mark of a next quotation.
	for e > s && d.reg[e-1] < 0 && (d.isFinal(e-1) || d.isComma(e-1) || d.word(e-1) == ";" || d.word(e-1) == ":" || d.isDash(e-1) || d.isMarkTok(e-1)) {
		if _, closer := d.isCloser(e - 1); closer {
			if _, opener := d.isOpener(e - 1); !opener {
				break
			}
		}
		e--
	}
	if e <= s {
		return
	}
	sp := d.spanOf(s, e)
	if sp.End > sp.Start {
		dr.content = append(dr.content, sp)
	}
}

// cueExtent grows a verb cue back over auxiliaries and adverbs, and
// forward over a colon, a time word and extensions ("in a statement").
func (d *doc) cueExtent(c cand, ts, te int) (int, int, bool) {
	s, e := c.s, c.e
	for s-1 >= ts && d.reg[s-1] < 0 && d.isAux(s-1) && !d.cover[s-1] {
		s--
	}
	colon := false
	// extension phrases
	if e < te {
	ext:
		for _, p := range d.lex.Lookup(d.lw(e)) {
			if p.Entry.Kind != cues.Ext || e+len(p.Words) > te {
				continue
			}
			for j := 1; j < len(p.Words); j++ {
				if d.lw(e+j) != p.Words[j] {
					continue ext
				}
			}
			e += len(p.Words)
			break
		}
	}
	if e < te && d.word(e) == ":" {
		e++
		colon = true
	}
	return s, e, colon
}

// isBackBoundary: token i ends a fronted content (",", closing mark, dash).
func (d *doc) isBackBoundary(i int) bool {
	if d.isComma(i) {
		return true
	}
	if d.isDash(i) && i > 0 {
		_, ok := d.isCloser(i - 1)
		return ok
	}
	_, ok := d.isCloser(i)
	return ok
}

// tailEnds reports whether the sentence ends (for a fronted content) at k,
// after an optional addressee ("told reporters"), time words and
// prepositional phrases ("on Twitter", "at a rally in Ohio on Tuesday"):
// at the end, final punctuation, a comma, or a new quotation.
func (d *doc) tailEnds(k, te int, tell bool) bool {
	if tell && k < te && d.nominal(k) {
		if _, e := d.npAfter(k, te); e > k {
			k = e
		}
	}
	for steps := 0; k < te && steps < 8; steps++ {
		w := d.lw(k)
		if timeWords[w] || tailPreps[w] && k+1 < te && !d.isPunct(k+1) {
			j := k + 1
			if tailPreps[w] {
				if _, e := d.npAfter(j, te); e > j {
					j = e
				} else {
					for j < te && !d.isPunct(j) && j-k < 6 && !d.is(j, "that") {
						j++
					}
				}
			}
			k = j
			continue
		}
		break
	}
	if k >= te {
		return true
	}
	if d.isFinal(k) || d.isComma(k) || d.word(k) == ";" || d.isDash(k) || d.word(k) == ")" {
		return true
	}
	if _, ok := d.isOpener(k); ok {
		return true
	}
	if d.isMarkTok(k) {
		return true
	}
	return false
}

// adjunctStart words after a comma end a forward content.
var adjunctStart = map[string]bool{"but": true, "which": true, "who": true, "while": true, "when": true,
	"compared": true, "even": true, "although": true, "though": true, "whereas": true}

var tailPreps = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "after": true, "before": true, "following": true,
	"from": true, "to": true, "with": true, "outside": true, "inside": true, "via": true, "last": true,
	"this": true, "over": true, "of": true, "about": true, "for": true, "by": true, "earlier": true, "late": true, "early": true,
}

// verbFrame builds the attribution of a reporting verb.
func (d *doc) verbFrame(si, block, ts, te int, c cand, next *cand, firstDraft int) {
	if d.asSayingAfterQuote(ts, c.s) {
		return // "… quoted Araki as saying …": the "quote" cue's frame
	}
	cueS, cueE, colon := d.cueExtent(c, ts, te)
	dr := d.newDraft(si, block, "verb")
	dr.cueS, dr.cueE = cueS, cueE
	dr.lemma = c.entry.Lemma
	dr.weight = c.entry.Weight
	lo := ts
	for lo < cueS && d.cover[lo] {
		lo++
	}
	srcS, srcE := d.npBefore(cueS, lo)
	// A passive or raising verb has no source but a by-agent: "is
	// expected to", "was charged", "seems".
	noSource := c.entry.Lemma == "seem" || c.entry.Lemma == "appear" || d.passive(cueS, c)
	subjS, subjE := -1, -1 // the subject of a passive or raising verb is content
	if noSource && passiveAsked[c.entry.Lemma] {
		return // "23,000 people were questioned for the poll": asked, not saying
	}
	if noSource {
		subjS, subjE = srcS, srcE
		srcS, srcE = -1, -1
		if subjS >= 0 && d.negatedNP(subjS, lo) {
			return // "no final schedule or location has been confirmed"
		}
	}
	// The object of a preposition is no subject: "released on Monday
	// concluded"; a time phrase is skipped ("Trump on Sunday tweeted").
	if srcS > lo && !d.isPronoun(srcS) {
		switch d.lw(srcS - 1) {
		case "on", "in", "at", "during", "after", "before", "since", "until", "by", "into", "over", "under", "through":
			if timeWords[d.lw(srcE-1)] && srcE-srcS <= 2 {
				srcS, srcE = d.npBefore(srcS-1, lo) // the subject before the time phrase
			} else {
				srcS, srcE = -1, -1
			}
		}
	}
	// "Trump, who said …": the source is "who"; the speaker its antecedent.
	relAnte := -1
	if srcS >= 0 && srcE-srcS == 1 && d.is(srcS, "who") {
		if srcS-1 > lo && d.isComma(srcS-1) {
			if as, _ := d.npBefore(srcS-1, lo); as >= 0 {
				relAnte = as
			}
		}
	}
	// Appositive or parenthetical between subject and verb:
	// "Yuri Ushakov, Putin’s top adviser, said", "An official, speaking on condition of anonymity, told".
	if srcS < 0 && cueS-1 > lo && d.isComma(cueS-1) {
		k := cueS - 2
		for k > lo && (!d.isComma(k) || d.reg[k] >= 0) && cueS-k < 26 {
			k--
		}
		if k > lo && d.isComma(k) && d.appositive(k+1, cueS-1) {
			if hs, he := d.npBefore(k, lo); hs >= 0 {
				paren := d.hasPOS && (d.pos(k+1) == "VBG" || d.pos(k+1) == "VBN") ||
					!d.hasPOS && strings.HasSuffix(d.lw(k+1), "ing") || d.is(k+1, "who") || d.is(k+1, "which")
				if paren {
					srcS, srcE = hs, he
				} else {
					srcS, srcE = hs, cueS-1
				}
				// A second appositive: "Scott Pruitt, the attorney general
				// of Oklahoma, one of the states suing the EPA, said".
				if hs-1 > lo && d.isComma(hs-1) {
					if ns, _ := d.npBefore(hs-1, lo); ns >= 0 && d.capitalized(ns) && !d.isPronoun(ns) &&
						(ns == lo || d.isPunct(ns-1) && !d.isComma(ns-1)) {
						if paren {
							srcE = hs - 1
						}
						srcS = ns
					}
				}
			}
		}
	}
	// "Banking sources quoted federation chairman Yoshiro Araki as saying
	// he hoped …": the one quoted is the speaker, the subject the channel.
	if c.entry.Lemma == "quote" && d.quotedAsSaying(dr, srcS, srcE, cueE, te, next) {
		return
	}
	after := cueE
	p := cueS - 1
	if srcS >= 0 {
		p = srcS - 1
	}
	fronted := p >= lo && d.isBackBoundary(p) && p > lo
	// After a closing quote mark ("“…,” Zucker said during a discussion
	// with …") the quotation is the content whatever follows.
	afterQuote := false
	if fronted {
		if _, ok := d.isCloser(p); ok {
			afterQuote = true
		} else if _, ok := d.isCloser(p - 1); ok && d.isComma(p) {
			afterQuote = true
		}
	}
	// A parenthetical attribution: "Back in Virginia, Mr. Clarke said, he
	// decided …": the content is both parts.
	if srcS >= 0 && fronted && !colon && !afterQuote && after < te && d.isComma(after) {
		rest := after + 1
		if _, ok := d.isOpener(rest); !ok && te-rest >= 4 {
			dr.srcS, dr.srcE = srcS, srcE
			dr.rule = "verb-parenthetical"
			// "if Clinton is the nominee, he said, he would …": both parts.
			d.setContent(dr, lo, p, false)
			d.setContent(dr, rest, te, true)
			d.commit(dr)
			return
		}
	}
	// A short fronted part is an adverbial ("Instead, she sought …"), not content.
	if fronted && !afterQuote && p-lo < 3 {
		fronted = false
	}
	// Nor is the question put to the speaker ("Asked about the plan, Smith
	// said …"), nor a prepositional phrase ("In the note, he asked …").
	if fronted && !afterQuote && (d.askedIntro(lo, p) || d.prepPhrase(lo, p)) {
		fronted = false
	}
	if fronted && afterQuote && d.prepPhrase(lo, p) {
		// the quotation is a title inside the phrase: "On this weekend's
		// broadcast of “Fox News Sunday,” Pence said …"
		fronted, afterQuote = false, false
	}
	if srcS >= 0 && fronted && !colon && (afterQuote && !d.is(after, "that") || d.tailEnds(after, te, c.entry.Tell)) {
		// "“…,” Ushakov said." / "The economy grew, he said."
		dr.srcS, dr.srcE = srcS, srcE
		dr.rule = "verb-fronted"
		d.frontedContent(dr, lo, p)
		d.splitRest(dr, after, te)
		d.mediumIn(dr, after, te)
		d.commit(dr)
		return
	}
	if srcS < 0 && fronted && !colon && !d.participle(cueS) {
		// "“…,” said Ushakov." — inverted. (Not after a participle: in
		// "“…,” Mr. Schumer said, citing concerns over …" the words after
		// "citing" are its object, not a speaker.)
		as, ae := d.npAfter(after, te)
		if as >= 0 {
			// appositive after the name: "said Will Doyle, a professor of
			// education at Vanderbilt University in Nashville, Tennessee."
			if ae < te && d.isComma(ae) {
				k := ae + 1
				for k < te && d.reg[k] < 0 && !d.isFinal(k) && k-ae < 30 && !d.is(k, "that") {
					if _, ok := d.isOpener(k); ok {
						break
					}
					k++
				}
				if k >= te || d.isFinal(k) {
					ae = k
				}
			}
			if afterQuote || d.tailEnds(ae, te, c.entry.Tell) {
				dr.srcS, dr.srcE = as, ae
				dr.rule = "verb-inverted"
				d.frontedContent(dr, lo, p)
				d.splitRest(dr, ae, te)
				d.mediumIn(dr, ae, te)
				d.commit(dr)
				return
			}
		}
	}
	// Forward: "Ushakov said (that) …".
	dr.rule = "verb"
	if srcS >= 0 {
		dr.srcS, dr.srcE = srcS, srcE
		dr.ante = relAnte
	} else if prev := d.lastDraft(firstDraft, c.s); prev >= 0 && p >= ts && (d.isComma(p) || clauseBreak[d.lw(p)] || d.is(p, "and") || d.is(p, "before") || d.is(p, "after")) {
		// ", adding that …", "but stressed that …"
		dr.inherit = prev
		dr.rule = "verb-shared-subject"
	} else if p >= ts && (d.isComma(p) || clauseBreak[d.lw(p)]) && d.weakCueBefore(ts, cueS) {
		// "US confirms talks, but says …": the weaker cue before is
		// analysed in the second pass; link to it afterwards.
		dr.rule = "verb-shared-subject"
		dr.shareLater = true
	} else if ss, se := d.clauseSubject(c.s); ss >= 0 && se <= cueS && !d.cover[ss] && !noSource {
		// The tag stage's clause analysis found a subject further away.
		dr.srcS, dr.srcE = ss, se
		dr.rule = "verb-clause-subject"
	} else if c.entry.Weight < 0.5 && subjS < 0 {
		return
	}
	// Passive with a by-agent: "was described by both sides as “productive”".
	k := after
	if k < te && d.is(k, "by") && cueS < c.s {
		if as, ae := d.npAfter(k+1, te); as >= 0 && dr.srcS < 0 || as >= 0 && d.isAuxBe(cueS, c.s) {
			dr.srcS, dr.srcE = as, ae
			dr.rule = "verb-passive"
			k = ae
		}
	}
	for k < te && d.isComma(k) {
		k++
	}
	if !colon {
		if _, ok := d.isOpener(k); !ok {
			k = d.skipToContent(dr, c.entry, k, te)
		}
	}
	if colon && k >= te && te < len(d.toks) {
		// "The New York Times reports:" ending its paragraph: the
		// quotation opens the next one.
		if ri, ok := d.isOpener(te); ok && d.regs[ri].block != block {
			d.addRegion(dr, ri)
			d.mediumIn(dr, after, k)
			d.commit(dr)
			return
		}
	}
	end := d.contentEnd(k, te, next)
	end = d.trimAdjuncts(dr, k, end)
	if end-k < 1 || end-k == 1 && d.functionWord(k) {
		return // nothing, or a scrap the next cue left: "is expected | to | announce …"
	}
	// "add" with a bare noun phrase is no statement: "The timing … adds
	// urgency to the meeting", "adds weight to".
	if c.entry.Lemma == "add" && (d.bareNP(k, end) || d.objectThenPrep(k, end)) {
		return // "Romney added his voice after …"
	}
	// Nor is what is offered, passed or highlighted, if a bare noun
	// phrase: "offers hope and reassurance", "highlights the role Congress
	// played".
	if npObjectCues[c.entry.Lemma] && d.bareNP(k, end) {
		return
	}
	// Whom one speaks with is no statement: "will speak with RNC members
	// Monday evening".
	if (c.entry.Lemma == "speak" || c.entry.Lemma == "talk") && (d.is(k, "with") || d.is(k, "to")) {
		return
	}
	// A price or a listing is no statement: "the bonds were quoted at 85",
	// "its shares are listed in Luxembourg".
	if (c.entry.Lemma == "quote" || c.entry.Lemma == "list") && (d.is(k, "at") || d.is(k, "in") || d.is(k, "on")) {
		return
	}
	// A time adjunct is no content: "As the hearings concluded on
	// Thursday".
	if d.timeAdjunct(k, end) {
		return
	}
	// A question put to the speaker is no statement of theirs: "Asked
	// about Trump's declaration, Clinton said …", "Asked to describe the
	// device, O'Neill said …" (the statement follows).
	if srcS < 0 && d.askedIntro(ts, cueS) {
		return
	}
	if subjS >= 0 && !d.isPronoun(subjS) {
		// "Melania seems to have vanished": "Melania | to have vanished".
		d.setContent(dr, subjS, subjE, false)
	} else if dr.srcS > lo && (d.is(dr.srcS-1, "which") || d.is(dr.srcS-1, "what")) {
		// "…, which Mr. Clarke says he is doing, …": "which | he is doing";
		// the relative clause ends at its comma.
		d.setContent(dr, dr.srcS-1, dr.srcS, false)
		for j := k; j < end; j++ {
			if d.isComma(j) && d.reg[j] < 0 {
				end = j
				break
			}
		}
	}
	d.setContent(dr, k, end, true)
	d.mediumIn(dr, after, k)
	d.commit(dr)
}

// npObjectCues are weak cues whose bare noun phrase object is a thing, not
// a statement.
var npObjectCues = map[string]bool{"offer": true, "pass": true, "highlight": true}

// passiveAsked are the cues whose passive has the one asked as subject.
var passiveAsked = map[string]bool{"question": true, "ask": true, "interview": true, "survey": true, "poll": true, "quiz": true}

// timeAdjunct reports whether tokens [s, e) open with a preposition and a
// time phrase that ends at e or at a comma ("concluded on Thursday", "…
// on Thursday, the senators left"): an adjunct, not what was said.
func (d *doc) timeAdjunct(s, e int) bool {
	switch d.lw(s) {
	case "on", "in", "at", "by", "during", "since", "until":
	default:
		return false
	}
	n := 0
	for i := s + 1; i < e; i++ {
		if d.isComma(i) || d.isFinal(i) {
			break
		}
		w := d.lw(i)
		if !timeWords[w] && !adjunctNouns[w] && w != "the" && w != "this" && w != "last" {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// quotedAsSaying handles "X quoted Y as saying Z" after the cue ending at
// token cueE: Y is the speaker, X (tokens [srcS, srcE), when an outlet)
// the channel and Z the content. It commits dr and reports true, or
// reports false when the words do not follow that pattern.
func (d *doc) quotedAsSaying(dr *draft, srcS, srcE, cueE, te int, next *cand) bool {
	ys, ye := cueE, -1
	for j := cueE + 1; j+1 < te && j <= cueE+10; j++ {
		if d.isPunct(j) && !d.is(j, ".") || d.reg[j] >= 0 {
			return false // "." stays: "Mr. Araki"
		}
		if d.is(j, "as") {
			ye = j
			break
		}
	}
	if ye < 0 {
		return false
	}
	switch d.lw(ye + 1) {
	case "saying", "telling", "writing", "stating", "adding", "warning":
	default:
		return false
	}
	k := ye + 2
	if d.is(k, "that") {
		k++
	}
	var after *cand // the cue after "saying", if any, ends the content
	if next != nil && next.s > ye+1 {
		after = next
	}
	end := d.contentEnd(k, te, after)
	if end-k < 2 {
		return false
	}
	dr.srcS, dr.srcE = ys, ye
	dr.rule = "verb-quoted-as"
	d.viaIn(dr, srcS, srcE)
	d.setContent(dr, k, end, true)
	d.commit(dr)
	return true
}

// asSayingAfterQuote reports whether the cue at token i is the "saying"
// of "quoted X as saying", which quotedAsSaying handles.
func (d *doc) asSayingAfterQuote(ts, i int) bool {
	if !d.is(i-1, "as") {
		return false
	}
	for j := i - 2; j >= ts && j >= i-12; j-- {
		if d.is(j, "quoted") || d.is(j, "quotes") || d.is(j, "quoting") || d.is(j, "quote") {
			return true
		}
	}
	return false
}

// capsName reports whether tokens [s, e) are words in capitals of two
// letters or more ("WALLACE", "MIKE PENCE").
func (d *doc) capsName(s, e int) bool {
	for i := s; i < e; i++ {
		w := d.word(i)
		if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			return false
		}
	}
	return e > s
}

// prepPhrase reports whether tokens [s, e) are a prepositional phrase
// without a verb outside quotation marks ("In the note", "On this
// weekend's broadcast of “Fox News Sunday,”").
func (d *doc) prepPhrase(s, e int) bool {
	if !d.hasPOS || e-s > 12 || d.pos(s) != "IN" || d.reg[s] >= 0 || d.is(s, "that") || d.is(s, "if") || d.is(s, "because") {
		return false
	}
	for i := s; i < e; i++ {
		if d.reg[i] >= 0 {
			continue // a quoted title: "On this weekend's broadcast of “Fox News Sunday,”"
		}
		if p := d.pos(i); strings.HasPrefix(p, "VB") || p == "MD" {
			return false
		}
	}
	return true
}

// askedIntro reports whether token cue is or lies in an opening "Asked …"
// or "When asked …" clause of the sentence starting at token ts (before its
// first comma).
func (d *doc) askedIntro(ts, cue int) bool {
	i := ts
	for i < cue && d.reg[i] < 0 && (d.is(i, "when") || d.is(i, "if") || d.is(i, "once") || d.is(i, "after")) {
		i++
	}
	if i > cue || !d.is(i, "asked") {
		return false
	}
	for j := i + 1; j < cue; j++ {
		if d.isComma(j) {
			return false
		}
	}
	return true
}

// participle: token i starts a participle clause ("forcing them …").
func (d *doc) participle(i int) bool {
	if d.reg[i] >= 0 {
		return false
	}
	if d.hasPOS {
		return d.pos(i) == "VBG"
	}
	w := d.lw(i)
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !d.capitalized(i)
}

var adjunctNouns = map[string]bool{
	"statement": true, "interview": true, "ruling": true, "speech": true, "tweet": true, "post": true,
	"email": true, "letter": true, "rally": true, "forum": true, "conference": true, "show": true,
	"program": true, "broadcast": true, "appearance": true, "briefing": true, "debate": true, "event": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "morning": true, "evening": true, "night": true, "afternoon": true, "today": true, "yesterday": true,
}

// trimAdjuncts ends a content before a trailing prepositional phrase of
// time or occasion ("… in a ruling released Thursday", "… on Wednesday"),
// recording a medium named there.
func (d *doc) trimAdjuncts(dr *draft, k, end int) int {
	for round := 0; round < 2; round++ {
		cut := -1
		for p := end - 1; p > k+1 && end-p <= 8; p-- {
			if d.reg[p] >= 0 || d.isMarkTok(p) {
				return end
			}
			if d.hasPOS && strings.HasPrefix(d.pos(p), "VB") && d.pos(p) != "VBN" {
				break
			}
			switch d.lw(p) {
			case "in", "on", "at", "during":
				for q := p + 1; q < end; q++ {
					if adjunctNouns[d.lw(q)] {
						cut = p
						break
					}
				}
			}
			if cut >= 0 {
				break
			}
		}
		if cut < 0 {
			break
		}
		d.mediumIn(dr, cut, end)
		end = cut
		for end > k && d.isComma(end-1) {
			end--
		}
	}
	return end
}

// isAuxBe: a form of "be" among tokens [s, e).
func (d *doc) isAuxBe(s, e int) bool {
	for i := s; i < e; i++ {
		switch d.lw(i) {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

// lastDraft returns the index of the last draft of this sentence, or -1.
func (d *doc) lastDraft(first, before int) int {
	best := -1
	for i := first; i < len(d.drafts); i++ {
		if c := d.drafts[i].cueS; c >= 0 && c < before && (best < 0 || c > d.drafts[best].cueS) {
			best = i
		}
	}
	return best
}

// skipToContent moves k past an addressee ("told reporters"), a medium or
// place ("on Twitter", "during a rally in Ohio") to the content's start
// ("that …", "to …", a quotation). It records outlets in via.
func (d *doc) skipToContent(dr *draft, e *cues.Entry, k, te int) int {
	limit := k + 14
	if limit > te {
		limit = te
	}
	// Without an addressee, only a prepositional phrase or time words may
	// stand between the verb and "that": "said during a rally that".
	if !e.Tell && k < te && !tailPreps[d.lw(k)] && !timeWords[d.lw(k)] && !d.isComma(k) {
		if d.is(k, "that") {
			return k
		}
		limit = k
	}
	for j := k; j < limit; j++ {
		if d.reg[j] >= 0 || d.isFinal(j) || d.word(j) == ";" {
			break
		}
		if _, ok := d.isOpener(j); ok {
			if j > k {
				if d.is(j-1, "to") || d.is(j-1, "that") {
					// "told supporters to “go …”": the content starts before the quote.
					d.viaIn(dr, k, j-1)
					return j - 1
				}
				d.viaIn(dr, k, j)
				if e.Tell || d.isComma(j-1) || d.word(j-1) == ":" {
					return j
				}
			}
			break
		}
		if d.is(j, "that") {
			if j > k {
				d.viaIn(dr, k, j)
			}
			return j
		}
		if d.hasPOS && strings.HasPrefix(d.pos(j), "VB") && j > k && !e.Tell {
			break
		}
		if len(d.lex.Lookup(d.lw(j))) > 0 && j > k && d.hasPOS && strings.HasPrefix(d.pos(j), "VB") {
			break
		}
	}
	if e.Tell {
		// "told reporters the meeting …", "warned voters that …"; but
		// "warned the plan would fail" has no addressee.
		if as, ae := d.npAfter(k, te); as >= 0 && ae < te {
			// "tells his supporters at a Michigan rally to “go …”"
			j := ae
			for steps := 0; steps < 3 && j < te && tailPreps[d.lw(j)] && !d.is(j, "to"); steps++ {
				_, pe := d.npAfter(j+1, te)
				if pe <= j+1 {
					break
				}
				j = pe
			}
			if j > ae && j < te && (d.is(j, "to") || d.is(j, "that") || d.isComma(j) || d.word(j) == ":") {
				d.viaIn(dr, as, j)
				return j
			}
			if e.Lemma == "tell" || d.is(ae, "to") || d.isComma(ae) || d.word(ae) == ":" || d.is(ae, "that") {
				d.viaIn(dr, as, ae)
				return ae
			}
			if _, ok := d.isOpener(ae); ok {
				d.viaIn(dr, as, ae)
				return ae
			}
		}
	}
	return k
}

// contentEnd returns where a forward content that starts at k ends.
func (d *doc) contentEnd(k, te int, next *cand) int {
	for j := k; j < te; j++ {
		if d.cover[j] {
			// Another attribution starts here.
			for j > k && (d.isComma(j-1) || clauseBreak[d.lw(j-1)]) {
				j--
			}
			return j
		}
		if d.reg[j] >= 0 {
			continue
		}
		w := d.lw(j)
		if w == ";" {
			return j
		}
		if d.isComma(j) && j+2 < te && d.is(j+1, "according") && d.is(j+2, "to") {
			return j
		}
		if d.isComma(j) && j > k && j+1 < te && (adjunctStart[d.lw(j+1)] || d.participle(j+1)) {
			return j
		}
		if next != nil && j < next.s && j > k {
			// A new clause with its own reporting verb: ", while Trump posted …",
			// "but stressed that …", ", adding that …".
			if clauseBreak[w] || d.isComma(j) {
				m := j + 1
				for m < next.s && (d.isComma(m) || clauseBreak[d.lw(m)]) {
					m++
				}
				if m == next.s || d.onlySubjectAux(m, next.s) {
					if d.isComma(j) || j > k && d.isComma(j-1) || w == "but" || w == "while" || w == "whereas" || m == next.s && (w == "and") {
						if j > k && d.isComma(j-1) {
							return j - 1
						}
						return j
					}
				}
			}
		}
	}
	return te
}

// onlySubjectAux: tokens [s, e) are a noun phrase and auxiliaries.
func (d *doc) onlySubjectAux(s, e int) bool {
	if s >= e {
		return false
	}
	i := s
	for i < e && d.nominal(i) {
		i++
	}
	if i == s {
		return false
	}
	for i < e && d.isAux(i) {
		i++
	}
	return i == e
}

// frontedContent sets the content of a fronted attribution: the quotation
// closed at token p (or p-1 before a comma), else tokens [lo, p).
func (d *doc) frontedContent(dr *draft, lo, p int) {
	q := p
	if d.isComma(q) && q-1 >= lo {
		if _, ok := d.isCloser(q - 1); ok {
			q--
		}
	}
	if ri, ok := d.isCloser(q); ok {
		r := d.regs[ri]
		// Words before the opening mark in this sentence make it mixed.
		if r.tokStart > lo {
			ot := r.tokStart - 1 // the opening mark token ('' may be two)
			for ot-1 >= lo && d.isMarkTok(ot-1) && d.toks[ot-1].End == d.toks[ot].Start {
				ot--
			}
			if ot > lo && !d.cover[lo] && !d.isComma(ot-1) && d.word(ot-1) != ":" && !d.isDash(ot-1) {
				dr.content = append(dr.content, model.Span{Start: d.toks[lo].Start, End: r.end})
				return
			}
		}
		d.addRegion(dr, ri)
		return
	}
	d.setContent(dr, lo, p, false)
}

// splitRest adds the second part of a split quotation: "“…,” he said, “…”".
func (d *doc) splitRest(dr *draft, k, te int) {
	for k < te && (d.isComma(k) || d.word(k) == ":" || d.isDash(k)) {
		k++
	}
	if ri, ok := d.isOpener(k); ok && len(dr.content) > 0 {
		d.addRegion(dr, ri)
		return
	}
	// "“…,” Tester said, referring to the excuse, “you give …”": a short
	// aside before the second part.
	for j := k; j < te && j-k < 14 && d.reg[j] < 0 && !d.isFinal(j) && !d.cover[j]; j++ {
		if ri, ok := d.isOpener(j); ok {
			if j > k && d.isComma(j-1) && len(dr.content) > 0 {
				d.addRegion(dr, ri)
			}
			return
		}
	}
}

// viaIn records outlets named in tokens [s, e) as via, and media as medium.
func (d *doc) viaIn(dr *draft, s, e int) {
	if s < 0 || e <= s {
		return
	}
	sp := d.spanOf(s, e)
	if id := d.outletEntity(sp); id != "" {
		dr.via = appendUniq(dr.via, id)
	}
	d.mediumIn(dr, s, e)
}

// outletEntity returns the entity id of a news outlet mentioned in sp.
func (d *doc) outletEntity(sp model.Span) string {
	for _, m := range d.ments {
		if m.start >= sp.End {
			break
		}
		if m.coref || m.start < sp.Start || m.end > sp.End {
			continue
		}
		name := strings.ToLower(strings.TrimSpace(d.text[m.start:m.end]))
		if d.lex.Has(name, cues.Outlet) || d.isOutletName(name) {
			return m.entity
		}
	}
	for _, e := range d.a.Entities {
		if e.Sector != "MED" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				return e.ID
			}
		}
	}
	return ""
}

// isOutletName: a multi-word outlet name from the lexicon.
func (d *doc) isOutletName(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	for _, p := range d.lex.Lookup(f[0]) {
		if p.Entry.Kind == cues.Outlet && len(p.Words) == len(f) {
			ok := true
			for i := range f {
				if p.Words[i] != f[i] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// mediumIn sets dr.medium from a medium named in tokens [s, e).
func (d *doc) mediumIn(dr *draft, s, e int) {
	if dr.medium != "" {
		return
	}
	for i := s; i < e && i < len(d.toks); i++ {
		if d.reg[i] >= 0 {
			continue
		}
		for _, p := range d.lex.Lookup(d.lw(i)) {
			if p.Entry.Kind != cues.Medium || i+len(p.Words) > e {
				continue
			}
			ok := true
			for j := 1; j < len(p.Words); j++ {
				if d.lw(i+j) != p.Words[j] {
					ok = false
					break
				}
			}
			// "X" is a medium only as "on X".
			if ok && (len(p.Words) > 1 || len(p.Words[0]) > 1 || i > 0 && d.is(i-1, "on")) && d.capitalized(i) {
				dr.medium = d.text[d.toks[i].Start:d.toks[i+len(p.Words)-1].End]
				return
			}
		}
	}
}

// according handles "according to X, …" and "…, according to X". When the
// rest of the sentence has its own reporting verb, X is a source chain and
// its outlets are returned as via instead.
func (d *doc) according(si, block, ts, te int, c cand, rest []cand) ([]string, bool) {
	lo := ts
	for lo < c.s && d.cover[lo] {
		lo++
	}
	dr := d.newDraft(si, block, "according-to")
	dr.cueS, dr.cueE = c.s, c.e
	dr.lemma = c.entry.Lemma
	dr.weight = c.entry.Weight
	// Source: up to a comma or the end.
	ss := c.e
	se := ss
	for se < te && !d.isComma(se) && !d.isFinal(se) && d.word(se) != ":" && d.reg[se] < 0 && se-ss < 25 {
		if _, ok := d.isOpener(se); ok {
			break
		}
		se++
	}
	if se == ss {
		return nil, false
	}
	dr.srcS, dr.srcE = ss, se
	if c.s == lo || c.s == lo+1 && (d.isPunct(lo) || clauseBreak[d.lw(lo)]) {
		// Fronted: content after the comma (or colon).
		if se >= te || !d.isComma(se) && d.word(se) != ":" {
			return nil, false
		}
		for _, r := range rest {
			if r.entry.Kind == cues.Verb && r.s > se && r.entry.Speech && !d.quantified(se+1, r.s) {
				// A source chain: "According to a report by The AP, Ushakov said …";
				// but "According to a survey, 51 percent said …" is the survey's.
				var via []string
				if id := d.outletEntity(d.spanOf(ss, se)); id != "" {
					via = append(via, id)
				} else if id := d.firstEntity(d.spanOf(ss, se)); id != "" {
					via = append(via, id)
				}
				return via, true
			}
		}
		d.setContent(dr, se+1, te, true)
		d.commit(dr)
		return nil, true
	}
	p := c.s - 1
	if p > ts && d.isComma(p) && d.cover[p-1] {
		// "…,” O’Malley said, according to the Las Vegas Sun.": a source chain.
		var via []string
		if id := d.outletEntity(d.spanOf(ss, se)); id != "" {
			via = append(via, id)
		}
		return via, true
	}
	if p > lo && d.isComma(p) {
		d.setContent(dr, lo, p, true)
		d.commit(dr)
		return nil, true
	}
	if c.s-lo >= 3 && !d.cover[p] {
		// "Clinton leads Sanders by 271 delegates according to a count by The AP."
		d.setContent(dr, lo, c.s, true)
		d.commit(dr)
		return nil, true
	}
	return nil, false
}

// quantified reports whether tokens [s, e) hold a number or a proportion
// ("51 percent of respondents", "a majority of voters").
func (d *doc) quantified(s, e int) bool {
	for i := s; i < e; i++ {
		switch d.lw(i) {
		case "percent", "%", "majority", "majorities", "half", "third", "thirds", "quarter", "respondents", "most":
			return true
		}
		if unicode.IsDigit(d.firstRune(i)) {
			return true
		}
	}
	return false
}

// firstEntity returns the first non-possessive entity mentioned in sp.
func (d *doc) firstEntity(sp model.Span) string {
	for _, m := range d.ments {
		if m.start >= sp.End {
			break
		}
		if m.start >= sp.Start && m.end <= sp.End && !d.possessive(m.end) {
			return m.entity
		}
	}
	return ""
}

// possessive: text at byte offset o starts with "’s" or "'s" (or a bare apostrophe).
func (d *doc) possessive(o int) bool {
	t := d.text[o:]
	return strings.HasPrefix(t, "’s") || strings.HasPrefix(t, "'s") || strings.HasPrefix(t, "’ ") || strings.HasPrefix(t, "' ")
}

// continuations attaches quotation-only sentences to the attribution before
// them: in the same paragraph as more content of that quote, and at the
// start of the next paragraph as a continuation quote by the same speaker.
func (d *doc) continuations() {
	used := make([]bool, len(d.regs))
	for i := range d.drafts {
		for _, sp := range d.drafts[i].content {
			for ri := d.firstRegionEndingAfter(sp.Start); ri < len(d.regs) && d.regs[ri].start <= sp.End; ri++ {
				r := d.regs[ri]
				if r.start < sp.End && sp.Start < r.end || r.start == r.end && r.start >= sp.Start {
					used[ri] = true
				}
			}
		}
	}
	// Drafts by the end of their content, walked along with the regions.
	lastEnd := func(i int) int { c := d.drafts[i].content; return c[len(c)-1].End }
	var order []int
	for i := range d.drafts {
		if len(d.drafts[i].content) > 0 {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return lastEnd(order[a]) < lastEnd(order[b]) })
	next, best := 0, -1
	sents := d.a.Sentences
	var extra []draft
	for ri := range d.regs {
		r := d.regs[ri]
		if used[ri] || r.prev >= 0 || r.tokStart < 0 {
			continue
		}
		// The sentences the region spans must hold nothing else but punctuation.
		s0 := d.toks[r.tokStart].Sentence
		s1 := d.toks[r.tokEnd-1].Sentence
		if s0 < 0 || s1 >= len(sents) || s0 > s1 {
			continue
		}
		alone := true
		words := 0
		for i := sents[s0].TokenStart; i < sents[s1].TokenEnd && alone; i++ {
			if d.reg[i] >= 0 && int(d.reg[i]) == ri {
				if !d.isPunct(i) {
					words++
				}
				continue
			}
			if !d.isPunct(i) && !(d.cover[i] && s0 == s1) {
				alone = false
			}
		}
		// A quotation running on into following paragraphs is alone too.
		if !alone || words < 2 {
			continue
		}
		// The attribution before it: the one whose content ends last
		// before the region.
		for next < len(order) && lastEnd(order[next]) <= r.start {
			if best < 0 || lastEnd(order[next]) > lastEnd(best) {
				best = order[next]
			}
			next++
		}
		if best < 0 || lastEnd(best) > r.start {
			continue
		}
		b := &d.drafts[best]
		if b.srcS < 0 && b.inherit < 0 {
			continue
		}
		if b.block == r.block {
			// Only when nothing but quotation lies between.
			if !d.onlyQuotesBetween(b.content[len(b.content)-1].End, r.open) {
				continue
			}
			d.addRegion(b, ri)
			continue
		}
		if b.block+1 != r.block && !d.debrisBetween(b.block, r.block) {
			continue
		}
		bs, _ := trim(d.text, d.a.Blocks[r.block].Start, d.a.Blocks[r.block].End)
		if r.open != bs {
			continue
		}
		nd := *b
		nd.content = nil
		nd.cueS, nd.cueE = -1, -1
		nd.lemma = ""
		nd.rule = "continuation"
		nd.block = r.block
		nd.inherit = best
		nd.srcS, nd.srcE = -1, -1
		nd.weight = 0.7
		nd.via = append([]string(nil), b.via...)
		d.addRegion(&nd, ri)
		extra = append(extra, nd)
	}
	d.drafts = append(d.drafts, extra...)
}

// onlyQuotesBetween: text [s, e) holds only punctuation, marks, spaces and
// quoted text… approximated: no letters outside quote regions.
func (d *doc) onlyQuotesBetween(s, e int) bool {
	if e < s {
		return false
	}
	si, ei := d.tokRange(model.Span{Start: s, End: e})
	for i := si; i < ei; i++ {
		if d.reg[i] < 0 && !d.isPunct(i) && !d.cover[i] {
			return false
		}
	}
	return true
}

// debrisBetween: every block strictly between a and b is debris or a heading.
func (d *doc) debrisBetween(a, b int) bool {
	if b <= a {
		return false
	}
	for i := a + 1; i < b; i++ {
		if d.a.Blocks[i].Analysed() {
			return false
		}
	}
	return true
}

// appositive reports whether tokens [s, e) can be an appositive or a
// parenthetical: no finite verb outside a relative clause or participle
// phrase ("the finance minister", "who was born in Havana", "speaking on
// condition of anonymity"), not a clause ("the losses would outstrip …").
func (d *doc) appositive(s, e int) bool {
	if s >= e {
		return false
	}
	if d.is(s, "who") || d.is(s, "which") || d.is(s, "whose") {
		return true
	}
	if d.hasPOS {
		if p := d.pos(s); p == "VBG" || p == "VBN" {
			return true
		}
		for i := s; i < e; i++ {
			switch d.pos(i) {
			case "VBD", "VBZ", "VBP", "MD":
				return false
			}
		}
		return true
	}
	for i := s; i < e; i++ {
		w := d.lw(i)
		if auxWords[w] && w != "also" && w != "’s" && w != "'s" && !strings.HasSuffix(w, "ly") || w == "said" || w == "says" {
			return false
		}
	}
	return true
}

// dashTrailer handles a quotation signed with a dash after it:
// "“We deserve better.” ― Maria Lopez".
func (d *doc) dashTrailer(si, block, ts, te int) {
	e := te
	for e > ts && d.isFinal(e-1) {
		e--
	}
	k := e
	for k > ts && e-k < 5 && d.capitalized(k-1) && d.nominal(k-1) {
		k--
	}
	// The dash may open its own sentence after the quotation's last one.
	if k == e || e-k > 4 || k-1 < ts || k-1 == 0 {
		return
	}
	var ri int
	var ok bool
	switch w := d.word(k - 1); {
	case d.isDash(k - 1):
		ri, ok = d.isCloser(k - 2)
	case strings.HasSuffix(w, "―") || strings.HasSuffix(w, "—") || strings.HasSuffix(w, "–"):
		ri, ok = d.isCloser(k - 1) // "”―" in one token
	}
	if !ok || d.cover[k-1] {
		return
	}
	dr := d.newDraft(si, block, "dash")
	dr.srcS, dr.srcE = k, e
	dr.cueS, dr.cueE = k-1, k
	dr.weight = 0.7
	d.addRegion(dr, ri)
	d.commit(dr)
}

// passive reports whether the cue [cueS, c.e) is a passive verb group: a
// form of "be" before a past participle.
func (d *doc) passive(cueS int, c cand) bool {
	if !d.isAuxBe(cueS, c.s) {
		return false
	}
	if d.hasPOS {
		return d.pos(c.s) == "VBN"
	}
	w := d.lw(c.s)
	return strings.HasSuffix(w, "ed") || irregularPast[w] && w != "spoke" && w != "wrote" && w != "saw" && w != "knew" && w != "felt" && w != "thought" && w != "sought"
}

// weakCueBefore reports whether a cue of the second pass lies in [s, e).
func (d *doc) weakCueBefore(s, e int) bool {
	for i := s; i < e; i++ {
		if d.reg[i] >= 0 {
			continue
		}
		for _, p := range d.lex.Lookup(d.lw(i)) {
			if p.Entry.Kind == cues.Verb && !(p.Entry.Speech && p.Entry.Weight >= 0.7) && p.Entry.Weight >= minWeight && d.verbLike(i) {
				return true
			}
		}
	}
	return false
}

// firstRegionEndingAfter returns the index of the first region whose end
// lies after byte offset o (regions are in text order and do not overlap).
func (d *doc) firstRegionEndingAfter(o int) int {
	return sort.Search(len(d.regs), func(i int) bool { return d.regs[i].end > o })
}

// bareNP: tokens [s, e) hold no verb, no quotation and no clause opener,
// as in "urgency to the meeting". Untagged, every token must look nominal
// or join nominals ("to", "and", a comma).
// objectThenPrep reports whether tokens [s, e) open with a noun phrase
// that a preposition follows ("his voice after five senators urged …"): a
// verb's object, not the subject of a reported clause ("the talks would go
// on").
func (d *doc) objectThenPrep(s, e int) bool {
	if !objectDets[d.lw(s)] {
		return false
	}
	prep := func(i int) bool {
		if d.hasPOS {
			return (d.pos(i) == "IN" || d.pos(i) == "TO") && !d.is(i, "that")
		}
		return objectPreps[d.lw(i)]
	}
	i := s + 1
	for i < e && d.reg[i] < 0 && (d.is(i, "of") || !prep(i) && d.nominal(i)) {
		i++ // "of" stays inside the phrase: "a note of caution, …" is said
	}
	return i > s+1 && i < e && d.reg[i] < 0 && prep(i)
}

// objectDets open a noun phrase; objectPreps may follow one.
var (
	objectDets  = map[string]bool{"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true, "a": true, "an": true, "the": true}
	objectPreps = map[string]bool{"after": true, "before": true, "to": true, "for": true, "in": true, "on": true, "at": true, "with": true, "from": true, "against": true, "behind": true, "over": true}
)

func (d *doc) bareNP(s, e int) bool {
	switch d.lw(s) {
	case "that", "whether", "if", "how", "what", "why", "when", "where", "who", "to":
		return false
	}
	for i := s; i < e; i++ {
		if d.reg[i] >= 0 {
			return false
		}
		if d.hasPOS {
			if p := d.pos(i); p == "MD" || strings.HasPrefix(p, "VB") {
				return false
			}
		} else if !d.nominal(i) && !prepJoin[d.lw(i)] && !d.is(i, "and") && !d.is(i, "or") && !d.isComma(i) {
			return false
		}
	}
	return true
}

// negatedNP: the noun phrase ending at or starting with token s (not before
// lo) opens with a negative quantifier: "no final schedule or location",
// "nothing", "neither side".
func (d *doc) negatedNP(s, lo int) bool {
	for i := s; i >= lo && s-i <= 5; i-- {
		switch d.lw(i) {
		case "no", "nothing", "none", "neither":
			return true
		}
		if i < s && !d.isComma(i) && !d.is(i, "or") && !d.is(i, "and") && !d.nominal(i) {
			p := d.pos(i)
			if !d.hasPOS || !strings.HasPrefix(p, "JJ") && !strings.HasPrefix(p, "NN") {
				return false
			}
		}
	}
	return false
}
