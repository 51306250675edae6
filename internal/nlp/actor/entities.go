package actor

import (
	"sort"
	"strings"

	"herald/internal/model"
	"herald/internal/resources/actors"
	"herald/internal/resources/countries"
)

// indexSurnames maps the transliteration key of every surname and one-word
// alias of the office holders to the people who bear it.
func indexSurnames(kb *actors.Data) map[string][]*actors.Person {
	m := map[string][]*actors.Person{}
	for _, p := range kb.People {
		seen := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			k := translit(actors.Surname(n))
			if !seen[k] {
				seen[k] = true
				m[k] = append(m[k], p)
			}
		}
	}
	return m
}

// indexPeople maps the transliteration key of every office holder's name and
// alias to the person.
func indexPeople(kb *actors.Data) map[string]*actors.Person {
	m := map[string]*actors.Person{}
	for _, p := range kb.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			k := translit(actors.Fold(n))
			if _, dup := m[k]; !dup {
				m[k] = p
			}
		}
	}
	return m
}

func (d *doc) get(key string, mk func() *entity) *entity {
	if e := d.byKey[key]; e != nil {
		return e
	}
	e := mk()
	e.key = key
	d.byKey[key] = e
	d.ents = append(d.ents, e)
	return e
}

func (d *doc) attach(e *entity, m *mention) {
	m.ent = e
	e.ments = append(e.ments, m)
}

// buildEntities groups the mentions into entities.
func (d *doc) buildEntities() {
	toks := d.a.Tokens
	for _, m := range d.ments {
		if m.rule != rulePart {
			m.start, m.end = toks[m.tstart].Start, toks[m.tend-1].End
		}
	}
	d.placeContext()
	// Organisations, places, groups known from the data.
	var unknown []*mention
	for _, m := range d.ments {
		switch {
		case m.typ == "PER":
		case m.org == nil && m.country == nil && (m.typ == "ORG" || m.typ == "MISC" || m.typ == "GPE" || m.typ == "LOC"):
			unknown = append(unknown, m)
		default:
			d.attachNonPerson(m)
		}
	}
	// People named with more than one word first, so that a lone surname
	// finds them wherever it stands; longer names before shorter ones, so
	// that a surname of several words finds its full name wherever it
	// stands ("De Blasio says …" before "Mayor Bill de Blasio").
	var singles, multis []*mention
	for _, m := range d.ments {
		if m.typ != "PER" {
			continue
		}
		if m.nameEnd-m.tstart > 1 {
			multis = append(multis, m)
		} else {
			singles = append(singles, m)
		}
	}
	sort.SliceStable(multis, func(i, j int) bool {
		return multis[i].nameEnd-multis[i].tstart > multis[j].nameEnd-multis[j].tstart
	})
	for _, m := range multis {
		d.attachFullName(m)
	}
	// Names the ner stage typed wrongly: an office holder's name, or the
	// surname of a person of the article, is a person.
	for _, m := range unknown {
		name := d.span(m.tstart, m.tend)
		if p := d.s.kb.PersonByName(name); p != nil && m.tend-m.tstart > 1 {
			m.typ, m.nameEnd = "PER", m.tend
			d.attach(d.personEntity(p), m)
			continue
		}
		if m.tend-m.tstart == 1 && isCap(name) && !(m.tend < len(d.a.Tokens) && isNoun(d.pos(m.tend))) {
			if e := d.findBySurname(translit(actors.Fold(name)), m.start); e != nil {
				m.typ, m.nameEnd, m.rule = "PER", m.tend, ruleSurname
				d.attach(e, m)
				continue
			}
		}
		d.attachNonPerson(m)
	}
	d.mergeAcronyms()
	for _, m := range singles {
		d.attachSurname(m, d.text(m.tstart), m.start)
	}
	d.resolveParts()
	sort.SliceStable(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
	d.mentAt = make([]int32, len(toks))
	for i, m := range d.ments {
		if m.rule == rulePart {
			continue
		}
		for k := m.tstart; k < m.tend && k < len(toks); k++ {
			d.mentAt[k] = int32(i + 1)
		}
	}
}

func (d *doc) attachNonPerson(m *mention) {
	switch {
	case m.sector != "" && m.country != nil:
		// "Russian forces": the country's military, an actor of its own.
		c, code := m.country, m.country.Alpha3+m.sector
		e := d.get("sec:"+code, func() *entity {
			return &entity{typ: "ORG", country: c.Alpha3, sector: m.sector, code: code, conf: 0.85}
		})
		d.attach(e, m)
	case m.sector != "":
		// "police", "protesters": a group actor known by its sector only.
		w := d.lowerAt(m.tstart)
		e := d.get("gen:"+w, func() *entity {
			return &entity{typ: "ORG", name: w, sector: m.sector, code: m.sector, conf: 0.6}
		})
		d.attach(e, m)
	case m.org != nil:
		o := m.org
		e := d.get("org:"+o.Name, func() *entity {
			return &entity{typ: o.Type, name: o.Name, country: o.Country, sector: o.Sector, code: o.Code, conf: 0.95, org: o}
		})
		d.attach(e, m)
	case m.country != nil && m.capital:
		c := m.country
		name := c.Capital
		if name == "" {
			name = d.a.Text[m.start:m.end]
		}
		e := d.get("cap:"+c.Alpha3, func() *entity {
			return &entity{typ: "GPE", name: name, country: c.Alpha3, code: c.Alpha3, conf: 0.9}
		})
		d.attach(e, m)
	case m.country != nil && m.subdiv != nil:
		sd := m.subdiv
		e := d.get("sub:"+sd.Code, func() *entity {
			return &entity{typ: m.typ, name: sd.Name, country: sd.Country, conf: 0.85}
		})
		d.attach(e, m)
	case m.country != nil:
		c := m.country
		e := d.get("c:"+c.Alpha3, func() *entity {
			name := c.Common
			if name == "" {
				name = c.Name
			}
			return &entity{typ: "GPE", name: name, country: c.Alpha3, code: c.Alpha3, conf: 0.97}
		})
		d.attach(e, m)
	default:
		txt := d.a.Text[m.start:m.end]
		k := actors.Fold(txt)
		if m.typ == "ORG" {
			k = stripCorporate(k)
		}
		key := m.typ + ":" + k
		e := d.get(key, func() *entity {
			return &entity{typ: m.typ, conf: 0.75}
		})
		if e.sector == "" && m.orgSector != "" {
			e.sector, e.code = m.orgSector, m.orgSector
		}
		d.attach(e, m)
	}
}

// placeGenericGov gives a definite generic government noun ("the
// administration is open to talks", "the government said") the country of
// the nearest government actor (sector GOV, with a country) mentioned
// before it in its sentence or the two before: the mention moves to that
// country's government entity.
func (d *doc) placeGenericGov() {
	for k, m := range d.ments {
		if m.rule != ruleGeneric || m.sector != "GOV" || m.country != nil || m.role != model.RoleAgent {
			continue
		}
		if p := m.tstart - 1; p < 0 || d.lowerAt(p) != "the" || d.a.Tokens[p].Sentence != d.a.Tokens[m.tstart].Sentence {
			continue
		}
		var ctry string
		for j := k - 1; j >= 0; j-- {
			o := d.ments[j]
			if m.sent-o.sent > 2 {
				break
			}
			if e := o.ent; e != nil && e.country != "" && e.sector == "GOV" && o.rule != ruleGeneric {
				ctry = e.country
				break
			}
		}
		if ctry == "" {
			continue
		}
		old := m.ent
		code := ctry + "GOV"
		e := d.get("sec:"+code, func() *entity {
			return &entity{typ: "ORG", country: ctry, sector: "GOV", code: code, conf: 0.7}
		})
		for i, x := range old.ments {
			if x == m {
				old.ments = append(old.ments[:i], old.ments[i+1:]...)
				break
			}
		}
		d.attach(e, m)
		m.code = code
	}
}

// placeContext decides names that may be a country or a subdivision
// ("Georgia"), a capital or a subdivision ("Victoria"), or a subdivision of several countries ("Maryland"), by the
// countries the article names unambiguously.
func (d *doc) placeContext() {
	ctx := map[string]bool{}
	for _, m := range d.ments {
		switch {
		case m.country != nil && onlyIn(m.subCands, m.country.Alpha3):
			ctx[m.country.Alpha3] = true
		case m.country == nil && len(m.subCands) == 1:
			ctx[m.subCands[0].Country] = true
		}
	}
	for _, m := range d.ments {
		if m.subCands == nil {
			continue
		}
		var pick *countries.Subdivision
		n := 0
		for _, sd := range m.subCands {
			if ctx[sd.Country] && (pick == nil || sd.Country != pick.Country) {
				if pick == nil {
					pick = sd
				}
				n++
			}
		}
		switch {
		case m.country != nil: // a country or capital name: a subdivision only in a context without it
			if n == 1 && !ctx[m.country.Alpha3] {
				m.subdiv = pick
				m.country, _ = d.s.cd.ByCode(pick.Country)
				m.capital = false
				m.rule = ruleSubdivision
			}
		case len(m.subCands) == 1:
			m.subdiv = m.subCands[0]
		case n == 1:
			m.subdiv = pick
		}
		if m.subdiv != nil && m.country == nil {
			m.country, _ = d.s.cd.ByCode(m.subdiv.Country)
		}
	}
}

// onlyIn reports whether every subdivision of sds lies in country (true
// for none): "Moscow", a capital and a subdivision of one country.
func onlyIn(sds []*countries.Subdivision, country string) bool {
	for _, sd := range sds {
		if sd.Country != country {
			return false
		}
	}
	return true
}

// mergeAcronyms merges an unknown all-capital organisation name into the
// organisation or place whose initials it is ("IAEA" → "International
// Atomic Energy Agency", "NSW" → "New South Wales").
func (d *doc) mergeAcronyms() {
	for _, e := range d.ents {
		if e.typ != "ORG" || e.org != nil || len(e.ments) == 0 {
			continue
		}
		m := e.ments[0]
		if m.tend-m.tstart != 1 {
			continue
		}
		acr := d.text(m.tstart)
		if !isAcronym(acr) || len(acr) < 2 {
			continue
		}
		for _, o := range d.ents {
			// an organisation, or a place the tagger took for one: "NSW"
			// → "New South Wales"
			if o == e || (o.typ != "ORG" && o.typ != "GPE") || len(o.ments) == 0 || o.ments[0].tend-o.ments[0].tstart < 2 {
				continue
			}
			if initials(d.a.Text[o.ments[0].start:o.ments[0].end]) == strings.ReplaceAll(acr, ".", "") {
				for _, mm := range e.ments {
					mm.rule = ruleAcronym
					d.attach(o, mm)
				}
				e.ments = nil
				delete(d.byKey, e.key)
				break
			}
		}
	}
}

// personEntity returns the entity of an office holder, creating it.
func (d *doc) personEntity(p *actors.Person) *entity {
	return d.get("kb:"+p.Name, func() *entity {
		e := &entity{typ: "PER", name: p.Name, country: p.Country(), conf: 0.97, kbp: p, gender: p.Gender}
		if !d.pub.IsZero() {
			if r := p.RoleAt(d.pub); r != nil {
				e.country, e.title, e.sector = r.Country, r.Title, "GOV"
			}
		}
		e.surnames = append(e.surnames, translit(actors.Surname(p.Name)))
		for _, al := range p.Aliases {
			e.surnames = append(e.surnames, translit(actors.Surname(al)))
		}
		return e
	})
}

func (d *doc) attachFullName(m *mention) {
	name := d.span(m.tstart, m.nameEnd)
	k := translit(actors.Fold(name))
	if p := d.s.kb.PersonByName(name); p != nil {
		d.attach(d.personEntity(p), m)
		return
	}
	if p := d.s.people[k]; p != nil {
		d.attach(d.personEntity(p), m)
		return
	}
	if e := d.fullNameEnding(k); e != nil {
		m.rule = ruleSurname
		d.attach(e, m)
		return
	}
	if e := d.fullNameWithInitials(k); e != nil {
		d.attach(e, m)
		return
	}
	e := d.get("per:"+k, func() *entity {
		e := &entity{typ: "PER", conf: 0.85}
		e.surnames = append(e.surnames, translit(actors.Surname(name)))
		if d.a.KB != nil {
			if la, ok := d.a.KB.Lookup(name); ok {
				e.country, e.sector, e.title, e.code = la.Country, la.Sector, la.Title, la.Code
				e.conf = 0.9
			}
		}
		return e
	})
	d.attach(e, m)
}

// fullNameEnding returns the person entity of the article whose full name
// ends with the words of the folded name k, a surname of several words
// ("De Vido" after "Julio De Vido"), or nil when k names one already or has
// one word.
func (d *doc) fullNameEnding(k string) *entity {
	if !strings.Contains(k, " ") || d.byKey["per:"+k] != nil {
		return nil
	}
	for _, e := range d.ents {
		if e.typ == "PER" && len(e.ments) > 0 && strings.HasPrefix(e.key, "per:") && strings.HasSuffix(e.key, " "+k) {
			return e
		}
	}
	return nil
}

// fullNameWithInitials returns the one person entity of the article whose
// full name is the folded name k with middle initials ("Neil M. Gorsuch"
// for "Neil Gorsuch"), or nil: k itself must have none, so "John A. Smith"
// and "John B. Smith" stay two people.
func (d *doc) fullNameWithInitials(k string) *entity {
	if withoutInitials(k) != k || d.byKey["per:"+k] != nil {
		return nil
	}
	var found *entity
	for _, e := range d.ents {
		if e.typ != "PER" || len(e.ments) == 0 || !strings.HasPrefix(e.key, "per:") {
			continue
		}
		if full := strings.TrimPrefix(e.key, "per:"); full != k && withoutInitials(full) == k {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

// withoutInitials drops the one-letter words between the first and the
// last of a folded name: "neil m gorsuch" → "neil gorsuch".
func withoutInitials(k string) string {
	w := strings.Fields(k)
	if len(w) < 3 {
		return k
	}
	out := make([]string, 1, len(w))
	out[0] = w[0]
	for _, x := range w[1 : len(w)-1] {
		if len(x) > 1 {
			out = append(out, x)
		}
	}
	return strings.Join(append(out, w[len(w)-1]), " ")
}

// findBySurname returns the person entity a lone surname at byte offset pos
// refers to: the one mentioned last before pos, else the first after it.
func (d *doc) findBySurname(sk string, pos int) *entity {
	var best *entity
	bestPos, bestAfter := -1, int(^uint(0)>>1)
	var after *entity
	for _, e := range d.ents {
		if e.typ != "PER" || len(e.ments) == 0 {
			continue
		}
		match := false
		for _, s := range e.surnames {
			if s == sk {
				match = true
				break
			}
		}
		if !match {
			continue
		}
		for _, m := range e.ments {
			if m.start < pos && m.start > bestPos {
				best, bestPos = e, m.start
			}
			if m.start > pos && m.start < bestAfter {
				after, bestAfter = e, m.start
			}
		}
	}
	if best != nil {
		return best
	}
	return after
}

// attachSurname resolves a one-word person name: a person of the article
// with that surname, else the one office holder with it.
func (d *doc) attachSurname(m *mention, word string, pos int) bool {
	sk := translit(actors.Fold(word))
	if e := d.findBySurname(sk, pos); e != nil {
		m.rule = ruleSurname
		d.attach(e, m)
		return true
	}
	if p := d.kbSurname(word); p != nil {
		m.rule = ruleKBSurname
		d.attach(d.personEntity(p), m)
		return true
	}
	if m.rule == rulePart {
		return false
	}
	if e := d.findByGivenName(sk); e != nil {
		m.rule = ruleGivenName
		d.attach(e, m)
		return true
	}
	e := d.get("per:"+sk, func() *entity {
		return &entity{typ: "PER", conf: 0.7, surnames: []string{sk}}
	})
	d.attach(e, m)
	return true
}

// findByGivenName returns the one person of the article named in full
// whose given name is the translit key sk ("Donald and Ivana Trump" →
// Donald Trump; "Bernie" → Bernie Sanders), or nil when none or several.
func (d *doc) findByGivenName(sk string) *entity {
	var found *entity
	for _, e := range d.ents {
		if e.typ != "PER" || len(e.ments) == 0 {
			continue
		}
		full := e.name
		if full == "" {
			full = strings.TrimPrefix(e.key, "per:")
		}
		w := strings.Fields(translit(actors.Fold(full)))
		if len(w) < 2 || w[0] != sk {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// kbSurname returns the office holder a lone surname names: only when one
// listed person has that surname and holds a listed office on the
// publication date ("Trump" in 2025; not "Singh", nor "Johnson" in 2025).
func (d *doc) kbSurname(word string) *actors.Person {
	ps := d.s.surnames[translit(actors.Fold(word))]
	if len(ps) != 1 || d.pub.IsZero() || ps[0].RoleAt(d.pub) == nil {
		return nil
	}
	return ps[0]
}

// resolveParts decides the capitalised parts of hyphenated compounds once
// the people are known: "Witkoff-Putin" → Witkoff, Putin.
func (d *doc) resolveParts() {
	resolved := map[int]bool{}
	for _, p := range d.parts {
		m := &mention{tstart: p.tok, tend: p.tok + 1, nameEnd: p.tok + 1, start: p.start, end: p.end,
			sent: p.sent, typ: "PER", rule: rulePart, modifier: true}
		if d.attachSurname(m, d.a.Text[p.start:p.end], p.start) {
			m.rule = rulePart
			d.ments = append(d.ments, m)
			resolved[p.tok] = true
		}
	}
	done := map[int]bool{}
	for _, p := range d.parts {
		if resolved[p.tok] || p.foundOther || p.wholeType == "" || done[p.tok] {
			continue
		}
		done[p.tok] = true
		n := len(d.ments)
		if p.wholeType == "PER" {
			d.addPerson(p.tok, p.tok+1, p.sent)
		} else {
			d.addNamed(p.tok, p.tok+1, p.sent, p.wholeType, ruleName)
		}
		for _, m := range d.ments[n:] {
			m.start, m.end = d.a.Tokens[m.tstart].Start, d.a.Tokens[m.tend-1].End
			if m.typ == "PER" {
				d.attachSurname(m, d.text(m.tstart), m.start)
			} else {
				d.attachNonPerson(m)
			}
		}
	}
}

// firstStart returns the byte offset of an entity's first mention.
func (e *entity) firstStart() int {
	min := int(^uint(0) >> 1)
	for _, m := range e.ments {
		if m.start < min {
			min = m.start
		}
	}
	return min
}

// finish writes the entities, coreference links and learned facts.
func (d *doc) finish() {
	a := d.a
	var ents []*entity
	for _, e := range d.ents {
		if len(e.ments) > 0 {
			sort.SliceStable(e.ments, func(i, j int) bool { return e.ments[i].start < e.ments[j].start })
			ents = append(ents, e)
		}
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].ments[0].start < ents[j].ments[0].start })
	a.Entities = make([]model.Entity, 0, len(ents))
	for i, e := range ents {
		e.id = "E" + itoa(i+1)
		d.finishName(e)
		switch {
		case e.org != nil:
			e.code = e.org.Code
		case e.igoCode != "":
			e.code = e.igoCode
		case e.typ == "PER" && e.country != "":
			if e.kbp != nil || e.textInfo || e.code == "" {
				e.code = e.country + e.sector
			}
		case e.typ == "GPE" && e.country != "":
			e.code = e.country
		}
		me := model.Entity{ID: e.id, Name: e.name, Type: e.typ, Code: e.code, Country: e.country,
			Sector: e.sector, Title: e.title, Confidence: e.conf, Mentions: make([]model.Mention, 0, len(e.ments))}
		seen := map[string]bool{e.name: true}
		for _, m := range e.ments {
			txt := a.Text[m.start:m.end]
			code := m.code
			if code == "" && m.role == model.RoleAgent {
				code = e.code
			}
			me.Mentions = append(me.Mentions, model.Mention{Start: m.start, End: m.end, Text: txt,
				Role: m.role, Rule: m.rule, Code: code})
			if !seen[txt] && m.rule != rulePart && !m.office && m.sector == "" && len(me.Aliases) < 8 {
				seen[txt] = true
				me.Aliases = append(me.Aliases, txt)
			}
		}
		a.Entities = append(a.Entities, me)
	}
	sort.SliceStable(d.coref, func(i, j int) bool { return d.coref[i].start < d.coref[j].start })
	a.Coref = make([]model.Coref, 0, len(d.coref))
	for _, c := range d.coref {
		if c.ent == nil || c.ent.id == "" {
			continue
		}
		a.Coref = append(a.Coref, model.Coref{Start: c.start, End: c.end, Text: a.Text[c.start:c.end],
			Entity: c.ent.id, Rule: c.rule})
	}
	a.Learned = d.learned
	for i := range a.Learned {
		if e := d.learnedEnt[i]; e != nil {
			a.Learned[i].Name = e.name
			a.Learned[i].Code = e.code
		}
	}
}

// finishName picks the canonical name of an entity without one: for a
// person the longest form the text uses, else the first, without "the";
// forms in running text before the capitals of a headline ("Reagan", not
// "REAGAN").
func (d *doc) finishName(e *entity) {
	if e.name != "" {
		return
	}
	best, bestN, bestCaps := "", 0, true
	for _, m := range e.ments {
		if m.rule == rulePart {
			continue
		}
		end := m.tend
		if m.nameEnd > m.tstart {
			end = m.nameEnd
		}
		n := end - m.tstart
		txt := d.span(m.tstart, end)
		caps := isAcronym(txt) // all in capitals
		if best == "" || bestCaps && !caps || caps == bestCaps && n > bestN && e.typ == "PER" {
			best, bestN, bestCaps = txt, n, caps
		}
	}
	if best == "" {
		m := e.ments[0]
		best = d.a.Text[m.start:m.end]
	}
	if strings.HasPrefix(best, "the ") || strings.HasPrefix(best, "The ") && e.org == nil {
		best = best[4:]
	}
	if strings.ContainsAny(best, "\n\t\r  ") {
		best = strings.Join(strings.Fields(best), " ")
	}
	e.name = best
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// corporate are the company-form words a name may end with or drop
// ("Caesars World Inc" is "Caesars World").
var corporate = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "ltd": true,
	"limited": true, "llc": true, "plc": true, "ag": true, "sa": true, "nv": true, "gmbh": true,
}

// stripCorporate drops a trailing company-form word from a folded name.
func stripCorporate(k string) string {
	if i := strings.LastIndexByte(k, ' '); i > 0 && corporate[k[i+1:]] {
		return k[:i]
	}
	return k
}
