package quote

import (
	"sort"
	"strings"
	"unicode"

	"herald/internal/model"
	"herald/internal/resources/cues"
)

// resolve fills speaker, speaker span and anonymity of every draft, then
// shares them with drafts that inherit a subject, and carries source chains
// (via) on to later quotes of the same speaker.
func (d *doc) resolve() {
	types := make(map[string]string, len(d.a.Entities))
	for _, e := range d.a.Entities {
		types[e.ID] = e.Type
	}
	// The last person quoted, for "Zelenskyy said … He signalled …": a
	// pronoun subject of a reporting verb goes on with the speaker before.
	lastPER, lastBlock, lastSent := "", -1, -1
	for i := range d.drafts {
		dr := &d.drafts[i]
		if dr.srcS < 0 || dr.inherit >= 0 {
			continue
		}
		s, e := dr.srcS, dr.srcE
		for e > s && (d.isComma(e-1) || d.isPunct(e-1)) {
			if d.word(e-1) == ")" && d.hasOpenParen(s, e-1) {
				break
			}
			e--
		}
		if e <= s {
			continue
		}
		sp := d.spanOf(s, e)
		dr.speakerSpan = &sp
		dr.speaker = d.speakerEntity(sp)
		if dr.ante >= 0 && dr.speaker == "" {
			as, ae := d.npAfter(dr.ante, len(d.toks))
			if as >= 0 {
				dr.speaker = d.speakerEntity(d.spanOf(as, ae))
			}
		}
		if e-s == 1 && (d.is(s, "he") || d.is(s, "she")) && lastPER != "" && dr.sent > lastSent && dr.block-lastBlock <= 1 {
			dr.speaker = lastPER
		}
		if dr.speaker == "" {
			dr.anonymous, dr.desc = d.anonymous(s, e)
		}
		if dr.speaker != "" && types[dr.speaker] == model.TypePER {
			lastPER, lastBlock, lastSent = dr.speaker, dr.block, dr.sent
		}
	}
	for i := range d.drafts {
		dr := &d.drafts[i]
		if dr.inherit < 0 {
			continue
		}
		src := dr.inherit
		for hops := 0; hops < 8 && d.drafts[src].inherit >= 0; hops++ {
			src = d.drafts[src].inherit
		}
		o := &d.drafts[src]
		dr.speaker, dr.speakerSpan, dr.anonymous, dr.desc = o.speaker, o.speakerSpan, o.anonymous, o.desc
		dr.via = appendUniq(dr.via, o.via...)
		if dr.medium == "" && dr.rule == "continuation" {
			dr.medium = o.medium
		}
	}
	// Source chains stick to their speaker.
	order := make([]int, len(d.drafts))
	for i := range order {
		order[i] = i
	}
	first := func(i int) int {
		if len(d.drafts[i].content) == 0 {
			return 0
		}
		return d.drafts[i].content[0].Start
	}
	sort.SliceStable(order, func(a, b int) bool { return first(order[a]) < first(order[b]) })
	chain := map[string][]string{}
	for _, i := range order {
		dr := &d.drafts[i]
		if dr.speaker == "" {
			continue
		}
		if len(dr.via) > 0 {
			if _, ok := chain[dr.speaker]; !ok {
				chain[dr.speaker] = dr.via
			}
			continue
		}
		if v, ok := chain[dr.speaker]; ok {
			dr.via = append([]string(nil), v...)
		}
	}
}

// speakerEntity returns the entity a source span stands for: a coreference
// link inside it, else the first non-possessive mention inside it, else a
// mention overlapping it.
func (d *doc) speakerEntity(sp model.Span) string {
	// The head of the phrase is its last name before an appositive comma:
	// "White House Press Secretary Karoline Leavitt", "Yuri Ushakov, Putin’s adviser".
	head := sp.End
	if i := strings.IndexByte(d.text[sp.Start:sp.End], ','); i >= 0 {
		head = sp.Start + i
	}
	var inside, overlap string
	insideEnd := -1
	for _, m := range d.ments {
		if m.start >= sp.End {
			break
		}
		if m.end <= sp.Start {
			continue
		}
		if m.start >= sp.Start && m.end <= sp.End {
			if m.coref {
				return m.entity
			}
			if !d.possessive(m.end) && m.typ != model.TypeLOC && m.end <= head && m.end > insideEnd {
				inside, insideEnd = m.entity, m.end
			} else if inside == "" && !d.possessive(m.end) && m.typ != model.TypeLOC && insideEnd < 0 {
				inside = m.entity
			}
			continue
		}
		if overlap == "" && !d.possessive(m.end) {
			overlap = m.entity
		}
	}
	if inside != "" {
		return inside
	}
	return overlap
}

var anonDets = map[string]bool{
	"a": true, "an": true, "one": true, "two": true, "three": true, "four": true, "several": true, "some": true,
	"many": true, "other": true, "senior": true, "top": true, "multiple": true, "numerous": true, "few": true,
}

// anonymous reports whether source tokens [s, e) are an unnamed source
// ("a senior administration official", "officials", "two people familiar
// with the talks") and returns its description.
func (d *doc) anonymous(s, e int) (bool, string) {
	// head: the last word before a comma, preposition or participle.
	h := s
	for i := s; i < e; i++ {
		if d.isComma(i) || prepJoin[d.lw(i)] || d.is(i, "familiar") || d.is(i, "speaking") || d.is(i, "with") || d.is(i, "who") {
			break
		}
		h = i
	}
	if !d.lex.Has(d.lw(h), cues.Anon) {
		return false, ""
	}
	for i := s; i < h; i++ {
		if d.hasPOS && d.toks[i].NER != "" && strings.HasSuffix(d.toks[i].NER, "PER") {
			return false, ""
		}
	}
	plural := strings.HasSuffix(d.lw(h), "s") || d.is(h, "people")
	if !plural && !anonDets[d.lw(s)] {
		return false, ""
	}
	if plural && (d.is(s, "the") || d.is(s, "these") || d.is(s, "those")) {
		return false, ""
	}
	end := h + 1
	// keep "familiar with the matter" style tails in the description
	if end < e && (d.is(end, "familiar") || prepJoin[d.lw(end)]) {
		end = e
	}
	for end > s && d.isComma(end-1) {
		end--
	}
	return true, d.text[d.toks[s].Start:d.toks[end-1].End]
}

// spaceOrDoubleMark is true of white space and the double curly marks.
func spaceOrDoubleMark(r rune) bool { return r == '“' || r == '”' || unicode.IsSpace(r) }

// finish turns a draft into a Quote.
func (d *doc) finish(dr *draft) (model.Quote, bool) {
	cs := normSpans(d.text, dr.content)
	if len(cs) == 0 {
		return model.Quote{}, false
	}
	q := model.Quote{
		Content: cs,
		Start:   cs[0].Start,
		End:     cs[len(cs)-1].End,
		Via:     dr.via,
		Medium:  dr.medium,
		Rule:    dr.rule,
	}
	if q.Via == nil {
		q.Via = []string{}
	}
	q.Kind = d.kind(dr, cs)
	if q.Kind == model.QuoteDirect {
		// Stray double marks at the edges of quoted text (an unclosed 'a“”
		// runs to the line's end) are not words of the quote; single marks
		// may close a quotation inside it.
		for i := range q.Content {
			sp := &q.Content[i]
			sp.Start, sp.End = trimFunc(d.text, sp.Start, sp.End, spaceOrDoubleMark)
			if sp.Start >= sp.End {
				return model.Quote{}, false
			}
		}
		q.Start, q.End = q.Content[0].Start, q.Content[len(q.Content)-1].End
	}
	q.Text = d.text[q.Start:q.End]
	q.Speaker = dr.speaker
	if dr.speakerSpan != nil {
		sp := *dr.speakerSpan
		q.SpeakerSpan = &sp
	}
	q.Anonymous = dr.anonymous
	q.SourceDescription = dr.desc
	if dr.cueS >= 0 && dr.cueE > dr.cueS {
		sp := d.spanOf(dr.cueS, dr.cueE)
		q.Cue = &model.Cue{Start: sp.Start, End: sp.End, Text: d.text[sp.Start:sp.End], Lemma: dr.lemma}
	}
	q.Confidence = d.confidence(dr, q.Kind)
	return q, true
}

// kind classifies content: direct when every span is the inside of quote
// marks, mixed when some quoted text is inside, else indirect.
func (d *doc) kind(dr *draft, cs []model.Span) string {
	allQuoted := true
	anyQuoted := false
	for _, sp := range cs {
		whole := false
		for ri := d.firstRegionEndingAfter(sp.Start); ri < len(d.regs) && d.regs[ri].start < sp.End; ri++ {
			r := d.regs[ri]
			if r.start <= sp.Start && sp.End <= r.end {
				whole = true
				anyQuoted = true
				break
			}
			if r.start < sp.End && sp.Start < r.end {
				anyQuoted = true
			}
		}
		if !whole {
			allQuoted = false
		}
	}
	switch {
	case allQuoted:
		return model.QuoteDirect
	case anyQuoted:
		return model.QuoteMixed
	}
	return model.QuoteIndirect
}

func (d *doc) confidence(dr *draft, kind string) float64 {
	c := dr.weight
	if c == 0 {
		c = 0.6
	}
	if kind != model.QuoteIndirect && c < 0.85 {
		c = (c + 0.9) / 2
	}
	switch {
	case dr.speaker != "":
	case dr.speakerSpan != nil:
		c *= 0.9
	default:
		c *= 0.7
	}
	if c > 0.99 {
		c = 0.99
	}
	return float64(int(c*100+0.5)) / 100
}

// normSpans sorts, trims and merges content spans.
func normSpans(text string, in []model.Span) []model.Span {
	var out []model.Span
	for _, sp := range in {
		if sp.Start < 0 || sp.End > len(text) {
			continue
		}
		s, e := trim(text, sp.Start, sp.End)
		if e > s {
			out = append(out, model.Span{Start: s, End: e})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	k := 0
	for i := range out {
		if k > 0 && out[i].Start <= out[k-1].End {
			if out[i].End > out[k-1].End {
				out[k-1].End = out[i].End
			}
			continue
		}
		out[k] = out[i]
		k++
	}
	return out[:k]
}

// hasOpenParen reports whether tokens [s, e) hold an unclosed "(".
func (d *doc) hasOpenParen(s, e int) bool {
	n := 0
	for i := s; i < e; i++ {
		switch d.word(i) {
		case "(":
			n++
		case ")":
			n--
		}
	}
	return n > 0
}
