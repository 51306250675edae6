package htmltext

import (
	"strings"
	"testing"

	"herald/internal/model"
)

func TestParseLexiconErrors(t *testing.T) {
	tests := map[string]string{
		"# comment\n\n= ok\nbad line\n": "lex.txt:4:1:",
		"= ok\n? what\n":                "lex.txt:2:1: unknown kind",
		"=  \n":                         "lex.txt:1:1:",
		"^ :\n= x\n~ ...\n":             "lex.txt:3:3: empty entry",
	}
	for data, want := range tests {
		_, err := parseLexicon("lex.txt", data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseLexicon(%q) error = %v, want it to contain %q", data, err, want)
		}
	}
	if _, err := loadLexicon(); err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
}

func TestBoilerplate(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]bool{
		"Advertisement":                          true,
		"ADVERTISEMENT":                          true,
		"Read more »":                            true,
		"Also read:":                             true,
		"READ MORE: Floods close the coast road": true,
		"Don’t miss":                             true,
		"Share this article":                     true,
		"Facebook Twitter WhatsApp Email":        true,
		"Whatsapp Facebook Pint Baixar":          true,
		"Thanks for signing up!":                 true,
		"We use cookies to improve your experience on our site.":                true,
		"Copyright © 2024 Example Media. All rights reserved.":                  true,
		"Tags: floods, weather, coast":                                          true,
		"More than 2,500 civilians have been killed in the fighting this year.": false, // "more" is no prefix
		"Sign up for the new service costs $12 a month, the company said.":      false,
		"Click here to read the full report, the minister told reporters.":      false,
		"Share prices fell sharply on Monday after the announcement.":           false,
		"Facebook said on Tuesday it would remove the posts.":                   false,
		"The ministers will meet again next week.":                              false,
		"Related: " + strings.Repeat("word ", 45):                               false, // too long to be a prompt
		".": false, // debris, not dropped
	}
	for text, want := range tests {
		if got := l.boilerplate(text); got != want {
			t.Errorf("boilerplate(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCleanBlocks(t *testing.T) {
	m := &pageMeta{ogTitle: "Council approves flood barrier", title: "Council approves flood barrier – The Ledger"}
	long := strings.Repeat("The council approved the barrier after a long debate in the town hall. ", 4)
	in := []piece{
		{"Council approves flood barrier", model.BlockHeading},
		{long, model.BlockParagraph},
		{"Advertisement", model.BlockParagraph},
		{"https://example.test/story/123", model.BlockParagraph},
		{"Second paragraph of the story, which says what happens next.", model.BlockParagraph},
		{"Second paragraph of the story, which says what happens next.", model.BlockParagraph},
		{")", model.BlockParagraph},
		{"Council approves flood barrier", model.BlockParagraph}, // far from the top: kept
	}
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	got := cleanBlocks(l, in, "Council approves flood barrier", m)
	want := []piece{
		{long, model.BlockParagraph},
		{"Second paragraph of the story, which says what happens next.", model.BlockParagraph},
		{")", model.BlockDebris},
		{"Council approves flood barrier", model.BlockParagraph},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d blocks %q, want %d", len(got), got, len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// The <title> minus its site suffix also counts as the headline.
	got = cleanBlocks(l, []piece{{"Floods: what we know", model.BlockHeading}, {long, model.BlockParagraph}}, "", &pageMeta{title: "Floods: what we know | The Ledger"})
	if len(got) != 1 || got[0].text != long {
		t.Errorf("title suffix: got %q", got)
	}
}

func TestLayout(t *testing.T) {
	text, blocks := layout([]piece{{"a b", "paragraph"}, {"", "paragraph"}, {"c", "heading"}})
	if text != "a b\n\nc" || len(blocks) != 2 || blocks[1] != (model.Block{Start: 5, End: 6, Kind: "heading"}) {
		t.Errorf("layout = %q %+v", text, blocks)
	}
}

func TestFurniture(t *testing.T) {
	tests := map[string]bool{
		"cookie-banner":          true,
		"social-share":           true,
		"shareButtons":           true,
		"c-ad-slot":              true,
		"related_articles":       true,
		"comments":               true,
		"article-body":           false,
		"commentary":             false,
		"shared-content":         false,
		"header download":        false,
		"main adverb-list":       false,
		"story-text column":      false,
		"newsletter-signup-form": true,
		"breadcrumbs":            true,
	}
	for v, want := range tests {
		if got := hasFurnitureWord(v); got != want {
			t.Errorf("hasFurnitureWord(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestBuilderWhitespace(t *testing.T) {
	d, err := Extract([]byte(`<html><body><article><p>  Lots   of
	space&nbsp;here, and a <a href="#">link</a>,<br> a break and <b>bold</b>text.
	`+strings.Repeat("More words to make this paragraph long enough for the extractors to keep. ", 5)+`</p></article></body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Text, "Lots of space here, and a link,\na break and boldtext. More words") {
		t.Errorf("text = %q", d.Text)
	}
}
