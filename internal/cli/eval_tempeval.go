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
	"unicode/utf8"

	"herald/internal/eval"
	"herald/internal/model"
	"herald/internal/nlp"
)

func init() {
	registerEval("tempeval", "TempEval-3 TimeML (.tml) time expressions: span, type and value (issue 5)", runTempEval)
}

// runTempEval reads every .tml file under r.Path, analyses its TEXT with the
// document creation time as publication date and scores the time expressions.
// With -v it lists every disagreement (file, kind, DCT, gold and predicted
// text/type/value/mod, the rule that fired, the text around it) and the value
// accuracy per rule.
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
				at := d.Gold
				if d.Kind == "spurious" {
					at = d.Pred
				}
				fmt.Fprintf(r.Stdout, "%s\t%s\tDCT=%s\tgold=%q %s %s %s\tpred=%q %s %s %s\t%s\t%s\n", filepath.Base(f), d.Kind, doc.DCT,
					d.Gold.Text, d.Gold.Type, d.Gold.Value, d.Gold.Mod, d.Pred.Text, d.Pred.Type, d.Pred.Value, d.Pred.Mod, d.Pred.Rule,
					tempevalContext(doc.Text, at.Start, at.End))
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

// tempevalContext is the text around [start, end) on one line, the
// expression in [[ ]], for reading a -v listing.
func tempevalContext(text string, start, end int) string {
	const width = 80
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	a, b := max(0, start-width), min(len(text), end+width)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	s := text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
	return strings.Join(strings.Fields(s), " ")
}

func hasStage(p *nlp.Pipeline, name string) bool {
	for _, s := range p.Stages() {
		if s.Name() == name {
			return true
		}
	}
	return false
}
