package ner

import (
	"strings"

	"herald/internal/model"
	"herald/internal/resources"
	"herald/internal/resources/countries"
)

// typer refines CoNLL types into herald's: LOC → GPE or LOC, MISC → NORP or
// MISC, a one-word PER that names a group ("Democrat") → NORP, and a PER
// ending in a geographic head word ("Staten Island") → LOC or GPE.
type typer struct {
	loc, locHead, gpe, norp, org map[string]bool
	cd                           *countries.Data
}

func parseTypes(file string, data []byte, cd *countries.Data) (*typer, error) {
	rows, err := resources.TSV(file, data, 2)
	if err != nil {
		return nil, err
	}
	t := &typer{loc: map[string]bool{}, locHead: map[string]bool{}, gpe: map[string]bool{}, norp: map[string]bool{}, org: map[string]bool{}, cd: cd}
	for _, r := range rows {
		k := strings.ToLower(r.Field(1))
		switch r.Field(0) {
		case "LOC":
			t.loc[k] = true
		case "LOChead":
			t.locHead[k] = true
		case "GPE":
			t.gpe[k] = true
		case "NORP":
			t.norp[k] = true
		case "ORG":
			t.org[k] = true
		default:
			return nil, r.Errorf(0, "unknown kind %q (want LOC, LOChead, GPE, NORP or ORG)", r.Field(0))
		}
	}
	return t, nil
}

// refine returns the herald type of a span of CoNLL type typ.
func (t *typer) refine(typ string, words []string) string {
	switch typ {
	case "LOC", "MISC":
	case "PER":
		// "Thomas R. Carper, Democrat of Delaware": a party member, no name
		if len(words) == 1 && t.norp[strings.ToLower(words[0])] {
			return model.TypeNORP
		}
		// "Staten Island", "Hudson River": a geographic head word ends
		// no person's name (but "Park", "Bay" or "Lake" may)
		if last := strings.ToLower(words[len(words)-1]); len(words) > 1 && t.locHead[last] && !surnameHeads[last] {
			return t.refine("LOC", words)
		}
		return typ
	default:
		return typ
	}
	phrase := strings.ToLower(strings.Join(words, " "))
	last := strings.ToLower(words[len(words)-1])
	if typ == "LOC" {
		switch {
		case t.org[phrase] || strings.HasPrefix(phrase, "the ") && t.org[phrase[4:]]:
			return model.TypeORG
		case t.gpe[phrase]:
			return model.TypeGPE
		case t.loc[phrase] || t.locHead[last] && len(words) > 1:
			return model.TypeLOC
		}
		return model.TypeGPE
	}
	if t.norp[phrase] {
		return model.TypeNORP
	}
	if t.cd != nil {
		if _, ok := t.cd.LookupName(strings.Join(words, " ")); ok {
			return model.TypeGPE // a country name the model called MISC ("US officials")
		}
		if _, ok := t.cd.LookupDemonym(strings.Join(words, " ")); ok {
			return model.TypeNORP
		}
	}
	return model.TypeMISC
}

// surnameHeads are geographic head words that are also surnames.
var surnameHeads = map[string]bool{"park": true, "bay": true, "lake": true, "street": true, "forest": true, "hills": true, "mount": true, "mt": true, "coast": true}

// Refine rewrites CoNLL IOB2 labels of one sentence into herald types in place.
func (t *typer) Refine(words, labels []string) {
	for i := 0; i < len(labels); {
		l := labels[i]
		if len(l) < 3 || l[0] != 'B' {
			i++
			continue
		}
		typ := l[2:]
		j := i + 1
		for j < len(labels) && len(labels[j]) > 2 && labels[j][0] == 'I' && labels[j][2:] == typ {
			j++
		}
		nt := t.refine(typ, words[i:j])
		if nt != typ {
			labels[i] = bLabel(nt)
			for k := i + 1; k < j; k++ {
				labels[k] = iLabel(nt)
			}
		}
		i = j
	}
}

var bl, il = map[string]string{}, map[string]string{}

func init() {
	for _, t := range []string{model.TypePER, model.TypeORG, model.TypeGPE, model.TypeLOC, model.TypeNORP, model.TypeMISC} {
		bl[t], il[t] = "B-"+t, "I-"+t
	}
}

func bLabel(t string) string {
	if s, ok := bl[t]; ok {
		return s
	}
	return "B-" + t
}

func iLabel(t string) string {
	if s, ok := il[t]; ok {
		return s
	}
	return "I-" + t
}
