package event

import (
	"herald/internal/model"
)

// PairCues returns the clause cues of an actor–recipient pair for the
// classifier: the verb lemma of the clause holding each side and of the
// clauses linking them ("v=", "v2="), the voice, negation and modal of the
// linking clause, each side's grammatical role in its clause (subject,
// object, passive agent, object of a named preposition) and the kind of
// clause the target sits in. src and tgt are token ranges [start, end) into
// a.Tokens. It reads only a.Clauses and a.Tokens and allocates only its
// result.
func PairCues(a *model.Analysis, srcStart, srcEnd, tgtStart, tgtEnd int) []string {
	if len(a.Clauses) == 0 || srcEnd <= srcStart || tgtEnd <= tgtStart {
		return nil
	}
	cs, rs := roleClause(a, srcStart, srcEnd)
	ct, rt := roleClause(a, tgtStart, tgtEnd)
	out := make([]string, 0, 12)
	if cs >= 0 {
		out = append(out, "sr="+rs)
	}
	if ct >= 0 {
		out = append(out, "tr="+rt)
		out = append(out, "tk="+a.Clauses[ct].Kind)
	}
	link := ct
	if link < 0 {
		link = cs
	}
	if link < 0 {
		return out
	}
	c := a.Clauses[link]
	if l := c.Verb.Lemma; l != "" {
		out = append(out, "v="+l, "vr="+rs+"_"+l+"_"+rt)
	}
	if c.Verb.Voice == "passive" {
		out = append(out, "pass")
	}
	if c.Verb.Negated {
		out = append(out, "neg")
	}
	if c.Verb.Modal != "" {
		out = append(out, "modal")
	}
	// The clauses above the target's, up to the source's clause or the
	// top: "X agreed to meet Y" gives v=meet, v2=agree.
	seen := 0
	for p := c.Parent; p >= 0 && p < len(a.Clauses) && seen < 3; p = a.Clauses[p].Parent {
		if l := a.Clauses[p].Verb.Lemma; l != "" {
			out = append(out, "v2="+l)
		}
		seen++
		if p == cs {
			break
		}
	}
	if cs >= 0 && cs != link && seen == 0 {
		if l := a.Clauses[cs].Verb.Lemma; l != "" {
			out = append(out, "v2="+l)
		}
	}
	return out
}

// roleClause finds the innermost clause in which the token range [s, e)
// plays a role, and the role: "subj", "obj", "agent", "p:<prep lemma>" or
// "in" (merely inside the clause). It returns -1 when no clause holds it.
func roleClause(a *model.Analysis, s, e int) (int, string) {
	best, role, width := -1, "", 1<<30
	over := func(p model.Phrase) bool { return p.Present() && p.Start < e && s < p.End }
	for i := range a.Clauses {
		c := &a.Clauses[i]
		r := ""
		switch {
		case over(c.Agent):
			r = "agent"
		case over(c.Subject):
			r = "subj"
		default:
			for _, p := range c.Conj {
				if over(p) {
					r = "subj"
				}
			}
			for _, o := range c.Objects {
				if r == "" && over(o) {
					r = "obj"
				}
			}
			for _, pp := range c.Preps {
				if r == "" && over(pp.Object) {
					r = "p:" + lowerLemma(a, pp.Prep)
				}
			}
		}
		if r == "" {
			if c.Start <= s && e <= c.End && c.End-c.Start < width && role == "" {
				best, role, width = i, "", c.End-c.Start
			}
			continue
		}
		// A role beats mere containment; among roles the narrower clause wins.
		if role == "" || c.End-c.Start < width {
			best, role, width = i, r, c.End-c.Start
		}
	}
	if best >= 0 && role == "" {
		role = "in"
	}
	return best, role
}

func lowerLemma(a *model.Analysis, i int) string {
	if i < 0 || i >= len(a.Tokens) {
		return ""
	}
	t := a.Tokens[i]
	if t.Lemma != "" {
		return t.Lemma
	}
	return lowerASCII(t.Text)
}

// lowerASCII lowercases ASCII letters, allocating only when it must.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
