package segment

import (
	"os"
	"path/filepath"
	"testing"

	"herald/internal/model"
)

// FuzzSegment checks that any bytes, with or without a given title block,
// are segmented without panics and keep every invariant of the contract.
func FuzzSegment(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		string(seed),
		"",
		"U.S.-led talks. “Really?!” he said… Then: $2.5bn (50,000 troops).",
		"Heading\r\n\r\nBody don't stop.\rAlso Read\n)\n",
		"caf\xe9 \xff\xfe Putin’s 👨‍👩‍👧 🇺🇦 #tag @user a@b.co http://x.y/(z)",
		"'90s ``quote'' -- — – ... ‘a’ «b» „c“",
		"Mr. No. 5 Gen. W. e.g. a.m. Ph.D. AT&T 10:30 3/8",
		"\u2028\u2029\u0085\f\v\u00a0\u200b\ufeff",
	} {
		f.Add(s, 0)
		f.Add(s, len(s)/3)
	}
	sg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, titleEnd int) {
		var given []model.Block
		if titleEnd > 0 {
			given = []model.Block{{Start: 0, End: titleEnd, Kind: model.BlockTitle}}
		}
		r := sg.Segment(text, given)
		if err := invariantError(text, r); err != "" {
			t.Fatal(err)
		}
		toks := sg.Tokenize(text)
		prev := 0
		for i, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("Tokenize: token %d [%d,%d) bad", i, tk.Start, tk.End)
			}
			prev = tk.End
		}
	})
}
