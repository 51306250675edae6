package actor

import (
	"strings"

	"herald/internal/model"
	"herald/internal/resources/actors"
)

// Learned-fact rules.
const (
	ruleTitle      = "title"      // "White House Press Secretary Karoline Leavitt"
	ruleAppositive = "appositive" // "Yuri Ushakov, Putin's top foreign policy adviser,"
)

// titleEv is the evidence a title phrase gives about a person.
type titleEv struct {
	words     []string // title words in text order (without dropped and "former" words)
	former    bool
	head      actors.TitleWord
	country   string
	orgSector string  // sector of an organisation modifier ("White House" → GOV)
	orgOther  bool    // an organisation modifier of unknown country ("Hamas leader")
	orgCode   string  // code of an international organisation modifier ("UN Secretary-General")
	possessor *entity // "Putin's" in "Putin's top adviser"
	start     int     // byte offset where the evidence starts
	end       int
	rule      string
}

// mentionAt returns the mention covering token i, or nil.
func (d *doc) mentionAt(i int) *mention {
	if i < 0 || i >= len(d.mentAt) || d.mentAt[i] == 0 {
		return nil
	}
	return d.ments[d.mentAt[i]-1]
}

// countryOf returns the country a modifier mention stands for.
func countryOf(m *mention) (string, string) {
	if m.org != nil {
		return m.org.Country, m.org.Sector
	}
	if m.country != nil {
		return m.country.Alpha3, ""
	}
	if m.ent != nil {
		return m.ent.country, m.ent.sector
	}
	return "", ""
}

// titleWord adds token i to ev if it is a title word; it reports whether it was.
func (d *doc) titleWord(ev *titleEv, i int, prepend bool) bool {
	t := d.text(i)
	tw, ok := d.s.kb.Title(lower(t))
	if !ok {
		return false
	}
	switch {
	case tw.Former && !tw.Head:
		ev.former = true
	case tw.Drop:
	default:
		if prepend {
			ev.words = append([]string{t}, ev.words...)
		} else {
			ev.words = append(ev.words, t)
		}
		if tw.Head && (!prepend || !ev.head.Head) {
			ev.head = tw
		}
	}
	return true
}

// leftTitle reads a title phrase before a person's name: "US President
// Donald Trump", "Trump's special envoy Steve Witkoff", "Former Russian
// president Dmitry Medvedev", "Putin's adviser, Yuri Ushakov".
func (d *doc) leftTitle(m *mention) (titleEv, bool) {
	ev := titleEv{end: m.end, rule: ruleTitle}
	lo := d.a.Sentences[m.sent].TokenStart
	j := m.tstart - 1
	if j > lo && d.text(j) == "," {
		if tw, ok := d.s.kb.Title(d.lowerAt(j - 1)); ok && tw.Head {
			j--
			ev.rule = ruleAppositive
		} else {
			return ev, false
		}
	}
	first := j
	start := -1
	for ; j >= lo; j-- {
		if mm := d.mentionAt(j); mm != nil && mm != m {
			if mm.typ == "PER" {
				break
			}
			if j == first {
				break // a name right before the name: no title
			}
			c, sec := countryOf(mm)
			if c == "" && mm.typ == "ORG" {
				ev.orgOther = true
				if mm.org != nil && ev.orgCode == "" {
					ev.orgCode = mm.org.Code
				}
			}
			if ev.country == "" {
				ev.country = c
			}
			if ev.orgSector == "" {
				ev.orgSector = sec
			}
			mm.modifier = true
			start = mm.start
			j = mm.tstart
			continue
		}
		t := d.text(j)
		if isPossessive(t) && j-1 >= lo {
			if pm := d.mentionAt(j - 1); pm != nil && j != first {
				ev.possessor = pm.ent
				start = pm.start
				if pm.typ != "PER" {
					pm.modifier = true
				}
				break
			}
			break
		}
		if c := d.modCtry[j]; c != nil && j != first {
			if ev.country == "" {
				ev.country = c.Alpha3
			}
			start = d.a.Tokens[j].Start
			continue
		}
		if d.titleWord(&ev, j, true) {
			start = d.a.Tokens[j].Start
			continue
		}
		break
	}
	if !ev.head.Head || start < 0 {
		return ev, false
	}
	ev.start = start
	return ev, true
}

// appositive reads a title phrase after a person's name and a comma: "Yuri
// Ushakov, Putin's top foreign policy adviser, said".
func (d *doc) appositive(m *mention) (titleEv, bool) {
	ev := titleEv{start: m.start, rule: ruleAppositive}
	hi := d.a.Sentences[m.sent].TokenEnd
	if hi > len(d.a.Tokens) {
		hi = len(d.a.Tokens)
	}
	j := m.nameEnd
	if m.office || j >= hi || d.text(j) != "," {
		return ev, false
	}
	j++
	if j < hi {
		switch d.lowerAt(j) {
		case "the", "a", "an":
			j++
		}
	}
	lastIsHead := false
	k := j
	for ; k < hi && k < j+10; k++ {
		if mm := d.mentionAt(k); mm != nil {
			if mm.typ == "PER" || k != mm.tstart {
				if k+1 < mm.tend {
					return ev, false
				}
			}
			if mm.tend < hi && isPossessive(d.text(mm.tend)) {
				if len(ev.words) > 0 || ev.possessor != nil {
					return ev, false
				}
				ev.possessor = mm.ent
				if mm.typ != "PER" {
					mm.modifier = true
				}
				k = mm.tend // the "'s"
				lastIsHead = false
				continue
			}
			if mm.typ == "PER" {
				return ev, false
			}
			c, sec := countryOf(mm)
			if c == "" && mm.typ == "ORG" {
				ev.orgOther = true
				if mm.org != nil && ev.orgCode == "" {
					ev.orgCode = mm.org.Code
				}
			}
			if ev.country == "" {
				ev.country = c
			}
			if ev.orgSector == "" {
				ev.orgSector = sec
			}
			mm.modifier = true
			k = mm.tend - 1
			lastIsHead = false
			continue
		}
		if c := d.modCtry[k]; c != nil {
			if ev.country == "" {
				ev.country = c.Alpha3
			}
			lastIsHead = false
			continue
		}
		before := ev.head
		if d.titleWord(&ev, k, false) {
			tw, _ := d.s.kb.Title(d.lowerAt(k))
			lastIsHead = tw.Head
			if tw.Head {
				ev.head = tw
			} else if before.Head {
				ev.head = before
			}
			continue
		}
		break
	}
	if !lastIsHead || k == j {
		return ev, false
	}
	if k < hi {
		t := d.text(k)
		if t != "," && t != "." && t != ";" && t != ")" && !isVerbFinite(d.pos(k)) {
			return ev, false
		}
	}
	ev.end = d.a.Tokens[k-1].End
	return ev, true
}

// learnTitles reads titles and appositives around every person mention and
// applies them to the entities.
func (d *doc) learnTitles() {
	for _, m := range d.ments {
		if m.typ != "PER" || m.ent == nil || m.rule == rulePart {
			continue
		}
		if g := d.honorific(m); g != 0 && m.ent.gender == 0 {
			m.ent.gender = g
		}
		if ev, ok := d.leftTitle(m); ok {
			d.apply(m.ent, ev)
		}
		if ev, ok := d.appositive(m); ok {
			d.apply(m.ent, ev)
		}
	}
}

// apply records what a title phrase says about an entity.
func (d *doc) apply(e *entity, ev titleEv) {
	title := titleCase(trimOf(ev.words))
	if title == "" {
		return
	}
	country := ev.country
	possSector := ""
	if ev.possessor != nil && ev.possessor != e {
		if country == "" {
			country = ev.possessor.country
		}
		possSector = ev.possessor.sector
		if possSector == "" && ev.possessor.country != "" {
			possSector = "GOV"
		}
		if ev.possessor.typ == "GPE" {
			possSector = "GOV"
		}
	}
	sector := ev.head.Sector
	if sector == "=" {
		switch {
		case ev.orgSector != "":
			sector = ev.orgSector
		case possSector != "":
			sector = possSector
		case country != "":
			sector = "GOV"
		default:
			sector = ""
		}
	}
	if ev.orgOther && ev.orgCode == "" && country == "" {
		sector = "" // "Hamas leader": not a state's government
	}
	if ev.former {
		title = "Former " + title
		sector = "ELI"
	}
	if e.gender == 0 {
		e.gender = ev.head.Gender
	}
	// An office holder keeps the dated title of the office held that day.
	if e.kbp != nil && !d.pub.IsZero() && e.kbp.RoleAt(d.pub) != nil {
		return
	}
	if e.kbp != nil && country == "" {
		country = e.kbp.Country()
	}
	if !e.textInfo {
		e.textInfo = true
		e.title = title
		if country != "" {
			e.country = country
		}
		e.sector = sector
		e.conf = 0.9
		e.igoCode = ev.orgCode // acts for an international organisation
	}
	d.learned = append(d.learned, model.LearnedActor{Type: "PER", Country: country, Sector: sector,
		Title: title, Span: model.Span{Start: ev.start, End: ev.end}, Rule: ev.rule})
	d.learnedEnt = append(d.learnedEnt, e)
}

// trimOf drops a leading or trailing "of" from title words.
func trimOf(w []string) []string {
	for len(w) > 0 && lower(w[0]) == "of" {
		w = w[1:]
	}
	for len(w) > 0 && lower(w[len(w)-1]) == "of" {
		w = w[:len(w)-1]
	}
	return w
}

// honorific returns the gender an honorific before a name gives ("Mr.
// Trump", "Mrs. Clinton"), or 0.
func (d *doc) honorific(m *mention) byte {
	j := m.tstart - 1
	if j < d.a.Sentences[m.sent].TokenStart {
		return 0
	}
	switch strings.TrimSuffix(d.lowerAt(j), ".") {
	case "mr", "sir", "lord":
		return 'm'
	case "mrs", "ms", "miss", "lady", "madam", "dame":
		return 'f'
	}
	return 0
}
