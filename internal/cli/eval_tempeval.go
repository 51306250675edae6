package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"herald/internal/eval"
	"herald/internal/model"
	"herald/internal/nlp"
)

func init() {
	registerEval("tempeval", "TempEval-3 TimeML (.tml) time expressions: span, type and value (issue 5)", runTempEval)
}

// runTempEval reads every .tml file under r.Path, analyses its TEXT with the
// document creation time as publication date and scores the time expressions.
func runTempEval(ctx context.Context, r EvalRequest) error {
	var files []string
	err := filepath.WalkDir(r.Path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return inputError{fmt.Errorf("eval tempeval: %w", err)}
	}
	if len(files) == 0 {
		return inputError{fmt.Errorf("eval tempeval: no .tml files under %s", r.Path)}
	}
	sort.Strings(files)
	if r.Limit > 0 && r.Limit < len(files) {
		files = files[:r.Limit]
	}
	an, err := r.Analyzer()
	if err != nil {
		return err
	}
	if !hasStage(an.Pipeline(), "timex") {
		return fmt.Errorf("eval tempeval: the pipeline has no timex stage")
	}
	var counts eval.TempEvalCounts
	var spent time.Duration
	docs := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return inputError{fmt.Errorf("eval tempeval: %w", err)}
		}
		doc, err := eval.ReadTML(data, f)
		if err != nil {
			return inputError{err}
		}
		art := model.Article{ID: doc.ID, Text: doc.Text, Published: doc.DCTPublished(), Language: "en", Origin: f}
		t0 := time.Now()
		a, err := an.Analyze(ctx, art)
		spent += time.Since(t0)
		if err != nil {
			return fmt.Errorf("eval tempeval: %s: %w", f, err)
		}
		if a.Text != doc.Text {
			fmt.Fprintf(r.Stderr, "eval tempeval: %s: analysed text differs from the TimeML text; document skipped\n", f)
			continue
		}
		for _, run := range a.Runs {
			if run.Error != "" {
				fmt.Fprintf(r.Stderr, "eval tempeval: %s: stage %s: %s\n", f, run.Stage, run.Error)
			}
		}
		pred := make([]eval.TimexSpan, 0, len(a.Times))
		for _, t := range a.Times {
			pred = append(pred, eval.TimexSpan{Start: t.Start, End: t.End, Text: t.Text, Type: t.Type, Value: t.Value, Mod: t.Mod, Rule: t.Rule})
		}
		diffs := counts.Add(doc.Gold, pred)
		docs++
		if r.Verbose {
			for _, d := range diffs {
				fmt.Fprintf(r.Stdout, "%s\t%s\tDCT=%s\tgold=%q %s %s %s\tpred=%q %s %s %s\t%s\n", filepath.Base(f), d.Kind, doc.DCT,
					d.Gold.Text, d.Gold.Type, d.Gold.Value, d.Gold.Mod, d.Pred.Text, d.Pred.Type, d.Pred.Value, d.Pred.Mod, d.Pred.Rule)
			}
		}
	}
	rate := 0.0
	if spent > 0 {
		rate = float64(docs) / spent.Seconds()
	}
	if r.Verbose {
		counts.ReportRules(r.Stdout)
		fmt.Fprintln(r.Stdout)
	}
	counts.Report(r.Stdout, docs, rate)
	return nil
}

func hasStage(p *nlp.Pipeline, name string) bool {
	for _, s := range p.Stages() {
		if s.Name() == name {
			return true
		}
	}
	return false
}
