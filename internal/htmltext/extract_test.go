package htmltext

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"herald/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkSpans fails unless every block lies inside the text, the blocks are
// sorted and do not overlap, and their kinds are known.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	if err := spanError(d); err != "" {
		t.Fatal(err)
	}
}

func spanError(d *Document) string {
	prev := 0
	for i, b := range d.Blocks {
		switch {
		case b.Start < prev:
			return "block starts before the end of the previous one"
		case b.End <= b.Start:
			return "empty or inverted block"
		case b.End > len(d.Text):
			return "block beyond the text"
		}
		switch b.Kind {
		case model.BlockParagraph, model.BlockHeading, model.BlockQuote, model.BlockDebris:
		default:
			return "unknown block kind " + b.Kind
		}
		prev = b.End
		_ = i
	}
	return ""
}

func blockText(d *Document, kind string) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == kind {
			out = append(out, d.Text[b.Start:b.End])
		}
	}
	return out
}

func TestExtractArticle(t *testing.T) {
	d, err := Extract(readFixture(t, "article.html"), "https://ledger.example/news/x?utm=1")
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	// Furniture that must not survive.
	for _, bad := range []string{
		"cookies", "Accept all", // cookie banner
		"Sport", "Weather", "Home", // navigation
		"Advertisement",                      // ad slot
		"Share this", "WhatsApp", "Facebook", // share buttons
		"Related stories", "Fishermen warn barrier", // related links
		"About time too", "mark my words", "Comments", // comments
		"All rights reserved", "Contact", // footer
		"Harbour council approves", // the headline is not part of Text
		"By Mira Okafor",           // byline line
	} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text contains %q:\n%s", bad, d.Text)
		}
	}
	for _, good := range []string{
		"The harbour council voted on Wednesday night",
		"by eleven votes to four",
		"Opponents argued that the money",
		"but would keep pressing for a cheaper scheme.",
	} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("text lacks %q", good)
		}
	}
	if got := blockText(d, model.BlockHeading); strings.Join(got, "|") != "Years of flooding|What happens next" {
		t.Errorf("headings = %q", got)
	}
	if got := blockText(d, model.BlockQuote); len(got) != 1 || !strings.HasPrefix(got[0], "We cannot keep asking people") {
		t.Errorf("block quotes = %q", got)
	}
	if got := len(blockText(d, model.BlockParagraph)); got != 7 {
		t.Errorf("%d paragraphs, want 7", got)
	}
	if !strings.HasPrefix(d.Text, "The harbour council") {
		t.Errorf("text starts with %q", d.Text[:min(40, len(d.Text))])
	}
	want := Document{
		Title:       "Harbour council approves new flood barrier",
		Published:   "2024-03-14T09:30:00Z",
		Site:        "The Coastal Ledger",
		Byline:      "Mira Okafor, Tomas Lindqvist",
		Language:    "en",
		Canonical:   "https://ledger.example/news/2024/03/harbour-flood-barrier",
		Description: "Councillors voted to build a tidal barrier after two winters of flooding.",
	}
	got := *d
	got.Text, got.Blocks = "", nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metadata:\n got %+v\nwant %+v", got, want)
	}
}

// TestExtractGolden checks the whole Document of each fixture against its
// reviewed golden file (go test -update rewrites them) and that a second
// run gives the same bytes.
func TestExtractGolden(t *testing.T) {
	for _, name := range []string{"article.html", "broken.html", "cp1252.html"} {
		t.Run(name, func(t *testing.T) {
			page := readFixture(t, name)
			render := func() []byte {
				d, err := Extract(page, "https://news.example/story")
				if err != nil {
					t.Fatal(err)
				}
				checkSpans(t, d)
				b, err := json.MarshalIndent(d, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				return append(b, '\n')
			}
			got := render()
			if again := render(); !bytes.Equal(got, again) {
				t.Fatal("two runs gave different output")
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".html")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

func TestExtractNoText(t *testing.T) {
	tests := map[string][]byte{
		"empty":        nil,
		"blank":        []byte(" \n\t "),
		"bare html":    []byte("<html></html>"),
		"empty body":   []byte("<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>"),
		"scripts only": []byte("<html><body><script>var a = 'lots of text in a script';</script><style>p{}</style></body></html>"),
		"control":      []byte("\x00\x01\x02"),
		"nav only":     readFixture(t, "nav_only.html"),
	}
	for name, page := range tests {
		d, err := Extract(page, "")
		if !errors.Is(err, ErrNoText) {
			t.Errorf("%s: err = %v (doc %+v), want ErrNoText", name, err, d)
		}
	}
}

func TestExtractBroken(t *testing.T) {
	d, err := Extract(readFixture(t, "broken.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	for _, good := range []string{
		"Ferry crews walked out at dawn on Thursday",
		"forty-eight hours",
		"the disruption & hoped", // entity decoded
		"would not intervene while talks were still possible",
	} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("text lacks %q:\n%s", good, d.Text)
		}
	}
	if d.Byline != "Ana Pereira" || d.Published != "2023-11-02" {
		t.Errorf("byline %q published %q", d.Byline, d.Published)
	}
}

func TestExtractCharset(t *testing.T) {
	d, err := Extract(readFixture(t, "cp1252.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, good := range []string{"Après dix-huit mois", "200 000 €", "« Nous voulions garder l’âme du lieu »"} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("text lacks %q:\n%s", good, d.Text)
		}
	}
	if d.Language != "fr" || d.Title != "Le café du port rouvre ses portes" {
		t.Errorf("language %q title %q", d.Language, d.Title)
	}
}

func TestExtractBlocks(t *testing.T) {
	long := strings.Repeat("The ministers met again on Tuesday to discuss the grain corridor and the inspections of ships. ", 4)
	tests := []struct {
		name string
		body string
		want []string // kind: text prefix
	}{
		{
			"br pairs split paragraphs",
			"<div class=\"story\">" + long + "<br><br>Second paragraph after two line breaks, long enough to be kept as its own block of text.<br>With a single break inside.</div>",
			[]string{"paragraph:The ministers met", "paragraph:Second paragraph after two line breaks, long enough to be kept as its own block of text.\nWith a single"},
		},
		{
			"heading, list and quote",
			"<article><p>" + long + "</p><h3>Inspections</h3><ul><li>Item one of the list of demands made by the ministers.</li><li>Item two of the list.</li></ul><blockquote>We will not accept new conditions, the minister said to reporters.</blockquote><p>" + long + "</p></article>",
			[]string{"paragraph:The ministers", "heading:Inspections", "paragraph:Item one", "paragraph:Item two", "quote:We will not accept", "paragraph:The ministers"},
		},
	}
	for _, tt := range tests {
		d, err := Extract([]byte("<html><body>"+tt.body+"</body></html>"), "")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		checkSpans(t, d)
		var got []string
		for _, b := range d.Blocks {
			got = append(got, b.Kind+":"+d.Text[b.Start:b.End])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: blocks\n got %q\nwant %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], tt.want[i]) {
				t.Errorf("%s: block %d = %q, want prefix %q", tt.name, i, got[i], tt.want[i])
			}
		}
		if strings.Contains(d.Text, "\n\n\n") || strings.HasPrefix(d.Text, "\n") {
			t.Errorf("%s: bad separators in %q", tt.name, d.Text)
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	page := readFixture(t, "article.html")
	want, err := Extract(page, "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				d, err := Extract(page, "")
				if err != nil || d.Text != want.Text {
					t.Errorf("concurrent run differs: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"article.html", "broken.html", "cp1252.html", "nav_only.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<p>a<br><br>b</p><blockquote>c</blockquote><h2>d</h2>"))
	f.Add([]byte(strings.Repeat("<div>", 520) + "<h1>x</h1><p>deep text</p>"))
	f.Add([]byte("<html><body><p>\xff\xfe broken \x00 bytes</p></body></html>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"author":{"name":1}}]}</script>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		d, err := Extract(page, "https://example.test/a")
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if msg := spanError(d); msg != "" {
			t.Fatalf("%s: %+v in %q", msg, d.Blocks, d.Text)
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatal("empty text without ErrNoText")
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page := readFixture(b, "article.html")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(page, "https://ledger.example/news/x"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExtractLarge(t *testing.T) {
	// Past maxTrafilaturaText the page goes to readability alone, whose cost
	// is linear: 10,000 paragraphs (about 1.2 MB) must still come out whole.
	var sb strings.Builder
	sb.WriteString("<html><body><article>")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "<p>Paragraph %d says that the ministers met again on Tuesday to discuss the grain corridor.</p>", i)
	}
	sb.WriteString("</article></body></html>")
	d, err := Extract([]byte(sb.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	if len(d.Blocks) != 10000 || !strings.HasPrefix(d.Text[d.Blocks[9999].Start:], "Paragraph 9999 says") {
		t.Errorf("%d blocks", len(d.Blocks))
	}
}

func TestExtractDeep(t *testing.T) {
	// Nesting deeper than the HTML parser accepts: the text of the tokens.
	page := "<html><head><title>T</title><script>var x = 1;</script></head><body>" + strings.Repeat("<div>", 600) +
		"<h2>Deep heading</h2><p>Text of a page nested far too deep.<br><br>Second part.</p>" + strings.Repeat("</div>", 600) + "</body></html>"
	d, err := Extract([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Kind+":"+d.Text[b.Start:b.End])
	}
	want := []string{"heading:Deep heading", "paragraph:Text of a page nested far too deep.", "paragraph:Second part."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
	if _, err := Extract([]byte(strings.Repeat("<div>", 600)+"<script>only code</script>"), ""); !errors.Is(err, ErrNoText) {
		t.Errorf("deep page without text: err = %v, want ErrNoText", err)
	}
}
