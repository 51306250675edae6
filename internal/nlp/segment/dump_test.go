package segment

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the segmentation of the file named by SEGMENT_DUMP (a
// development aid; skipped otherwise).
func TestDump(t *testing.T) {
	path := os.Getenv("SEGMENT_DUMP")
	if path == "" {
		t.Skip("set SEGMENT_DUMP=FILE to print its segmentation")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(dump(t, string(b)))
}

// dump renders blocks and sentences with tokens separated by " | " and
// compounds marked with their part count.
func dump(t testing.TB, text string) string {
	sg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := sg.Segment(text, nil)
	var sb strings.Builder
	for bi, bl := range r.Blocks {
		fmt.Fprintf(&sb, "B%d %s %q\n", bi, bl.Kind, text[bl.Start:bl.End])
	}
	for si, s := range r.Sentences {
		var toks []string
		for _, tk := range r.Tokens[s.TokenStart:s.TokenEnd] {
			x := tk.Text
			if tk.Parts != nil {
				x += fmt.Sprint("~", len(tk.Parts))
			}
			toks = append(toks, x)
		}
		fmt.Fprintf(&sb, "S%d b%d: %s\n", si, s.Block, strings.Join(toks, " | "))
	}
	return sb.String()
}
