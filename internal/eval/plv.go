package eval

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// PLVRow is one PLOVER-coded sentence with its marked source and target.
// Gold is the root label; the scorer accepts CONCEDE or RETREAT for YIELD.
type PLVRow struct {
	ID, Sentence, Source, Target, Gold string
}

// ReadPLV reads PLV_train.tsv, keeping only sentence, source, target and the gold root.
func ReadPLV(path string) ([]PLVRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: plv: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("eval: plv: %s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"sentence_id", "gold_root", "sentence", "source", "target"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("eval: plv: %s: no column %q", path, need)
		}
	}
	var rows []PLVRow
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: plv: %s:%d: %w", path, line, err)
		}
		get := func(k string) string {
			if i := col[k]; i < len(rec) {
				return rec[i]
			}
			return ""
		}
		rows = append(rows, PLVRow{ID: get("sentence_id"), Sentence: get("sentence"), Source: get("source"), Target: get("target"), Gold: get("gold_root")})
	}
	return rows, nil
}

// ReadGSR reads the PLOVER GSR examples (a JSON list) as rows, mapping
// PLOVER 0.5 labels to the 2021 types; records without a sentence, a
// source or a target are skipped.
func ReadGSR(path string) ([]PLVRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: gsr: %w", err)
	}
	var recs []struct {
		ID     string          `json:"id"`
		Event  string          `json:"event"`
		Text   string          `json:"text"`
		Source json.RawMessage `json:"source"`
		Target json.RawMessage `json:"target"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("eval: gsr: %s: %w", path, err)
	}
	old := map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
	var rows []PLVRow
	for _, r := range recs {
		src, tgt := actorText(r.Source), actorText(r.Target)
		if r.Text == "" || src == "" || tgt == "" || r.Event == "" || r.Event == "DOCUMENT" {
			continue
		}
		label := r.Event
		if m, ok := old[label]; ok {
			label = m
		}
		rows = append(rows, PLVRow{ID: r.ID, Sentence: r.Text, Source: src, Target: tgt, Gold: label})
	}
	return rows, nil
}

// actorText reads the first actor's text of a GSR source or target, given
// either as a list of {"actorText": …} objects or as a plain string.
func actorText(raw json.RawMessage) string {
	var list []struct {
		ActorText string `json:"actorText"`
	}
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return list[0].ActorText
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// PLVCorrect reports whether predicted type pred is right for gold label
// gold (YIELD, the older name, accepts CONCEDE and RETREAT).
func PLVCorrect(gold, pred string) bool {
	if gold == "YIELD" {
		return pred == "CONCEDE" || pred == "RETREAT" || pred == "YIELD"
	}
	return gold == pred
}

// ClassScores holds per-class and overall figures of a labelling.
type ClassScores struct {
	Accuracy, MacroF1 float64
	PerClass          map[string][3]float64 // precision, recall, F1
	N                 int
}

// ScoreLabels scores predictions ("" = no prediction) against gold labels.
// YIELD gold accepts CONCEDE and RETREAT; predictions of either count for
// class YIELD.
func ScoreLabels(gold, pred []string) ClassScores {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	right := 0
	for i := range gold {
		g, p := gold[i], pred[i]
		if g == "YIELD" && (p == "CONCEDE" || p == "RETREAT") {
			p = "YIELD"
		} else if p == "CONCEDE" || p == "RETREAT" {
			p = "YIELD"
		}
		if g == p {
			tp[g]++
			right++
			continue
		}
		fn[g]++
		if p != "" {
			fp[p]++
		}
	}
	classes := map[string]bool{}
	for _, g := range gold {
		classes[g] = true
	}
	s := ClassScores{PerClass: map[string][3]float64{}, N: len(gold)}
	var sum float64
	for c := range classes {
		p, r := ratio(tp[c], tp[c]+fp[c]), ratio(tp[c], tp[c]+fn[c])
		f := harmonic(p, r)
		s.PerClass[c] = [3]float64{p, r, f}
		sum += f
	}
	if len(classes) > 0 {
		s.MacroF1 = sum / float64(len(classes))
	}
	s.Accuracy = ratio(right, len(gold))
	return s
}

// Classes returns the class names of s in order.
func (s ClassScores) Classes() []string {
	var out []string
	for c := range s.PerClass {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// SpanOf finds the byte span of needle in s (first occurrence, then a
// case-insensitive one); ok is false when it is absent.
func SpanOf(s, needle string) (start, end int, ok bool) {
	if needle == "" {
		return 0, 0, false
	}
	if i := strings.Index(s, needle); i >= 0 {
		return i, i + len(needle), true
	}
	if i := strings.Index(strings.ToLower(s), strings.ToLower(needle)); i >= 0 {
		return i, i + len(needle), true
	}
	return 0, 0, false
}
