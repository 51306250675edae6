package segment

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
	"herald/internal/nlp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkInvariants fails t when r breaks the package contract for text.
func checkInvariants(t testing.TB, text string, r Result) {
	t.Helper()
	if err := invariantError(text, r); err != "" {
		t.Fatalf("%s\ntext: %.300q", err, text)
	}
}

// invariantError describes the first broken invariant, or returns "".
func invariantError(text string, r Result) string {
	n := len(text)
	prev := 0
	for i, b := range r.Blocks {
		if b.Start < prev || b.End <= b.Start || b.End > n {
			return sprintf("block %d [%d,%d) out of order, empty or outside text (prev end %d, len %d)", i, b.Start, b.End, prev, n)
		}
		if s, e := trimSpan(text, b.Start, b.End); s != b.Start || e != b.End {
			return sprintf("block %d [%d,%d) not trimmed of white space", i, b.Start, b.End)
		}
		switch b.Kind {
		case model.BlockTitle, model.BlockHeading, model.BlockParagraph, model.BlockQuote, model.BlockDebris:
		default:
			return sprintf("block %d has kind %q", i, b.Kind)
		}
		prev = b.End
	}
	prev = 0
	next := 0 // next token expected
	for i, s := range r.Sentences {
		if s.Block < 0 || s.Block >= len(r.Blocks) {
			return sprintf("sentence %d in no block (%d)", i, s.Block)
		}
		b := r.Blocks[s.Block]
		if !b.Analysed() {
			return sprintf("sentence %d in a debris block", i)
		}
		if s.Start < prev || s.End <= s.Start || s.Start < b.Start || s.End > b.End {
			return sprintf("sentence %d [%d,%d) out of order or outside its block [%d,%d)", i, s.Start, s.End, b.Start, b.End)
		}
		if s.TokenStart != next || s.TokenEnd <= s.TokenStart || s.TokenEnd > len(r.Tokens) {
			return sprintf("sentence %d tokens [%d,%d), want start %d", i, s.TokenStart, s.TokenEnd, next)
		}
		if r.Tokens[s.TokenStart].Start != s.Start || r.Tokens[s.TokenEnd-1].End != s.End {
			return sprintf("sentence %d [%d,%d) does not span its tokens", i, s.Start, s.End)
		}
		next = s.TokenEnd
		prev = s.End
	}
	if next != len(r.Tokens) {
		return sprintf("%d tokens in no sentence", len(r.Tokens)-next)
	}
	prev = 0
	for i, tk := range r.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > n {
			return sprintf("token %d [%d,%d) out of order or outside text", i, tk.Start, tk.End)
		}
		if tk.Text != text[tk.Start:tk.End] {
			return sprintf("token %d text %q != %q", i, tk.Text, text[tk.Start:tk.End])
		}
		if tk.Sentence < 0 || tk.Sentence >= len(r.Sentences) {
			return sprintf("token %d has sentence %d", i, tk.Sentence)
		}
		s := r.Sentences[tk.Sentence]
		if i < s.TokenStart || i >= s.TokenEnd {
			return sprintf("token %d not in its sentence %d", i, tk.Sentence)
		}
		if tk.Parts != nil {
			if len(tk.Parts) < 2 {
				return sprintf("token %d has %d parts", i, len(tk.Parts))
			}
			pp := tk.Start
			for _, p := range tk.Parts {
				if p.Start < pp || p.End <= p.Start || p.End > tk.End {
					return sprintf("token %d %q part [%d,%d) bad", i, tk.Text, p.Start, p.End)
				}
				pp = p.End
			}
			if tk.Parts[0].Start != tk.Start || tk.Parts[len(tk.Parts)-1].End != tk.End {
				return sprintf("token %d %q parts do not cover it", i, tk.Text)
			}
		}
		prev = tk.End
	}
	return ""
}

func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	r := mustDefault(t).Segment(text, nil)
	checkInvariants(t, text, r)

	kindOf := map[string]string{}
	for _, b := range r.Blocks {
		kindOf[text[b.Start:b.End]] = b.Kind
	}
	for line, want := range map[string]string{
		"Also Read": model.BlockDebris,
		")":         model.BlockDebris,
		"US confirms talks, but says plans not final": model.BlockHeading,
		"Witkoff-Putin talks signal opening":          model.BlockHeading,
		"Ukraine cautious on ceasefire talks":         model.BlockHeading,
		"Russia-Ukraine war intensifies":              model.BlockHeading,
	} {
		if got := kindOf[line]; got != want {
			t.Errorf("block %q: kind %q, want %q", line, got, want)
		}
	}
	headings, debris := 0, 0
	for _, b := range r.Blocks {
		switch b.Kind {
		case model.BlockHeading:
			headings++
		case model.BlockDebris:
			debris++
		}
	}
	if headings != 4 || debris != 2 {
		t.Errorf("%d headings and %d debris blocks, want 4 and 2", headings, debris)
	}
	for i, s := range r.Sentences {
		st := text[s.Start:s.End]
		if strings.Contains(st, "\n") {
			t.Errorf("sentence %d spans two lines: %q", i, st)
		}
		if strings.Contains(st, "Also Read") || strings.HasSuffix(st, ")") {
			t.Errorf("sentence %d holds debris: %q", i, st)
		}
	}
	// Every paragraph line of the seed ends a sentence.
	if len(r.Sentences) != 32 {
		t.Errorf("%d sentences, want 32", len(r.Sentences))
	}

	// The full segmentation is kept as a reviewed golden file.
	got := dump(t, text)
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("seed segmentation differs from %s (run go test -update and review the diff)", golden)
	}
}

func TestBlocks(t *testing.T) {
	sg := mustDefault(t)
	type blk struct{ kind, text string }
	tests := []struct {
		name string
		in   string
		want []blk
	}{
		{"heading then paragraph", "Talks resume in Geneva\nThe talks resumed on Monday.",
			[]blk{{"heading", "Talks resume in Geneva"}, {"paragraph", "The talks resumed on Monday."}}},
		{"crlf and blank lines", "Talks resume in Geneva\r\n\r\nThe talks resumed.\r\nThey will go on.\r\n",
			[]blk{{"heading", "Talks resume in Geneva"}, {"paragraph", "The talks resumed."}, {"paragraph", "They will go on."}}},
		{"old mac breaks", "One.\rTwo.",
			[]blk{{"paragraph", "One."}, {"paragraph", "Two."}}},
		{"unicode separators", "One.\u2029Two.\u2028Three.",
			[]blk{{"paragraph", "One."}, {"paragraph", "Two."}, {"paragraph", "Three."}}},
		{"last line not heading", "The talks resumed.\nMore to come",
			[]blk{{"paragraph", "The talks resumed."}, {"paragraph", "More to come"}}},
		{"question is no heading", "What comes next?\nNobody knows.",
			[]blk{{"paragraph", "What comes next?"}, {"paragraph", "Nobody knows."}}},
		{"lower case is no heading", "and then some\nNobody knows.",
			[]blk{{"paragraph", "and then some"}, {"paragraph", "Nobody knows."}}},
		{"lower case continues", "The U.S. Agriculture Department\nannounced the price, adjusted to U.S.\nquality and location.\nNorthern European Price   66.32\nAdvertisement\nand more",
			[]blk{{"paragraph", "The U.S. Agriculture Department\nannounced the price, adjusted to U.S.\nquality and location."}, {"paragraph", "Northern European Price   66.32"},
				{"debris", "Advertisement"}, {"paragraph", "and more"}}},
		{"list is no heading", "Bread\nMilk\nEggs",
			[]blk{{"paragraph", "Bread"}, {"paragraph", "Milk"}, {"paragraph", "Eggs"}}},
		{"heading over debris", "Analysis\nAdvertisement\nThe war goes on.",
			[]blk{{"heading", "Analysis"}, {"debris", "Advertisement"}, {"paragraph", "The war goes on."}}},
		{"debris phrases", "It rained.\nAlso Read: Putin says talks were useful\nREAD MORE »\nSubscribe to our newsletter\nFollow us on Twitter\nClick here to watch\nShare this article\nFacebook Twitter Email\nStory continues below advertisement\n]\n***\nIt stopped.",
			[]blk{{"paragraph", "It rained."}, {"debris", "Also Read: Putin says talks were useful"}, {"debris", "READ MORE »"},
				{"debris", "Subscribe to our newsletter"}, {"debris", "Follow us on Twitter"}, {"debris", "Click here to watch"},
				{"debris", "Share this article"}, {"debris", "Facebook Twitter Email"}, {"debris", "Story continues below advertisement"},
				{"debris", "]"}, {"debris", "***"}, {"paragraph", "It stopped."}}},
		{"wire sign-off", "Cargo handling has been disrupted, they said.\n REUTER\n",
			[]blk{{"paragraph", "Cargo handling has been disrupted, they said."}, {"debris", "REUTER"}}},
		{"wire name in text is no debris", "Reuters reported the talks.\nReuters said more.",
			[]blk{{"paragraph", "Reuters reported the talks."}, {"paragraph", "Reuters said more."}}},
		{"phrase inside text is no debris", "Advertisements for the summit appeared. Readers said more.",
			[]blk{{"paragraph", "Advertisements for the summit appeared. Readers said more."}}},
		{"long prefix line is text", "Read more than " + strings.Repeat("forty words ", 40) + "today.",
			[]blk{{"paragraph", "Read more than " + strings.Repeat("forty words ", 40) + "today."}}},
		{"wrapped paragraph", "The talks between the two delegations resumed on\nMonday in Geneva after a pause of several weeks,\nofficials said.\n\nNext paragraph.",
			[]blk{{"paragraph", "The talks between the two delegations resumed on\nMonday in Geneva after a pause of several weeks,\nofficials said."}, {"paragraph", "Next paragraph."}}},
		{"indented paragraphs", "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary, a review said.\n    The dry period means the harvest will be late.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos.",
			[]blk{{"paragraph", "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary, a review said."},
				{"paragraph", "The dry period means the harvest will be late."},
				{"paragraph", "Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos."}}},
		{"bullets are no headings", "The plan would:\n- Cut taxes for small firms\n- Raise the minimum wage\nIt was approved.",
			[]blk{{"paragraph", "The plan would:"}, {"paragraph", "- Cut taxes for small firms"}, {"paragraph", "- Raise the minimum wage"}, {"paragraph", "It was approved."}}},
		{"numbers are no headings", "Attendance:\n78,000\nThe match ended late.",
			[]blk{{"paragraph", "Attendance:"}, {"paragraph", "78,000"}, {"paragraph", "The match ended late."}}},
		{"digit heading", "2024 election results\nThe count ended.",
			[]blk{{"heading", "2024 election results"}, {"paragraph", "The count ended."}}},
		{"broken line is no heading", "The government had claimed tobacco firms\n\nmanipulated nicotine levels.",
			[]blk{{"paragraph", "The government had claimed tobacco firms"}, {"paragraph", "manipulated nicotine levels."}}},
		{"broken line is wrapped", "The government had claimed tobacco firms\nmanipulated nicotine levels.",
			[]blk{{"paragraph", "The government had claimed tobacco firms\nmanipulated nicotine levels."}}},
		{"sentence end is no debris", "It paid 31p a\nshare.\nLoading...",
			[]blk{{"paragraph", "It paid 31p a\nshare."}, {"debris", "Loading..."}}},
		{"indented lines trimmed", "  \t Talks resume\u00a0\n   The talks resumed.  ",
			[]blk{{"heading", "Talks resume"}, {"paragraph", "The talks resumed."}}},
		{"empty", "", nil},
		{"only space", " \n\t\u00a0\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := sg.Segment(tc.in, nil)
			checkInvariants(t, tc.in, r)
			var got []blk
			for _, b := range r.Blocks {
				got = append(got, blk{b.Kind, tc.in[b.Start:b.End]})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d blocks %q, want %d %q", len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("block %d: got %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestGivenBlocks(t *testing.T) {
	sg := mustDefault(t)
	t.Run("title then plain text", func(t *testing.T) {
		text := "Kremlin confirms talks\n\nTalks resume\nThe talks resumed.\nAlso Read"
		r := sg.Segment(text, []model.Block{{Start: 0, End: 22, Kind: model.BlockTitle}})
		checkInvariants(t, text, r)
		want := []string{"title", "heading", "paragraph", "debris"}
		if len(r.Blocks) != len(want) {
			t.Fatalf("blocks %+v, want kinds %v", r.Blocks, want)
		}
		for i, b := range r.Blocks {
			if b.Kind != want[i] {
				t.Errorf("block %d %q: kind %s, want %s", i, text[b.Start:b.End], b.Kind, want[i])
			}
		}
		if len(r.Sentences) != 3 {
			t.Errorf("%d sentences, want 3", len(r.Sentences))
		}
	})
	t.Run("html blocks kept and cleaned", func(t *testing.T) {
		text := "Title here\n\nA heading\n\nFirst para. Second.\n\nAdvertisement\n\nLast one."
		at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
		blocks := []model.Block{}
		add := func(s, kind string, pad int) {
			a, b := at(s)
			blocks = append(blocks, model.Block{Start: a - pad, End: b + pad, Kind: kind})
		}
		add("Last one.", model.BlockQuote, 0)
		add("Title here", model.BlockTitle, 0)
		add("A heading", model.BlockHeading, 1) // padded with the surrounding newlines
		add("First para. Second.", model.BlockParagraph, 0)
		add("Second.", model.BlockParagraph, 0)                                                                    // overlaps: dropped
		add("Advertisement", "", 0)                                                                                // no kind: a paragraph, then debris
		blocks = append(blocks, model.Block{Start: len(text) + 5, End: len(text) + 9, Kind: model.BlockParagraph}) // outside
		r := sg.Segment(text, blocks)
		checkInvariants(t, text, r)
		var got []string
		for _, b := range r.Blocks {
			got = append(got, b.Kind+":"+text[b.Start:b.End])
		}
		want := []string{"title:Title here", "heading:A heading", "paragraph:First para. Second.", "debris:Advertisement", "quote:Last one."}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if len(r.Sentences) != 5 {
			t.Errorf("%d sentences, want 5", len(r.Sentences))
		}
	})
}

func TestStage(t *testing.T) {
	st := New()
	if st.Name() != "segment" || len(st.Requires()) != 0 {
		t.Fatalf("stage %q requires %v", st.Name(), st.Requires())
	}
	p, err := nlp.New(st)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Analysis{Text: "Putin met Trump. They talked.", Doc: model.Doc{Language: "de"}}
	a.Tokens = []model.Token{{Start: 0, End: 1}} // stale, replaced
	if err := p.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Runs) != 1 || a.Runs[0].Error != "" || a.Runs[0].Skipped != "" {
		t.Fatalf("runs %+v", a.Runs)
	}
	if len(a.Blocks) != 1 || len(a.Sentences) != 2 || len(a.Tokens) != 7 {
		t.Errorf("got %d blocks, %d sentences, %d tokens; want 1, 2, 7", len(a.Blocks), len(a.Sentences), len(a.Tokens))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, &model.Analysis{Text: "x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err %v", err)
	}
}

// TestPathological checks that adversarial inputs of a few megabytes are
// segmented in linear time and keep the invariants.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	sg := mustDefault(t)
	const size = 1 << 17 // quadratic work on this would take minutes
	for _, unit := range []string{
		"a-", "U.S.", ".", "'", "’", "1,000,", "x@y.", "a.b.", "http://x ", "\"", "“", "(", "Mr. ",
		"\xff", "\xe2\x80", "👍🏽\u200d", "🇺", "#a", "@b", "...", "a'b", "no. ", "\u00ad", "--", "\r\n", "\n\n",
		"Heading\nText.\n", "Also Read\n", "W. ", "e.g", "x", " ",
	} {
		text := strings.Repeat(unit, size/len(unit))
		t0 := time.Now()
		r := sg.Segment(text, nil)
		if d := time.Since(t0); d > 3*time.Second {
			t.Errorf("%q×%d: %v (not linear?)", unit, size/len(unit), d)
		}
		if err := invariantError(text, r); err != "" {
			t.Errorf("%q: %s", unit, err)
		}
	}
}

// TestConcurrent runs the stage from many goroutines (run with -race): the
// results must equal a serial run.
func TestConcurrent(t *testing.T) {
	text := string(must(t, filepath.Join("testdata", "seed.txt")))
	want := dump(t, text)
	st := New()
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for k := 0; k < 20; k++ {
				a := &model.Analysis{Text: text}
				if err := st.Process(context.Background(), a); err != nil {
					errs <- err.Error()
					return
				}
				if len(a.Tokens) == 0 || a.Tokens[len(a.Tokens)-1].End > len(text) {
					errs <- "bad tokens"
					return
				}
			}
			if got := dump(t, text); got != want {
				errs <- "concurrent result differs"
				return
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// TestEstimateTokensIsClose checks the token estimate that sizes the token
// slice: an upper bound, and not wastefully high.
func TestEstimateTokensIsClose(t *testing.T) {
	text := string(must(t, "testdata/seed.txt"))
	n := len(mustDefault(t).Tokenize(text))
	est := estimateTokens(text)
	if est < n || est > n*3/2 {
		t.Errorf("estimate %d for %d tokens", est, n)
	}
	t.Logf("estimate %d for %d tokens", est, n)
}
