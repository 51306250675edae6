// Package clause is herald's rule-based shallow clause analysis. Over the
// POS tags and IOB2 chunks of each sentence it finds, per verb group, a
// clause with its subject (and coordinated subjects), verb group (lemma of
// the head verb, tense, voice, negation, modal, aspect, finiteness),
// objects, prepositional attachments, passive "by" agent and appositives,
// and links clauses to each other: reported speech ("X said (that) …",
// "…, X said."), complements, relative, adverbial, infinitive and
// participle clauses.
//
// Analyze runs in time linear in the number of tokens. Tokens without
// chunk tags get coarse chunks from their POS tags. It keeps no state
// between calls and is safe for concurrent use on different analyses.
package clause

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"

	"herald/internal/model"
	"herald/internal/resources"
)

// Clause kinds (model.Clause.Kind).
const (
	KindMain       = "main"       // an independent clause
	KindReported   = "reported"   // what a reporting verb reports: Parent is the reporting clause
	KindComplement = "complement" // a "that"/"whether" or bare complement of a non-reporting verb
	KindRelative   = "relative"   // "officials who said …": Subject is the antecedent
	KindAdverbial  = "adverbial"  // "if it proceeds", "though he stopped short"
	KindInfinitive = "infinitive" // "to finalise arrangements": Subject is the controller
	KindParticiple = "participle" // "noting that …", "a deadline set by Trump": Subject is the controller
)

// Tenses, voices and aspects of model.VerbGroup. A group with "will",
// "shall" or "would" is future; other modals are present; non-finite
// groups have no tense.
const (
	TensePast    = "past"
	TensePresent = "present"
	TenseFuture  = "future"

	VoiceActive  = "active"
	VoicePassive = "passive"

	AspectSimple             = "simple"
	AspectProgressive        = "progressive"
	AspectPerfect            = "perfect"
	AspectPerfectProgressive = "perfect-progressive"
)

// verbsTSV lists reporting and object-control verbs (embedded, built into
// the binary; its hash enters the resources fingerprint).
//
//go:embed verbs.tsv
var verbsTSV string

var (
	verbsOnce    sync.Once
	reportVerbs  map[string]bool
	controlVerbs map[string]bool
)

func init() { resources.Note("clause/verbs.tsv", []byte(verbsTSV)) }

func loadVerbs() {
	reportVerbs, controlVerbs = map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(verbsTSV))
	for sc.Scan() {
		ln := sc.Text()
		if ln == "" || ln[0] == '#' {
			continue
		}
		w, cls, _ := strings.Cut(ln, "\t")
		switch strings.TrimSpace(cls) {
		case "report":
			reportVerbs[w] = true
		case "control":
			controlVerbs[w] = true
		}
	}
}

// IsReportingVerb reports whether a verb lemma introduces reported speech or thought.
func IsReportingVerb(lemma string) bool {
	verbsOnce.Do(loadVerbs)
	return reportVerbs[lemma]
}

func isControlVerb(lemma string) bool {
	verbsOnce.Do(loadVerbs)
	return controlVerbs[lemma]
}

// Analyze replaces a.Clauses with the clauses of every analysed sentence,
// in sentence order and, within a sentence, in the order of their verb
// groups. Token indexes are into a.Tokens. A clause's [Start, End) covers
// its own marker, subject, verb group, objects and attachments; nested and
// reported clauses are separate entries linked by Parent (an index into
// a.Clauses) and Reported (a pointer into a.Clauses, valid until the slice
// is changed). Subjects of relative, infinitive, participle and
// coordinated clauses are their controllers and may lie outside the span.
func Analyze(a *model.Analysis) {
	a.Clauses = a.Clauses[:0]
	var reported []int // per clause: index of its reported clause, -1
	st := &sent{a: a, toks: a.Tokens}
	for si, s := range a.Sentences {
		if s.Block >= 0 && s.Block < len(a.Blocks) && !a.Blocks[s.Block].Analysed() {
			continue
		}
		if s.TokenStart < 0 || s.TokenEnd > len(a.Tokens) || s.TokenStart >= s.TokenEnd {
			continue
		}
		st.reset(si, s.TokenStart, s.TokenEnd)
		base := len(a.Clauses)
		st.analyze()
		for i := range st.cls {
			c := &st.cls[i]
			if c.c.Parent >= 0 {
				c.c.Parent += base
			}
			r := -1
			if c.rep >= 0 {
				r = c.rep + base
			}
			a.Clauses = append(a.Clauses, c.c)
			reported = append(reported, r)
		}
	}
	for i, r := range reported {
		if r >= 0 {
			a.Clauses[i].Reported = &a.Clauses[r]
		}
	}
}

// sent is the per-sentence working state, reused across sentences.
type sent struct {
	a          *model.Analysis
	toks       []model.Token
	si, s, e   int
	units      []unit
	vgs        []vgInfo
	cls        []cl
	leadPreps  []model.PrepPhrase
	unitClause []int // per unit: local clause of a kVG unit, else -1
}

// cl is a clause being built.
type cl struct {
	c          model.Clause
	vi         int  // unit index of the verb group
	finite     bool //
	scanEnd    int  // unit index where the object scan stopped
	compl      bool // the scan stopped at the start of a complement clause
	subjLocal  bool // the subject lies in the clause's own span
	coordVP    bool // no subject of its own: a coordinated verb phrase ("… but warned")
	auxOnly    bool // a bare do-auxiliary of a question ("Why did Moscow reject …")
	antecedent int  // token whose clause governs this one (relative, participle), -1
	rep        int  // local index of the reported clause, -1
}

func (st *sent) reset(si, s, e int) {
	st.si, st.s, st.e = si, s, e
	st.units = st.units[:0]
	st.vgs = st.vgs[:0]
	st.cls = st.cls[:0]
	st.leadPreps = st.leadPreps[:0]
}

func none() model.Phrase { return model.Phrase{Start: -1, End: -1, Head: -1} }

func (st *sent) analyze() {
	st.buildUnits()
	// verb groups
	for ui := range st.units {
		if st.units[ui].kind == kVG {
			st.units[ui].vg = len(st.vgs)
			st.vgs = append(st.vgs, st.analyzeVG(ui))
		}
	}
	st.resolveSubordinators()
	st.unitClause = st.unitClause[:0]
	for range st.units {
		st.unitClause = append(st.unitClause, -1)
	}
	st.collectLeadPreps()
	for ui := range st.units {
		if st.units[ui].kind != kVG {
			continue
		}
		st.unitClause[ui] = len(st.cls)
		st.cls = append(st.cls, st.newClause(ui))
	}
	for i := range st.cls {
		st.scanSubject(i)
	}
	for i := range st.cls {
		st.scanObjects(i)
	}
	st.link()
	st.spans()
	st.resolve()
	st.frames()
	st.appositives()
	st.attachLeadPreps()
}

func (st *sent) newClause(ui int) cl {
	info := st.vgs[st.units[ui].vg]
	c := cl{vi: ui, finite: info.finite, antecedent: -1, rep: -1}
	c.c = model.Clause{Sentence: st.si, Subject: none(), Verb: info.vg, Agent: none(), Parent: -1, Marker: -1}
	switch {
	case info.infinitive:
		c.c.Kind = KindInfinitive
		c.c.Marker = st.units[ui].start
	case info.participle:
		c.c.Kind = KindParticiple
	default:
		c.c.Kind = KindMain
	}
	return c
}

// finiteVG reports whether unit ui is a finite verb group.
func (st *sent) finiteVG(ui int) bool {
	return ui >= 0 && ui < len(st.units) && st.units[ui].kind == kVG && st.vgs[st.units[ui].vg].finite
}

// skipAdv returns the first unit at or after i that is not an adverb
// phrase, quotation mark or bracketed aside ("( SLORC )").
func (st *sent) skipAdv(i int) int {
	for i < len(st.units) {
		switch {
		case st.units[i].kind == kADVP || st.units[i].kind == kQuote:
			i++
		case st.isBracket(i, "(", "["):
			j := st.matchRight(i)
			if j < 0 {
				return i
			}
			i = j + 1
		default:
			return i
		}
	}
	return i
}

// isBracket reports whether unit i is punctuation with one of the texts.
func (st *sent) isBracket(i int, texts ...string) bool {
	u := st.units[i]
	if u.kind != kPunct || u.end-u.start != 1 {
		return false
	}
	t := st.toks[u.start].Text
	for _, x := range texts {
		if t == x {
			return true
		}
	}
	return st.toks[u.start].POS == texts[0] || (texts[0] == "(" && st.toks[u.start].POS == "-LRB-") ||
		(texts[0] == ")" && st.toks[u.start].POS == "-RRB-")
}

// matchRight returns the unit closing the bracket opened at unit i (within
// a window), or -1.
func (st *sent) matchRight(i int) int {
	for j := i + 1; j < len(st.units) && j-i < 2*window; j++ {
		if st.isBracket(j, ")", "]") {
			return j
		}
		if st.isBracket(j, "(", "[") {
			return -1
		}
	}
	return -1
}

// matchLeft returns the unit opening the bracket closed at unit i (within
// a window), or -1.
func (st *sent) matchLeft(i int) int {
	for j := i - 1; j >= 0 && i-j < 2*window; j-- {
		if st.isBracket(j, "(", "[") {
			return j
		}
		if st.isBracket(j, ")", "]") {
			return -1
		}
	}
	return -1
}

// skipAdvLeft returns the last unit at or before i that is not an adverb
// phrase, quotation mark or bracketed aside.
func (st *sent) skipAdvLeft(i int) int {
	for i >= 0 {
		switch {
		case st.units[i].kind == kADVP || st.units[i].kind == kQuote:
			i--
		case st.isBracket(i, ")", "]"):
			j := st.matchLeft(i)
			if j < 0 {
				return i
			}
			i = j - 1
		default:
			return i
		}
	}
	return i
}

// groupEnd returns the unit index after the noun group starting at NP unit
// i: the NP and its prepositional modifiers (only "of" when ofOnly).
func (st *sent) groupEnd(i int, ofOnly bool) int {
	j := i + 1
	for j+1 < len(st.units) && st.units[j].kind == kPP && st.units[j+1].kind == kNP {
		if ofOnly && lowerText(&st.toks[st.units[j].start]) != "of" {
			break
		}
		j += 2
	}
	return j
}

// groupStartLeft returns the first unit of the noun group ending at NP unit j.
func (st *sent) groupStartLeft(j int) int {
	g := j
	for g >= 2 && st.units[g-1].kind == kPP {
		switch {
		case st.units[g-2].kind == kNP:
			g -= 2
		case g >= 3 && st.units[g-2].kind == kADVP && st.units[g-3].kind == kNP:
			g -= 3 // "people already in the Gulf"
		default:
			return g
		}
	}
	return g
}

// phrase returns the phrase of units [i, j) headed by unit i's head.
func (st *sent) phrase(i, j int) model.Phrase {
	return model.Phrase{Start: st.units[i].start, End: st.units[j-1].end, Head: st.units[i].head}
}

// resolveSubordinators turns prepositions such as "as", "after", "since"
// into subordinators when a clause follows them ("as violence intensifies").
func (st *sent) resolveSubordinators() {
	for i := range st.units {
		u := &st.units[i]
		if u.kind != kPP || u.end-u.start != 1 || !subordinators[lowerText(&st.toks[u.start])] {
			continue
		}
		j := st.skipAdv(i + 1)
		if j < len(st.units) && st.units[j].kind == kNP {
			j = st.skipAdv(st.groupEnd(j, false))
		}
		if st.finiteVG(j) {
			u.kind = kSBAR
		}
	}
}

// collectLeadPreps gathers prepositional phrases that open the sentence
// before its first clause ("On Tuesday, …", "According to X, …").
func (st *sent) collectLeadPreps() {
	for i := 0; i < len(st.units); {
		u := st.units[i]
		switch u.kind {
		case kADVP, kComma, kQuote:
			i++
			continue
		case kPP:
			if i+1 < len(st.units) && st.units[i+1].kind == kNP {
				g := st.groupEnd(i+1, false)
				if g < len(st.units) && st.units[g].kind == kComma {
					st.leadPreps = append(st.leadPreps, model.PrepPhrase{Prep: u.start, Object: st.phrase(i+1, g)})
					i = g
					continue
				}
			}
		}
		return
	}
}
