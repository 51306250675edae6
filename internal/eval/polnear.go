package eval

// Scoring for the PolNeAR attribution corpus (set "polnear"): source, cue and
// content spans of attributions, read from brat standoff files.
//
// A gold attribution is an E line linking Source, Cue and Content text-bound
// annotations (T lines, offsets in code points, a discontinuous span written
// "start end;start end"). ReadBrat converts every offset to UTF-8 bytes of
// the text. For each role separately, the spans of the predicted attributions
// are matched one to one with those of the gold ones: exactly (the same
// pieces after trimming white space and merging pieces that touch or are apart by white space only) or by
// overlap (sharing at least one non-space byte). An article annotated by
// several annotators is scored against each annotation, each counting
// 1/annotators, so the totals are the mean over annotations.
//
// The speech subset (PolNeARSpeech) is fixed by the issue, not by herald's
// lexicon: attributions whose content holds a quotation mark or whose cue has
// one of the heads listed in SpeechCueHeads (any inflection), or the phrase
// "according to". It is applied alike to gold and predicted attributions.
//
// Everything here is pure and safe for concurrent use.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
)

// Attribution is one attribution: its source, cue and content spans (byte
// offsets; nil when absent; several pieces when discontinuous).
type Attribution struct {
	ID      string
	Source  []model.Span
	Cue     []model.Span
	Content []model.Span
}

// PolNeARDoc is one article with its annotations (one per annotator).
type PolNeARDoc struct {
	Name        string
	Text        string
	Annotators  []string
	Annotations [][]Attribution
}

// ReadBrat parses brat standoff data for text and returns its attributions
// in E-line order. Lines other than T and E lines are ignored; a T line of
// another type than Source, Cue or Content is ignored; a malformed line or an
// offset outside the text is an error naming the line.
func ReadBrat(name, text string, ann []byte) ([]Attribution, error) {
	cp := codepointOffsets(text)
	type tb struct {
		typ   string
		spans []model.Span
	}
	ts := map[string]tb{}
	type eline struct {
		id    string
		roles map[string]string
		line  int
	}
	var es []eline
	for ln, line := range strings.Split(string(ann), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case len(f) >= 2 && len(f[0]) > 1 && f[0][0] == 'T' && isDigits(f[0][1:]):
			typ, rng, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("%s:%d: malformed text-bound annotation", name, ln+1)
			}
			var spans []model.Span
			for _, piece := range strings.Split(rng, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(piece), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(strings.TrimSpace(b))
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(cp) {
					return nil, fmt.Errorf("%s:%d: bad span %q", name, ln+1, piece)
				}
				spans = append(spans, model.Span{Start: cp[s], End: cp[e]})
			}
			ts[f[0]] = tb{typ, spans}
		case len(f) >= 2 && len(f[0]) > 1 && f[0][0] == 'E' && isDigits(f[0][1:]):
			roles := map[string]string{}
			for _, arg := range strings.Fields(f[1]) {
				r, id, ok := strings.Cut(arg, ":")
				if !ok {
					return nil, fmt.Errorf("%s:%d: bad argument %q", name, ln+1, arg)
				}
				roles[r] = id
			}
			es = append(es, eline{f[0], roles, ln + 1})
		}
	}
	var out []Attribution
	for _, e := range es {
		at := Attribution{ID: e.id}
		for role, dst := range map[string]*[]model.Span{"Source": &at.Source, "Cue": &at.Cue, "Content": &at.Content} {
			id, ok := e.roles[role]
			if !ok {
				continue
			}
			t, ok := ts[id]
			if !ok {
				return nil, fmt.Errorf("%s:%d: %s refers to unknown %s", name, e.line, e.id, id)
			}
			*dst = NormSpans(text, t.spans)
		}
		out = append(out, at)
	}
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// codepointOffsets maps code point index → byte offset (len = runes+1).
func codepointOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// NormSpans trims white space from each piece, drops empty ones, sorts them
// and merges pieces that overlap, touch or are apart by white space only
// (annotators split long quotations at sentence ends).
func NormSpans(text string, in []model.Span) []model.Span {
	var out []model.Span
	for _, sp := range in {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		s, e := sp.Start, sp.End
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > s {
			out = append(out, model.Span{Start: s, End: e})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	k := 0
	for i := range out {
		if k > 0 && (out[i].Start <= out[k-1].End || strings.TrimSpace(text[out[k-1].End:out[i].Start]) == "") {
			if out[i].End > out[k-1].End {
				out[k-1].End = out[i].End
			}
			continue
		}
		out[k] = out[i]
		k++
	}
	return out[:k]
}

// LoadPolNeAR reads dir/text/*.txt and dir/attributions/*.ann (named
// ARTICLE_ANNOTATOR.ann), sorted by article name.
func LoadPolNeAR(dir string) ([]PolNeARDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("eval: polnear: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("eval: polnear: no attributions/*.ann under %s", dir)
	}
	sort.Strings(anns)
	byName := map[string]*PolNeARDoc{}
	var docs []*PolNeARDoc
	for _, f := range anns {
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i <= 0 {
			return nil, fmt.Errorf("eval: polnear: %s: name is not ARTICLE_ANNOTATOR.ann", f)
		}
		name, annot := base[:i], base[i+1:]
		d := byName[name]
		if d == nil {
			b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
			if err != nil {
				return nil, fmt.Errorf("eval: polnear: %w", err)
			}
			d = &PolNeARDoc{Name: name, Text: string(b)}
			byName[name] = d
			docs = append(docs, d)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: polnear: %w", err)
		}
		at, err := ReadBrat(f, d.Text, data)
		if err != nil {
			return nil, fmt.Errorf("eval: polnear: %w", err)
		}
		d.Annotators = append(d.Annotators, annot)
		d.Annotations = append(d.Annotations, at)
	}
	out := make([]PolNeARDoc, len(docs))
	for i, d := range docs {
		out[i] = *d
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// FromQuotes converts herald quotes to attributions in PolNeAR's span
// conventions: the content takes the quote marks right around it (herald's
// content excludes them), and a source directly followed by a comma before
// its cue ("Murphy, the head of …, tweeted") takes the comma, and a
// continuation quote (rule "continuation": a paragraph that only goes on
// quoting the speaker before) joins the content of the quote before it.
func FromQuotes(text string, qs []model.Quote) []Attribution {
	out := make([]Attribution, 0, len(qs))
	for _, q := range qs {
		at := Attribution{ID: q.ID}
		if q.SpeakerSpan != nil {
			sp := *q.SpeakerSpan
			if q.Cue != nil && sp.End < len(text) && text[sp.End] == ',' && strings.TrimSpace(text[sp.End+1:max(sp.End+1, q.Cue.Start)]) == "" && q.Cue.Start > sp.End {
				sp.End++
			}
			at.Source = NormSpans(text, []model.Span{sp})
		}
		if q.Cue != nil {
			at.Cue = NormSpans(text, []model.Span{{Start: q.Cue.Start, End: q.Cue.End}})
		}
		var cs []model.Span
		for _, sp := range q.Content {
			cs = append(cs, withMarks(text, sp))
		}
		if q.Rule == "continuation" && len(out) > 0 {
			// PolNeAR keeps a quotation running on into the next
			// paragraph as one content.
			last := &out[len(out)-1]
			last.Content = NormSpans(text, append(last.Content, cs...))
			continue
		}
		at.Content = NormSpans(text, cs)
		out = append(out, at)
	}
	return out
}

// withMarks widens sp over an opening mark just before it and a closing
// mark just after it (two apostrophes count as one mark).
func withMarks(text string, sp model.Span) model.Span {
	if sp.Start > 0 {
		if r, n := utf8.DecodeLastRuneInString(text[:sp.Start]); isQuoteMark(r) {
			sp.Start -= n
			if r == '\'' && sp.Start > 0 && text[sp.Start-1] == '\'' { // ''
				sp.Start--
			}
		}
	}
	if sp.End < len(text) {
		if r, n := utf8.DecodeRuneInString(text[sp.End:]); isQuoteMark(r) {
			sp.End += n
			if r == '\'' && sp.End < len(text) && text[sp.End] == '\'' {
				sp.End++
			}
		}
	}
	return sp
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'':
		return true
	}
	return false
}

// SpeechCueHeads are the cue heads of the speech subset (lemmas).
var SpeechCueHeads = []string{"say", "tell", "add", "write", "ask", "announce", "state", "claim", "argue",
	"explain", "insist", "warn", "note", "stress", "confirm", "deny", "reply", "respond", "declare",
	"acknowledge", "admit", "suggest", "report", "tweet", "post"}

var speechForms = func() map[string]bool {
	m := map[string]bool{}
	irregular := map[string][]string{
		"say": {"says", "said", "saying"}, "tell": {"tells", "told", "telling"},
		"write": {"writes", "wrote", "written", "writing"}, "deny": {"denies", "denied", "denying"},
		"reply": {"replies", "replied", "replying"}, "admit": {"admits", "admitted", "admitting"},
	}
	for _, h := range SpeechCueHeads {
		m[h] = true
		if forms, ok := irregular[h]; ok {
			for _, f := range forms {
				m[f] = true
			}
			continue
		}
		base := strings.TrimSuffix(h, "e")
		m[h+"s"] = true
		if strings.HasSuffix(h, "ss") {
			m[h+"es"] = true
		}
		if strings.HasSuffix(h, "e") {
			m[h+"d"] = true
		} else {
			m[h+"ed"] = true
		}
		m[base+"ing"] = true
	}
	return m
}()

// PolNeARSpeech reports whether an attribution is in the speech subset:
// its content holds a quotation mark, or a word of its cue is an inflection
// of a SpeechCueHeads lemma, or its cue contains "according to".
func PolNeARSpeech(text string, at Attribution) bool {
	for _, sp := range at.Content {
		if strings.ContainsAny(text[sp.Start:sp.End], "\"“”„«»") {
			return true
		}
	}
	for _, sp := range at.Cue {
		c := strings.ToLower(text[sp.Start:sp.End])
		if strings.Contains(c, "according to") {
			return true
		}
		for _, w := range strings.FieldsFunc(c, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if speechForms[w] {
				return true
			}
		}
	}
	return false
}

// Counts are fractional match counts (fractional because double-annotated
// articles count each annotation 1/annotators).
type Counts struct {
	Gold, Pred, Correct float64
}

// P is precision, R recall, F1 their harmonic mean (0 when undefined).
func (c Counts) P() float64 { return fratio(c.Correct, c.Pred) }

// R is recall.
func (c Counts) R() float64 { return fratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 { return harmonic(c.P(), c.R()) }

func (c *Counts) add(o Counts, w float64) {
	c.Gold += o.Gold * w
	c.Pred += o.Pred * w
	c.Correct += o.Correct * w
}

// Roles of an attribution, in report order.
var Roles = []string{"source", "cue", "content"}

// AttrScore holds exact and overlap counts per role.
type AttrScore struct {
	Exact, Overlap [3]Counts // indexed like Roles
}

// Add adds o weighted by w.
func (s *AttrScore) Add(o AttrScore, w float64) {
	for i := range s.Exact {
		s.Exact[i].add(o.Exact[i], w)
		s.Overlap[i].add(o.Overlap[i], w)
	}
}

// PolNeARScore is the score of predictions against one article annotation.
type PolNeARScore struct {
	All, Speech AttrScore
}

// Add adds o weighted by w.
func (s *PolNeARScore) Add(o PolNeARScore, w float64) {
	s.All.Add(o.All, w)
	s.Speech.Add(o.Speech, w)
}

// ScorePolNeAR scores predicted against gold attributions of one text.
func ScorePolNeAR(text string, gold, pred []Attribution) PolNeARScore {
	var sg, sp []Attribution
	for _, a := range gold {
		if PolNeARSpeech(text, a) {
			sg = append(sg, a)
		}
	}
	for _, a := range pred {
		if PolNeARSpeech(text, a) {
			sp = append(sp, a)
		}
	}
	return PolNeARScore{All: scoreRoles(text, gold, pred), Speech: scoreRoles(text, sg, sp)}
}

func scoreRoles(text string, gold, pred []Attribution) AttrScore {
	var s AttrScore
	get := func(a Attribution, i int) []model.Span {
		switch i {
		case 0:
			return a.Source
		case 1:
			return a.Cue
		}
		return a.Content
	}
	for i := range Roles {
		var g, p [][]model.Span
		for _, a := range gold {
			if x := get(a, i); len(x) > 0 {
				g = append(g, x)
			}
		}
		for _, a := range pred {
			if x := get(a, i); len(x) > 0 {
				p = append(p, x)
			}
		}
		s.Exact[i] = match(g, p, sameSpans)
		s.Overlap[i] = match(g, p, overlapSpans)
	}
	return s
}

// match pairs predicted with gold span sets one to one, greedily in order
// (exact matches first when ok is overlap, so an overlap never steals an
// exact partner).
func match(gold, pred [][]model.Span, ok func(a, b []model.Span) bool) Counts {
	c := Counts{Gold: float64(len(gold)), Pred: float64(len(pred))}
	used := make([]bool, len(gold))
	pdone := make([]bool, len(pred))
	for pass := 0; pass < 2; pass++ {
		test := ok
		if pass == 0 {
			test = sameSpans
		}
		for i, p := range pred {
			if pdone[i] {
				continue
			}
			for j, g := range gold {
				if !used[j] && test(g, p) {
					used[j], pdone[i] = true, true
					c.Correct++
					break
				}
			}
		}
	}
	return c
}

func sameSpans(a, b []model.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func overlapSpans(a, b []model.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

// PolNeARReport formats the scores, ending with the one line of figures.
func PolNeARReport(s PolNeARScore, docsPerSec float64) string {
	var b strings.Builder
	for _, part := range []struct {
		name string
		sc   AttrScore
	}{{"all attributions", s.All}, {"speech subset", s.Speech}} {
		fmt.Fprintf(&b, "%s (gold %.1f, predicted %.1f content spans)\n", part.name, part.sc.Exact[2].Gold, part.sc.Exact[2].Pred)
		fmt.Fprintf(&b, "  %-8s %7s %7s %7s   %7s %7s %7s\n", "role", "P", "R", "F1", "ovP", "ovR", "ovF1")
		for i, r := range Roles {
			e, o := part.sc.Exact[i], part.sc.Overlap[i]
			fmt.Fprintf(&b, "  %-8s %7.3f %7.3f %7.3f   %7.3f %7.3f %7.3f\n", r, e.P(), e.R(), e.F1(), o.P(), o.R(), o.F1())
		}
	}
	fmt.Fprintf(&b, "polnear: source_F1=%.3f cue_F1=%.3f content_F1=%.3f content_overlap_F1=%.3f speech_content_overlap_F1=%.3f docs/s=%.1f\n",
		s.All.Exact[0].F1(), s.All.Exact[1].F1(), s.All.Exact[2].F1(), s.All.Overlap[2].F1(), s.Speech.Overlap[2].F1(), docsPerSec)
	return b.String()
}
