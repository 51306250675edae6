package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"herald/internal/dedup"
	"herald/internal/eval"
	"herald/internal/ingest/jsonl"
)

func init() {
	registerEval("dedup", "syndicated-copy grouping: generated copies of news articles plus BASIL same-story articles (PATH: the data folder)", runDedupEval)
}

// dedupSample is how many news articles the generator starts from.
const dedupSample = 1000

func runDedupEval(ctx context.Context, r EvalRequest) error {
	news, err := loadNewsSample(filepath.Join(r.Path, "news", "combined_news.jsonl"), dedupSample)
	if err != nil {
		return inputError{err}
	}
	basil, err := loadBASIL(filepath.Join(r.Path, "basil", "articles"))
	if err != nil {
		return inputError{err}
	}
	docs := append(eval.GenerateCopies(news, 20251127), basil...)
	for i := range docs {
		if docs[i].Gold == "" {
			docs[i].Gold = docs[i].ID
		}
	}
	start := time.Now()
	idx := dedup.NewIndex()
	pred := map[string]string{}
	gold := map[string]string{}
	for _, d := range docs {
		pred[d.ID] = idx.Add(d.ID, dedup.Sign(d.Text))
		gold[d.ID] = d.Gold
	}
	secs := time.Since(start).Seconds()
	p, rec, f1, tp, fp, fn := eval.PairScores(gold, pred)
	copies := len(docs) - len(news) - len(basil)
	fmt.Fprintf(r.Stdout, "dedup set: %d news originals, %d generated copies, %d BASIL articles (%d same-story triplets, not copies)\n",
		len(news), copies, len(basil), len(basil)/3)
	fmt.Fprintf(r.Stdout, "pairs: tp=%d fp=%d fn=%d\n", tp, fp, fn)
	// False positives among BASIL's same-story articles, the hard negatives.
	basilFP := 0
	byGroup := map[string][]string{}
	for id, g := range pred {
		byGroup[g] = append(byGroup[g], id)
	}
	var groups []string
	for g, ids := range byGroup {
		if len(ids) > 1 {
			groups = append(groups, g)
		}
		for _, id := range ids {
			if strings.HasPrefix(id, "basil:") && len(ids) > 1 {
				basilFP++
				break
			}
		}
	}
	fmt.Fprintf(r.Stdout, "predicted groups with more than one article: %d; groups holding a BASIL article: %d\n", len(groups), basilFP)
	if r.Verbose {
		sort.Strings(groups)
		for _, g := range groups {
			ids := byGroup[g]
			sort.Strings(ids)
			fmt.Fprintf(r.Stdout, "  %s\n", strings.Join(ids, " "))
		}
	}
	fmt.Fprintf(r.Stdout, "dedup: P=%.3f R=%.3f F1=%.3f articles/s=%.0f\n", p, rec, f1, float64(len(docs))/secs)
	return nil
}

// loadNewsSample takes n articles spread evenly over the corpus.
func loadNewsSample(path string, n int) ([]eval.DedupDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval dedup: %w", err)
	}
	defer f.Close()
	var all []eval.DedupDoc
	rd := jsonl.NewReader(f, path)
	for {
		a, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			continue
		}
		// The corpus also carries BASIL's own articles; they enter the set
		// once, from the BASIL folder, as negatives.
		if strings.HasPrefix(a.ID, "basil/") {
			continue
		}
		all = append(all, eval.DedupDoc{ID: "news:" + a.ID, Text: a.Text})
	}
	if len(all) < n {
		return all, nil
	}
	out := make([]eval.DedupDoc, 0, n)
	step := float64(len(all)) / float64(n)
	for i := 0; i < n; i++ {
		out = append(out, all[int(float64(i)*step)])
	}
	return out, nil
}

// loadBASIL reads BASIL articles (title and body paragraphs).
func loadBASIL(dir string) ([]eval.DedupDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("eval dedup: no BASIL articles under %s", dir)
	}
	sort.Strings(files)
	var out []eval.DedupDoc
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			return nil, err
		}
		var a struct {
			Title string     `json:"title"`
			Paras [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(data, &a); err != nil {
			return nil, fmt.Errorf("eval dedup: %s: %w", fn, err)
		}
		var b strings.Builder
		b.WriteString(a.Title)
		for _, p := range a.Paras {
			b.WriteString("\n\n")
			b.WriteString(strings.Join(p, " "))
		}
		out = append(out, eval.DedupDoc{ID: "basil:" + filepath.Base(fn), Text: b.String()})
	}
	return out, nil
}
