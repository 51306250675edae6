package clause

import (
	"herald/internal/model"
	"herald/internal/nlp/tag/lemma"
)

// lemma returns the lemma of token i: the tagger's when set, else the lemma package's.
func (st *sent) lemma(i int) string {
	t := &st.toks[i]
	if t.Lemma != "" {
		return t.Lemma
	}
	return lemma.Lemma(t.Text, t.POS)
}

// vgInfo is the analysis of one verb group unit.
type vgInfo struct {
	unit       int
	vg         model.VerbGroup
	finite     bool
	infinitive bool // "to" + verb
	participle bool // -ing or -ed form without auxiliary
}

// analyzeVG fills the verb group of unit ui.
func (st *sent) analyzeVG(ui int) vgInfo {
	u := st.units[ui]
	toks := st.toks
	info := vgInfo{unit: ui}
	vg := model.VerbGroup{Phrase: model.Phrase{Start: u.start, End: u.end, Head: u.end - 1}}
	first := -1 // first verb or modal
	head := -1
	modal := -1
	for k := u.start; k < u.end; k++ {
		p := toks[k].POS
		switch {
		case p == "MD":
			if modal < 0 {
				modal = k
			}
			if first < 0 {
				first = k
			}
		case isVerb(p):
			if first < 0 {
				first = k
			}
			head = k
		case p == "TO" && first < 0:
			info.infinitive = true
		}
		switch lowerText(&toks[k]) {
		case "not", "n't", "n’t", "never":
			vg.Negated = true
		}
	}
	// "no longer", "not" or "never" just before the group
	if ui > 0 {
		if pu := st.units[ui-1]; pu.kind == kADVP {
			for k := pu.start; k < pu.end; k++ {
				switch lowerText(&toks[k]) {
				case "not", "never", "n't", "n’t":
					vg.Negated = true
				case "longer":
					if k > pu.start && lowerText(&toks[k-1]) == "no" {
						vg.Negated = true
					}
				}
			}
		}
	}
	if head < 0 {
		head = u.end - 1
		if modal >= 0 {
			head = modal
		}
	}
	vg.Head = head
	vg.Lemma = st.lemma(head)
	if modal >= 0 {
		vg.Modal = st.lemma(modal)
	}
	// Aspect and voice from the auxiliaries before the head.
	perfect, progressive, passive := false, false, false
	prevAux := ""
	for k := u.start; k < head; k++ {
		if !isVerb(toks[k].POS) {
			continue
		}
		l := st.lemma(k)
		if l == "be" && toks[k].POS == "VBG" {
			progressive = true // "were being dispersed"
		}
		if l == "have" || l == "be" || l == "get" {
			prevAux = l
		}
		if l == "have" {
			perfect = true
		}
	}
	hp := toks[head].POS
	switch hp {
	case "VBN":
		if prevAux == "be" || prevAux == "get" {
			passive = true
		} else if prevAux != "have" && first == head {
			passive = true // bare participle: "a deadline set by Trump"
		}
	case "VBG":
		if prevAux == "be" {
			progressive = true
		}
	}
	switch {
	case perfect && progressive:
		vg.Aspect = AspectPerfectProgressive
	case perfect:
		vg.Aspect = AspectPerfect
	case progressive:
		vg.Aspect = AspectProgressive
	default:
		vg.Aspect = AspectSimple
	}
	vg.Voice = VoiceActive
	if passive {
		vg.Voice = VoicePassive
	}
	// Finiteness and tense.
	switch {
	case info.infinitive:
		vg.Infinite = true
	case modal >= 0:
		info.finite = true
		switch vg.Modal {
		case "will", "shall", "would":
			vg.Tense = TenseFuture
		default:
			vg.Tense = TensePresent
		}
	case first >= 0:
		switch toks[first].POS {
		case "VBD":
			info.finite, vg.Tense = true, TensePast
		case "VBZ", "VBP", "VB":
			info.finite, vg.Tense = true, TensePresent
		case "VBG", "VBN":
			info.participle = true
			vg.Infinite = true
			if toks[first].POS == "VBN" && st.vbnIsPast(ui) {
				// a past tense tagged as participle: "Trump ordered the repositioning"
				info.participle, vg.Infinite = false, false
				info.finite, vg.Tense = true, TensePast
				vg.Voice = VoiceActive
			}
		}
	}
	info.vg = vg
	return info
}

// vbnIsPast reports whether a bare -ed participle group reads as a past
// tense: a noun phrase right before it and a noun phrase (not "by") after it.
func (st *sent) vbnIsPast(ui int) bool {
	if ui == 0 || st.units[ui-1].kind != kNP {
		return false
	}
	if ui+1 < len(st.units) && st.units[ui+1].kind == kNP && (ui < 2 || st.units[ui-2].kind != kPP) {
		return true
	}
	// "Dealers said the metal eased on a report": after a reporting verb and
	// its noun phrase, with no finite verb of its own to follow
	if ui >= 2 && st.units[ui-2].kind == kVG && st.units[ui-2].vg >= 0 && IsReportingVerb(st.vgs[st.units[ui-2].vg].vg.Lemma) {
		for k := ui + 1; k < len(st.units) && k < ui+window; k++ {
			u := st.units[k]
			if u.kind == kSBAR || u.kind == kComma || u.kind == kPunct || u.kind == kWh {
				break
			}
			if u.kind == kVG {
				switch st.toks[u.start].POS {
				case "VBD", "VBZ", "VBP", "MD":
					return false
				}
			}
		}
		return true
	}
	return false
}
