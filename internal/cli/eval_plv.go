package cli

import (
	"context"
	"fmt"
	"slices"

	"os"
	"path/filepath"
	"strings"
	"time"

	"herald/internal/app"
	"herald/internal/eval"
	"herald/internal/model"
	"herald/internal/nlp/event"
)

func init() {
	registerEval("plv", "PLOVER root type per (sentence, source, target) on PLV_train.tsv (--cv N retrains the classifier per fold)", runPLVEval)
	registerTrain("events", "event classifier from PLV_train.tsv and PLOVER_GSR_CAMEO.txt (PATH: the plover folder)", runTrainEvents)
}

// eventEpochs is the number of perceptron passes of the event classifier
// (the committed model, the --cv folds and the bag-of-words baseline alike).
const eventEpochs = 12

// plvItem is one analysed PLV row.
type plvItem struct {
	row      eval.PLVRow
	pre      *model.Analysis // segment and tag only
	full     *model.Analysis // every stage before event
	src, tgt model.Span
	ok       bool // source and target found in the sentence
	ex       event.Example
}

// analysePLV runs the pipeline over the rows' sentences.
func analysePLV(ctx context.Context, rows []eval.PLVRow, withFull bool) ([]plvItem, error) {
	pre, err := app.NewAnalyzer(app.Config{Stages: []string{"tag"}})
	if err != nil {
		return nil, err
	}
	var full *app.Analyzer
	if withFull {
		if full, err = app.NewAnalyzer(app.Config{Stages: []string{"geo", "actor", "timex"}}); err != nil {
			return nil, err
		}
	}
	items := make([]plvItem, len(rows))
	for i, r := range rows {
		it := plvItem{row: r}
		a, err := pre.Analyze(ctx, model.Article{ID: r.ID, Text: r.Sentence, Origin: "plv:" + r.ID})
		if err != nil {
			items[i] = it
			continue
		}
		it.pre = a
		ss, se, ok1 := eval.SpanOf(a.Text, r.Source)
		ts, te, ok2 := eval.SpanOf(a.Text, r.Target)
		it.src, it.tgt, it.ok = model.Span{Start: ss, End: se}, model.Span{Start: ts, End: te}, ok1 && ok2
		it.ex = example(a, it.src, it.tgt, r.Gold)
		if full != nil {
			if it.full, err = full.Analyze(ctx, model.Article{ID: r.ID, Text: r.Sentence, Origin: "plv:" + r.ID}); err != nil {
				it.full = nil
			}
		}
		items[i] = it
	}
	return items, nil
}

// example turns an analysed sentence and a pair of spans into a classifier example.
func example(a *model.Analysis, src, tgt model.Span, label string) event.Example {
	words := make([]string, len(a.Tokens))
	ex := event.Example{Label: trainLabel(label, a)}
	ex.SrcStart, ex.SrcEnd, ex.TgtStart, ex.TgtEnd = -1, -1, -1, -1
	for i, t := range a.Tokens {
		l := t.Lemma
		if l == "" {
			l = t.Text
		}
		words[i] = strings.ToLower(l)
		if t.End > src.Start && t.Start < src.End {
			if ex.SrcStart < 0 {
				ex.SrcStart = i
			}
			ex.SrcEnd = i + 1
		}
		if t.End > tgt.Start && t.Start < tgt.End {
			if ex.TgtStart < 0 {
				ex.TgtStart = i
			}
			ex.TgtEnd = i + 1
		}
	}
	ex.Words = words
	if ex.SrcStart < 0 {
		ex.SrcStart, ex.SrcEnd = 0, 0
	}
	if ex.TgtStart < 0 {
		ex.TgtStart, ex.TgtEnd = 0, 0
	}
	ex.Cues = event.PairCues(a, ex.SrcStart, ex.SrcEnd, ex.TgtStart, ex.TgtEnd)
	return ex
}

// retreatWords mark a YIELD sentence as RETREAT rather than CONCEDE.
var retreatWords = map[string]bool{"release": true, "free": true, "withdraw": true, "return": true, "pull": true, "lift": true, "retreat": true, "surrender": true, "resign": true, "ceasefire": true, "truce": true}

// trainLabel maps the older YIELD label to the 2021 type it stands for.
func trainLabel(label string, a *model.Analysis) string {
	if label != "YIELD" {
		return label
	}
	for _, t := range a.Tokens {
		l := strings.ToLower(t.Lemma)
		if l == "" {
			l = strings.ToLower(t.Text)
		}
		if retreatWords[l] {
			return "RETREAT"
		}
	}
	return "CONCEDE"
}

// pairType codes the pair with the event stage on the segment+tag analysis,
// the pair given as two entities; "" when no event links them.
func pairType(st *event.Stage, it plvItem) string {
	if it.pre == nil || !it.ok {
		return ""
	}
	a := *it.pre
	a.Entities = []model.Entity{
		{ID: "E1", Name: it.row.Source, Type: model.TypeORG, Mentions: []model.Mention{{Start: it.src.Start, End: it.src.End, Text: a.Text[it.src.Start:it.src.End]}}},
		{ID: "E2", Name: it.row.Target, Type: model.TypeORG, Mentions: []model.Mention{{Start: it.tgt.Start, End: it.tgt.End, Text: a.Text[it.tgt.Start:it.tgt.End]}}},
	}
	a.Coref, a.Events = nil, nil
	if err := st.Process(context.Background(), &a); err != nil {
		return ""
	}
	for _, e := range a.Events {
		if slices.Contains(e.Actors, "E1") && slices.Contains(e.Recipients, "E2") {
			return e.Type
		}
	}
	for _, e := range a.Events {
		if (slices.Contains(e.Actors, "E1") || slices.Contains(e.Recipients, "E1")) && (slices.Contains(e.Actors, "E2") || slices.Contains(e.Recipients, "E2")) {
			return e.Type
		}
	}
	return ""
}

// e2eMatch reports whether the full analysis has an event of the gold type
// whose actors overlap the source and recipients overlap the target, how
// many events with both actors and recipients it has, and why it missed:
// "no-source"/"no-target" (no entity there), "no-event" (no event with
// that pair), "wrong-type", "reversed" (the pair the other way round).
func e2eMatch(st *event.Stage, it plvItem) (match bool, predicted int, why string) {
	if it.full == nil || !it.ok {
		return false, 0, "unanalysed"
	}
	a := *it.full
	a.Events = nil
	if err := st.Process(context.Background(), &a); err != nil {
		return false, 0, "error"
	}
	overlaps := func(ids []string, span model.Span) bool {
		for _, id := range ids {
			for _, e := range a.Entities {
				if e.ID != id {
					continue
				}
				for _, m := range e.Mentions {
					if m.Start < span.End && span.Start < m.End {
						return true
					}
				}
			}
			for _, c := range a.Coref {
				if c.Entity == id && c.Start < span.End && span.Start < c.End {
					return true
				}
			}
		}
		return false
	}
	var all []string
	for _, e := range a.Entities {
		all = append(all, e.ID)
	}
	why = "no-event"
	switch {
	case !overlaps(all, it.src):
		why = "no-source"
	case !overlaps(all, it.tgt):
		why = "no-target"
	}
	for _, e := range a.Events {
		if len(e.Actors) == 0 || len(e.Recipients) == 0 {
			continue
		}
		predicted++
		pair := overlaps(e.Actors, it.src) && overlaps(e.Recipients, it.tgt)
		if pair && eval.PLVCorrect(it.row.Gold, e.Type) {
			match = true
		} else if pair && why != "" {
			why = "wrong-type " + e.Type + " " + e.Rule
		} else if why == "no-event" && overlaps(e.Actors, it.tgt) && overlaps(e.Recipients, it.src) {
			why = "reversed"
		}
	}
	if match {
		why = ""
	}
	return match, predicted, why
}

func runPLVEval(ctx context.Context, r EvalRequest) error {
	start := time.Now()
	rows, err := eval.ReadPLV(r.Path)
	if err != nil {
		return inputError{err}
	}
	if r.Limit > 0 && r.Limit < len(rows) {
		rows = rows[:r.Limit]
	}
	gsrRows, _ := eval.ReadGSR(filepath.Join(filepath.Dir(r.Path), "PLOVER_GSR_CAMEO.txt"))
	items, err := analysePLV(ctx, rows, true)
	if err != nil {
		return err
	}
	gsr, err := analysePLV(ctx, gsrRows, false)
	if err != nil {
		return err
	}
	s, err := event.New()
	if err != nil {
		return err
	}
	base := s.(*event.Stage)
	folds := r.CV
	if folds < 2 {
		folds = 1
	}
	n := len(items)
	gold := make([]string, n)
	lexOnly, modelOnly, combined, bow := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	covered := 0
	e2eTP, e2ePred := 0, 0
	e2eWhy := map[string]int{}
	var bowE2E e2eCount
	for f := 0; f < folds; f++ {
		var train []event.Example
		for i, it := range items {
			if folds > 1 && i%folds != f && it.ok {
				train = append(train, it.ex)
			}
		}
		for _, it := range gsr {
			if it.ok {
				train = append(train, it.ex)
			}
		}
		clf := event.Train(train, eventEpochs, 1, false, base.LexTypes)
		bag := event.Train(train, eventEpochs, 1, true, nil)
		if folds == 1 {
			clf = nil // no held-out data: use the committed model
		}
		lexStage, bagStage := base.WithModel(nil), base.WithModel(bag)
		comb := base
		if clf != nil {
			comb = base.WithModel(clf)
		}
		for i, it := range items {
			if folds > 1 && i%folds != f {
				continue
			}
			gold[i] = it.row.Gold
			lexOnly[i] = pairType(lexStage, it)
			m := clf
			if m == nil {
				m = comb.Model()
			}
			if m != nil && it.ok {
				modelOnly[i], _ = m.Predict(it.ex, base.LexTypes)
			}
			if it.ok {
				bow[i], _ = bag.Predict(it.ex, nil)
			}
			// A pair that no event links counts as wrong.
			if combined[i] = pairType(comb, it); combined[i] != "" {
				covered++
			}
			match, pred, why := e2eMatch(comb, it)
			e2eWhy[strings.SplitN(why, " ", 2)[0]]++
			if r.Verbose && why != "" {
				fmt.Fprintf(r.Stderr, "e2e %s %s: %s | %s -> %s\n", it.row.Gold, why, it.row.Sentence, it.row.Source, it.row.Target)
			}
			e2ePred += pred
			if match {
				e2eTP++
			}
			bm, bp, _ := e2eMatch(bagStage, it)
			bowE2E.add(bm, bp)
		}
	}
	secs := time.Since(start).Seconds()
	report := func(name string, pred []string) eval.ClassScores {
		sc := eval.ScoreLabels(gold, pred)
		fmt.Fprintf(r.Stdout, "%-16s acc=%.3f macro_F1=%.3f\n", name, sc.Accuracy, sc.MacroF1)
		return sc
	}
	fmt.Fprintf(r.Stdout, "PLV rows %d (source and target found in %d), GSR training rows %d, folds %d\n\n", n, countOK(items), len(gsr), folds)
	lx := report("lexicon-only", lexOnly)
	report("classifier-only", modelOnly)
	cb := report("combined", combined)
	bw := report("bag-of-words", bow)
	fmt.Fprintf(r.Stdout, "\nper class (combined): precision recall F1\n")
	for _, c := range cb.Classes() {
		v := cb.PerClass[c]
		fmt.Fprintf(r.Stdout, "  %-10s %.3f %.3f %.3f   lexicon-only F1 %.3f\n", c, v[0], v[1], v[2], lx.PerClass[c][2])
	}
	e2eP, e2eR := 0.0, float64(e2eTP)/float64(max(n, 1))
	if e2ePred > 0 {
		e2eP = float64(e2eTP) / float64(e2ePred)
	}
	e2eF := 0.0
	if e2eP+e2eR > 0 {
		e2eF = 2 * e2eP * e2eR / (e2eP + e2eR)
	}
	if folds == 1 {
		fmt.Fprintf(r.Stdout, "\nnote: without --cv the committed model, trained on these rows, scores them: not a held-out figure\n")
	}
	fmt.Fprintf(r.Stdout, "\nend-to-end: P=%.3f R=%.3f F1=%.3f (events with actors and recipients: %d)\n", e2eP, e2eR, e2eF, e2ePred)
	fmt.Fprintf(r.Stdout, "end-to-end misses: no source entity %d, no target entity %d, no event on the pair %d, pair reversed %d, wrong type %d\n",
		e2eWhy["no-source"], e2eWhy["no-target"], e2eWhy["no-event"], e2eWhy["reversed"], e2eWhy["wrong-type"])
	fmt.Fprintf(r.Stdout, "coverage (pairs some event links): %.3f; bag-of-words baseline acc=%.3f macro_F1=%.3f e2e_F1=%.3f (the stage with the bag-of-words classifier)\n",
		float64(covered)/float64(max(n, 1)), bw.Accuracy, bw.MacroF1, bowE2E.f1(n))
	fmt.Fprintf(r.Stdout, "plv: acc=%.3f macro_F1=%.3f e2e_F1=%.3f coverage=%.3f sentences/s=%.1f\n",
		cb.Accuracy, cb.MacroF1, e2eF, float64(covered)/float64(max(n, 1)), float64(n)/secs)
	return nil
}

// e2eCount accumulates end-to-end matches and predicted events.
type e2eCount struct{ tp, pred int }

func (c *e2eCount) add(match bool, pred int) {
	c.pred += pred
	if match {
		c.tp++
	}
}

// f1 is the end-to-end F1 over n gold rows.
func (c e2eCount) f1(n int) float64 {
	if c.tp == 0 || c.pred == 0 || n == 0 {
		return 0
	}
	p, r := float64(c.tp)/float64(c.pred), float64(c.tp)/float64(n)
	return 2 * p * r / (p + r)
}

func countOK(items []plvItem) int {
	n := 0
	for _, it := range items {
		if it.ok {
			n++
		}
	}
	return n
}

func runTrainEvents(ctx context.Context, r TrainRequest) error {
	rows, err := eval.ReadPLV(filepath.Join(r.Path, "PLV_train.tsv"))
	if err != nil {
		return inputError{err}
	}
	gsrRows, err := eval.ReadGSR(filepath.Join(r.Path, "PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		return inputError{err}
	}
	items, err := analysePLV(ctx, append(rows, gsrRows...), false)
	if err != nil {
		return err
	}
	s, err := event.New()
	if err != nil {
		return err
	}
	var train []event.Example
	for _, it := range items {
		if it.ok {
			train = append(train, it.ex)
		}
	}
	clf := event.Train(train, eventEpochs, r.Seed, false, s.(*event.Stage).LexTypes)
	data, err := clf.Marshal()
	if err != nil {
		return err
	}
	out := r.Out
	if out == "" {
		out = filepath.Join("internal", "resources", "events")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("train events: %w", err)
	}
	path := filepath.Join(out, "model.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("train events: %w", err)
	}
	fmt.Fprintf(r.Stdout, "trained on %d examples (%d labels, %d features) → %s\n", len(train), len(clf.Labels), len(clf.Weights), path)
	return nil
}
