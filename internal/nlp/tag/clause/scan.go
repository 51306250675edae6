package clause

import (
	"sort"

	"herald/internal/model"
)

// window bounds every search for a related clause, keeping the analysis
// linear in the length of the sentence.
const window = 16

// scanSubject finds the subject of clause i to the left of its verb group.
func (st *sent) scanSubject(i int) {
	c := &st.cls[i]
	info := st.vgs[st.units[c.vi].vg]
	if info.infinitive {
		return // the controller is found in link
	}
	j := st.skipAdvLeft(c.vi - 1)
	if j < 0 {
		return
	}
	u := st.units[j]
	switch u.kind {
	case kNP:
		if info.participle && (st.isTime(u.head) || st.toks[u.head].POS == "CD") {
			return // "a petition … in 1993 asking for": the controller is found in link
		}
		if info.participle {
			// reduced relative: "a deadline set by Trump", "itself bound by"
			c.c.Subject = st.phrase(j, j+1)
			c.antecedent = u.head
			return
		}
		gs := st.groupStartLeft(j)
		if ant, ok := st.modifiedNoun(gs); ok {
			// "officials who spoke to reporters said", "a deadline set by Trump expires"
			ags := st.groupStartLeft(ant)
			c.c.Subject = model.Phrase{Start: st.units[ags].start, End: st.units[j].end, Head: st.units[ags].head}
			c.subjLocal = true
			return
		}
		c.c.Subject = st.phrase(gs, j+1)
		c.subjLocal = true
		st.coordSubjects(c, gs)
	case kComma:
		if st.units[c.vi-1].kind == kQuote {
			return // ", ” said X": a quotation frame, the subject follows the verb
		}
		if p, ok := st.parenthetical(j); ok && !info.participle {
			gs := st.groupStartLeft(p)
			c.c.Subject = st.phrase(gs, p+1)
			c.subjLocal = true
			st.coordSubjects(c, gs)
			return
		}
		if info.participle && j >= 1 && st.units[j-1].kind == kNP {
			// ", speaking on condition of anonymity," after a clause-initial subject
			gs := st.groupStartLeft(j - 1)
			if b := st.skipAdvLeft(gs - 1); b < 0 || st.units[b].kind == kComma || st.units[b].kind == kQuote {
				c.c.Subject = st.phrase(gs, j)
				c.antecedent = st.units[gs].head
			}
		}
	case kPunct:
		if p, ok := st.dashParenthetical(j); ok && !info.participle {
			gs := st.groupStartLeft(p)
			c.c.Subject = st.phrase(gs, p+1)
			c.subjLocal = true
		}
	case kWh:
		k := j - 1
		if k >= 0 && st.units[k].kind == kComma {
			k--
		}
		k = st.skipAdvLeft(k)
		if k >= 0 && st.units[k].kind == kNP {
			c.c.Marker = u.start
			if c.finite {
				c.c.Kind = KindRelative
			}
			c.c.Subject = st.phrase(k, k+1)
			c.antecedent = st.units[k].head
		}
	case kCC:
		c.coordVP = true
	}
}

// coordSubjects extends the subject of c, a noun group starting at unit gs,
// with the conjuncts before it ("Putin and Trump", "Russia, Ukraine and the
// US"); the leftmost becomes Subject, the others Conj. Coordination inside
// a prepositional object ("talks between Russia and Ukraine") stays one
// subject, and a noun phrase after a non-reporting verb is its object, not
// a conjunct.
func (st *sent) coordSubjects(c *cl, gs int) {
	k := gs - 1
	if k < 1 || st.units[k].kind != kCC || st.units[k-1].kind != kNP {
		return
	}
	switch lowerText(&st.toks[st.units[k].start]) {
	case "and", "or", "nor", "&":
	default:
		return // "… but De Wilde was able": a new clause, not a conjunct
	}
	if k >= 2 && st.units[k-2].kind == kPP {
		// "Talks between Russia and Ukraine", "Palestinians in the West Bank
		// and Gaza": the coordination is inside the prepositional object
		g := st.groupStartLeft(k - 1)
		c.c.Subject.Start = st.units[g].start
		c.c.Subject.Head = st.units[g].head
		return
	}
	conj := []model.Phrase{c.c.Subject}
	for {
		end := k - 1 // NP unit ending the next conjunct to the left
		g := st.groupStartLeft(end)
		if b := st.skipAdvLeft(g - 1); b >= 0 && st.units[b].kind == kVG && !IsReportingVerb(st.vgs[st.units[b].vg].vg.Lemma) {
			break // "kept my composure and I was proud": an object, not a conjunct
		}
		conj = append(conj, st.phrase(g, end+1))
		k = g - 1
		if k >= 1 && st.units[k].kind == kComma && st.units[k-1].kind == kNP {
			continue
		}
		break
	}
	// reverse: leftmost first
	for l, r := 0, len(conj)-1; l < r; l, r = l+1, r-1 {
		conj[l], conj[r] = conj[r], conj[l]
	}
	c.c.Subject = conj[0]
	c.c.Conj = append(c.c.Conj[:0], conj[1:]...)
}

// parenthetical checks for "NP , … ," before a verb group, where j is the
// closing comma, and returns the unit ending the noun group before the
// opening comma. The parenthesis is an appositive, a participle or
// relative clause, or an adverbial ("Trump, however, said").
func (st *sent) parenthetical(j int) (int, bool) {
	sawSub := false // a subordinate clause inside: only in a relative clause
	for p := j - 1; p > 0 && j-p < 40; p-- {
		u := st.units[p]
		switch u.kind {
		case kComma:
			q := st.skipAdvLeft(p - 1) // "the council ( SLORC ) ,"
			if p == j-1 || q < 0 || st.units[q].kind != kNP || !st.clauseInitial(st.groupStartLeft(q)) {
				return 0, false
			}
			if sawSub && st.units[p+1].kind != kWh {
				return 0, false
			}
			switch st.units[p+1].kind {
			case kNP:
				if st.groupEnd(p+1, false) != j {
					return 0, false
				}
			case kVG:
				if st.finiteVG(p + 1) {
					return 0, false
				}
			case kWh, kPP, kADVP:
			default:
				return 0, false
			}
			return q, true
		case kSBAR:
			sawSub = true
		case kPunct, kQuote:
			return 0, false
		case kVG:
			if st.finiteVG(p) {
				// a finite verb is allowed only inside a relative clause: ", who …,"
				q := p - 1
				for q > 0 && st.units[q].kind != kWh && st.units[q].kind != kComma {
					q--
				}
				if q <= 0 || st.units[q].kind != kWh {
					return 0, false
				}
			}
		}
	}
	return 0, false
}

// scanObjects collects the objects, prepositional attachments and passive
// agent of clause i to the right of its verb group, and notes where a
// complement clause begins.
func (st *sent) scanObjects(i int) {
	c := &st.cls[i]
	n := len(st.units)
	passive := c.c.Verb.Voice == VoicePassive
	report := IsReportingVerb(c.c.Verb.Lemma)
	k := c.vi + 1
	lastPrep := false // the last constituent was a prepositional phrase
	// inverted reporting frame: "…, said Ushakov."
	if !c.c.Subject.Present() && !c.coordVP && c.finite && report && c.vi > 0 {
		if b := st.units[c.vi-1].kind; b == kComma || b == kQuote {
			if k < n && st.units[k].kind == kNP {
				g := st.groupEnd(k, false)
				for g < n && st.units[g].kind == kNP {
					g = st.groupEnd(g, false) // "said Eagles owner Jeffrey Lurie" in two chunks
				}
				if g >= n || st.units[g].kind == kPunct || st.units[g].kind == kComma || st.units[g].kind == kQuote {
					c.c.Subject = st.phrase(k, g)
					c.subjLocal = true
					k = g
				}
			}
		}
	}
loop:
	for k < n {
		u := st.units[k]
		switch u.kind {
		case kADVP, kPRT, kQuote:
			k++
		case kNP:
			g := st.groupEnd(k, true)
			full := st.groupEnd(k, false)
			if report {
				full = st.subjectEnd(k)
			}
			if st.finiteVG(st.skipAdv(full)) {
				next := st.skipAdv(full)
				switch {
				case st.doQuestion(c, next):
					c.auxOnly = true // "Why did Moscow reject …": Moscow is reject's subject
				case report:
					c.compl = true // "said [a meeting has been agreed]"
				case st.inSubject(c):
					// "officials who met Putin [said]": the verb after is the main clause's
					c.c.Objects = append(c.c.Objects, st.phrase(k, full))
					k = full
				case causatives[c.c.Verb.Lemma] && (st.toks[st.units[next].start].POS == "VB" || st.toks[st.units[next].start].POS == "VBP"):
					// "let them deceive us": object and subject of a bare complement
					c.c.Objects = append(c.c.Objects, st.phrase(k, g))
					c.compl = true
				}
				break loop // otherwise the noun phrase is the subject of a new clause
			}
			if !st.isTime(st.units[k].head) {
				c.c.Objects = append(c.c.Objects, st.phrase(k, g))
				lastPrep = false
			}
			k = g
		case kADJP:
			c.c.Objects = append(c.c.Objects, st.phrase(k, k+1))
			k++
		case kPP:
			j := k + 1
			for j < n && st.units[j].kind == kQuote {
				j++
			}
			if j < n && st.units[j].kind == kNP {
				g := st.groupEnd(j, true)
				obj := st.phrase(j, g)
				if passive && !c.c.Agent.Present() && lowerText(&st.toks[u.start]) == "by" && !st.isTime(obj.Head) && !st.isMeasure(obj.Head) {
					c.c.Agent = obj
					lastPrep = false
				} else {
					c.c.Preps = append(c.c.Preps, model.PrepPhrase{Prep: u.start, Object: obj})
					lastPrep = true
				}
				k = g
				continue
			}
			if j < n && st.units[j].kind == kVG {
				break loop // "short of naming": the gerund is its own clause
			}
			k = j
		case kCC:
			switch lowerText(&st.toks[u.start]) {
			case "but", "yet", "so", "nor":
				break loop // a new clause follows: "won a victory but the council never recognised it"
			}
			j := k + 1
			for j < n && st.units[j].kind == kQuote {
				j++
			}
			if (len(c.c.Objects) > 0 || len(c.c.Preps) > 0) && j < n && st.units[j].kind == kNP {
				g := st.groupEnd(j, true)
				if !st.finiteVG(st.skipAdv(g)) {
					conj := st.phrase(j, g)
					if lastPrep && isProper(st.toks[conj.Head].POS) && isProper(st.toks[c.c.Preps[len(c.c.Preps)-1].Object.Head].POS) {
						// "between Trump's envoy Steve Witkoff and Putin": one prepositional object
						c.c.Preps[len(c.c.Preps)-1].Object.End = conj.End
					} else if len(c.c.Objects) > 0 {
						c.c.Objects = append(c.c.Objects, conj)
						lastPrep = false
					} else {
						break loop
					}
					k = g
					continue
				}
			}
			break loop
		case kSBAR:
			switch lowerText(&st.toks[u.start]) {
			case "that", "whether":
				c.compl = true
			case "if":
				c.compl = report && k == c.vi+1 // "asked if", not "threatened sanctions if"
			}
			break loop
		case kComma, kPunct:
			if report && k+1 < n && st.units[k+1].kind == kQuote && isOpening(&st.toks[st.units[k+1].start]) {
				c.compl = true // said: “…”
			}
			break loop
		case kWh:
			if report && lowerText(&st.toks[u.start]) == "that" {
				c.compl = true // "posted … that/WDT …": a complementizer tagged as a relative
			}
			break loop
		default:
			break loop
		}
	}
	c.scanEnd = k
}

// startUnit returns the first unit of clause c's own constituents.
func (st *sent) startUnit(c *cl) int {
	if c.subjLocal {
		for ui := range st.units {
			if st.units[ui].start == c.c.Subject.Start {
				if ui < c.vi {
					return ui
				}
				break
			}
		}
	}
	return c.vi
}

// link sets markers, kinds, parents, controllers and reported clauses.
func (st *sent) link() {
	pendingGov, pendingUnit := -1, -1
	for i := range st.cls {
		c := &st.cls[i]
		su := st.startUnit(c)
		b := st.skipAdvLeft(su - 1)
		for b > 0 && st.units[b].kind == kQuote {
			b = st.skipAdvLeft(b - 1) // that “great progress was made”
		}
		var markerWord string
		coordMarker := false
		if b >= 0 && (st.units[b].kind == kSBAR || (st.units[b].kind == kWh && lowerText(&st.toks[st.units[b].start]) == "that")) &&
			c.c.Marker < 0 && !c.auxOnly {
			c.c.Marker = st.units[b].start
			markerWord = lowerText(&st.toks[c.c.Marker])
			coordMarker = b > 0 && st.units[b-1].kind == kCC
		}
		switch {
		case pendingGov >= 0 && c.c.Kind != KindInfinitive && c.c.Kind != KindParticiple &&
			su >= pendingUnit && su <= pendingUnit+3 && (markerWord == "" || markerWord == "that" || markerWord == "whether" || markerWord == "if"):
			st.complementOf(i, pendingGov)
			pendingGov = -1
		case markerWord == "that" || markerWord == "whether":
			if coordMarker {
				// "… and that a venue has been selected": like the previous that-clause
				for p := i - 1; p >= max(0, i-window); p-- {
					q := &st.cls[p]
					if q.c.Kind == KindReported || q.c.Kind == KindComplement {
						c.c.Kind, c.c.Parent = q.c.Kind, q.c.Parent
						break
					}
				}
			} else if i > 0 {
				st.complementOf(i, i-1)
			}
		case markerWord != "":
			c.c.Kind = KindAdverbial
			if st.isInitial(b) {
				c.c.Parent = -2 // resolved to the next main clause
			} else {
				c.c.Parent = st.prevMain(i)
			}
		case c.coordVP:
			// the conjunct: for a finite verb the nearest main clause of the same
			// finiteness ("He signalled that … but warned"), else the nearest
			// non-finite one ("naming … or confirming", "to halt … or face")
			bare := st.toks[st.units[c.vi].start].POS == "VB"
			p := -1
			for q := i - 1; q >= max(0, i-window); q-- {
				qk := st.cls[q].c.Kind
				if bare && qk == KindInfinitive {
					p = q
					break
				}
				if st.cls[q].finite == c.finite && qk != KindInfinitive {
					if p < 0 {
						p = q
					}
					if !c.finite || st.cls[q].c.Parent == -1 {
						p = q
						break
					}
				}
			}
			if p >= 0 {
				q := &st.cls[p]
				c.c.Subject, c.c.Conj, c.c.Kind, c.c.Parent = q.c.Subject, q.c.Conj, q.c.Kind, q.c.Parent
				if q.c.Kind == KindInfinitive {
					c.c.Verb.Infinite, c.c.Verb.Tense, c.finite = true, "", false
				}
			}
		case c.c.Kind == KindInfinitive:
			st.controlInfinitive(i)
		case c.c.Kind == KindParticiple && c.antecedent < 0:
			if g := st.scanGovernor(i); g >= 0 {
				// "stopped short of naming", "for continuing"
				c.c.Parent = g
				c.c.Subject, c.c.Conj = st.cls[g].c.Subject, st.cls[g].c.Conj
			} else if st.isInitial(st.skipAdvLeft(c.vi - 1)) {
				c.c.Parent = -2
			} else if p := st.prevMain(i); p >= 0 {
				c.c.Parent = p
				c.c.Subject, c.c.Conj = st.cls[p].c.Subject, st.cls[p].c.Conj
			}
		}
		if c.compl {
			pendingGov, pendingUnit = i, c.scanEnd
		}
	}
}

// complementOf links clause i as the complement of governor g.
func (st *sent) complementOf(i, g int) {
	c, gov := &st.cls[i], &st.cls[g]
	c.c.Parent = g
	if IsReportingVerb(gov.c.Verb.Lemma) {
		c.c.Kind = KindReported
		if gov.rep < 0 {
			gov.rep = i
		}
	} else {
		c.c.Kind = KindComplement
	}
}

// isInitial reports whether only openers (adverbs, quotes, commas,
// sentence-initial prepositional phrases) precede unit b, inclusive.
func (st *sent) isInitial(b int) bool {
	for k := b - 1; k >= 0; k-- {
		switch st.units[k].kind {
		case kADVP, kQuote, kComma, kPP, kNP:
		default:
			return false
		}
	}
	return true
}

// prevMain returns the nearest clause before i without a parent, else the
// nearest clause before i, else -1.
func (st *sent) prevMain(i int) int {
	for q := i - 1; q >= max(0, i-window); q-- {
		if st.cls[q].c.Parent == -1 && st.cls[q].c.Kind == KindMain {
			return q
		}
	}
	return i - 1
}

// controlInfinitive finds the governor and controller of to-infinitive i:
// "for Russia to halt" → Russia; "urged Kyiv to accept" → Kyiv; else the
// governor's subject ("are working to finalise" → both sides).
func (st *sent) controlInfinitive(i int) {
	c := &st.cls[i]
	b := c.vi - 1
	forTo := b >= 1 && st.units[b].kind == kNP && st.units[b-1].kind == kPP && lowerText(&st.toks[st.units[b-1].start]) == "for"
	if forTo {
		c.c.Subject = st.phrase(b, b+1)
	}
	if i == 0 {
		return
	}
	gov := &st.cls[i-1]
	c.c.Parent = i - 1
	if forTo {
		return
	}
	if isControlVerb(gov.c.Verb.Lemma) && len(gov.c.Objects) > 0 && gov.scanEnd == c.vi {
		c.c.Subject = gov.c.Objects[len(gov.c.Objects)-1]
		return
	}
	c.c.Subject, c.c.Conj = gov.c.Subject, gov.c.Conj
}

// spans sets each clause's [Start, End) from its own constituents.
func (st *sent) spans() {
	for i := range st.cls {
		c := &st.cls[i]
		s, e := c.c.Verb.Start, c.c.Verb.End
		ext := func(p model.Phrase) {
			if p.Present() {
				s, e = min(s, p.Start), max(e, p.End)
			}
		}
		if c.subjLocal {
			ext(c.c.Subject)
			for _, p := range c.c.Conj {
				ext(p)
			}
		}
		for _, p := range c.c.Objects {
			ext(p)
		}
		for _, p := range c.c.Preps {
			ext(p.Object)
			s = min(s, p.Prep)
		}
		ext(c.c.Agent)
		if c.c.Marker >= 0 {
			s = min(s, c.c.Marker)
		}
		c.c.Start, c.c.End = s, e
	}
}

// containing returns the clause (other than i) whose span contains token t
// and is the narrowest, or -1.
func (st *sent) containing(t, i int) int {
	best := -1
	// clauses are ordered by verb group; look near the token
	at := sort.Search(len(st.cls), func(q int) bool { return st.units[st.cls[q].vi].start > t })
	for q := max(0, at-window); q < min(len(st.cls), at+window); q++ {
		if q == i {
			continue
		}
		c := &st.cls[q].c
		if c.Start <= t && t < c.End && (best < 0 || c.End-c.Start < st.cls[best].c.End-st.cls[best].c.Start) {
			best = q
		}
	}
	return best
}

// resolve sets parents found by position: clauses governed by the clause
// of their antecedent, and openers governed by the next main clause.
func (st *sent) resolve() {
	for i := range st.cls {
		c := &st.cls[i]
		if c.antecedent >= 0 && c.c.Parent == -1 {
			c.c.Parent = st.containing(c.antecedent, i)
			if c.c.Kind == KindMain {
				c.c.Kind = KindRelative
			}
		}
	}
	for i := range st.cls {
		c := &st.cls[i]
		if c.c.Parent != -2 {
			continue
		}
		c.c.Parent = -1
		for q := i + 1; q < min(len(st.cls), i+window); q++ {
			if st.cls[q].c.Parent == -1 && st.cls[q].c.Kind == KindMain {
				c.c.Parent = q
				if c.c.Kind == KindParticiple && !c.c.Subject.Present() {
					c.c.Subject, c.c.Conj = st.cls[q].c.Subject, st.cls[q].c.Conj
				}
				break
			}
		}
	}
}

// frames links trailing reporting clauses ("…, X said.", "“…,” said X")
// to what they report: the first main clause before them, or, when none,
// the first after them ("“The goal,” X said, “is …”").
func (st *sent) frames() {
	for i := range st.cls {
		c := &st.cls[i]
		if c.c.Kind != KindMain || c.c.Parent != -1 || !c.finite || c.rep >= 0 || c.compl ||
			!IsReportingVerb(c.c.Verb.Lemma) || !c.c.Subject.Present() {
			continue
		}
		b := st.startUnit(c) - 1
		if b >= 0 && st.units[b].kind == kQuote {
			b--
		}
		if b < 0 || (st.units[b].kind != kComma && st.units[b].kind != kQuote) {
			continue
		}
		first := true
		for q := max(0, i-window); q < i; q++ {
			r := &st.cls[q]
			if r.c.Parent == -1 && r.c.Kind == KindMain {
				r.c.Parent, r.c.Kind = i, KindReported
				if first {
					c.rep, first = q, false
				}
			}
		}
		if first {
			for q := i + 1; q < min(len(st.cls), i+window); q++ {
				r := &st.cls[q]
				if r.c.Parent == -1 && r.c.Kind == KindMain && !r.c.Subject.Present() {
					r.c.Parent, r.c.Kind = i, KindReported
					c.rep = q
					break
				}
			}
		}
	}
}

// appositives records "NP, NP," pairs where one is a name and the other a
// description ("Yuri Ushakov, Putin’s top foreign policy adviser,") in the
// clause that contains the name.
func (st *sent) appositives() {
	n := len(st.units)
	for k := 0; k+2 < n; k++ {
		if st.units[k].kind != kNP || st.units[k+1].kind != kComma || st.units[k+2].kind != kNP {
			continue
		}
		g := st.groupEnd(k+2, true)
		if g < n {
			switch st.units[g].kind {
			case kComma, kPunct, kQuote:
				if st.units[g].kind == kComma && g+1 < n && st.units[g+1].kind == kCC {
					continue // a list: "A, B, and C"
				}
			case kVG:
				if st.finiteVG(g) {
					continue // "…, Russia said"
				}
			default:
				continue
			}
		}
		if k > 1 && st.units[k-1].kind == kComma && st.units[k-2].kind == kNP {
			continue // inside a list
		}
		h1, h2 := st.units[k].head, st.units[k+2].head
		if isProper(st.toks[h1].POS) == isProper(st.toks[h2].POS) {
			continue
		}
		ap := model.Appos{Head: st.phrase(k, k+1), Appos: st.phrase(k+2, g)}
		q := st.containing(h1, -1)
		if q < 0 {
			// the head lies outside every span: the next clause
			if r := sort.Search(len(st.cls), func(r int) bool { return st.cls[r].vi > k }); r < len(st.cls) {
				q = r
			}
		}
		if q >= 0 {
			st.cls[q].c.Apposes = append(st.cls[q].c.Apposes, ap)
		}
	}
}

// attachLeadPreps gives sentence-opening prepositional phrases to the first
// main or reported clause.
func (st *sent) attachLeadPreps() {
	if len(st.leadPreps) == 0 {
		return
	}
	last := st.leadPreps[len(st.leadPreps)-1].Object.End
	for i := range st.cls {
		c := &st.cls[i]
		if c.c.Start < last || (c.c.Kind != KindMain && c.c.Kind != KindReported) {
			continue
		}
		c.c.Preps = append(append([]model.PrepPhrase(nil), st.leadPreps...), c.c.Preps...)
		c.c.Start = min(c.c.Start, st.leadPreps[0].Prep)
		return
	}
}

// modifiedNoun checks whether the noun group starting at unit gs is the
// object inside a relative or participle clause that modifies an earlier
// noun ("officials [who spoke to] reporters", "a deadline [set by] Trump"),
// and returns the unit of that earlier noun phrase.
func (st *sent) modifiedNoun(gs int) (int, bool) {
	k := st.skipAdvLeft(gs - 1)
	if k >= 0 && st.units[k].kind == kPP {
		k = st.skipAdvLeft(k - 1)
	}
	if k < 1 || st.units[k].kind != kVG {
		return 0, false
	}
	info := st.vgs[st.units[k].vg]
	if info.participle && st.units[k-1].kind == kNP {
		return k - 1, true
	}
	if info.finite {
		w := st.skipAdvLeft(k - 1)
		if w >= 1 && st.units[w].kind == kWh && st.units[w-1].kind == kNP {
			return w - 1, true
		}
	}
	return 0, false
}

// causatives take a bare-infinitive complement after their object.
var causatives = map[string]bool{"let": true, "make": true, "help": true, "see": true, "hear": true, "watch": true, "have": true}

// inSubject reports whether clause c is a restrictive relative or
// participle clause modifying a sentence-initial noun phrase, so that the
// next finite verb belongs to the main clause.
func (st *sent) inSubject(c *cl) bool {
	if c.antecedent < 0 || c.c.Subject.Start < 0 {
		return false
	}
	// the unit before the clause's own verb group (or wh-word) must not be a comma
	b := c.vi - 1
	if b >= 0 && st.units[b].kind == kWh {
		b--
	}
	if b < 0 || st.units[b].kind != kNP {
		return false
	}
	return st.isInitial(st.groupStartLeft(b))
}

// doQuestion reports whether clause c is a bare do-auxiliary in a question
// ("Why did Moscow reject …"), with the main verb at unit v.
func (st *sent) doQuestion(c *cl, v int) bool {
	u := st.units[c.vi]
	return u.end-u.start == 1 && c.c.Verb.Lemma == "do" && st.toks[st.units[v].start].POS == "VB"
}

// scanGovernor returns the nearest earlier clause whose object scan stopped
// right before clause i's verb group or the preposition before it, or -1.
func (st *sent) scanGovernor(i int) int {
	vi := st.cls[i].vi
	for q := i - 1; q >= max(0, i-window); q-- {
		e := st.cls[q].scanEnd
		if e == vi || (e == vi-1 && st.units[vi-1].kind == kPP) {
			return q
		}
	}
	return -1
}

func isDash(t *model.Token) bool {
	switch t.Text {
	case "—", "–", "--", "-":
		return true
	}
	return false
}

// isOpening reports whether a quotation mark opens a quotation.
func isOpening(t *model.Token) bool {
	switch t.Text {
	case "“", "‘", "«", "„":
		return true
	}
	return t.POS == "``"
}

// dashParenthetical checks for "NP — … —" before a verb group, where j is
// the closing dash, and returns the unit ending the noun group before the
// opening dash.
func (st *sent) dashParenthetical(j int) (int, bool) {
	if !isDash(&st.toks[st.units[j].start]) {
		return 0, false
	}
	for p := j - 1; p > 0 && j-p < 40; p-- {
		u := st.units[p]
		if u.kind == kPunct && isDash(&st.toks[u.start]) {
			if st.units[p-1].kind == kNP && p < j-1 {
				return p - 1, true
			}
			return 0, false
		}
		if u.kind == kSBAR || u.kind == kQuote || (st.finiteVG(p) && st.toks[u.start].POS != "VB") {
			return 0, false
		}
	}
	return 0, false
}

// subjectEnd returns the unit after a possible subject starting at NP unit
// k: its noun group, coordinated groups ("Levy and Kinkel") and a
// participle modifier ("police backed by explosive experts").
func (st *sent) subjectEnd(k int) int {
	n := len(st.units)
	g := st.groupEnd(k, false)
	for g+1 < n && st.units[g].kind == kCC && st.units[g+1].kind == kNP {
		g = st.groupEnd(g+1, false)
	}
	if g < n && st.units[g].kind == kVG && st.vgs[st.units[g].vg].participle {
		h := g + 1
		if h < n && st.units[h].kind == kNP {
			h = st.groupEnd(h, false)
		}
		for h+1 < n && st.units[h].kind == kPP && st.units[h+1].kind == kNP {
			h = st.groupEnd(h+1, false)
		}
		if st.finiteVG(st.skipAdv(h)) {
			return h
		}
	}
	return g
}

// clauseInitial reports whether the noun group starting at unit g stands
// where a subject may: at the start, or after a comma, quote, conjunction,
// subordinator or relative word, not after a verb or preposition.
func (st *sent) clauseInitial(g int) bool {
	b := st.skipAdvLeft(g - 1)
	if b < 0 {
		return true
	}
	switch st.units[b].kind {
	case kVG, kPP:
		return false
	}
	return true
}

// isMeasure reports whether token i is a number or a unit of measure ("by 29
// percent", "by 3 points"): no passive agent.
func (st *sent) isMeasure(i int) bool {
	if st.toks[i].POS == "CD" {
		return true
	}
	switch lowerText(&st.toks[i]) {
	case "percent", "%", "cent", "points", "point", "percentage", "dollars", "euros", "km", "miles", "metres", "meters":
		return true
	}
	return false
}
