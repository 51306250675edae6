// Command prose compares herald's segment+tag+ner stages with the NER of
// github.com/jdkato/prose/v2 (the only pure-Go English NER on the module
// proxy) on the same articles, in one run, on one locked OS thread, timing
// each side by that thread's CPU clock. It lives in its own module so that
// prose never enters herald's go.mod or binary.
//
//	cd bench/prose && go run . ../../../shared/data/news/combined_news.jsonl 1000
//
// prose's NER needs its own tokenizer, sentence splitter and tagger, which
// its NewDocument runs (with its model loaded once); that whole call is timed, as herald's three stages
// (tokenise, POS, chunk, lemma, clauses, NER) are. Tokens are counted by each
// side's own tokenizer.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"

	"github.com/jdkato/prose/v2"

	"herald/internal/app"
	"herald/internal/ingest/jsonl"
	"herald/internal/model"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: prose CORPUS.jsonl [LIMIT]")
		os.Exit(2)
	}
	limit := 500
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "prose: bad limit:", err)
			os.Exit(2)
		}
		limit = n
	}
	if err := run(os.Args[1], limit); err != nil {
		fmt.Fprintln(os.Stderr, "prose:", err)
		os.Exit(1)
	}
}

func run(path string, limit int) error {
	runtime.LockOSThread()
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var arts []model.Article
	r := jsonl.NewReader(f, path)
	for len(arts) < limit {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			continue
		}
		arts = append(arts, a)
	}
	an, err := app.NewAnalyzer(app.Config{Stages: []string{"segment", "tag", "ner"}, Clock: app.ThreadCPU})
	if err != nil {
		return err
	}
	// prose's NewDocument loads its tagger and NER model afresh unless
	// given one: load it once, outside the timing, as herald's are
	pm := prose.ModelFromData("en")
	if _, err := prose.NewDocument("Warm up in Paris.", prose.UsingModel(pm)); err != nil {
		return err
	}
	var hTok, hNs, pTok, pNs int64
	hEnt, pEnt := 0, 0
	// herald over every article, then prose over the same texts, so that
	// neither finds its caches evicted by the other
	texts := make([]string, 0, len(arts))
	for _, art := range arts {
		a, err := an.Analyze(context.Background(), art)
		if err != nil {
			return err
		}
		for _, run := range a.Runs {
			switch run.Stage {
			case "segment", "tag", "ner":
				hNs += run.Nanos
			}
		}
		hTok += int64(len(a.Tokens))
		for _, t := range a.Tokens {
			if len(t.NER) > 1 && t.NER[0] == 'B' {
				hEnt++
			}
		}
		texts = append(texts, a.Text) // the text herald analysed
	}
	for _, text := range texts {
		c0 := app.ThreadCPU()
		doc, err := prose.NewDocument(text, prose.UsingModel(pm))
		pNs += app.ThreadCPU() - c0
		if err != nil {
			return err
		}
		pTok += int64(len(doc.Tokens()))
		pEnt += len(doc.Entities())
	}
	rate := func(tok, ns int64) float64 { return float64(tok) / max(float64(ns)/1e9, 1e-9) }
	fmt.Printf("articles %d\n", len(arts))
	fmt.Printf("herald segment+tag+ner: %d tokens, %d entities, %.2fs CPU, %.0f tokens/s\n", hTok, hEnt, float64(hNs)/1e9, rate(hTok, hNs))
	fmt.Printf("prose  NewDocument (NER): %d tokens, %d entities, %.2fs CPU, %.0f tokens/s\n", pTok, pEnt, float64(pNs)/1e9, rate(pTok, pNs))
	fmt.Printf("prose: herald_tokens/s=%.0f prose_tokens/s=%.0f\n", rate(hTok, hNs), rate(pTok, pNs))
	return nil
}
