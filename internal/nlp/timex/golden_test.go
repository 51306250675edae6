package timex

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs the stage over testdata/*.txt (published 2025-08-07, one
// sentence per line, a line "Also Read" marked as debris) and compares the
// expressions with the .golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := analysis(string(data), "2025-08-07")
		for i, b := range a.Blocks {
			if strings.TrimSpace(a.Text[b.Start:b.End]) == "Also Read" {
				a.Blocks[i].Kind = model.BlockDebris
			}
		}
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		for _, x := range a.Times {
			fmt.Fprintf(&out, "%s\t%d-%d\t%q\t%s\t%s\t%s\t%s\n", x.ID, x.Start, x.End, x.Text, x.Type, x.Value, x.Mod, x.Rule)
		}
		golden := strings.TrimSuffix(f, ".txt") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if out.String() != string(want) {
			t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", f, golden, out.String(), want)
		}
	}
}
