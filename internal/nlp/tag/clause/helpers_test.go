package clause

import (
	"fmt"
	"strings"
	"testing"

	"herald/internal/model"
)

// parse builds an analysis from "word/POS/CHUNK" tokens separated by
// spaces; " || " separates sentences. The chunk may be omitted
// ("word/POS") to test the POS-only fallback; t may be nil (examples). POS LQ and RQ stand for the
// Penn quote tags “ and ”.
func parse(t testing.TB, src string) *model.Analysis {
	if t != nil {
		t.Helper()
	}
	a := &model.Analysis{}
	var text strings.Builder
	for si, sent := range strings.Split(src, " || ") {
		start := len(a.Tokens)
		for _, f := range strings.Fields(sent) {
			parts := strings.Split(f, "/")
			var word, pos, chunk string
			switch {
			case len(parts) >= 3 && (strings.HasPrefix(parts[len(parts)-1], "B-") || strings.HasPrefix(parts[len(parts)-1], "I-") || parts[len(parts)-1] == "O"):
				word = strings.Join(parts[:len(parts)-2], "/")
				pos, chunk = parts[len(parts)-2], parts[len(parts)-1]
			case len(parts) >= 2:
				word = strings.Join(parts[:len(parts)-1], "/")
				pos = parts[len(parts)-1]
			default:
				panic(fmt.Sprintf("bad token %q", f))
			}
			switch pos {
			case "LQ":
				pos = "``"
			case "RQ":
				pos = "''"
			}
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			s := text.Len()
			text.WriteString(word)
			a.Tokens = append(a.Tokens, model.Token{Start: s, End: text.Len(), Text: word, POS: pos, Chunk: chunk, Sentence: si})
		}
		a.Sentences = append(a.Sentences, model.Sentence{
			Start: a.Tokens[start].Start, End: a.Tokens[len(a.Tokens)-1].End, Block: -1,
			TokenStart: start, TokenEnd: len(a.Tokens),
		})
	}
	a.Text = text.String()
	return a
}

func words(a *model.Analysis, p model.Phrase) string {
	if !p.Present() {
		return ""
	}
	return a.Text[a.Tokens[p.Start].Start:a.Tokens[p.End-1].End]
}

// describe renders a clause compactly for table tests:
//
//	said[say past active] S=Yuri Ushakov O=… P=in:principle A=… AP=X=Y K=main ^parent R=reported
func describe(a *model.Analysis, i int) string {
	c := &a.Clauses[i]
	v := c.Verb
	var b strings.Builder
	fmt.Fprintf(&b, "%s[%s %s %s", words(a, v.Phrase), v.Lemma, v.Tense, v.Voice)
	if v.Aspect != AspectSimple {
		b.WriteString(" " + v.Aspect)
	}
	if v.Negated {
		b.WriteString(" neg")
	}
	if v.Modal != "" {
		b.WriteString(" modal=" + v.Modal)
	}
	if v.Infinite {
		b.WriteString(" inf")
	}
	b.WriteString("]")
	if c.Subject.Present() {
		b.WriteString(" S=" + words(a, c.Subject))
	}
	for _, p := range c.Conj {
		b.WriteString(" +" + words(a, p))
	}
	if len(c.Objects) > 0 {
		var o []string
		for _, p := range c.Objects {
			o = append(o, words(a, p))
		}
		b.WriteString(" O=" + strings.Join(o, ";"))
	}
	if len(c.Preps) > 0 {
		var o []string
		for _, p := range c.Preps {
			o = append(o, a.Tokens[p.Prep].Text+":"+words(a, p.Object))
		}
		b.WriteString(" P=" + strings.Join(o, ";"))
	}
	if c.Agent.Present() {
		b.WriteString(" A=" + words(a, c.Agent))
	}
	for _, ap := range c.Apposes {
		b.WriteString(" AP=" + words(a, ap.Head) + "=" + words(a, ap.Appos))
	}
	if c.Kind != KindMain {
		b.WriteString(" K=" + c.Kind)
	}
	if c.Marker >= 0 {
		b.WriteString(" M=" + a.Tokens[c.Marker].Text)
	}
	if c.Parent >= 0 {
		b.WriteString(" ^" + words(a, a.Clauses[c.Parent].Verb.Phrase))
	}
	if c.Reported != nil {
		b.WriteString(" R=" + words(a, c.Reported.Verb.Phrase))
	}
	return b.String()
}
