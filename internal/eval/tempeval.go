package eval

// Scoring for TempEval-3 time expressions (set "tempeval"): TimeML (.tml)
// files with inline <TIMEX3 tid type value mod> tags. ReadTML keeps the text
// inside <TEXT> with the tags stripped and entities decoded, and the gold
// expressions as UTF-8 byte offsets into that text; the document creation
// time (the TIMEX3 with functionInDocument="CREATION_TIME", outside TEXT) is
// the publication date and is not scored.
//
// Measures (TempEval-3): strict span P/R/F1 (exact offsets), relaxed span
// P/R/F1 (any overlap, matched one to one), type and value accuracy over the
// relaxed matches, and value F1 = relaxed F1 × value accuracy, overall and
// per gold type.
//
// Everything here is pure and safe for concurrent use.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// TimexSpan is one time expression: gold or predicted.
type TimexSpan struct {
	Start, End int // UTF-8 byte offsets into the document text, half-open
	Text       string
	Type       string
	Value      string
	Mod        string
	Rule       string // predictions: the rule that fired
}

// TMLDoc is one TimeML document.
type TMLDoc struct {
	ID   string
	Text string // the TEXT element's character data
	DCT  string // creation time value (e.g. "1998-08-07" or "1998-02-27T08:13:00"), "" if none
	Gold []TimexSpan
}

// ReadTML parses one TimeML document. name is used in errors.
func ReadTML(data []byte, name string) (TMLDoc, error) {
	var doc TMLDoc
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var text strings.Builder
	inText, inDocID := false, false
	type open struct {
		start int
		t     TimexSpan
		dct   bool
	}
	var stack []open
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("eval: read %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				o := open{start: text.Len()}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "type":
						o.t.Type = a.Value
					case "value":
						o.t.Value = a.Value
					case "mod":
						o.t.Mod = a.Value
					case "functionInDocument":
						o.dct = a.Value == "CREATION_TIME"
					}
				}
				if o.dct && doc.DCT == "" {
					doc.DCT = o.t.Value
				}
				if !inText {
					o.dct = true // never scored
				}
				stack = append(stack, o)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if len(stack) == 0 {
					return doc, fmt.Errorf("eval: read %s: unbalanced </TIMEX3>", name)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !o.dct && inText {
					o.t.Start, o.t.End = o.start, text.Len()
					o.t.Text = text.String()[o.start:text.Len()]
					doc.Gold = append(doc.Gold, o.t)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if inDocID {
				doc.ID += strings.TrimSpace(string(t))
			}
		}
	}
	doc.Text = text.String()
	// Trim surrounding white space of spans (annotation noise) without changing the text.
	for i := range doc.Gold {
		g := &doc.Gold[i]
		for g.Start < g.End && isSpaceByte(doc.Text[g.Start]) {
			g.Start++
		}
		for g.End > g.Start && isSpaceByte(doc.Text[g.End-1]) {
			g.End--
		}
		g.Text = doc.Text[g.Start:g.End]
	}
	return doc, nil
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// DCTPublished returns the creation time as a publication date or time
// herald parses: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (kept whole, so that
// "two hours ago" resolves against the hour), else DCTDate.
func (d TMLDoc) DCTPublished() string {
	v := d.DCT
	if len(v) == 16 || len(v) == 19 {
		ok := v[10] == 'T' && v[13] == ':' && (len(v) == 16 || v[16] == ':')
		for i := 11; ok && i < len(v); i++ {
			ok = v[i] == ':' || isDigitByte(v[i])
		}
		if ok && d.DCTDate() != "" {
			return v
		}
	}
	return d.DCTDate()
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// DCTDate returns the date part (YYYY-MM-DD) of the creation time, "" if it has none.
func (d TMLDoc) DCTDate() string {
	if len(d.DCT) >= 10 && d.DCT[4] == '-' && d.DCT[7] == '-' {
		return d.DCT[:10]
	}
	return ""
}

// TempEvalCounts accumulates scores over documents.
type TempEvalCounts struct {
	Gold, Pred          int
	Strict, Relaxed     int // matched pairs
	TypeOK, ValueOK     int // over relaxed matches
	GoldBy, RelaxedBy   map[string]int
	StrictBy, ValueOKBy map[string]int
	TypeOKBy, PredBy    map[string]int
	PredMatchedBy       map[string]int // relaxed matches by predicted type
	PredStrictBy        map[string]int // strict matches by predicted type
	RuleMatched         map[string]int // relaxed matches by predicted rule
	RuleValueOK         map[string]int // correct values by predicted rule
}

// TempEvalDiff is one disagreement, for verbose reports.
type TempEvalDiff struct {
	Kind       string // "miss", "spurious", "span", "type", "value"
	Gold, Pred TimexSpan
}

func (c *TempEvalCounts) init() {
	if c.GoldBy == nil {
		c.GoldBy, c.RelaxedBy, c.StrictBy = map[string]int{}, map[string]int{}, map[string]int{}
		c.ValueOKBy, c.TypeOKBy, c.PredBy, c.PredMatchedBy = map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
		c.PredStrictBy = map[string]int{}
		c.RuleMatched, c.RuleValueOK = map[string]int{}, map[string]int{}
	}
}

// Add scores one document's predictions against its gold expressions and
// returns the disagreements. Matching is one to one: each gold expression
// takes the overlapping prediction with the largest overlap still free.
func (c *TempEvalCounts) Add(gold, pred []TimexSpan) []TempEvalDiff {
	c.init()
	c.Gold += len(gold)
	c.Pred += len(pred)
	for _, p := range pred {
		c.PredBy[p.Type]++
	}
	used := make([]bool, len(pred))
	var diffs []TempEvalDiff
	for _, g := range gold {
		c.GoldBy[g.Type]++
		best, bestOv := -1, 0
		for j, p := range pred {
			if used[j] {
				continue
			}
			ov := min(g.End, p.End) - max(g.Start, p.Start)
			if ov > bestOv {
				best, bestOv = j, ov
			}
		}
		if best < 0 {
			diffs = append(diffs, TempEvalDiff{Kind: "miss", Gold: g})
			continue
		}
		used[best] = true
		p := pred[best]
		c.Relaxed++
		c.RelaxedBy[g.Type]++
		c.PredMatchedBy[p.Type]++
		c.RuleMatched[p.Rule]++
		if p.Start == g.Start && p.End == g.End {
			c.Strict++
			c.StrictBy[g.Type]++
			c.PredStrictBy[p.Type]++
		} else {
			diffs = append(diffs, TempEvalDiff{Kind: "span", Gold: g, Pred: p})
		}
		if p.Type == g.Type {
			c.TypeOK++
			c.TypeOKBy[g.Type]++
		} else {
			diffs = append(diffs, TempEvalDiff{Kind: "type", Gold: g, Pred: p})
		}
		if p.Value == g.Value {
			c.ValueOK++
			c.ValueOKBy[g.Type]++
			c.RuleValueOK[p.Rule]++
		} else {
			diffs = append(diffs, TempEvalDiff{Kind: "value", Gold: g, Pred: p})
		}
	}
	for j, p := range pred {
		if !used[j] {
			diffs = append(diffs, TempEvalDiff{Kind: "spurious", Pred: p})
		}
	}
	return diffs
}

// TempEvalFigures are the headline figures.
type TempEvalFigures struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAcc, ValueAcc, ValueF1    float64
}

// Figures computes the overall figures.
func (c *TempEvalCounts) Figures() TempEvalFigures {
	var f TempEvalFigures
	f.StrictP, f.StrictR = ratio(c.Strict, c.Pred), ratio(c.Strict, c.Gold)
	f.StrictF1 = harmonic(f.StrictP, f.StrictR)
	f.RelaxedP, f.RelaxedR = ratio(c.Relaxed, c.Pred), ratio(c.Relaxed, c.Gold)
	f.RelaxedF1 = harmonic(f.RelaxedP, f.RelaxedR)
	f.TypeAcc, f.ValueAcc = ratio(c.TypeOK, c.Relaxed), ratio(c.ValueOK, c.Relaxed)
	f.ValueF1 = f.RelaxedF1 * f.ValueAcc
	return f
}

// Report prints the per-type table, the overall figures and the closing line.
func (c *TempEvalCounts) Report(w io.Writer, docs int, docsPerSec float64) {
	c.init()
	f := c.Figures()
	fmt.Fprintf(w, "TempEval-3 time expressions: %d documents, %d gold, %d predicted\n\n", docs, c.Gold, c.Pred)
	fmt.Fprintf(w, "Per type: recall by gold type, precision by predicted type; type and value\n")
	fmt.Fprintf(w, "accuracy over the relaxed matches of that gold type.\n\n")
	fmt.Fprintf(w, "%-9s %5s %5s | %6s %6s %6s | %6s %6s %6s | %8s %9s %8s\n", "type", "gold", "pred",
		"strP", "strR", "strF1", "relP", "relR", "relF1", "type_acc", "value_acc", "value_F1")
	types := map[string]bool{}
	for t := range c.GoldBy {
		types[t] = true
	}
	for t := range c.PredBy {
		types[t] = true
	}
	var names []string
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	for _, t := range names {
		sp, sr := ratio(c.PredStrictBy[t], c.PredBy[t]), ratio(c.StrictBy[t], c.GoldBy[t])
		rp, rr := ratio(c.PredMatchedBy[t], c.PredBy[t]), ratio(c.RelaxedBy[t], c.GoldBy[t])
		va := ratio(c.ValueOKBy[t], c.RelaxedBy[t])
		fmt.Fprintf(w, "%-9s %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %8.3f %9.3f %8.3f\n", t, c.GoldBy[t], c.PredBy[t],
			sp, sr, harmonic(sp, sr), rp, rr, harmonic(rp, rr), ratio(c.TypeOKBy[t], c.RelaxedBy[t]), va, harmonic(rp, rr)*va)
	}
	fmt.Fprintf(w, "\nstrict  P=%.3f R=%.3f F1=%.3f\n", f.StrictP, f.StrictR, f.StrictF1)
	fmt.Fprintf(w, "relaxed P=%.3f R=%.3f F1=%.3f\n", f.RelaxedP, f.RelaxedR, f.RelaxedF1)
	fmt.Fprintf(w, "type accuracy %.3f, value accuracy %.3f (over %d relaxed matches), value F1 %.3f\n", f.TypeAcc, f.ValueAcc, c.Relaxed, f.ValueF1)
	fmt.Fprintf(w, "tempeval: strict_F1=%.3f relaxed_F1=%.3f type_acc=%.3f value_acc=%.3f value_F1=%.3f docs/s=%.1f\n",
		f.StrictF1, f.RelaxedF1, f.TypeAcc, f.ValueAcc, f.ValueF1, docsPerSec)
}

// ReportRules prints, for each predicted rule, its relaxed matches and the
// value accuracy over them, most matches first: a diagnostic for -v.
func (c *TempEvalCounts) ReportRules(w io.Writer) {
	c.init()
	rules := make([]string, 0, len(c.RuleMatched))
	for r := range c.RuleMatched {
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool {
		a, b := c.RuleMatched[rules[i]], c.RuleMatched[rules[j]]
		if a != b {
			return a > b
		}
		return rules[i] < rules[j]
	})
	fmt.Fprintf(w, "%-32s %7s %9s\n", "rule", "matched", "value_acc")
	for _, r := range rules {
		fmt.Fprintf(w, "%-32s %7d %9.3f\n", r, c.RuleMatched[r], ratio(c.RuleValueOK[r], c.RuleMatched[r]))
	}
}
