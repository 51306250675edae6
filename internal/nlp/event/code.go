package event

import (
	"fmt"
	"sort"
	"strings"

	"herald/internal/model"
	"herald/internal/resources/events"
)

// Words that set an event's modality when they precede its trigger in the sentence.
var (
	negators     = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "without": true}
	hypothetical = map[string]bool{"would": true, "could": true, "might": true, "may": true, "if": true, "possible": true, "potential": true, "possibility": true, "unless": true}
	futureCues   = map[string]bool{"will": true, "shall": true, "plan": true, "expect": true, "intend": true, "schedule": true, "prepare": true, "set": true, "upcoming": true, "planned": true, "to": true,
		"threaten": true, "warn": true, "propose": true, "consider": true, "seek": true, "want": true, "demand": true, "urge": true}
)

// code builds the event for trigger tokens [ti, tj) of sentence si.
func (s *Stage) code(a *model.Analysis, si int, toks []model.Token, lem []string, refs []mentionRef, ti, tj int, e *events.Entry) (found, bool) {
	actors, recips := s.participants(a, si, toks, lem, agents(refs), ti, tj, e.POS)
	if len(recips) == 0 && (e.Type == "ASSAULT" || e.Type == "COERCE") {
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
	return found{ev: ev, mention: m}, true
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
	// By position: "by X", "X's", "between X and Y" for nouns; nearest
	// mention on the left as actor and on the right as recipient otherwise.
	for _, r := range refs {
		switch {
		case r.tokStart >= tj && r.tokStart <= tj+1 && before(lem, r.tokStart, "by"):
			actors = appendNew(actors, r.entity)
		case r.tokEnd <= ti && r.tokEnd >= ti-3 && pos == 'N' && possessive(lem, r.tokEnd):
			actors = appendNew(actors, r.entity)
		case r.tokStart > tj && r.tokStart <= tj+6 && between(lem, tj, r.tokStart):
			actors = appendNew(actors, r.entity)
		}
	}
	for _, r := range refs {
		if r.tokStart >= tj && r.tokStart <= tj+5 && !contains(actors, r.entity) {
			if p := r.tokStart - 1; p >= 0 && (recipientPrep[lem[p]] || p == tj-1 && pos == 'V') {
				recips = appendNew(recips, r.entity)
				break
			}
		}
	}
	if len(actors) == 0 {
		// The nearest mention before the trigger, in its clause (no comma or
		// reporting verb between).
		for k := len(refs) - 1; k >= 0; k-- {
			r := refs[k]
			if r.tokEnd <= ti && ti-r.tokEnd <= 8 && !clauseBreak(lem, r.tokEnd, ti) {
				if !contains(recips, r.entity) {
					actors = append(actors, r.entity)
				}
				break
			}
		}
	}
	if len(recips) == 0 && pos == 'V' {
		for _, r := range refs {
			if r.tokStart >= tj && r.tokStart-tj <= 4 && !contains(actors, r.entity) && !clauseBreak(lem, tj, r.tokStart) {
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
		if r.typ == model.TypeGPE && r.tokStart > tj && r.tokStart-tj <= 10 && !contains(actors, r.entity) {
			if p := r.tokStart - 1; p >= 0 && (lem[p] == "in" || lem[p] == "across") {
				return []string{r.entity}
			}
		}
	}
	return nil
}

var recipientPrep = map[string]bool{"with": true, "on": true, "against": true, "to": true, "toward": true, "towards": true, "for": true, "from": true}

func before(lem []string, i int, w string) bool { return i > 0 && lem[i-1] == w }

func possessive(lem []string, end int) bool {
	return end < len(lem) && (lem[end] == "'s" || lem[end] == "’s" || lem[end] == "'")
}

func between(lem []string, from, to int) bool {
	for k := from; k < to; k++ {
		if lem[k] == "between" || lem[k] == "among" {
			return true
		}
	}
	return false
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
		if !contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func without(s, drop []string) []string {
	var out []string
	for _, x := range s {
		if !contains(drop, x) {
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
	for k := ti - 1; k >= from; k-- {
		if hypothetical[lem[k]] {
			return model.ModalityHypothetical
		}
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
		if t.Start < sent.Start || t.End > sent.End || t.Type != model.TimeDate || t.Value == "" || strings.HasPrefix(t.Value, "X") {
			continue
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

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if i := strings.LastIndexAny(s, " \n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// modelPairs codes actor–recipient pairs that no trigger linked, with the classifier.
func (s *Stage) modelPairs(a *model.Analysis, si int, toks []model.Token, lem []string, refs []mentionRef, used map[[2]string]bool) []found {
	var out []found
	for i := 0; i < len(refs); i++ {
		for j := i + 1; j < len(refs) && j <= i+2; j++ {
			x, y := refs[i], refs[j]
			if x.entity == y.entity || used[[2]string{x.entity, y.entity}] || y.tokStart-x.tokEnd < 1 || y.tokStart-x.tokEnd > 12 {
				continue
			}
			typ, conf := s.model.Predict(Example{Words: lem, SrcStart: x.tokStart, SrcEnd: x.tokEnd, TgtStart: y.tokStart, TgtEnd: y.tokEnd}, s.LexTypes)
			if conf < modelMinConfidence || typ == "" {
				continue
			}
			used[[2]string{x.entity, y.entity}] = true
			ev := model.Event{Type: typ, Actors: []string{x.entity}, Recipients: []string{y.entity}, Rule: "model/events/model.json", Confidence: conf * 0.7}
			if sc, ok := s.lex.Score(typ, ""); ok {
				ev.Intensity, ev.Quad = sc.Intensity, sc.Quad
			}
			ev.Modality = modality(toks, lem, x.tokEnd, &events.Entry{POS: 'V'})
			sent := a.Sentences[si]
			// The trigger of a model-coded event is the text between the pair.
			trS, trE := toks[x.tokEnd].Start, toks[y.tokStart-1].End
			m := model.EventMention{Sentence: si, Start: sent.Start, End: sent.End, Trigger: model.TextSpan{Start: trS, End: trE, Text: a.Text[trS:trE]}}
			dateAndPlace(a, &ev, sent, trS)
			out = append(out, found{ev: ev, mention: m})
		}
	}
	return out
}

// modelMinConfidence is the least classifier confidence for a model-coded event.
const modelMinConfidence = 0.6

// merge joins mentions of one event (same type, actors and recipients, and
// compatible dates) and numbers the events by first mention.
func merge(a *model.Analysis, fs []found) []model.Event {
	var out []model.Event
	key := func(e model.Event) string {
		as, rs := append([]string(nil), e.Actors...), append([]string(nil), e.Recipients...)
		sort.Strings(as)
		sort.Strings(rs)
		return e.Type + "|" + strings.Join(as, ",") + "|" + strings.Join(rs, ",")
	}
	idx := map[string]int{}
	for _, f := range fs {
		k := key(f.ev)
		if len(f.ev.Actors)+len(f.ev.Recipients) > 0 {
			if i, ok := idx[k]; ok && (out[i].Date == f.ev.Date || out[i].Date == "" || f.ev.Date == "" || out[i].DateRule == "publication-date" || f.ev.DateRule == "publication-date") {
				out[i].Mentions = append(out[i].Mentions, f.mention)
				if out[i].DateRule != "time-expression" && f.ev.DateRule == "time-expression" {
					out[i].Time, out[i].Date, out[i].DateRule = f.ev.Time, f.ev.Date, f.ev.DateRule
				}
				if out[i].Place == "" {
					out[i].Place = f.ev.Place
				}
				if f.ev.Confidence > out[i].Confidence {
					out[i].Confidence = f.ev.Confidence
				}
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
