package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"herald/internal/app"
)

// EvalRequest is what an evaluation set's runner receives.
type EvalRequest struct {
	Set, Path      string
	CV, Limit      int // --cv folds (0 = none), --limit documents (0 = all)
	Verbose        bool
	Stdout, Stderr io.Writer
	// Analyzer returns the full default pipeline, built once on first call.
	Analyzer func() (*app.Analyzer, error)
}

// TrainRequest is what a model trainer receives.
type TrainRequest struct {
	Model, Path, Out string // Out: output directory ("" = the committed location in the source tree)
	Seed             int64
	Stdout, Stderr   io.Writer
}

type evalSet struct {
	summary string
	run     func(ctx context.Context, r EvalRequest) error
}

type trainer struct {
	summary string
	run     func(ctx context.Context, r TrainRequest) error
}

var (
	evalSets = map[string]evalSet{}
	trainers = map[string]trainer{}
)

// registerEval adds an evaluation set; call it from init.
func registerEval(name, summary string, run func(ctx context.Context, r EvalRequest) error) {
	if _, dup := evalSets[name]; dup {
		panic("cli: eval set registered twice: " + name)
	}
	evalSets[name] = evalSet{summary, run}
}

// registerTrain adds a model trainer; call it from init.
func registerTrain(name, summary string, run func(ctx context.Context, r TrainRequest) error) {
	if _, dup := trainers[name]; dup {
		panic("cli: trainer registered twice: " + name)
	}
	trainers[name] = trainer{summary, run}
}

func evalNames() string  { return names(evalSets) }
func trainNames() string { return names(trainers) }

func names[V any](m map[string]V) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// EvalCmd runs one evaluation set.
type EvalCmd struct {
	Set     string `arg:"" help:"Gold set: ${evalsets}."`
	Path    string `arg:"" help:"File or directory of the gold data." type:"path"`
	CV      int    `name:"cv" help:"Cross-validation folds, for sets that train a model."`
	Limit   int    `help:"Score only the first N documents (0 = all)."`
	Verbose bool   `short:"v" help:"Print per-document details."`
}

// Run scores the set.
func (c *EvalCmd) Run(e *env) error {
	s, ok := evalSets[c.Set]
	if !ok {
		return inputError{fmt.Errorf("eval: unknown set %q (known: %s)", c.Set, evalNames())}
	}
	return s.run(e.ctx, EvalRequest{
		Set: c.Set, Path: c.Path, CV: c.CV, Limit: c.Limit, Verbose: c.Verbose,
		Stdout: e.stdout, Stderr: e.stderr, Analyzer: sharedAnalyzer,
	})
}

// TrainCmd rebuilds one model.
type TrainCmd struct {
	Model string `arg:"" help:"Model: ${trainmodels}."`
	Path  string `arg:"" help:"Training data file or directory." type:"path"`
	Out   string `help:"Output directory (default: the committed location in the source tree)." type:"path"`
	Seed  int64  `default:"1" help:"Random seed."`
}

// Run trains the model.
func (c *TrainCmd) Run(e *env) error {
	t, ok := trainers[c.Model]
	if !ok {
		return inputError{fmt.Errorf("train: unknown model %q (known: %s)", c.Model, trainNames())}
	}
	return t.run(e.ctx, TrainRequest{Model: c.Model, Path: c.Path, Out: c.Out, Seed: c.Seed, Stdout: e.stdout, Stderr: e.stderr})
}

var (
	analyzerOnce sync.Once
	analyzer     *app.Analyzer
	analyzerErr  error
)

// sharedAnalyzer builds the default Analyzer once per process.
func sharedAnalyzer() (*app.Analyzer, error) {
	analyzerOnce.Do(func() { analyzer, analyzerErr = app.NewAnalyzer(app.Config{}) })
	return analyzer, analyzerErr
}
