package timex

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/resources"
	rtimex "herald/internal/resources/timex"
)

func TestStageContract(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "timex" || len(s.Requires()) != 1 || s.Requires()[0] != "segment" {
		t.Errorf("name %q requires %v", s.Name(), s.Requires())
	}
	if _, err := nlp.New(s); !errors.Is(err, nlp.ErrOrder) {
		t.Errorf("timex without segment: %v", err)
	}
	a := analysis("Le sommet aura lieu vendredi.", "2025-08-07")
	a.Doc.Language = "fr"
	if err := s.Process(context.Background(), a); !errors.Is(err, nlp.ErrSkip) {
		t.Errorf("non-English: %v", err)
	}
}

func TestDebrisAndIDs(t *testing.T) {
	a := analysis("Talks resumed Monday.\nAlso Read: Friday deals\nThey end next week.", "2025-08-07")
	a.Blocks[1].Kind = model.BlockDebris
	s, _ := New()
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 2 || a.Times[0].ID != "T1" || a.Times[1].ID != "T2" || a.Times[0].Text != "Monday" || a.Times[1].Text != "next week" {
		t.Fatalf("times %+v", a.Times)
	}
	for _, x := range a.Times {
		if a.Text[x.Start:x.End] != x.Text {
			t.Errorf("span %d-%d is %q, text %q", x.Start, x.End, a.Text[x.Start:x.End], x.Text)
		}
	}
}

// POS from the tag stage, when present, decides the tense.
func TestPOSTense(t *testing.T) {
	text := "Officials meet Friday."
	a := analysis(text, "2025-08-06") // a Wednesday
	a.Tokens = []model.Token{{Start: 0, End: 9, POS: "NNS"}, {Start: 10, End: 14, POS: "VBP"}, {Start: 15, End: 21, POS: "NNP"}, {Start: 21, End: 22, POS: "."}}
	s, _ := New()
	_ = s.Process(context.Background(), a)
	if len(a.Times) != 1 || a.Times[0].Value != "2025-08-08" {
		t.Fatalf("present tense schedules ahead: %+v", a.Times)
	}
	a.Tokens[1].POS = "VBD" // read as a past form
	a.Times = nil
	_ = s.Process(context.Background(), a)
	if len(a.Times) != 1 || a.Times[0].Value != "2025-08-01" {
		t.Fatalf("past verb: %+v", a.Times)
	}
}

// A bad lexicon entry is reported at its file, line and column.
func TestLexiconErrorsLocated(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "timex"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := "# test\nfriday\tweekday\tfive\n"
	if err := os.WriteFile(filepath.Join(dir, "timex", "lexicon.tsv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	resources.SetOverrideDir(dir)
	rows, err := rtimex.Rows()
	resources.SetOverrideDir(os.Getenv(resources.EnvDir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = buildLexicon(rows)
	var re *resources.Error
	if !errors.As(err, &re) || re.Line != 2 || re.Column != 16 {
		t.Fatalf("want a located error at 2:16, got %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	s, _ := New()
	fp := s.(interface{ Fingerprint() string }).Fingerprint()
	if len(fp) < len("timex/1 sha256:")+64 {
		t.Errorf("fingerprint %q", fp)
	}
}

// A huge sentence full of expressions stays linear (a quadratic scan would
// take minutes here).
func TestLongSentence(t *testing.T) {
	text := strings.Repeat("on Friday , by 1998 , in late July and "+strings.Repeat(", ", 20), 4000)
	a := analysis(text, "2025-08-07")
	s, _ := New()
	t0 := time.Now()
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 12000 {
		t.Errorf("%d expressions, want 12000", len(a.Times))
	}
	if d := time.Since(t0); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

// The stage is safe for concurrent use (run with -race).
func TestConcurrent(t *testing.T) {
	s, _ := New()
	want := run(t, benchText, "2025-08-07")
	done := make(chan []model.Time)
	for g := 0; g < 4; g++ {
		go func() {
			a := analysis(benchText, "2025-08-07")
			_ = s.Process(context.Background(), a)
			done <- a.Times
		}()
	}
	for g := 0; g < 4; g++ {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent run found %d expressions, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("concurrent run differs at %d: %+v vs %+v", i, got[i], want[i])
			}
		}
	}
}
