package event

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"herald/internal/model"
	"herald/internal/resources/events"
)

// Words that set an event's modality when they precede its trigger in the sentence.
var (
	negators     = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "without": true}
	hypothetical = map[string]bool{"would": true, "could": true, "might": true, "may": true, "if": true, "possible": true, "potential": true, "possibility": true, "unless": true,
		"willing": true, "ready": true, "open": true, "inclined": true, "desire": true, "likely": true}
	futureCues = map[string]bool{"will": true, "shall": true, "plan": true, "expect": true, "intend": true, "schedule": true, "prepare": true, "set": true, "upcoming": true, "planned": true, "to": true,
		"threaten": true, "warn": true, "propose": true, "consider": true, "seek": true, "want": true, "demand": true, "urge": true}
)

// code builds the event for trigger tokens [ti, tj) of sentence si.
func (s *Stage) code(a *model.Analysis, si int, toks []model.Token, lem []string, refs []mentionRef, ti, tj int, e *events.Entry) (found, bool) {
	if e.POS == 'N' && e.Type == "CONSULT" && s.agreedNoun(a, a.Sentences[si].TokenStart+ti) {
		return found{}, false // "a meeting has been agreed": the AGREE event codes it
	}
	if e.POS == 'N' && e.Type != "THREATEN" && s.governedBy(a, a.Sentences[si].TokenStart+ti, "THREATEN") {
		return found{}, false // "X threatened sanctions against Y": the THREATEN event codes it
	}
	actors, recips := s.participants(a, si, toks, lem, agents(refs), ti, tj, e.POS)
	if len(recips) == 0 && e.Type != "CONSULT" {
		recips = targetLocation(refs, lem, tj, actors)
	}
	ev := model.Event{Type: e.Type, Mode: e.Mode, Contexts: e.Contexts, CAMEO: e.CAMEO, Goldstein: e.Goldstein,
		Actors: actors, Recipients: recips, Rule: fmt.Sprintf("lexicon/events/lexicon.tsv:%s/%s#%d", e.Type, orDash(e.Mode), e.Line)}
	if sc, ok := s.lex.Score(e.Type, e.Mode); ok {
		ev.Intensity, ev.Quad = sc.Intensity, sc.Quad
	}
	ev.Modality = modality(toks, lem, ti, e)
	if ev.Type == "THREATEN" {
		ev.Condition = condition(toks, lem, tj)
	}
	ev.Confidence = 0.85
	if len(actors) == 0 {
		ev.Confidence -= 0.25
	}
	if len(recips) == 0 {
		ev.Confidence -= 0.1
	}
	sent := a.Sentences[si]
	m := model.EventMention{Sentence: si, Start: sent.Start, End: sent.End,
		Trigger: model.TextSpan{Start: toks[ti].Start, End: toks[tj-1].End, Text: a.Text[toks[ti].Start:toks[tj-1].End]}}
	dateAndPlace(a, &ev, sent, m.Trigger.Start)
	f := found{ev: ev, mention: m}
	if e.POS == 'N' {
		f.definite = definite(toks, lem, ti)
	}
	if e.Type == "AGREE" && e.POS == 'V' {
		f.agreedMeeting = s.agreesOnMeeting(a, sent.TokenStart+ti)
	}
	return f, true
}

// definite reports whether the noun phrase of noun trigger ti opens with
// "the", "this" or "that" (at most three words before it, adjectives and
// nouns between: "the potential summit").
func definite(toks []model.Token, lem []string, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		switch lem[k] {
		case "the", "this", "that":
			return true
		}
		if p := toks[k].POS; p != "" && !strings.HasPrefix(p, "JJ") && !strings.HasPrefix(p, "NN") && p != "VBN" && p != "HYPH" {
			return false
		}
	}
	return false
}

// agreesOnMeeting reports whether the clause whose verb heads at token k
// (an index into a.Tokens) has a CONSULT noun in its passive subject or its
// objects: "a meeting has been agreed", "they agreed a summit".
func (s *Stage) agreesOnMeeting(a *model.Analysis, k int) bool {
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if c.Verb.Head != k {
			continue
		}
		var ps []model.Phrase
		if c.Verb.Voice == "passive" {
			ps = append(ps, c.Subject)
		} else {
			ps = append(ps, c.Objects...)
		}
		for _, p := range ps {
			for t := p.Start; t < p.End && t < len(a.Tokens); t++ {
				if slices.Contains(s.LexTypes(lowerLemma(a, t)), "CONSULT") {
					return true
				}
			}
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// participants finds the actors and recipients of a trigger: from the
// clause whose verb it heads when the tag stage gave clauses, else from the
// mentions around it.
func (s *Stage) participants(a *model.Analysis, si int, toks []model.Token, lem []string, refs []mentionRef, ti, tj int, pos byte) (actors, recips []string) {
	base := a.Sentences[si].TokenStart
	for _, c := range a.Clauses {
		if c.Sentence != si || c.Verb.Head != base+ti {
			continue
		}
		if c.Verb.Voice == "passive" {
			actors = entitiesIn(refs, c.Agent, base)
			recips = entitiesIn(refs, c.Subject, base)
		} else {
			actors = entitiesIn(refs, c.Subject, base)
			for _, cj := range c.Conj {
				actors = appendNew(actors, entitiesIn(refs, cj, base)...)
			}
			for _, o := range c.Objects {
				recips = appendNew(recips, entitiesIn(refs, o, base)...)
			}
			for _, p := range c.Preps {
				if p.Prep-base >= 0 && p.Prep-base < len(lem) && recipientPrep[lem[p.Prep-base]] {
					recips = appendNew(recips, entitiesIn(refs, p.Object, base)...)
				}
			}
		}
		if len(actors)+len(recips) > 0 {
			return without(actors, recips), recips
		}
	}
	if pos == 'N' {
		if actors, recips = s.lightVerb(a, si, lem, refs, base+ti, base+tj); len(actors)+len(recips) > 0 {
			return without(actors, recips), recips
		}
	}
	// By position: "by X", "X's", "between X and Y" for nouns; nearest
	// mention on the left as actor and on the right as recipient otherwise.
	if pos == 'N' {
		// "a meeting in Moscow on Wednesday between X's envoy Y and Z":
		// every mention coordinated after "between"/"among" acts, except
		// possessive modifiers.
		if k := betweenAt(lem, tj); k >= 0 {
			for _, r := range refs {
				if r.tokStart > k && r.tokStart <= k+12 && !clauseBreak(lem, k, r.tokStart) && !possessive(lem, r.tokEnd) {
					actors = appendNew(actors, r.entity)
				}
			}
		}
	}
	for _, r := range refs {
		switch {
		case len(actors) > 0:
		case r.tokStart >= tj && r.tokStart <= tj+1 && before(lem, r.tokStart, "by"):
			actors = appendNew(actors, r.entity)
		case r.tokEnd <= ti && r.tokEnd >= ti-3 && pos == 'N' && possessive(lem, r.tokEnd):
			actors = appendNew(actors, r.entity)
		}
	}
	// The first mention after the trigger introduced by a recipient
	// preposition ("with both President Putin"), and the mentions
	// coordinated with it ("… and President Zelensky").
	last := -1
	for _, r := range refs {
		if last >= 0 {
			if r.tokStart > last && r.tokStart-last <= 3 && coordinated(lem, last, r.tokStart) && !slices.Contains(actors, r.entity) {
				recips = appendNew(recips, r.entity)
				last = r.tokEnd
			}
			continue
		}
		if r.tokStart >= tj && r.tokStart <= tj+5 && !slices.Contains(actors, r.entity) {
			if p := r.tokStart - 1; p >= 0 && (p == tj-1 && pos == 'V' || prepBefore(lem, tj, r.tokStart)) {
				recips = appendNew(recips, r.entity)
				last = r.tokEnd
			}
		}
	}
	if len(actors) == 0 && !(pos == 'N' && s.objectOfOther(a, si, base+ti)) {
		// The nearest mention before the trigger, in its clause (no comma or
		// reporting verb between); not for a noun that another verb takes
		// as its object ("Zelenskyy described the attack").
		for k := len(refs) - 1; k >= 0; k-- {
			r := refs[k]
			if r.tokEnd <= ti && ti-r.tokEnd <= 8 && !clauseBreak(lem, r.tokEnd, ti) {
				if r.tokStart > 0 && recipientPrep[lem[r.tokStart-1]] {
					continue // "attacks on Ukraine or face sanctions": an object, not an actor
				}
				if !slices.Contains(recips, r.entity) {
					actors = append(actors, r.entity)
				}
				// "Witkoff-Putin talks": every part of one compound token acts.
				for _, o := range refs {
					if o.tokStart == r.tokStart && o.tokEnd == r.tokEnd && !slices.Contains(recips, o.entity) {
						actors = appendNew(actors, o.entity)
					}
				}
				break
			}
		}
	}
	if len(recips) == 0 && pos == 'V' {
		for _, r := range refs {
			if r.tokStart >= tj && r.tokStart-tj <= 4 && !slices.Contains(actors, r.entity) && !clauseBreak(lem, tj, r.tokStart) {
				recips = append(recips, r.entity)
				break
			}
		}
	}
	return actors, recips
}

// agents drops location mentions.
func agents(refs []mentionRef) []mentionRef {
	var out []mentionRef
	for _, r := range refs {
		if !r.loc {
			out = append(out, r)
		}
	}
	return out
}

// targetLocation is the political unit where violence struck ("hit a
// centre in Ukraine"): the first GPE after the trigger introduced by "in".
func targetLocation(refs []mentionRef, lem []string, tj int, actors []string) []string {
	for _, r := range refs {
		if (r.typ == model.TypeGPE || r.typ == model.TypeLOC || r.loc) && r.tokStart > tj && r.tokStart-tj <= 16 && !slices.Contains(actors, r.entity) {
			if p := r.tokStart - 1; p >= 0 && targetPrep[lem[p]] {
				return []string{r.entity}
			}
		}
	}
	return nil
}

// targetPrep introduces the place an action is aimed at or done to.
var targetPrep = map[string]bool{"in": true, "across": true, "to": true, "into": true, "on": true, "against": true, "inside": true}

var recipientPrep = map[string]bool{"with": true, "on": true, "against": true, "to": true, "toward": true, "towards": true, "for": true, "from": true}

func before(lem []string, i int, w string) bool { return i > 0 && lem[i-1] == w }

func possessive(lem []string, end int) bool {
	return end < len(lem) && (lem[end] == "'s" || lem[end] == "’s" || lem[end] == "'")
}

// betweenAt is the index of "between" or "among" within eight tokens after
// a noun trigger ending at tj, in its clause, or -1.
func betweenAt(lem []string, tj int) int {
	for k := tj; k < len(lem) && k <= tj+8; k++ {
		switch lem[k] {
		case "between", "among":
			return k
		case ",", ";", ":", "—", "–", "that", "which", "who", "while", "but":
			return -1
		}
	}
	return -1
}

func clauseBreak(lem []string, from, to int) bool {
	for k := from; k < to && k < len(lem); k++ {
		switch lem[k] {
		case ",", ";", ":", "—", "–", "say", "said", "that", "which", "who", "while", "but":
			return true
		}
	}
	return false
}

func entitiesIn(refs []mentionRef, p model.Phrase, base int) []string {
	if !p.Present() {
		return nil
	}
	var out []string
	for _, r := range refs {
		if r.tokStart+base < p.End && r.tokEnd+base > p.Start {
			out = appendNew(out, r.entity)
		}
	}
	return out
}

func appendNew(s []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

func without(s, drop []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

// modality reads the words before the trigger in its sentence.
func modality(toks []model.Token, lem []string, ti int, e *events.Entry) string {
	from := ti - 6
	if from < 0 {
		from = 0
	}
	past := strings.HasPrefix(toks[ti].POS, "VBD") || strings.HasPrefix(toks[ti].POS, "VBN")
	for k := ti - 1; k >= from; k-- {
		if negators[lem[k]] && ti-k <= 3 {
			return model.ModalityNegated
		}
	}
	for k := 0; k < ti; k++ {
		if lem[k] == "if" || lem[k] == "unless" {
			return model.ModalityHypothetical
		}
	}
	// A hypothetical cue anywhere in the window outranks a future one
	// ("more inclined to agree": hypothetical, not a plan).
	for k := ti - 1; k >= from; k-- {
		if hypothetical[lem[k]] {
			return model.ModalityHypothetical
		}
	}
	for k := ti - 1; k >= from; k-- {
		if futureCues[lem[k]] && lem[k] != "to" || lem[k] == "to" && k == ti-1 && e.POS == 'V' && !past {
			return model.ModalityFuture
		}
	}
	if e.Future && !past {
		return model.ModalityFuture
	}
	return model.ModalityAsserted
}

// condition is the "if …" clause after a threat, up to the end of its sentence.
func condition(toks []model.Token, lem []string, from int) *model.Span {
	for k := from; k < len(lem); k++ {
		if lem[k] == "if" || lem[k] == "unless" {
			end := len(toks) - 1
			for end > k && (lem[end] == "." || lem[end] == "!" || lem[end] == "?") {
				end--
			}
			return &model.Span{Start: toks[k].Start, End: toks[end].End}
		}
	}
	return nil
}

// dateAndPlace takes the time expression and the place of the event's
// sentence: the nearest DATE to the trigger, and a place after in/at/near.
func dateAndPlace(a *model.Analysis, ev *model.Event, sent model.Sentence, trig int) {
	best, bestDist := -1, 1<<30
	for i, t := range a.Times {
		if t.Start < sent.Start || t.End > sent.End || t.Type != model.TimeDate || !calendarValue(t.Value) {
			continue
		}
		if boundPreps[strings.ToLower(lastWord(a.Text[sent.Start:t.Start]))] {
			continue // "since January", "by Friday": a bound, not the event's time
		}
		if t.Start > trig && sinceBetween(a.Text[trig:t.Start]) {
			continue // "the first summit since the President's return in January"
		}
		d := t.Start - trig
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	if best >= 0 {
		t := a.Times[best]
		ev.Time, ev.Date, ev.DateRule = t.ID, t.Value, "time-expression"
	} else if ev.Modality == model.ModalityAsserted && !a.PublishedDate.IsZero() {
		ev.Date, ev.DateRule = a.PublishedDate.Format("2006-01-02"), "publication-date"
	}
	for _, p := range a.Places {
		if p.Start >= sent.Start && p.End <= sent.End {
			pre := strings.ToLower(strings.TrimSpace(lastWord(a.Text[sent.Start:p.Start])))
			if pre == "in" || pre == "at" || pre == "near" || pre == "on" || pre == "over" {
				ev.Place = p.ID
				break
			}
		}
	}
}

// boundPreps open time expressions that bound an event rather than date it.
var boundPreps = map[string]bool{"since": true, "until": true, "till": true, "by": true, "before": true}

// sinceBetween reports whether a "since", "until" or "till" phrase opens
// in s (the text between a trigger and a later time expression).
func sinceBetween(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "since", "until", "till":
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if i := strings.LastIndexAny(s, " \n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// modelPairs codes, when the lexicon found no event with both an actor and
// a recipient in the sentence (have is false), one actor–recipient pair
// with the classifier: the pair the clauses link (one side the subject or
// passive agent of a clause, the other an object or prepositional object of
// it or of a clause below it, and never across an adverbial clause) that it
// is surest of, else the unlinked pair with a verb between its two sides that
// it is surest of (rule suffix #unlinked-pair, lower confidence). Places
// receive only in linked pairs and never act. have is also true when the
// lexicon found a symmetric event with two or more participants.
func (s *Stage) modelPairs(a *model.Analysis, si int, toks []model.Token, lem []string, refs []mentionRef, used map[[2]string]bool, have bool) []found {
	if have {
		return nil
	}
	var out []found
	var spare found
	spareConf := 0.0
	base := a.Sentences[si].TokenStart
	for i := 0; i < len(refs); i++ {
		for j := i + 1; j < len(refs) && j <= i+modelMaxPairSpan; j++ {
			x, y := refs[i], refs[j]
			if x.entity == y.entity || used[[2]string{x.entity, y.entity}] || used[[2]string{y.entity, x.entity}] ||
				y.tokStart-x.tokEnd < 1 || y.tokStart-x.tokEnd > modelMaxGap {
				continue
			}
			// The later mention acts when the clauses say so ("Y was
			// attacked by X").
			cx, rx := roleClause(a, base+x.tokStart, base+x.tokEnd)
			cy, ry := roleClause(a, base+y.tokStart, base+y.tokEnd)
			if !isActorRole(rx) && isActorRole(ry) {
				x, y, cx, cy, rx, ry = y, x, cy, cx, ry, rx
			}
			if x.loc && !y.loc && !isActorRole(rx) {
				x, y, cx, cy, rx, ry = y, x, cy, cx, ry, rx
			}
			if x.loc {
				continue // a place ("a meeting in Moscow") receives but never acts
			}
			// Not across an adverbial clause ("X called it useful, while Y
			// posted on Z"): its participants do something else.
			linked := isActorRole(rx) && isTargetRole(ry) && below(a, cy, cx) && !(cy != cx && cy >= 0 && a.Clauses[cy].Kind == "adverbial")
			if !linked && y.loc {
				continue
			}
			ex := Example{Words: lem, SrcStart: x.tokStart, SrcEnd: x.tokEnd, TgtStart: y.tokStart, TgtEnd: y.tokEnd,
				Cues: PairCues(a, base+x.tokStart, base+x.tokEnd, base+y.tokStart, base+y.tokEnd)}
			typ, conf := s.model.Predict(ex, s.LexTypes)
			if conf < modelMinConfidence || typ == "" {
				continue
			}
			gs, ge := refs[i].tokEnd, refs[j].tokStart
			if linked && cy >= 0 {
				// The trigger is the verb of the clause linking the pair.
				if h := a.Clauses[cy].Verb.Head - base; h >= 0 && h < len(toks) && a.Clauses[cy].Verb.Present() {
					gs, ge = h, h+1
				}
			}
			f := s.modelEvent(a, si, toks, lem, x, y, gs, ge, typ, conf)
			if !linked {
				if !verbBetween(toks, refs[i].tokEnd, refs[j].tokStart) {
					continue // "X, Y's adviser": nothing between them happens
				}
				if conf > spareConf {
					spare, spareConf = f, conf
				}
				continue
			}
			used[[2]string{x.entity, y.entity}] = true
			out = append(out, f)
		}
	}
	// The classifier is a fallback coder: one event per sentence, the one
	// it is surest of (measured on PLV_train.tsv --cv 5: end-to-end
	// precision 0.42 → 0.50 at a recall cost of 0.01).
	if len(out) > 1 {
		best := 0
		for k := range out {
			if out[k].ev.Confidence > out[best].ev.Confidence {
				best = k
			}
		}
		out = out[best : best+1]
	}
	if len(out) == 0 && spareConf > 0 {
		spare.ev.Confidence *= 0.6
		spare.ev.Rule += "#unlinked-pair"
		out = append(out, spare)
	}
	return out
}

// verbBetween reports whether a verb lies in tokens [from, to).
func verbBetween(toks []model.Token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if strings.HasPrefix(toks[k].POS, "VB") {
			return true
		}
	}
	return false
}

// modelEvent builds a classifier-coded event of actor x on recipient y,
// its trigger the tokens [gs, ge) between the two mentions.
func (s *Stage) modelEvent(a *model.Analysis, si int, toks []model.Token, lem []string, x, y mentionRef, gs, ge int, typ string, conf float64) found {
	ev := model.Event{Type: typ, Actors: []string{x.entity}, Recipients: []string{y.entity}, Rule: "model/events/model.json", Confidence: conf * 0.7}
	if sc, ok := s.lex.Score(typ, ""); ok {
		ev.Intensity, ev.Quad, ev.CAMEO, ev.Goldstein = sc.Intensity, sc.Quad, sc.CAMEO, sc.Goldstein
	}
	ev.Modality = modality(toks, lem, gs, &events.Entry{POS: 'V'})
	sent := a.Sentences[si]
	trS, trE := toks[gs].Start, toks[ge-1].End
	m := model.EventMention{Sentence: si, Start: sent.Start, End: sent.End, Trigger: model.TextSpan{Start: trS, End: trE, Text: a.Text[trS:trE]}}
	dateAndPlace(a, &ev, sent, trS)
	return found{ev: ev, mention: m}
}

// modelMinConfidence is the least classifier confidence for a model-coded
// event; modelMaxGap the most tokens between the two mentions of a pair and
// modelMaxPairSpan the most mentions from one to the other. (PLV_train.tsv
// --cv 5: a floor of 0.7 rather than 0.6 drops model events of which about
// one in five was right: e2e_F1 0.473 → 0.474, acc 0.727 either way; 0.8
// costs 0.7 points of acc for 0.1 of e2e_F1.)
const (
	modelMinConfidence = 0.7
	modelMaxGap        = 20
	modelMaxPairSpan   = 3
)

// symmetric types have no direction: their participants merge as one set.
var symmetric = map[string]bool{"CONSULT": true}

// anaphoraSentences is the most sentences back a definite event noun ("the
// meeting", "the attack") looks for the event it refers to.
const anaphoraSentences = 6

// resolveBare decides the mentions that name no participant. An agreed
// meeting ("a meeting has been agreed to") is an AGREE among the
// participants of the last meeting reported with two or more; a definite
// event noun ("the meeting", "the attack") is another mention of the last
// event of its type and mode with participants, at most anaphoraSentences
// back; any other is dropped, as PLOVER codes no event without an actor or
// a recipient.
func resolveBare(fs []found) []found {
	out := make([]found, 0, len(fs))
	last := func(typ, mode string, least, si int, anyMode bool) *found {
		for k := len(out) - 1; k >= 0; k-- {
			g := &out[k]
			if si-g.mention.Sentence > anaphoraSentences {
				return nil
			}
			if g.ev.Type == typ && (anyMode || g.ev.Mode == mode) && len(g.ev.Actors)+len(g.ev.Recipients) >= least && !g.anaphor {
				return g
			}
		}
		return nil
	}
	for _, f := range fs {
		if len(f.ev.Actors)+len(f.ev.Recipients) > 0 {
			out = append(out, f)
			continue
		}
		switch {
		case f.agreedMeeting:
			if g := last("CONSULT", "", 2, f.mention.Sentence, true); g != nil {
				f.ev.Actors = appendNew(appendNew(nil, g.ev.Actors...), g.ev.Recipients...)
				f.ev.Confidence *= 0.8
				out = append(out, f)
			}
		case f.definite:
			if g := last(f.ev.Type, f.ev.Mode, 1, f.mention.Sentence, false); g != nil {
				f.ev.Actors, f.ev.Recipients = g.ev.Actors, g.ev.Recipients
				f.anaphor = true
				out = append(out, f)
			}
		}
	}
	return out
}

// merge joins mentions of one event (same type, actors and recipients, and
// compatible dates; a definite event noun whatever its date) and numbers
// the events by first mention. Mentions without participants go through
// resolveBare first.
func merge(a *model.Analysis, fs []found) []model.Event {
	fs = resolveBare(fs)
	var out []model.Event
	key := func(e model.Event) string {
		as, rs := append([]string(nil), e.Actors...), append([]string(nil), e.Recipients...)
		if symmetric[e.Type] {
			// "X's meeting with Y" and "a meeting between X and Y" are one event.
			as, rs = append(as, rs...), nil
		}
		sort.Strings(as)
		sort.Strings(rs)
		return e.Type + "|" + strings.Join(as, ",") + "|" + strings.Join(rs, ",")
	}
	idx := map[string]int{}
	for _, f := range fs {
		k := key(f.ev)
		if len(f.ev.Actors)+len(f.ev.Recipients) > 0 {
			if i, ok := idx[k]; ok && (f.anaphor || out[i].Date == f.ev.Date || out[i].Date == "" || f.ev.Date == "" || out[i].DateRule == "publication-date" || f.ev.DateRule == "publication-date") {
				out[i].Mentions = append(out[i].Mentions, f.mention)
				if f.anaphor {
					continue
				}
				if out[i].DateRule != "time-expression" && f.ev.DateRule == "time-expression" {
					out[i].Time, out[i].Date, out[i].DateRule = f.ev.Time, f.ev.Date, f.ev.DateRule
				}
				if out[i].Place == "" {
					out[i].Place = f.ev.Place
				}
				if out[i].Condition == nil {
					out[i].Condition = f.ev.Condition
				}
				if len(f.ev.Actors)+len(f.ev.Recipients) > len(out[i].Actors)+len(out[i].Recipients) {
					out[i].Actors, out[i].Recipients = f.ev.Actors, f.ev.Recipients
				}
				if f.ev.Confidence > out[i].Confidence {
					out[i].Confidence = f.ev.Confidence
				}
				continue
			}
			if i := sameSentenceCover(out, f); i >= 0 {
				// "strikes by X hit Y, killing two": the trigger whose
				// participants the other's include is one more mention.
				out[i].Mentions = append(out[i].Mentions, f.mention)
				if covers(f.ev, out[i]) {
					out[i].Actors, out[i].Recipients = f.ev.Actors, f.ev.Recipients
				}
				idx[k] = i
				continue
			}
			idx[k] = len(out)
		}
		ev := f.ev
		ev.Mentions = []model.EventMention{f.mention}
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Trigger.Start < out[j].Mentions[0].Trigger.Start })
	for i := range out {
		out[i].ID = fmt.Sprintf("V%d", i+1)
		if out[i].Contexts == nil {
			out[i].Contexts = []string{}
		}
		if out[i].Actors == nil {
			out[i].Actors = []string{}
		}
		if out[i].Recipients == nil {
			out[i].Recipients = []string{}
		}
	}
	return out
}

// sameSentenceCover returns the index of an event of out, of f's type and
// mode and mentioned in f's sentence, whose participants include f's or are
// included in them; -1 when there is none.
func sameSentenceCover(out []model.Event, f found) int {
	for i := len(out) - 1; i >= 0; i-- {
		e := out[i]
		if e.Type != f.ev.Type || e.Mode != f.ev.Mode || e.Mentions[len(e.Mentions)-1].Sentence != f.mention.Sentence {
			continue
		}
		if covers(e, f.ev) || covers(f.ev, e) {
			return i
		}
	}
	return -1
}

// covers reports whether e's actors and recipients include o's (as one set
// for a symmetric type).
func covers(e, o model.Event) bool {
	if symmetric[e.Type] {
		all := append(append([]string(nil), e.Actors...), e.Recipients...)
		for _, x := range append(append([]string(nil), o.Actors...), o.Recipients...) {
			if !slices.Contains(all, x) {
				return false
			}
		}
		return true
	}
	for _, x := range o.Actors {
		if !slices.Contains(e.Actors, x) {
			return false
		}
	}
	for _, x := range o.Recipients {
		if !slices.Contains(e.Recipients, x) {
			return false
		}
	}
	return true
}

func isActorRole(r string) bool { return r == "subj" || r == "agent" }

func isTargetRole(r string) bool { return r == "obj" || strings.HasPrefix(r, "p:") || r == "subj" }

// below reports whether clause c is clause top or lies at most two levels
// below it, not inside reported speech: the speaker of "X said Y met Z"
// does nothing to Y.
func below(a *model.Analysis, c, top int) bool {
	for k := 0; k < 3 && c >= 0 && c < len(a.Clauses); k++ {
		if c == top {
			return true
		}
		if a.Clauses[c].Kind == "reported" {
			return false
		}
		c = a.Clauses[c].Parent
	}
	return false
}

// agreedNoun reports whether token k (an index into a.Tokens) is the head of
// the subject of a passive clause, or of an object of an active one, whose
// verb the lexicon codes as AGREE ("a meeting has been agreed", "they
// agreed a summit").
func (s *Stage) agreedNoun(a *model.Analysis, k int) bool { return s.governedBy(a, k, "AGREE") }

// governedBy reports whether token k (an index into a.Tokens) lies in the
// subject of a passive clause, or in an object of an active one, whose verb
// the lexicon codes as typ.
func (s *Stage) governedBy(a *model.Analysis, k int, typ string) bool {
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if c.Start > k || k >= c.End+8 {
			continue
		}
		in := c.Verb.Voice == "passive" && c.Subject.Present() && c.Subject.Start <= k && k < c.Subject.End
		for _, o := range c.Objects {
			in = in || c.Verb.Voice != "passive" && o.Start <= k && k < o.End
		}
		if !in {
			continue
		}
		if slices.Contains(s.LexTypes(c.Verb.Lemma), typ) {
			return true
		}
	}
	return false
}

// lightVerb codes a noun trigger [ti, tj) (indexes into a.Tokens) that is
// the object of an active clause with a support verb (lexicon rows S) ("X launched an investigation into Y",
// "X imposed sanctions on Y", "X held talks with Y"): the clause's subject
// acts, and the mentions after the trigger introduced by a recipient
// preposition receive.
func (s *Stage) lightVerb(a *model.Analysis, si int, lem []string, refs []mentionRef, ti, tj int) (actors, recips []string) {
	base := a.Sentences[si].TokenStart
	for ci := range a.Clauses {
		c := &a.Clauses[ci]
		if c.Sentence != si || c.Verb.Voice == "passive" || !c.Subject.Present() || !s.lex.Support(c.Verb.Lemma) {
			continue
		}
		obj := -1
		for k, o := range c.Objects {
			if o.Start <= ti && ti < o.End {
				obj = k
			}
		}
		if obj < 0 {
			continue
		}
		actors = entitiesIn(refs, c.Subject, base)
		for _, cj := range c.Conj {
			actors = appendNew(actors, entitiesIn(refs, cj, base)...)
		}
		for _, r := range refs {
			at := base + r.tokStart
			if at < tj || at > tj+8 || slices.Contains(actors, r.entity) {
				continue
			}
			if p := r.tokStart - 1; p >= 0 && (recipientPrep[lem[p]] || lem[p] == "into" || lem[p] == "over") && !clauseBreak(lem, tj-base, r.tokStart) {
				recips = appendNew(recips, r.entity)
				break
			}
		}
		return actors, recips
	}
	return nil, nil
}

// prepBefore reports whether a recipient preposition opens the tokens
// [from, to) before a mention, with only determiners and titles after it
// ("with both President Putin").
func prepBefore(lem []string, from, to int) bool {
	for k := to - 1; k >= from && k >= to-3; k-- {
		if recipientPrep[lem[k]] {
			return true
		}
		if otherPrep[lem[k]] || clauseBreak(lem, k, k+1) {
			return false
		}
	}
	return false
}

// otherPrep are prepositions that introduce no recipient.
var otherPrep = map[string]bool{"between": true, "among": true, "in": true, "at": true, "of": true, "by": true, "after": true, "before": true, "during": true, "since": true, "following": true, "near": true}

// coordinated reports whether the tokens [from, to) between two mentions
// join them: "and", "or", a comma, determiners and titles only.
func coordinated(lem []string, from, to int) bool {
	and := false
	for k := from; k < to; k++ {
		switch lem[k] {
		case "and", "or", "&":
			and = true
		case ",":
		default:
			if k == from {
				return false
			}
		}
	}
	return and
}

// objectOfOther reports whether token k (an index into a.Tokens) lies in an
// object of an active clause whose verb is no support verb.
func (s *Stage) objectOfOther(a *model.Analysis, si, k int) bool {
	for ci := range a.Clauses {
		c := &a.Clauses[ci]
		if c.Sentence != si || c.Verb.Voice == "passive" || s.lex.Support(c.Verb.Lemma) {
			continue
		}
		for _, o := range c.Objects {
			if o.Start <= k && k < o.End {
				return true
			}
		}
	}
	return false
}

// calendarValue reports whether a TIMEX3 value names a calendar date, week,
// month or year ("2025-08-06", "2025-W33", "2025-07"), not a reference such
// as PRESENT_REF or an underspecified XXXX-… value.
func calendarValue(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return !strings.Contains(v, "X")
}
