// Package nlp defines the Stage contract and the pipeline runner that applies
// stages to an Analysis in dependency order. A Pipeline is safe for
// concurrent use once built: stages must keep no per-article state.
package nlp

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"herald/internal/model"
)

// A Stage adds one kind of annotation to an Analysis. Process reads only fields
// filled by the stages named in Requires and writes only its own fields.
// Implementations must be safe for concurrent use by many goroutines.
type Stage interface {
	Name() string
	Requires() []string
	Process(ctx context.Context, a *model.Analysis) error
}

// ErrSkip, wrapped in a stage's error, records the stage as skipped (for
// example an English-only stage on a non-English article) rather than failed.
var ErrSkip = errors.New("skipped")

// ErrOrder is returned by New when stages are not in an order that satisfies Requires.
var ErrOrder = errors.New("nlp: stage order")

// Pipeline runs a fixed list of stages in order.
type Pipeline struct {
	stages []Stage
	clock  func() int64
}

// WithClock returns a copy of p that times stages with clock (nanoseconds),
// for example the calling thread's CPU time in benchmarks; the default is
// wall time.
func (p *Pipeline) WithClock(clock func() int64) *Pipeline {
	q := *p
	q.clock = clock
	return &q
}

func (p *Pipeline) now() int64 {
	if p.clock != nil {
		return p.clock()
	}
	return time.Now().UnixNano()
}

// New checks that every stage's requirements come before it and returns the pipeline.
func New(stages ...Stage) (*Pipeline, error) {
	seen := map[string]bool{}
	for _, s := range stages {
		for _, r := range s.Requires() {
			if !seen[r] {
				return nil, fmt.Errorf("%w: %s requires %s, which does not run before it", ErrOrder, s.Name(), r)
			}
		}
		if seen[s.Name()] {
			return nil, fmt.Errorf("%w: stage %s listed twice", ErrOrder, s.Name())
		}
		seen[s.Name()] = true
	}
	return &Pipeline{stages: stages}, nil
}

// Stages returns the stages in run order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// Only returns a pipeline of the named stages and everything they need, in
// the original order. Unknown names are an error.
func (p *Pipeline) Only(names []string) (*Pipeline, error) {
	by := map[string]Stage{}
	for _, s := range p.stages {
		by[s.Name()] = s
	}
	want := map[string]bool{}
	var add func(string) error
	add = func(n string) error {
		s, ok := by[n]
		if !ok {
			return fmt.Errorf("nlp: unknown stage %q", n)
		}
		if want[n] {
			return nil
		}
		want[n] = true
		for _, r := range s.Requires() {
			if err := add(r); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range names {
		if err := add(n); err != nil {
			return nil, err
		}
	}
	var out []Stage
	for _, s := range p.stages {
		if want[s.Name()] {
			out = append(out, s)
		}
	}
	return New(out...)
}

// Run applies every stage to a. A stage that fails or panics is recorded in
// a.Runs with its error, and the stages that need it are skipped; the others
// go on. Run returns an error only when ctx is cancelled.
func (p *Pipeline) Run(ctx context.Context, a *model.Analysis) error {
	failed := map[string]string{}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		run := model.StageRun{Stage: s.Name()}
		for _, r := range s.Requires() {
			if why, bad := failed[r]; bad {
				run.Skipped = "needs " + r + " (" + why + ")"
				break
			}
		}
		if run.Skipped == "" {
			t0 := p.now()
			err := safeProcess(ctx, s, a)
			run.Nanos = p.now() - t0
			switch {
			case err == nil:
			case errors.Is(err, ErrSkip):
				run.Skipped = err.Error()
			default:
				run.Error = err.Error()
				failed[s.Name()] = "failed"
			}
		} else {
			failed[s.Name()] = "skipped"
		}
		a.Runs = append(a.Runs, run)
	}
	return nil
}

func safeProcess(ctx context.Context, s Stage, a *model.Analysis) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v\n%s", s.Name(), r, debug.Stack())
		}
	}()
	return s.Process(ctx, a)
}
