package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"herald/internal/eval"
	"herald/internal/htmltext"
)

func init() {
	registerEval("zyte", "HTML main text: shingle precision/recall/F1 against articleBody (article_extraction)", runZyte)
}

// runZyte extracts the main text of every page of the article-extraction set
// with htmltext.Extract (one page at a time, so pages/s is per core) and
// scores it with the benchmark's own measure, for the whole set and its two
// halves (ids starting with an even hex digit, and the rest). It also scores
// the other extractors' outputs shipped in PATH/output, which checks the
// scorer against their published figures.
func runZyte(ctx context.Context, r EvalRequest) error {
	pages, err := eval.ReadZyteGold(r.Path)
	if err != nil {
		return inputError{err}
	}
	if r.Limit > 0 && r.Limit < len(pages) {
		pages = pages[:r.Limit]
	}
	w := r.Stdout
	pred := make(map[string]string, len(pages))
	var failed []string
	noText := 0
	var elapsed time.Duration
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.HTMLPath == "" {
			failed = append(failed, p.ID[:min(12, len(p.ID))]+": no html file")
			continue
		}
		page, err := readMaybeGzip(p.HTMLPath)
		if err != nil {
			return fmt.Errorf("eval zyte: %w", err)
		}
		start := time.Now()
		d, err := htmltext.Extract(page, p.URL)
		elapsed += time.Since(start)
		if err != nil {
			if errors.Is(err, htmltext.ErrNoText) {
				noText++
			} else {
				failed = append(failed, fmt.Sprintf("%s: %v", p.ID[:min(12, len(p.ID))], err))
			}
			continue
		}
		pred[p.ID] = d.Text
	}
	all, halves, per := eval.ZyteScore(pages, pred)

	fmt.Fprintf(w, "zyte: %d pages from %s (htmltext.Extract, 1 worker)\n", len(pages), r.Path)
	if r.Verbose {
		fmt.Fprintf(w, "\n%-16s %6s %6s %6s %6s %6s\n", "page", "tp", "fp", "fn", "P", "R")
		for i, c := range per {
			p, _ := c.Precision()
			rc, _ := c.Recall()
			fmt.Fprintf(w, "%-16s %6d %6d %6d %6.3f %6.3f\n", pages[i].ID[:min(16, len(pages[i].ID))], c.TP, c.FP, c.FN, p, rc)
		}
	}
	fmt.Fprintf(w, "\n%-28s %6s %6s %6s %6s %6s\n", "", "pages", "P", "R", "F1", "empty")
	row := func(name string, res eval.ZyteResult) {
		fmt.Fprintf(w, "%-28s %6d %6.3f %6.3f %6.3f %6d\n", name, res.Pages, res.P, res.R, res.F1, res.Empty)
	}
	row("herald (all)", all)
	row("herald (even half)", halves[0])
	row("herald (odd half)", halves[1])
	if outs, _ := filepath.Glob(filepath.Join(r.Path, "output", "*.json")); len(outs) > 0 {
		fmt.Fprintf(w, "\nshipped outputs of other extractors, same scorer:\n")
		sort.Strings(outs)
		for _, f := range outs {
			other, err := eval.ReadZytePredictions(f)
			if err != nil {
				fmt.Fprintf(w, "  %s: %v\n", filepath.Base(f), err)
				continue
			}
			oa, _, _ := eval.ZyteScore(pages, other)
			row(strings.TrimSuffix(filepath.Base(f), ".json"), oa)
		}
	}
	if noText > 0 {
		fmt.Fprintf(w, "\n%d pages gave no text (scored as empty)\n", noText)
	}
	if len(failed) > 0 {
		fmt.Fprintf(w, "\n%d pages failed:\n  %s\n", len(failed), strings.Join(failed, "\n  "))
	}
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(len(pages)) / s
	}
	fmt.Fprintf(w, "\nzyte: P=%.3f R=%.3f F1=%.3f pages/s=%.1f\n", all.P, all.R, all.F1, rate)
	return nil
}

// readMaybeGzip reads a file, decompressing it when its name ends in .gz.
func readMaybeGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
