package actor

import (
	"strings"
	"time"

	"herald/internal/model"
	"herald/internal/resources/actors"
	"herald/internal/resources/countries"
)

// Mention rules.
const (
	ruleName        = "name"              // a name the ner stage found
	ruleGazetteer   = "gazetteer"         // an organisation of orgs.tsv
	ruleCountry     = "country"           // a country name
	ruleCapital     = "capital"           // a capital city
	ruleSurname     = "surname"           // a surname of a person named in full
	ruleKBSurname   = "kb-surname"        // a surname of a known office holder
	ruleGivenName   = "given-name"        // the given name of the one person of the article who has it
	rulePart        = "compound-part"     // one part of "Russia-Ukraine", "Witkoff-Putin"
	rulePeople      = "demonym-people"    // "the Russians"
	ruleSector      = "demonym-sector"    // "Russian forces", "US troops"
	ruleOffice      = "possessive-office" // "Putin's office"
	ruleMetonymy    = "metonymy-capital"  // "Moscow announced"
	ruleAcronym     = "acronym"           // "IAEA" after "International Atomic Energy Agency"
	ruleRoleNoun    = "role-noun"         // "the Russian leader", when the holder is not named
	ruleSubdivision = "subdivision"       // a first-level subdivision
	ruleOrgHead     = "org-head"          // a PER-tagged name after "firm", "newspaper": an organisation
	ruleGeneric     = "generic-noun"      // "police", "protesters": a common-noun group actor
)

// mention is one span that names or stands for an entity.
type mention struct {
	tstart, tend int // token range [tstart, tend)
	nameEnd      int // PER: end of the name tokens (before "'s office")
	start, end   int // byte range
	sent         int
	typ          string
	rule         string
	role         string
	code         string // per-mention code (metonymy, sector phrases)
	org          *actors.Org
	country      *countries.Country // country name, capital, demonym or subdivision
	capital      bool
	subdiv       *countries.Subdivision
	subCands     []*countries.Subdivision // other readings as a subdivision ("Georgia", "Maryland")
	sector       string                   // sector of a demonym/country + noun phrase, or of a generic noun
	orgSector    string                   // sector an organisation's head noun gives its name ("firm" → BUS)
	office       bool                     // "Putin's office"
	modifier     bool                     // "US" in "US President Donald Trump"
	subject      bool
	ent          *entity
}

// entity is one actor being built.
type entity struct {
	key      string
	typ      string
	name     string
	country  string
	sector   string
	title    string
	code     string
	conf     float64
	kbp      *actors.Person
	org      *actors.Org
	ments    []*mention
	surnames []string // translit keys of surnames and one-word names
	gender   byte
	textInfo bool   // country/sector/title came from the text
	igoCode  string // code of the international organisation the person acts for
	id       string
}

// pendingPart is a capitalised part of a hyphenated compound that may be a
// surname ("Witkoff-Putin"), decided once the people are known.
type pendingPart struct {
	tok        int
	start, end int
	sent       int
	wholeType  string // NER type of the whole token ("" when O)
	foundOther bool   // another part of the token was a country or organisation
}

// corefRec is one resolved pronoun or role noun.
type corefRec struct {
	start, end int
	ent        *entity
	rule       string
}

// doc is the per-article state of one Process call.
type doc struct {
	s          *Stage
	a          *model.Analysis
	pub        time.Time
	ments      []*mention
	ents       []*entity
	byKey      map[string]*entity
	parts      []pendingPart
	modCtry    map[int]*countries.Country // token → country of an adjective demonym modifier
	mentAt     []int32                    // token → index+1 into ments of the mention covering it (0: none)
	coref      []corefRec
	learned    []model.LearnedActor
	learnedEnt []*entity // the entity of each learned fact
	keyBuf     []byte
	perLast    map[string]bool // last words of the tagger's multi-word PER spans (surnameOfNamed)
	analysed   []bool          // per sentence
}

func newDoc(s *Stage, a *model.Analysis) *doc {
	d := &doc{s: s, a: a, pub: a.PublishedDate, byKey: map[string]*entity{}}
	d.analysed = make([]bool, len(a.Sentences))
	for i, se := range a.Sentences {
		d.analysed[i] = se.Block < 0 || se.Block >= len(a.Blocks) || a.Blocks[se.Block].Analysed()
	}
	return d
}

func (d *doc) text(i int) string {
	t := &d.a.Tokens[i]
	if t.Text != "" {
		return t.Text
	}
	if t.Start >= 0 && t.End <= len(d.a.Text) && t.Start <= t.End {
		return d.a.Text[t.Start:t.End]
	}
	return ""
}

func (d *doc) span(i, j int) string {
	return d.a.Text[d.a.Tokens[i].Start:d.a.Tokens[j-1].End]
}

func (d *doc) lowerAt(i int) string { return lower(d.text(i)) }

func (d *doc) pos(i int) string { return d.a.Tokens[i].POS }

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

func isVerbFinite(pos string) bool {
	return pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD"
}

func isNoun(pos string) bool { return strings.HasPrefix(pos, "NN") }

// nerAt returns the NER type and end of the name span starting at token i,
// or "" when no span starts there.
func (d *doc) nerAt(i, end int) (string, int) {
	l := d.a.Tokens[i].NER
	if len(l) < 3 || l[1] != '-' {
		return "", i
	}
	typ := l[2:]
	if l[0] == 'I' && i > 0 {
		if p := d.a.Tokens[i-1].NER; len(p) > 2 && p[2:] == typ && d.a.Tokens[i-1].Sentence == d.a.Tokens[i].Sentence {
			return "", i // inside a span that began earlier
		}
	}
	j := i + 1
	for j < end {
		n := d.a.Tokens[j].NER
		if len(n) > 2 && n[0] == 'I' && n[2:] == typ {
			j++
			continue
		}
		break
	}
	return typ, j
}

// matchOrg returns the longest organisation name starting at token i.
func (d *doc) matchOrg(i, end int) (*actors.Org, int) {
	first := d.text(i)
	if !isCap(first) {
		return nil, i
	}
	d.keyBuf = tokKey(d.keyBuf[:0], first)
	list := d.s.orgs[string(d.keyBuf)]
	for _, al := range list {
		n := len(al.toks)
		if i+n > end {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			t := d.text(i + k)
			if k > 0 {
				d.keyBuf = tokKey(d.keyBuf[:0], t)
				ok = string(d.keyBuf) == al.toks[k]
			}
			if ok && al.caps[k] && hasLower(t) {
				ok = false
			}
			if ok && !al.caps[k] && k == 0 && !isCap(t) {
				ok = false
			}
		}
		if ok {
			return al.org, i + n
		}
	}
	return nil, i
}

func (d *doc) add(m *mention) *mention {
	d.ments = append(d.ments, m)
	return m
}

// collect finds the mentions of every analysed sentence.
func (d *doc) collect() {
	a := d.a
	orgNames := d.orgHeadNames()
	for si, se := range a.Sentences {
		if !d.analysed[si] {
			continue
		}
		end := se.TokenEnd
		if end > len(a.Tokens) {
			end = len(a.Tokens)
		}
		for i := se.TokenStart; i < end; {
			typ, nerEnd := d.nerAt(i, end)
			org, orgEnd := d.matchOrg(i, end)
			switch {
			case typ == "PER" && len(a.Tokens[i].Parts) > 1 && nerEnd == i+1:
				d.addParts(i, si, typ)
				i = nerEnd
			case typ == "PER" && orgNames[d.span(i, nerEnd)] != "":
				// "water firm Aguas Argentinas": an organisation's name
				d.addNamed(i, nerEnd, si, "ORG", ruleOrgHead)
				if m := d.ments[len(d.ments)-1]; m.tstart == i && m.typ == "ORG" {
					if sec := orgNames[d.span(i, nerEnd)]; sec != "-" {
						m.orgSector = sec
					}
				}
				i = nerEnd
			case typ == "PER":
				d.addPerson(i, nerEnd, si)
				i = nerEnd
			case org != nil && orgEnd >= nerEnd:
				d.addOrg(i, orgEnd, si, org)
				i = orgEnd
			case typ != "" && nerEnd == i+1 && d.titleAlone(i):
				i = nerEnd // "Rep." taken for a name: a title alone names no one
			case typ != "" && nerEnd == i+1 && partyState(d.text(i)):
				i = nerEnd // "(R-S.C.)": a legislator's party and state, no actor
			case typ != "" && len(a.Tokens[i].Parts) > 1 && nerEnd == i+1:
				d.addParts(i, si, typ)
				i = nerEnd
			case typ != "":
				d.addNamed(i, nerEnd, si, typ, ruleName)
				i = nerEnd
			case d.addGeneric(i, end, si):
				i++
			default:
				i = d.addUnlabelled(i, end, si)
			}
		}
	}
}

// partyState reports whether w is a US legislator's party-and-state tag
// ("R-S.C.", "D-Calif", "I-Vt."): a party letter, a hyphen and a state
// abbreviation.
func partyState(w string) bool {
	if len(w) < 4 || len(w) > 10 || w[1] != '-' || strings.IndexByte("RDI", w[0]) < 0 {
		return false
	}
	st := w[2:]
	if st[0] < 'A' || st[0] > 'Z' {
		return false
	}
	for _, r := range st {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '.') {
			return false
		}
	}
	return true
}

// titleAlone reports whether token i is a title of office that names no
// one by itself: abbreviated ("Rep.", "Sen.", "Gov."), or the head of the
// title of a person named within five words ("Chancellor of the Exchequer
// Gordon Brown", where the tagger took "Chancellor" for an organisation).
func (d *doc) titleAlone(i int) bool {
	w := d.lowerAt(i)
	tw, ok := d.s.kb.Title(w)
	if !ok || !tw.Head {
		return false
	}
	if strings.HasSuffix(w, ".") {
		return true
	}
	toks := d.a.Tokens
	for k := i + 1; k < len(toks) && k <= i+5 && toks[k].Sentence == toks[i].Sentence; k++ {
		if strings.HasSuffix(toks[k].NER, "PER") {
			return true
		}
	}
	return false
}

// orgHeadNames returns the PER-tagged names that the article shows to be
// organisations' (see orgHeadBefore), each with the sector its head noun
// gives ("-" for none): all their mentions are the organisation's.
func (d *doc) orgHeadNames() map[string]string {
	var out map[string]string
	a := d.a
	for si, se := range a.Sentences {
		if !d.analysed[si] {
			continue
		}
		end := min(se.TokenEnd, len(a.Tokens))
		for i := se.TokenStart; i < end; i++ {
			typ, nerEnd := d.nerAt(i, end)
			if typ != "PER" {
				continue
			}
			if d.orgHeadBefore(i, nerEnd, se.TokenStart) {
				if out == nil {
					out = map[string]string{}
				}
				sec, _ := d.s.kb.Noun("orghead", d.text(i-1))
				out[d.span(i, nerEnd)] = sec
			}
			i = nerEnd - 1
		}
	}
	return out
}

// orgHeadBefore reports whether the PER span [i, j) names an organisation:
// right after a noun that heads organisations' names ("firm", "newspaper";
// class orghead of nouns.tsv), unless it is the subject of a relative
// clause: a verb after it and another verb after that ("the company John
// Smith founded was sold"; but "the newspaper Clarin said it …").
func (d *doc) orgHeadBefore(i, j, sentStart int) bool {
	if i-1 < sentStart {
		return false
	}
	if _, ok := d.s.kb.Noun("orghead", d.text(i-1)); !ok {
		return false // lower case as written: "Bank" would be part of a name
	}
	verb := func(k int) bool {
		if k >= len(d.a.Tokens) || d.a.Tokens[k].Sentence != d.a.Tokens[i].Sentence {
			return false
		}
		p := d.pos(k)
		return strings.HasPrefix(p, "VB") || p == "MD"
	}
	return !(verb(j) && verb(j+1))
}

// addPerson adds a PER span, without leading title words and with a
// following "'s office" folded in.
func (d *doc) addPerson(i, j, si int) {
	// A span that took in its title ("Russian President Vladimir Putin"):
	// keep the name, and the demonym or country as a modifier for leftTitle.
	for j-i > 1 {
		lw := d.lowerAt(i)
		if _, ok := d.s.kb.Title(lw); ok || lw == "the" || lw == "mr" || lw == "mrs" || lw == "ms" || lw == "dr" {
			i++
			continue
		}
		w := d.text(i)
		if c := d.modifierCountry(w); c != nil {
			if d.modCtry == nil {
				d.modCtry = map[int]*countries.Country{}
			}
			d.modCtry[i] = c
			i++
			continue
		}
		break
	}
	for j-i > 1 && isPossessive(d.text(j-1)) {
		j--
	}
	if j-i == 1 {
		if tw, ok := d.s.kb.Title(d.lowerAt(i)); ok && (tw.Head || tw.Mod || tw.Former) {
			return // a title alone ("President") is no name
		}
	}
	m := &mention{tstart: i, tend: j, nameEnd: j, sent: si, typ: "PER", rule: ruleName}
	end := len(d.a.Tokens)
	if j+1 < end && isPossessive(d.text(j)) && d.a.Tokens[j+1].Sentence == d.a.Tokens[i].Sentence {
		if _, ok := d.s.kb.Noun("office", d.lowerAt(j+1)); ok {
			m.office = true
			m.tend = j + 2
		}
	} else if j < end && d.a.Tokens[j].Sentence == d.a.Tokens[i].Sentence {
		if _, ok := d.s.kb.Noun("office", d.lowerAt(j)); ok { // "the Trump administration"
			m.office = true
			m.tend = j + 1
		}
	}
	d.add(m)
}

func (d *doc) addOrg(i, j, si int, org *actors.Org) {
	d.add(&mention{tstart: i, tend: j, sent: si, typ: org.Type, rule: ruleGazetteer, org: org})
}

// addNamed adds a non-person name span, resolving countries, capitals,
// demonyms and subdivisions.
func (d *doc) addNamed(i, j, si int, typ, rule string) {
	cd := d.s.cd
	txt := d.span(i, j)
	m := &mention{tstart: i, tend: j, sent: si, typ: typ, rule: rule}
	if c, ok := cd.LookupName(txt); ok {
		m.typ, m.country = "GPE", c
		if rule == ruleName {
			m.rule = ruleCountry
		}
	} else if dm, ok := cd.LookupDemonym(txt); ok && (typ == "NORP" || typ == "MISC" || typ == "GPE") {
		d.addDemonym(i, j, si, dm)
		return
	} else if c, ok := cd.LookupCapital(txt); ok && (typ == "GPE" || typ == "LOC") {
		m.typ, m.country, m.capital = "GPE", c, true
		if rule == ruleName {
			m.rule = ruleCapital
		}
	} else if typ == "GPE" || typ == "LOC" {
		if cands := cd.LookupSubdivisions(txt); len(cands) > 0 {
			m.subCands = cands
			m.typ = "GPE"
			if rule == ruleName {
				m.rule = ruleSubdivision
			}
		}
	}
	if m.country != nil && (typ == "GPE" || typ == "LOC") {
		// "Georgia": a country, or a US state when the article is about the
		// US; "Victoria": the capital of the Seychelles, or an Australian
		// state when the article is about Australia.
		if cands := cd.LookupSubdivisions(txt); len(cands) > 0 {
			m.subCands = cands
		}
	}
	if m.country != nil && !m.capital && m.subdiv == nil {
		d.sectorPhrase(m)
	}
	d.add(m)
}

// sectorPhrase folds a following sector noun into a country mention: "US
// troops", "Russian forces", "Ukraine's military".
func (d *doc) sectorPhrase(m *mention) {
	j := m.tend
	same := func(k int) bool {
		return k < len(d.a.Tokens) && d.a.Tokens[k].Sentence == d.a.Tokens[m.tstart].Sentence
	}
	if !same(j) {
		return
	}
	if isPossessive(d.text(j)) && same(j+1) {
		if _, ok := d.s.kb.Noun("sector", d.lowerAt(j+1)); ok && !(same(j+2) && isNoun(d.pos(j+2))) {
			j++
		}
	}
	if sec, ok := d.s.kb.Noun("sector", d.lowerAt(j)); ok && sec != "-" {
		m.tend = j + 1
		m.sector = sec
		m.rule = ruleSector
	}
}

// addGeneric adds a common-noun group actor ("police", "protesters", "the
// government": nouns.tsv class generic) at token i and reports whether it
// did. The noun must head its phrase (no noun follows it) and must not
// belong to a name ("Hamas fighters": the noun after a name or a
// capitalised word is left to that name) or to a possessive pronoun ("its
// troops").
func (d *doc) addGeneric(i, end, si int) bool {
	if p := d.pos(i); p != "" && !isNoun(p) {
		return false // cheap test first: this runs for most tokens
	}
	sec, ok := d.s.kb.Noun("generic", d.lowerAt(i))
	if !ok || sec == "-" {
		return false
	}
	if i+1 < end && isNoun(d.pos(i+1)) {
		return false
	}
	if st := d.a.Sentences[si].TokenStart; i > st {
		if d.pos(i-1) == "PRP$" {
			return false // "its troops": the possessor's, no actor of their own
		}
		prev := i - 1
		if isPossessive(d.text(prev)) && prev > st {
			prev--
		}
		if n := d.a.Tokens[prev].NER; n != "" && n != "O" {
			return false
		}
		if prev > st && isCap(d.text(prev)) {
			return false
		}
	}
	d.add(&mention{tstart: i, tend: i + 1, sent: si, typ: "ORG", rule: ruleGeneric, sector: sec})
	return true
}

// addDemonym handles "Russian", "Russians", "Russian forces".
func (d *doc) addDemonym(i, j, si int, dm countries.Demonym) {
	if dm.Country == nil {
		if dm.Kind.Has(countries.People) || dm.Kind.Has(countries.Person) {
			d.add(&mention{tstart: i, tend: j, sent: si, typ: "NORP", rule: ruleName})
		}
		return
	}
	if dm.Kind.Has(countries.Adjective) {
		m := &mention{tstart: i, tend: j, sent: si, typ: "GPE", country: dm.Country}
		d.sectorPhrase(m)
		if m.sector != "" {
			d.add(m)
			return
		}
		if d.modCtry == nil {
			d.modCtry = map[int]*countries.Country{}
		}
		for k := i; k < j; k++ {
			d.modCtry[k] = dm.Country
		}
		if !dm.Kind.Has(countries.People) {
			return
		}
		// "the British said": an adjective form used as a people noun.
		if j < len(d.a.Tokens) && isNoun(d.pos(j)) && d.a.Tokens[j].Sentence == d.a.Tokens[i].Sentence {
			return
		}
	}
	if dm.Kind.Has(countries.People) {
		d.add(&mention{tstart: i, tend: j, sent: si, typ: "GPE", country: dm.Country, rule: rulePeople})
	}
}

// addUnlabelled looks for country names, capitals and demonyms the ner
// stage left unlabelled, and for parts of hyphenated compounds. It returns
// the next token to look at.
func (d *doc) addUnlabelled(i, end, si int) int {
	a := d.a
	if len(a.Tokens[i].Parts) > 1 {
		d.addParts(i, si, "")
		return i + 1
	}
	w := d.text(i)
	if !isCap(w) || w == "The" || w == "A" || w == "An" {
		return i + 1
	}
	if d.surnameOfNamed(i, end) {
		// "Trump has called …" opening a sentence, which the tagger left
		// out, after "Donald Trump" elsewhere in the article
		d.addPerson(i, i+1, si)
		return i + 1
	}
	d.keyBuf = tokKey(d.keyBuf[:0], w)
	if !d.s.placeWords[string(firstWord(d.keyBuf))] {
		return i + 1
	}
	cd := d.s.cd
	for n := 3; n >= 1; n-- {
		j := i + n
		if j > end {
			continue
		}
		if n > 1 && !isCap(d.text(j-1)) {
			continue
		}
		txt := d.span(i, j)
		if _, ok := cd.LookupName(txt); ok {
			d.addNamed(i, j, si, "GPE", ruleCountry)
			return j
		}
		if n > 2 {
			continue
		}
		if _, ok := cd.LookupCapital(txt); ok && (i > a.Sentences[si].TokenStart || n > 1) {
			d.addNamed(i, j, si, "GPE", ruleCapital)
			return j
		}
		if dm, ok := cd.LookupDemonym(txt); ok && n == 1 {
			d.addDemonym(i, j, si, dm)
			return j
		}
	}
	return i + 1
}

// surnameOfNamed reports whether the untagged token i (before end) is the
// last word of a person's name the tagger found elsewhere in the article,
// standing alone as a proper noun (not followed by another).
func (d *doc) surnameOfNamed(i, end int) bool {
	if d.pos(i) != "NNP" || i+1 < end && strings.HasPrefix(d.pos(i+1), "NNP") {
		return false
	}
	if d.perLast == nil {
		d.perLast = map[string]bool{}
		toks := d.a.Tokens
		for k := range toks {
			if toks[k].NER == "I-PER" && (k+1 == len(toks) || toks[k+1].NER != "I-PER") {
				d.perLast[d.text(k)] = true
			}
		}
	}
	return d.perLast[d.text(i)]
}

// addParts looks at the parts of a hyphenated compound token.
func (d *doc) addParts(i, si int, wholeType string) {
	cd := d.s.cd
	parts := d.a.Tokens[i].Parts
	found := false
	for _, p := range parts {
		if p.Start < 0 || p.End > len(d.a.Text) || p.Start >= p.End {
			continue
		}
		txt := d.a.Text[p.Start:p.End]
		m := &mention{tstart: i, tend: i + 1, start: p.Start, end: p.End, sent: si, rule: rulePart, modifier: true}
		if org := d.matchOrgText(txt); org != nil {
			m.typ, m.org = org.Type, org
		} else if c, ok := cd.LookupName(txt); ok {
			m.typ, m.country = "GPE", c
		} else if c, ok := cd.LookupCapital(txt); ok {
			m.typ, m.country, m.capital = "GPE", c, true
		} else {
			if isCap(txt) {
				d.parts = append(d.parts, pendingPart{tok: i, start: p.Start, end: p.End, sent: si, wholeType: wholeType})
			}
			continue
		}
		found = true
		d.add(m)
	}
	if found {
		for k := range d.parts {
			if d.parts[k].tok == i {
				d.parts[k].foundOther = true
			}
		}
	}
	if !found && wholeType != "" && !d.hasPending(i) {
		if wholeType == "PER" {
			d.addPerson(i, i+1, si)
		} else {
			d.addNamed(i, i+1, si, wholeType, ruleName)
		}
	}
}

func (d *doc) hasPending(tok int) bool {
	for _, p := range d.parts {
		if p.tok == tok {
			return true
		}
	}
	return false
}

// matchOrgText matches a single-word organisation name (a compound part).
func (d *doc) matchOrgText(s string) *actors.Org {
	if !isCap(s) {
		return nil
	}
	d.keyBuf = tokKey(d.keyBuf[:0], s)
	for _, al := range d.s.orgs[string(d.keyBuf)] {
		if len(al.toks) == 1 && (!al.caps[0] || !hasLower(s)) {
			return al.org
		}
	}
	return nil
}

// modifierCountry returns the country a capitalised demonym or country name
// token stands for ("Russian", "US"), or nil.
func (d *doc) modifierCountry(w string) *countries.Country {
	if !isCap(w) {
		return nil
	}
	d.keyBuf = tokKey(d.keyBuf[:0], w)
	if !d.s.placeWords[string(firstWord(d.keyBuf))] {
		return nil
	}
	if dm, ok := d.s.cd.LookupDemonym(w); ok && dm.Country != nil && dm.Kind.Has(countries.Adjective) {
		return dm.Country
	}
	if c, ok := d.s.cd.LookupName(w); ok {
		return c
	}
	return nil
}
