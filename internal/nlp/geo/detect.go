package geo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
	"herald/internal/resources/gazetteer"
)

// Rules recorded on places: how the toponym was found.
const (
	ruleNER       = "ner"
	ruleGazetteer = "gazetteer"
	ruleGiven     = "given"
	ruleFeature   = "feature" // a street, road, river, lake… named by its type word
	ruleActor     = "actor"   // a location mention of the actor stage
)

// mention is one toponym occurrence.
type mention struct {
	start, end int // output span
	ns, ne     int // the name inside the span (without direction adjective or type word)
	typed      byte
	qualState  string // US state from ", Texas" after the name
	qualCtry   string // country from ", Ukraine" after the name
	rule       string
	strong     bool   // names a country, subdivision, continent or region
	feature    string // ruleFeature: GeoNames feature code of the type word
	key        string // folded name + qualifiers: one sense per key
}

// Type words after a name.
const (
	typeNone   = 0
	typeRegion = 'r' // region, oblast, province, state, governorate
	typeCounty = 'c' // county, parish
)

// doc is the per-article state of detection and resolution.
type doc struct {
	k      *kb
	a      *model.Analysis
	ments  []mention
	ctry   map[string]float64 // country evidence (alpha-3) outside places
	adm    map[string]float64 // first-level subdivision evidence ("USA.TX") outside places
	buf    []byte
	cbuf   []gazetteer.Candidate
	weak   []mention       // candidates kept only if their name is a place elsewhere
	person map[string]bool // keys seen as the last word of a longer capitalized name
	// strongNext says the next mention added names a strong place.
	strongNext bool
	slab       []cand       // backing store of all groups' candidates
	lastStrong bool         // the last accept rested on strong evidence
	locs       []model.Span // the actor stage's location mentions
}

func newDoc(k *kb, a *model.Analysis) *doc {
	return &doc{k: k, a: a, ctry: map[string]float64{}, adm: map[string]float64{}, person: map[string]bool{},
		ments: make([]mention, 0, len(a.Tokens)/16+4), slab: make([]cand, 0, len(a.Tokens)/8+16)}
}

func isNameTag(ner string) (typ string, begin bool) {
	if len(ner) < 3 || ner[1] != '-' {
		return "", false
	}
	return ner[2:], ner[0] == 'B'
}

// detect finds the toponyms of the analysed blocks.
func (d *doc) detect() {
	a := d.a
	d.actors()
	for _, s := range a.Sentences {
		if s.Block >= 0 && s.Block < len(a.Blocks) && !a.Blocks[s.Block].Analysed() {
			continue
		}
		d.detectSentence(s.TokenStart, s.TokenEnd)
	}
	// Location mentions of actors that no mention covers.
	if len(d.locs) > 0 {
		added := false
		for _, l := range d.locs {
			covered := false
			for _, m := range d.ments {
				if m.start < l.End && l.Start < m.end {
					covered = true
					break
				}
			}
			if !covered && d.known(l.Start, l.End) && d.ownName(l.Start, l.End) {
				d.add(mention{start: l.Start, end: l.End, ns: l.Start, ne: l.End, rule: ruleActor})
				added = true
			}
		}
		if added {
			sort.Slice(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
		}
	}
	// A name seen as a person's surname is not a place on gazetteer evidence.
	if len(d.person) > 0 {
		kept := d.ments[:0]
		for _, m := range d.ments {
			if !((m.rule == ruleGazetteer || m.rule == ruleNER) && !m.strong && d.person[m.key]) {
				kept = append(kept, m)
			}
		}
		d.ments = kept
	}
	// Weak candidates are places when the same name is a place elsewhere
	// in the article (one sense per name).
	if len(d.weak) > 0 {
		strong := make(map[string]bool, len(d.ments))
		for _, m := range d.ments {
			strong[m.key] = true
		}
		for _, w := range d.weak {
			if strong[w.key] {
				d.ments = append(d.ments, w)
			}
		}
		sort.Slice(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
	}
}

func (d *doc) detectSentence(ts, te int) {
	toks := d.a.Tokens
	for i := ts; i < te; {
		t := &toks[i]
		if startsUpper(t.Text) && countyList(d.a.Text, t.End) && d.countyNamed(t.Text) {
			// "Becker, Grant and Wilkin counties"
			d.add(mention{start: t.Start, end: t.End, ns: t.Start, ne: t.End, typed: typeCounty, rule: ruleGazetteer})
			i++
			continue
		}
		if typ, _ := isNameTag(t.NER); typ != "" {
			j := i + 1
			for j < te && toks[j].NER == "I-"+typ {
				j++
			}
			switch typ {
			case model.TypeGPE, model.TypeLOC, "FAC":
				last := toks[j-1].Text
				d.buf = gazetteer.Fold(d.buf[:0], d.a.Text[t.Start:toks[j-1].End])
				if f, ok := featureAfter[last]; ok && j-i > 1 && !d.known(t.Start, toks[j-1].End) {
					d.add(mention{start: t.Start, end: toks[j-1].End, ns: t.Start, ne: toks[j-1].End, rule: ruleFeature, feature: f})
				} else if j-i > 1 && !d.known(t.Start, toks[j-1].End) {
					// "North Texas", "Paris , Texas": the names inside.
					for k := i; k < j; k++ {
						if startsUpper(toks[k].Text) {
							if e := d.longest(k, j); e > k {
								if d.nerPlace(toks[k].Start, toks[e-1].End) {
									d.addTokens(ts, k, e, te, ruleNER)
								}
								k = e - 1
							}
						}
					}
				} else if d.nerPlace(t.Start, toks[j-1].End) {
					d.addTokens(ts, i, j, te, ruleNER)
				}
				i = j
				continue
			case model.TypeNORP:
				d.demonym(d.a.Text[t.Start:toks[j-1].End], 1)
				i = j
				continue
			}
			if typ == model.TypePER && j-i > 1 {
				// "John Bell": Bell is a person's name in this article.
				d.buf = gazetteer.Fold(d.buf[:0], toks[j-1].Text)
				d.person[string(d.buf)] = true
			}
			// A person's or organization's name is not a place, except a
			// county named after a person ("Henry County") the NER took for one.
			if j < te && isCountyWord(toks[j].Text) && j-i <= 3 && d.known(t.Start, toks[j].End) {
				d.addTokens(ts, i, j+1, te, ruleGazetteer)
				i = j + 1
				continue
			}
			if j-i >= 2 && j-i <= 4 && isCountyWord(toks[j-1].Text) && d.known(t.Start, toks[j-1].End) {
				d.addTokens(ts, i, j, te, ruleGazetteer) // "Henry County" taken for a person
				i = j
				continue
			}
			if j == i+1 && typ != model.TypePER || j == i+1 && typ == model.TypePER && !d.nerPerson(i, ts) {
				// One word the NER took for an organization or a person
				// ("Gainesville" in "Gainesville police"): the gazetteer decides,
				// at most weakly unless the evidence is strong.
				if e := d.longest(i, te); e == i+1 {
					lvl := d.accept(ts, i, e, te)
					if lvl == levelPlace && !d.lastStrong && typ == model.TypePER {
						lvl = levelWeak
					}
					d.addLevel(ts, i, e, te, lvl)
				}
				i = j
				continue
			}
			// An organization's name may hold a place ("Texas Alcoholic
			// Beverage Commission", "Gainesville City Council"), or be one
			// the NER took for an organization ("Lamar County", "Wichita Drive").
			if typ == model.TypeORG || typ == model.TypeMISC {
				if f, ok := featureAfter[toks[j-1].Text]; ok && f != "" && !d.known(t.Start, toks[j-1].End) && toks[j-1].Text != "St." && toks[j-1].Text != "Dr." {
					d.add(mention{start: t.Start, end: toks[j-1].End, ns: t.Start, ne: toks[j-1].End, rule: ruleFeature, feature: f})
					i = j
					continue
				}
				for k := i; k < j; k++ {
					if !startsUpper(toks[k].Text) {
						continue
					}
					e := d.longest(k, j)
					if e <= k {
						continue
					}
					switch {
					case d.strongName(toks[k].Start, toks[e-1].End) || isCountyWord(toks[e-1].Text):
						d.addTokens(ts, k, e, te, ruleGazetteer)
					case k == i && e == j:
						// The whole name is a place's ("New London").
						d.addLevel(ts, k, e, te, d.accept(ts, k, e, te))
					case d.popOf(toks[k].Start, toks[e-1].End) >= 1000:
						d.addLevel(ts, k, e, te, levelWeak)
					}
					k = e - 1
				}
			}
			i = j
			continue
		}
		if !startsUpper(t.Text) {
			i++
			continue
		}
		if j, feat := d.feature(i, te); j > i {
			d.add(mention{start: t.Start, end: toks[j-1].End, ns: t.Start, ne: toks[j-1].End, rule: ruleFeature, feature: feat})
			i = j
			continue
		}
		// Longest capitalized sequence that names something.
		j := d.longest(i, te)
		if j == i+1 {
			if _, ok := d.k.c.LookupDemonym(t.Text); ok {
				d.demonym(t.Text, 1)
				i++
				continue
			}
		}
		if j > i {
			if lvl := d.accept(ts, i, j, te); lvl != levelNone {
				d.addLevel(ts, i, j, te, lvl)
				i = j
				continue
			}
		}
		i++
	}
}

// actors takes evidence from the actor stage's entities: the countries of
// people and organizations ("Putin" → RUS) and the location mentions, which
// are places when the detection below does not find them otherwise.
func (d *doc) actors() {
	for _, e := range d.a.Entities {
		if e.Country != "" && (e.Type == model.TypePER || e.Type == model.TypeORG) {
			d.ctry[e.Country] += 0.3 * float64(min(len(e.Mentions), 3))
		}
		for _, m := range e.Mentions {
			if m.Role == model.RoleLocation && m.Start >= 0 && m.End <= len(d.a.Text) && m.Start < m.End {
				d.locs = append(d.locs, model.Span{Start: m.Start, End: m.End})
			}
		}
	}
}

// addLevel adds tokens [i, j) as a place or, when weak, as a candidate kept
// only if the name is a place elsewhere in the article.
func (d *doc) addLevel(ts, i, j, te, lvl int) {
	switch lvl {
	case levelPlace:
		d.addTokens(ts, i, j, te, ruleGazetteer)
	case levelWeak:
		n := len(d.ments)
		d.addTokens(ts, i, j, te, ruleGazetteer)
		if len(d.ments) > n {
			d.weak = append(d.weak, d.ments[n])
			d.ments = d.ments[:n]
		}
	}
}

// nerPerson reports whether the one-word person name at i looks like a
// person: after a title or a capitalized word, or before "said".
func (d *doc) nerPerson(i, ts int) bool {
	toks := d.a.Tokens
	if i > ts {
		p := toks[i-1].Text
		if startsUpper(p) && !isSentenceStartWord(p) || strings.HasSuffix(p, ".") {
			return true
		}
	}
	if i+1 < len(toks) {
		switch toks[i+1].Text {
		case "said", "says", "told", "added", "wrote", "asked":
			return true
		}
	}
	return false
}

// countyNamed reports whether a US county or parish bears the name.
func (d *doc) countyNamed(name string) bool {
	d.buf = gazetteer.Fold(d.buf[:0], name)
	n := len(d.buf)
	if d.k.g.Has(append(d.buf, " county"...)) {
		return true
	}
	return d.k.g.Has(append(d.buf[:n], " parish"...))
}

// nerPlace reports whether a name the NER marked GPE or LOC may be a
// place: names listed in notplaces.txt only when a city of 100,000 or more
// bears them ("Madison" yes; "February", "Christmas" and "Bell" no).
func (d *doc) nerPlace(s, e int) bool {
	d.buf = gazetteer.Fold(d.buf[:0], d.a.Text[s:e])
	if !d.k.g.NotPlace(d.buf) {
		return true
	}
	return d.popOf(s, e) >= 100000
}

// ownName reports whether text[s:e] is a country or subdivision name or a
// gazetteer entry's own name (not only an alternate: "White House" is an
// old name of Casablanca), and not listed as no place.
func (d *doc) ownName(s, e int) bool {
	if d.strongName(s, e) {
		return true
	}
	d.buf = gazetteer.Fold(d.buf[:0], d.a.Text[s:e])
	if d.k.g.NotPlace(d.buf) {
		return false
	}
	d.cbuf = d.k.g.Lookup(d.cbuf[:0], d.buf)
	for _, c := range d.cbuf {
		if !c.Alt {
			return true
		}
	}
	return false
}

// popOf returns the largest population of a place named text[s:e] (own
// names only).
func (d *doc) popOf(s, e int) uint32 {
	d.buf = gazetteer.Fold(d.buf[:0], d.a.Text[s:e])
	d.cbuf = d.k.g.Lookup(d.cbuf[:0], d.buf)
	var m uint32
	for _, c := range d.cbuf {
		if p := &d.k.g.Places[c.Place]; !c.Alt && p.Pop > m {
			m = p.Pop
		}
	}
	return m
}

// longest returns the end of the longest token sequence from i (at most 5
// tokens, capitalized words joined by a few connectors) that the gazetteer
// or the country data know, or i when there is none.
func (d *doc) longest(i, te int) int {
	toks := d.a.Tokens
	end := i
	limit := i + 5
	if limit > te {
		limit = te
	}
	for j := i + 1; j <= limit; j++ {
		last := &toks[j-1]
		if j-1 > i {
			if !startsUpper(last.Text) && !isConnector(last.Text) {
				break
			}
			if toks[j-1].Start-toks[j-2].End > 1 {
				break
			}
		}
		if !startsUpper(last.Text) {
			continue
		}
		if d.known(toks[i].Start, last.End) {
			end = j
		}
	}
	return end
}

// known reports whether text[s:e] names a gazetteer entry, country or subdivision.
func (d *doc) known(s, e int) bool {
	txt := d.a.Text[s:e]
	d.buf = gazetteer.Fold(d.buf[:0], txt)
	if len(d.buf) < 2 {
		return false
	}
	if d.k.g.Has(d.buf) || d.k.names[string(d.buf)] {
		return true
	}
	if strings.IndexByte(txt, '.') > 0 {
		if _, ok := d.k.g.USState(d.buf); ok {
			return true // "S.C.", "W.Va."
		}
	}
	if !d.k.abbrev[string(d.buf)] {
		return false
	}
	_, ok := d.k.c.LookupName(txt) // capitals-only abbreviations: "US", "UAE"
	return ok
}

var locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "outside": true, "to": true,
	"into": true, "toward": true, "towards": true, "across": true, "around": true, "through": true, "throughout": true,
	"of": true, "between": true, "inside": true, "within": true, "via": true, "visit": true, "visited": true, "left": true}

// Detection levels of a capitalized sequence the NER did not mark.
const (
	levelNone  = iota
	levelWeak  // a place only when the name is a place elsewhere in the article
	levelPlace // a place
)

// strongName reports whether text[s:e] names a country, a US state or
// another first-level subdivision, a continent or a region.
func (d *doc) strongName(s, e int) bool {
	txt := d.a.Text[s:e]
	if strings.IndexByte(txt, '.') > 0 && len(txt) >= 4 {
		d.buf = gazetteer.Fold(d.buf[:0], txt)
		if _, ok := d.k.g.USState(d.buf); ok {
			return true
		}
	}
	if c, ok := d.k.c.LookupName(txt); ok && c != nil {
		return true
	}
	d.buf = gazetteer.Fold(d.buf[:0], txt)
	d.cbuf = d.k.g.Lookup(d.cbuf[:0], d.buf)
	for _, c := range d.cbuf {
		p := &d.k.g.Places[c.Place]
		switch p.Feature {
		case "PCLI", "CONT", "RGN":
			return true
		case "ADM1":
			if p.Name != "" && !c.Alt {
				return true
			}
		}
	}
	return false
}

// accept decides whether a capitalized sequence the NER did not mark is a toponym.
func (d *doc) accept(ts, i, j, te int) int {
	toks := d.a.Tokens
	s, e := toks[i].Start, toks[j-1].End
	txt := d.a.Text[s:e]
	d.buf = gazetteer.Fold(d.buf[:0], txt)
	if d.k.g.NotPlace(d.buf) {
		return levelNone
	}
	if strings.EqualFold(txt, "us") && txt != "US" {
		return levelNone
	}
	strong := d.strongName(s, e)
	if !strong && j < te && isTypeWord(toks[j].Text) {
		strong = len(d.k.c.LookupSubdivisions(d.a.Text[s:toks[j].End])) > 0
	}
	d.buf = gazetteer.Fold(d.buf[:0], txt)
	maxPop, adm2 := uint32(0), false
	d.cbuf = d.k.g.Lookup(d.cbuf[:0], d.buf)
	for _, c := range d.cbuf {
		p := &d.k.g.Places[c.Place]
		if p.Feature == "ADM2" {
			adm2 = true
		}
		if !c.Alt && p.Pop > maxPop {
			maxPop = p.Pop
		}
	}
	d.lastStrong = false
	if strong || adm2 {
		d.strongNext = true
		d.lastStrong = true
		return levelPlace
	}
	if st, ctry := d.qualifier(e); st != "" || ctry != "" {
		d.lastStrong = true
		return levelPlace
	}
	if len(d.cbuf) == 0 {
		return levelNone
	}
	// Part of a longer capitalized name ("Moscow State University",
	// "Huntsville Fire Chief"), or after a capitalized word: weak.
	inName := j < te && startsUpper(toks[j].Text) && toks[j].Start-e <= 1 ||
		i > ts && startsUpper(toks[i-1].Text) && !isSentenceStartWord(toks[i-1].Text) && s-toks[i-1].End <= 1
	prep := i > ts && locatives[strings.ToLower(toks[i-1].Text)]
	switch {
	case inName:
		if j == i+1 && i-1 > ts && startsUpper(toks[i-1].Text) && !isSentenceStartWord(toks[i-1].Text) && !isQuote(toks[i-2].Text) {
			d.person[string(d.buf)] = true // "John Walker": Walker is a person's name here
		}
		if maxPop >= 1000 {
			return levelWeak
		}
		return levelNone
	case i == ts:
		if maxPop >= 100000 {
			return levelPlace
		}
	case prep:
		d.lastStrong = true
		return levelPlace
	default:
		if maxPop >= 10000 {
			return levelPlace
		}
	}
	if maxPop >= 1000 {
		return levelWeak
	}
	return levelNone
}

// addTokens adds the mention of tokens [i, j), extended by a type word after
// it and a direction adjective before it.
func (d *doc) addTokens(ts, i, j, te int, rule string) {
	toks := d.a.Tokens
	ns, ne := toks[i].Start, toks[j-1].End
	start, end := ns, ne
	typed := byte(typeNone)
	if j < te && toks[j].Start-ne <= 1 {
		w := strings.ToLower(toks[j].Text)
		switch {
		case isRegionWord(w):
			typed = typeRegion
			end = toks[j].End
		case isCountyWord(w) && !strings.HasSuffix(strings.ToLower(d.a.Text[ns:ne]), w):
			if d.known(ns, toks[j].End) {
				typed = typeCounty
				end = toks[j].End
				ne = end
			}
		}
	}
	if i > ts && isDirection(toks[i-1].Text) {
		start = toks[i-1].Start
	}
	if len(d.ments) > 0 {
		last := &d.ments[len(d.ments)-1]
		if last.end > start {
			return // overlaps the previous mention
		}
	}
	d.add(mention{start: start, end: end, ns: ns, ne: ne, typed: typed, rule: rule})
}

// addSpan adds a given span (Resolve): the whole span is the name, a final
// type word or a leading direction adjective aside.
func (d *doc) addSpan(s, e int, rule string) {
	ns, ne := s, e
	txt := d.a.Text[s:e]
	typed := byte(typeNone)
	if k := strings.LastIndexByte(txt, ' '); k > 0 {
		w := strings.ToLower(txt[k+1:])
		switch {
		case isRegionWord(w):
			typed = typeRegion
		case isCountyWord(w):
			typed = typeCounty
		}
	}
	if k := strings.IndexByte(txt, ' '); k > 0 && isDirection(txt[:k]) {
		ns = s + k + 1
	}
	d.add(mention{start: s, end: e, ns: ns, ne: ne, typed: typed, rule: rule})
}

func (d *doc) add(m mention) {
	var qs, qe int
	m.qualState, m.qualCtry, qs, qe = d.qualifierSpan(m.end)
	if m.typed == typeNone && m.ne == m.end && countyList(d.a.Text, m.end) {
		m.typed = typeCounty // "Becker, Grant and Wilkin counties"
	}
	d.buf = gazetteer.Fold(d.buf[:0], d.a.Text[m.ns:m.ne])
	key := string(d.buf)
	if m.typed != typeNone {
		key += "#" + string(m.typed)
	}
	if m.qualState != "" || m.qualCtry != "" {
		key += "|" + m.qualState + "|" + m.qualCtry
		if m.qualState != "" {
			d.adm["USA."+m.qualState] += 2
			d.ctry["USA"] += 1
		} else {
			d.ctry[m.qualCtry] += 2
		}
	}
	m.key = key
	m.strong = m.strong || d.strongNext
	d.strongNext = false
	d.ments = append(d.ments, m)
	if qe > qs && m.rule != ruleGiven {
		// The qualifier is a place too: "Tex." in "Paris, Tex.".
		d.strongNext = true
		d.add(mention{start: qs, end: qe, ns: qs, ne: qe, rule: m.rule})
	}
}

// Type words that make a capitalized name a street, road or natural
// feature, with their GeoNames feature codes.
var featureAfter = map[string]string{
	"Street": "ST", "St.": "ST", "Road": "RD", "Rd.": "RD", "Avenue": "ST", "Ave.": "ST", "Drive": "ST", "Dr.": "ST",
	"Lane": "ST", "Boulevard": "ST", "Blvd.": "ST", "Parkway": "RD", "Pkwy.": "RD", "Highway": "RD", "Pike": "RD",
	"Trail": "TRL", "Circle": "ST", "Streets": "ST", "Avenues": "ST",
	"River": "STM", "Creek": "STM", "Lake": "LK", "Reservoir": "RSV", "Mountains": "MTS", "Mountain": "MT",
	"Island": "ISL", "Islands": "ISLS", "Bay": "BAY", "Valley": "VAL", "Canyon": "VAL",
}

var featureBefore = map[string]string{"Lake": "LK", "Mount": "MT", "Mt.": "MT"}

// feature returns the end and feature code of a name made a street, road
// or natural feature by its type word ("Wichita Drive", "Red River", "Lake
// Lanier", "Interstate 64"), when the gazetteer does not know the whole
// name; else i.
func (d *doc) feature(i, te int) (int, string) {
	toks := d.a.Tokens
	if f, ok := featureBefore[toks[i].Text]; ok && i+1 < te && toks[i+1].Start-toks[i].End <= 1 {
		n := &toks[i+1]
		if f == "RD" && n.Text != "" && n.Text[0] >= '0' && n.Text[0] <= '9' {
			return i + 2, f
		}
		if f != "RD" && startsUpper(n.Text) && !d.known(toks[i].Start, n.End) {
			return i + 2, f
		}
		return i, ""
	}
	// Up to three capitalized words, then the type word.
	for j := i; j < te && j < i+4; j++ {
		w := toks[j].Text
		if j > i && toks[j].Start-toks[j-1].End > 1 {
			return i, ""
		}
		if f, ok := featureAfter[w]; ok && j > i {
			if (w == "Dr." || w == "St.") && j+1 < te && startsUpper(toks[j+1].Text) && toks[j+1].Start-toks[j].End <= 1 {
				return i, "" // "St. Louis", "Dr. Smith"
			}
			if d.known(toks[i].Start, toks[j].End) || d.known(toks[i].Start, toks[j-1].End) && f != "ST" && f != "RD" && f != "TRL" {
				return i, "" // a gazetteer name ("Lake Charles", "Grand Island") or a town's lake
			}
			return j + 1, f
		}
		if !startsUpper(w) || isSentenceStartWord(w) && j == i {
			return i, ""
		}
	}
	return i, ""
}

// countyList reports whether the name ending at e is one of a list of
// capitalized names closed by "counties" or "parishes" ("Becker, Grant and
// Wilkin counties").
func countyList(t string, e int) bool {
	for i, words := e, 0; i < len(t) && words < 12; {
		for i < len(t) && (t[i] == ' ' || t[i] == ',') {
			i++
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		if j == i {
			return false
		}
		w := t[i:j]
		switch {
		case w == "counties" || w == "Counties" || w == "parishes" || w == "Parishes":
			return true
		case w == "and" || w == "or" || startsUpper(w):
		default:
			return false
		}
		words++
		i = j
	}
	return false
}

// qualifier reads ", Texas", ", Tex.", ", TX" or ", Ukraine" after offset e.
func (d *doc) qualifier(e int) (state, country string) {
	state, country, _, _ = d.qualifierSpan(e)
	return state, country
}

// qualifierSpan is qualifier with the qualifier's span.
func (d *doc) qualifierSpan(e int) (state, country string, qs, qe int) {
	t := d.a.Text
	i := e
	for i < len(t) && t[i] == ' ' {
		i++
	}
	if i >= len(t) || t[i] != ',' {
		return "", "", 0, 0
	}
	i++
	for i < len(t) && t[i] == ' ' {
		i++
	}
	// Up to three capitalized words.
	ends := [3]int{}
	n := 0
	j := i
	for n < 3 && j < len(t) {
		r, _ := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsUpper(r) {
			break
		}
		k := j
		for k < len(t) && (isLetter(t[k]) || t[k] == '.' || t[k] >= 0x80) {
			k++
		}
		if k == j {
			break
		}
		ends[n] = k
		n++
		if k < len(t) && t[k] == ' ' {
			j = k + 1
		} else {
			break
		}
	}
	for n--; n >= 0; n-- {
		w := t[i:ends[n]]
		if b, ok := strings.CutSuffix(w, "."); ok && !strings.Contains(b, ".") {
			// "Ohio." at the end of a sentence: the period is not part of the name.
			_, sub := d.k.c.LookupSubdivision(b, "USA")
			_, ctry := d.k.c.LookupName(b)
			if sub || ctry {
				w = b
				ends[n]--
			}
		}
		d.buf = gazetteer.Fold(d.buf[:0], w)
		if st, ok := d.k.g.USState(d.buf); ok {
			if len(w) > 2 || w == strings.ToUpper(w) {
				return st, "", i, ends[n]
			}
		}
		if sd, ok := d.k.c.LookupSubdivision(w, "USA"); ok {
			return strings.TrimPrefix(sd.Code, "US-"), "", i, ends[n]
		}
		if c, ok := d.k.c.LookupName(strings.TrimSuffix(w, ".")); ok {
			return "", c.Alpha3, i, ends[n]
		}
	}
	return "", "", 0, 0
}

// demonym adds country evidence for a demonym or NORP name.
func (d *doc) demonym(s string, w float64) {
	if dm, ok := d.k.c.LookupDemonym(s); ok && dm.Country != nil {
		d.ctry[dm.Country.Alpha3] += 0.5 * w
	}
}

// scanDemonyms adds country evidence from capitalized words of the text
// that are demonyms, for Resolve, which has no tokens.
func (d *doc) scanDemonyms() {
	t := d.a.Text
	for i := 0; i < len(t); {
		if !isLetter(t[i]) || t[i] < 'A' || t[i] > 'Z' || (i > 0 && isLetter(t[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		if j-i >= 4 {
			d.demonym(t[i:j], 1)
		}
		i = j
	}
}

func isQuote(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[", ":", "—", "-":
		return true
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return s[0] >= 'A' && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isConnector(s string) bool {
	switch s {
	case "of", "de", "del", "la", "le", "du", "des", "upon", "on", "-", "al", "el", "da", "do", "dos", "das", "am", "an", "der", "and", "&":
		return true
	}
	return false
}

func isRegionWord(w string) bool {
	switch strings.ToLower(w) {
	case "region", "oblast", "province", "governorate", "prefecture", "krai", "state", "territory":
		return true
	}
	return false
}

func isCountyWord(w string) bool {
	switch strings.ToLower(w) {
	case "county", "parish", "borough":
		return true
	}
	return false
}

func isTypeWord(w string) bool { return isRegionWord(w) || isCountyWord(w) }

func isDirection(w string) bool {
	switch w {
	case "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
		"southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western":
		return true
	}
	return false
}

// isSentenceStartWord reports whether a capitalized word before a name is
// only capitalized because of its position or is a title-like word that does
// not make the name part of a longer one.
func isSentenceStartWord(w string) bool {
	switch w {
	case "The", "In", "At", "From", "To", "Near", "Of", "And", "But", "Or", "On", "For", "With", "By", "As", "After", "Before", "Since", "North", "South", "East", "West", "Downtown", "Greater", "Metro", "Rural", "Central":
		return true
	}
	return false
}
