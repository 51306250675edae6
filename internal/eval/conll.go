package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"herald/internal/seqmodel"
)

// ReadCoNLL reads a CoNLL-2003 file (token POS chunk NE per line, blank lines
// between sentences, -DOCSTART- lines between documents). Lines with fewer
// than four fields are an error naming the line.
func ReadCoNLL(r io.Reader, name string) ([]seqmodel.Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []seqmodel.Doc
	var cur seqmodel.Doc
	var sent seqmodel.Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = seqmodel.Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = seqmodel.Doc{}
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flushSent()
			continue
		}
		f := strings.Fields(s)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("eval: read conll %s:%d: want 4 fields, got %d", name, line, len(f))
		}
		sent.Words = append(sent.Words, f[0])
		sent.POS = append(sent.POS, f[1])
		sent.Chunk = append(sent.Chunk, f[2])
		sent.NER = append(sent.NER, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read conll %s: %w", name, err)
	}
	flushDoc()
	return docs, nil
}

// CoNLLSpan is one labelled span [Start, End) of token indexes.
type CoNLLSpan struct {
	Start, End int
	Type       string
}

// CoNLLSpans returns the labelled spans of an IOB sequence (IOB1 or IOB2), as
// conlleval reads them: a span starts at B-X, at I-X after a different type
// or O, and ends before O, B-*, or a change of type.
func CoNLLSpans(labels []string) []CoNLLSpan {
	var out []CoNLLSpan
	start, typ := -1, ""
	for i, l := range labels {
		tag, t := "O", ""
		if l != "O" && len(l) > 2 && l[1] == '-' {
			tag, t = l[:1], l[2:]
		}
		begins := tag == "B" || (tag == "I" && (start < 0 || t != typ))
		if start >= 0 && (tag == "O" || begins) {
			out = append(out, CoNLLSpan{start, i, typ})
			start, typ = -1, ""
		}
		if begins {
			start, typ = i, t
		}
	}
	if start >= 0 {
		out = append(out, CoNLLSpan{start, len(labels), typ})
	}
	return out
}

// CoNLLCount counts span matches for one type.
type CoNLLCount struct {
	Gold, Pred, Correct int
}

// P returns precision.
func (c CoNLLCount) P() float64 { return ratio(c.Correct, c.Pred) }

// R returns recall.
func (c CoNLLCount) R() float64 { return ratio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c CoNLLCount) F1() float64 { return harmonic(c.P(), c.R()) }

// CoNLLScore accumulates exact-match span scores per type, conlleval-style.
type CoNLLScore struct {
	ByType map[string]*CoNLLCount
	All    CoNLLCount
}

// NewCoNLLScore returns an empty score.
func NewCoNLLScore() *CoNLLScore { return &CoNLLScore{ByType: map[string]*CoNLLCount{}} }

func (s *CoNLLScore) typ(t string) *CoNLLCount {
	c := s.ByType[t]
	if c == nil {
		c = &CoNLLCount{}
		s.ByType[t] = c
	}
	return c
}

// Add scores one sentence: predicted against gold labels (same length).
func (s *CoNLLScore) Add(gold, pred []string) {
	g, p := CoNLLSpans(gold), CoNLLSpans(pred)
	gs := make(map[CoNLLSpan]bool, len(g))
	for _, c := range g {
		gs[c] = true
		s.typ(c.Type).Gold++
		s.All.Gold++
	}
	for _, c := range p {
		s.typ(c.Type).Pred++
		s.All.Pred++
		if gs[c] {
			s.typ(c.Type).Correct++
			s.All.Correct++
		}
	}
}

// Types returns the types seen, sorted.
func (s *CoNLLScore) Types() []string {
	var ts []string
	for t := range s.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// Report writes one line per type and one overall line.
func (s *CoNLLScore) Report(w io.Writer, title string) {
	fmt.Fprintf(w, "%-8s %7s %7s %7s %7s %7s\n", title, "gold", "pred", "P", "R", "F1")
	for _, t := range s.Types() {
		c := s.ByType[t]
		fmt.Fprintf(w, "%-8s %7d %7d %7.4f %7.4f %7.4f\n", t, c.Gold, c.Pred, c.P(), c.R(), c.F1())
	}
	c := s.All
	fmt.Fprintf(w, "%-8s %7d %7d %7.4f %7.4f %7.4f\n", "overall", c.Gold, c.Pred, c.P(), c.R(), c.F1())
}

// ToCoNLLType maps a herald entity type back to CoNLL's four: GPE → LOC,
// NORP → MISC; others unchanged.
func ToCoNLLType(t string) string {
	switch t {
	case "GPE":
		return "LOC"
	case "NORP":
		return "MISC"
	}
	return t
}

// ToCoNLLLabel maps an IOB label over herald types to CoNLL types.
func ToCoNLLLabel(l string) string {
	if len(l) > 2 && l[1] == '-' {
		return l[:2] + ToCoNLLType(l[2:])
	}
	return l
}
