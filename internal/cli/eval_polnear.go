package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"herald/internal/eval"
	"herald/internal/model"
)

func init() {
	registerEval("polnear", "attributions: source, cue and content span P/R/F1 (PolNeAR brat files)", runPolNeAR)
}

// runPolNeAR runs the full default pipeline over every article of a PolNeAR
// split (PATH holds text/ and attributions/), converts herald's quotes to
// PolNeAR's span conventions (eval.FromQuotes) and scores source, cue and
// content spans, exactly and by overlap, over all attributions and over the
// speech subset; an article annotated twice is scored against each
// annotation and counts as their mean. docs/s is articles per second of the
// whole pipeline on one core.
func runPolNeAR(ctx context.Context, r EvalRequest) error {
	docs, err := eval.LoadPolNeAR(r.Path)
	if err != nil {
		return inputError{err}
	}
	if r.Limit > 0 && r.Limit < len(docs) {
		docs = docs[:r.Limit]
	}
	an, err := r.Analyzer()
	if err != nil {
		return fmt.Errorf("eval polnear: %w", err)
	}
	var total eval.PolNeARScore
	var elapsed time.Duration
	var skipped []string
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		a, err := an.Analyze(ctx, model.Article{Text: d.Text, Origin: d.Name, Language: "en"})
		elapsed += time.Since(start)
		var pred []eval.Attribution
		switch {
		case err != nil:
			skipped = append(skipped, fmt.Sprintf("%s: %v", d.Name, err))
		case a.Text == d.Text:
			pred = eval.FromQuotes(d.Text, a.Quotes)
		case strings.HasPrefix(d.Text, "\ufeff") && a.Text == d.Text[3:]:
			// The analyzer drops a leading byte-order mark.
			pred = eval.FromQuotes(a.Text, a.Quotes)
			for i := range pred {
				for _, sps := range [][]model.Span{pred[i].Source, pred[i].Cue, pred[i].Content} {
					for j := range sps {
						sps[j].Start += 3
						sps[j].End += 3
					}
				}
			}
		default:
			skipped = append(skipped, d.Name+": analysed text differs from the gold text")
		}
		var doc eval.PolNeARScore
		w := 1 / float64(len(d.Annotations))
		for _, g := range d.Annotations {
			doc.Add(eval.ScorePolNeAR(d.Text, g, pred), w)
		}
		total.Add(doc, 1)
		if r.Verbose {
			fmt.Fprintf(r.Stdout, "%-60s annotators=%d gold=%.1f pred=%d source_F1=%.3f cue_F1=%.3f content_F1=%.3f\n",
				d.Name, len(d.Annotations), doc.All.Exact[2].Gold, len(pred),
				doc.All.Exact[0].F1(), doc.All.Exact[1].F1(), doc.All.Exact[2].F1())
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(r.Stderr, "polnear: not scored as predicted (counted with no predictions): %s\n", s)
	}
	rate := 0.0
	if elapsed > 0 {
		rate = float64(len(docs)) / elapsed.Seconds()
	}
	fmt.Fprintf(r.Stdout, "PolNeAR %s: %d articles\n", r.Path, len(docs))
	fmt.Fprint(r.Stdout, eval.PolNeARReport(total, rate))
	return nil
}
