package nlp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"herald/internal/model"
)

type fakeStage struct {
	name string
	req  []string
	fn   func(*model.Analysis) error
}

func (f fakeStage) Name() string       { return f.name }
func (f fakeStage) Requires() []string { return f.req }
func (f fakeStage) Process(_ context.Context, a *model.Analysis) error {
	return f.fn(a)
}

func TestRunRecordsFailureAndGoesOn(t *testing.T) {
	ok := func(a *model.Analysis) error { a.Doc.Notes = append(a.Doc.Notes, "ran"); return nil }
	p, err := New(
		fakeStage{"a", nil, ok},
		fakeStage{"b", []string{"a"}, func(*model.Analysis) error { panic("boom") }},
		fakeStage{"c", []string{"b"}, ok},
		fakeStage{"d", []string{"a"}, func(*model.Analysis) error { return fmt.Errorf("d: %w", ErrSkip) }},
		fakeStage{"e", nil, ok},
	)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Analysis{}
	if err := p.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Runs) != 5 {
		t.Fatalf("runs = %d", len(a.Runs))
	}
	if !strings.Contains(a.Runs[1].Error, "panic: boom") {
		t.Errorf("b: %+v", a.Runs[1])
	}
	if a.Runs[2].Skipped == "" || a.Runs[2].Error != "" {
		t.Errorf("c should be skipped: %+v", a.Runs[2])
	}
	if a.Runs[3].Skipped == "" {
		t.Errorf("d should be skipped: %+v", a.Runs[3])
	}
	if len(a.Doc.Notes) != 2 {
		t.Errorf("a and e should run, notes %v", a.Doc.Notes)
	}
}

func TestNewRejectsBadOrder(t *testing.T) {
	ok := func(*model.Analysis) error { return nil }
	_, err := New(fakeStage{"b", []string{"a"}, ok}, fakeStage{"a", nil, ok})
	if !errors.Is(err, ErrOrder) {
		t.Fatalf("err = %v", err)
	}
	p, _ := New(fakeStage{"a", nil, ok}, fakeStage{"b", []string{"a"}, ok}, fakeStage{"c", nil, ok})
	q, err := p.Only([]string{"b"})
	if err != nil || len(q.Stages()) != 2 {
		t.Fatalf("Only: %v %d", err, len(q.Stages()))
	}
	if _, err := p.Only([]string{"zzz"}); err == nil {
		t.Fatal("unknown stage accepted")
	}
}
