package segment

import (
	"errors"
	"strings"
	"testing"

	"herald/internal/resources"
)

func readFrom(files map[string]string) func(path, name string) ([]byte, error) {
	return func(path, name string) ([]byte, error) {
		if data, ok := files[name]; ok {
			return []byte(data), nil
		}
		return dataFS.ReadFile(name)
	}
}

func TestLexiconErrors(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"bad class", "data/abbreviations.tsv", "Gen\ttitle\nInc\tcompany\n", "segment/abbreviations.tsv:2:5: unknown class"},
		{"period", "data/abbreviations.tsv", "U.S.\tgeneral\n", "segment/abbreviations.tsv:1:1: abbreviation"},
		{"short row", "data/abbreviations.tsv", "# c\nGen\n", "segment/abbreviations.tsv:2:1: want at least 2"},
		{"bad match", "data/debris.tsv", "also read\tprefix\nmore\tfuzzy\n", "segment/debris.tsv:2:6: unknown match"},
		{"share phrase", "data/debris.tsv", "share it\tshare\n", "segment/debris.tsv:1:1: share word"},
		{"starter phrase", "data/starters.tsv", "The\nIn fact\n", "segment/starters.tsv:2:1: \"In fact\": want one word"},
		{"reporting phrase", "data/reporting.tsv", "said\n\nsaid that\n", "segment/reporting.tsv:3:1:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadLexicon(readFrom(map[string]string{tc.file: tc.data}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want it to contain %q", err, tc.want)
			}
			var re *resources.Error
			if !errors.As(err, &re) {
				t.Errorf("err %v is not a located *resources.Error", err)
			}
		})
	}
}

func TestLexiconOverride(t *testing.T) {
	// A user's debris list replaces the embedded one.
	lex, err := loadLexicon(readFrom(map[string]string{"data/debris.tsv": "breaking news\texact\n"}))
	if err != nil {
		t.Fatal(err)
	}
	sg := NewSegmenter(lex)
	text := "Breaking News\nAlso Read\nThe talks resumed."
	r := sg.Segment(text, nil)
	checkInvariants(t, text, r)
	var kinds []string
	for _, b := range r.Blocks {
		kinds = append(kinds, b.Kind)
	}
	if got := strings.Join(kinds, ","); got != "debris,heading,paragraph" {
		t.Errorf("kinds %s, want debris,heading,paragraph", got)
	}
}

func TestDefaultLexicon(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for w, c := range map[string]abbrevClass{"Gen": abbrevTitle, "No": abbrevNumber, "Inc": abbrevGeneral, "the": abbrevNone} {
		if lex.abbrev[w] != c {
			t.Errorf("abbrev %q: class %d, want %d", w, lex.abbrev[w], c)
		}
	}
	if !lex.starters["The"] || lex.starters["Senate"] {
		t.Error("starters: want The, not Senate")
	}
	if !lex.shareWords["facebook"] || len(lex.debris) < 20 {
		t.Errorf("debris: %d phrases, facebook=%v", len(lex.debris), lex.shareWords["facebook"])
	}
}
