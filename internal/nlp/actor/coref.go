package actor

import (
	"herald/internal/model"
	"herald/internal/resources/actors"
)

// Coreference rules.
const (
	rulePronounSubject = "pronoun-same-sentence-subject" // "Zelenskyy said that he spoke"
	rulePronounLast    = "pronoun-last-subject"          // "… Zelenskyy said. He signalled …"
	rulePronounNearest = "pronoun-nearest"               // the last person named
	rulePronounIt      = "pronoun-it-subject"            // "Moscow announced it no longer …"
	ruleRoleNounKB     = "role-noun-office"              // "the US President" → the holder on the publication date
	ruleRoleNounTitle  = "role-noun-title"               // "the President" → the last person with that title
)

var locPreps = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "into": true, "inside": true, "near": true,
	"outside": true, "across": true, "throughout": true, "within": true, "toward": true,
	"towards": true, "around": true, "via": true, "through": true,
}

// subjectHeads marks the head tokens of the subjects of the tag stage's
// finite clauses.
func (d *doc) subjectHeads() []bool {
	if len(d.a.Clauses) == 0 {
		return nil
	}
	heads := make([]bool, len(d.a.Tokens))
	for _, c := range d.a.Clauses {
		if c.Verb.Infinite {
			continue // "Trump following the meeting": no subject of a finite clause
		}
		if c.Subject.Present() && c.Subject.Head >= 0 && c.Subject.Head < len(heads) {
			heads[c.Subject.Head] = true
		}
		for _, p := range c.Conj {
			if p.Present() && p.Head >= 0 && p.Head < len(heads) {
				heads[p.Head] = true
			}
		}
	}
	return heads
}

// verbFollows reports whether a finite verb follows token j (after an
// optional parenthetical appositive between commas and adverbs).
func (d *doc) verbFollows(j, sent int) bool {
	hi := d.a.Sentences[sent].TokenEnd
	if hi > len(d.a.Tokens) {
		hi = len(d.a.Tokens)
	}
	if j < hi && d.text(j) == "," {
		k := j + 1
		for ; k < hi && k < j+14; k++ {
			if d.text(k) == "," {
				break
			}
			if isVerbFinite(d.pos(k)) {
				return false
			}
		}
		if k >= hi || d.text(k) != "," {
			return false
		}
		j = k + 1
	}
	for j < hi && (d.pos(j) == "RB" || d.pos(j) == "RBR") {
		j++
	}
	return j < hi && isVerbFinite(d.pos(j))
}

func (d *doc) isSubject(m *mention, heads []bool) bool {
	if heads != nil {
		for k := m.tstart; k < m.tend && k < len(heads); k++ {
			if heads[k] {
				return true
			}
		}
	}
	end := m.tend
	if m.nameEnd > m.tstart && !m.office {
		end = m.nameEnd
	}
	return d.verbFollows(end, m.sent)
}

// genericPlace reports whether a generic-noun mention stands for a place:
// after a preposition of position ("outside the court", "in parliament";
// not "to" or "from", which also take recipients and sources).
func (d *doc) genericPlace(m *mention) bool {
	lo := d.a.Sentences[m.sent].TokenStart
	p := m.tstart - 1
	if p >= lo && d.lowerAt(p) == "the" {
		p--
	}
	if p < lo {
		return false
	}
	w := d.lowerAt(p)
	return locPreps[w] && w != "to" && w != "from" && w != "toward" && w != "towards"
}

// isLocation reports whether a place mention is used as a location: after a
// locative preposition ("a meeting in Moscow"), as a possessive of a place
// ("Ukraine's Zaporizhzhia region"), or a city before a noun ("the Moscow meeting").
func (d *doc) isLocation(m *mention) bool {
	lo := d.a.Sentences[m.sent].TokenStart
	if m.tstart == lo && m.end-m.start > 3 && !hasLower(d.a.Text[m.start:m.end]) {
		return true // a dateline: "KYIV, Ukraine (AP) —"
	}
	p := m.tstart - 1
	if p >= lo && d.lowerAt(p) == "the" {
		p--
	}
	if p >= lo && locPreps[d.lowerAt(p)] {
		return true
	}
	hi := d.a.Sentences[m.sent].TokenEnd
	if hi > len(d.a.Tokens) {
		hi = len(d.a.Tokens)
	}
	if m.tend+1 < hi && isPossessive(d.text(m.tend)) {
		n := m.tend + 1
		if mm := d.mentionAt(n); mm != nil && (mm.typ == "GPE" || mm.typ == "LOC") && mm.org == nil {
			return true
		}
		if _, ok := d.s.kb.Noun("place", d.lowerAt(n)); ok {
			return true
		}
	}
	if (m.capital || m.subdiv != nil) && m.tend < hi && isNoun(d.pos(m.tend)) && d.pos(m.tend) != "NNP" {
		return true
	}
	return false
}

// assignRoles marks every mention as an agent or a location and gives
// metonymic and sector mentions their own code.
func (d *doc) assignRoles() {
	heads := d.subjectHeads()
	for _, m := range d.ments {
		e := m.ent
		if e == nil {
			continue
		}
		m.subject = d.isSubject(m, heads)
		switch {
		case m.office:
			m.role, m.rule = model.RoleAgent, ruleOffice
			if e.country != "" {
				m.code = e.country + "GOV"
			}
		case m.modifier:
			m.role = ""
		case m.sector != "" && m.country == nil && d.genericPlace(m):
			m.role = model.RoleLocation // "protests outside the court"
		case m.sector != "":
			m.role = model.RoleAgent
			m.code = e.code
		case m.typ == "PER" || m.rule == rulePeople:
			m.role = model.RoleAgent
		case m.typ == "LOC":
			m.role = model.RoleLocation
		case m.typ == "GPE" || m.org != nil && m.org.Country != "" && m.org.Sector == "GOV":
			if d.isLocation(m) {
				m.role = model.RoleLocation
				continue
			}
			m.role = model.RoleAgent
			switch {
			case m.capital:
				m.code = e.country + "GOV"
				m.rule = ruleMetonymy
			case m.subdiv != nil || m.country == nil && m.org == nil:
				if !m.subject {
					m.role = model.RoleLocation
				}
			}
		default:
			m.role = model.RoleAgent
		}
	}
}

type histEntry struct {
	ent     *entity
	tok     int
	sent    int
	subject bool
}

func isQuoteMark(t string) int {
	switch t {
	case "“", "«", "‘":
		return 1
	case "”", "»", "’":
		return -1
	case "\"", "``", "''":
		return 2
	}
	return 0
}

// resolveCoref links pronouns and role nouns to entities.
func (d *doc) resolveCoref() {
	a := d.a
	var hist []histEntry
	for si, se := range a.Sentences {
		if !d.analysed[si] {
			continue
		}
		inQuote := false
		var sentSubj *entity
		hi := se.TokenEnd
		if hi > len(a.Tokens) {
			hi = len(a.Tokens)
		}
		for i := se.TokenStart; i < hi; i++ {
			t := d.text(i)
			switch isQuoteMark(t) {
			case 1:
				inQuote = true
				continue
			case -1:
				if t != "’" || inQuote {
					inQuote = false
					continue
				}
			case 2:
				inQuote = !inQuote
				continue
			}
			if m := d.mentionAt(i); m != nil {
				if m.tstart == i && m.ent != nil {
					switch {
					case m.typ == "PER":
						hist = append(hist, histEntry{m.ent, i, si, m.subject})
					case m.role == model.RoleAgent && m.subject && !inQuote && (m.country != nil || m.org != nil):
						sentSubj = m.ent // a state or a known body: "Moscow announced it …"
					}
				}
				i = m.tend - 1
				continue
			}
			lw := d.lowerAt(i)
			switch lw {
			case "he", "him", "his", "himself", "she", "her", "hers", "herself":
				if inQuote {
					continue
				}
				if e, rule := d.pronoun(hist, i, si, lw); e != nil {
					if e.gender == 0 && e.kbp == nil {
						e.gender = pronounGender(lw) // later pronouns agree with this one
					}
					tk := a.Tokens[i]
					d.coref = append(d.coref, corefRec{tk.Start, tk.End, e, rule})
					hist = append(hist, histEntry{e, i, si, d.verbFollows(i+1, si)})
				}
			case "it", "itself":
				if inQuote || sentSubj == nil || i == se.TokenStart {
					continue
				}
				prev := d.pos(i - 1)
				if lw == "itself" || len(prev) > 1 && prev[:2] == "VB" || d.lowerAt(i-1) == "that" {
					tk := a.Tokens[i]
					d.coref = append(d.coref, corefRec{tk.Start, tk.End, sentSubj, rulePronounIt})
				}
			default:
				if tw, ok := d.s.kb.Title(lw); ok && tw.Head {
					if e := d.roleNoun(i, si, hist); e != nil {
						hist = append(hist, histEntry{e, i, si, d.verbFollows(i+1, si)})
					}
				}
			}
		}
	}
}

// pronoun resolves a third-person personal pronoun to a person entity.
func (d *doc) pronoun(hist []histEntry, i, si int, lw string) (*entity, string) {
	g := pronounGender(lw)
	ok := func(h histEntry) bool { return h.ent.gender == 0 || h.ent.gender == g }
	for k := len(hist) - 1; k >= 0; k-- {
		h := hist[k]
		if h.sent != si {
			break
		}
		if h.subject && h.tok < i && ok(h) {
			return h.ent, rulePronounSubject
		}
	}
	for k := len(hist) - 1; k >= 0; k-- {
		h := hist[k]
		if h.sent < si-2 {
			break
		}
		if h.sent < si && h.subject && ok(h) {
			return h.ent, rulePronounLast
		}
	}
	for k := len(hist) - 1; k >= 0; k-- {
		h := hist[k]
		if h.sent < si-2 {
			break
		}
		if h.tok < i && ok(h) {
			return h.ent, rulePronounNearest
		}
	}
	return nil, ""
}

// roleNoun resolves "the US President", "the Russian leader", "Israel's
// defence minister", "the President" at the title head token i.
func (d *doc) roleNoun(i, si int, hist []histEntry) *entity {
	a := d.a
	hi := a.Sentences[si].TokenEnd
	if hi > len(a.Tokens) {
		hi = len(a.Tokens)
	}
	if n := i + 1; n < hi {
		if mm := d.mentionAt(n); mm != nil && mm.typ == "PER" {
			return nil // a title before a name
		}
		if tw, ok := d.s.kb.Title(d.lowerAt(n)); ok && (tw.Head || tw.Mod) {
			return nil // the head is further right
		}
		if d.text(n) == "," && n+1 < hi {
			if mm := d.mentionAt(n + 1); mm != nil && mm.typ == "PER" {
				return nil
			}
		}
	}
	lo := a.Sentences[si].TokenStart
	words := []string{d.text(i)}
	country := ""
	var mods []*mention
	start := -1
	for j := i - 1; j >= lo; j-- {
		if mm := d.mentionAt(j); mm != nil {
			if mm.typ == "PER" || mm.country == nil && (mm.org == nil || mm.org.Country == "") {
				return nil
			}
			if country == "" {
				country, _ = countryOf(mm)
			}
			mods = append(mods, mm)
			j = mm.tstart
			continue
		}
		t := d.text(j)
		lw := lower(t)
		if lw == "the" {
			start = a.Tokens[j].Start
			break
		}
		if isPossessive(t) && j-1 >= lo {
			if mm := d.mentionAt(j - 1); mm != nil && mm.country != nil && mm.typ == "GPE" {
				country = mm.country.Alpha3
				mods = append(mods, mm)
				start = mm.start
			}
			break
		}
		if c := d.modCtry[j]; c != nil {
			if country == "" {
				country = c.Alpha3
			}
			continue
		}
		if tw, ok := d.s.kb.Title(lw); ok && (tw.Mod || tw.Head) && !tw.Former {
			words = append([]string{t}, words...)
			continue
		}
		return nil
	}
	if start < 0 {
		return nil
	}
	// "Vicente Fox, Mexico's president from 2000 to 2006": an appositive
	// describes the name before it; it is no role noun.
	first := i
	for first > lo && a.Tokens[first-1].End > start {
		first--
	}
	if first-2 >= lo && d.text(first-1) == "," {
		if mm := d.mentionAt(first - 2); mm != nil && mm.typ == "PER" {
			return nil
		}
	}
	phrase := actors.Fold(joinWords(words))
	end := a.Tokens[i].End
	var e *entity
	rule := ""
	if country != "" && !d.pub.IsZero() {
		if r := d.s.kb.Holder(country, phrase, d.pub); r != nil {
			if p := d.s.kb.PersonByName(r.Name); p != nil {
				e = d.byKey["kb:"+p.Name]
				if e == nil {
					e = d.personEntity(p)
					d.attach(e, &mention{tstart: i, tend: i + 1, start: start, end: end, sent: si,
						typ: "PER", rule: ruleRoleNoun, role: model.RoleAgent})
				}
				rule = ruleRoleNounKB
			}
		}
	}
	if e == nil {
		for k := len(hist) - 1; k >= 0; k-- {
			h := hist[k]
			if h.tok >= i || h.ent.typ != "PER" || actors.Fold(h.ent.title) != phrase {
				continue
			}
			if country != "" && h.ent.country != country {
				continue
			}
			e, rule = h.ent, ruleRoleNounTitle
			break
		}
	}
	if e == nil {
		return nil
	}
	for _, mm := range mods {
		mm.modifier, mm.role, mm.code = true, "", ""
	}
	d.coref = append(d.coref, corefRec{start, end, e, rule})
	if e.typ != "PER" {
		return nil
	}
	return e
}

func joinWords(w []string) string {
	n := 0
	for _, s := range w {
		n += len(s) + 1
	}
	b := make([]byte, 0, n)
	for i, s := range w {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, s...)
	}
	return string(b)
}

// pronounGender returns 'f' for she/her/hers/herself, else 'm'.
func pronounGender(lw string) byte {
	if lw[0] == 's' || len(lw) > 2 && lw[1] == 'e' && lw[2] == 'r' {
		return 'f'
	}
	return 'm'
}
