package demo

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestArticles(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 6 {
		t.Fatalf("%d demo articles, want at least 6", len(arts))
	}
	seen := map[string]bool{}
	for _, a := range arts {
		if a.Title == "" || len(a.Published) != 10 || strings.TrimSpace(a.Text) == "" || seen[a.ID] {
			t.Errorf("bad demo article %+v", a.ID)
		}
		seen[a.ID] = true
	}
	if !seen["demo/kremlin-summit"] {
		t.Error("the seed article is missing from the demo set")
	}
}

func TestParseErrors(t *testing.T) {
	for name, body := range map[string]string{
		"nohead.txt":  "just text",
		"badkey.txt":  "colour: red\n\ntext",
		"noColon.txt": "title\n\ntext",
	} {
		if _, err := Parse(fstest.MapFS{name: {Data: []byte(body)}}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}
