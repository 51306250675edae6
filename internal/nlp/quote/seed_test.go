package quote

import (
	"os"
	"slices"
	"strings"
	"testing"

	"herald/internal/model"
)

// seedEntities are what the actor stage gives for the seed article.
var seedEntities = []ent{
	{"E1", "PER", "GOV", []string{"Vladimir Putin", "Putin"}},
	{"E2", "PER", "GOV", []string{"Donald Trump", "Trump"}},
	{"E3", "PER", "GOV", []string{"Yuri Ushakov", "Ushakov"}},
	{"E4", "PER", "GOV", []string{"Steve Witkoff", "Witkoff"}},
	{"E5", "PER", "GOV", []string{"Karoline Leavitt", "Leavitt"}},
	{"E6", "PER", "GOV", []string{"Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"}},
	{"E7", "ORG", "MED", []string{"The Associated Press"}},
	{"E8", "ORG", "GOV", []string{"The Kremlin", "the Kremlin"}},
	{"E9", "ORG", "GOV", []string{"the White House", "The White House"}},
	{"E10", "PER", "GOV", []string{"Dmitry Medvedev"}},
}

var seedCoref = []cor{{"he", 0, "E3"}, {"He", 0, "E6"}}

// TestSeed checks the seed article (read from ../shared, skipped without it).
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("../../../../shared/seed/article.txt")
	if err != nil {
		t.Skip("seed article not available")
	}
	a := build(t, string(b), seedEntities, seedCoref)
	qs := Extract(lexicon(t), a)
	find := func(sub string) *model.Quote {
		for i := range qs {
			if strings.Contains(quoteText(a, qs[i]), sub) {
				return &qs[i]
			}
		}
		t.Errorf("no quote with %q", sub)
		return nil
	}
	for _, tc := range []struct {
		sub, speaker, kind string
		via                []string
		anon               bool
		medium             string
	}{
		{"a meeting has been agreed to", "E3", model.QuoteMixed, []string{"E7"}, false, ""},
		{"both sides are working to finalise", "E3", model.QuoteIndirect, []string{"E7"}, false, ""},
		{"The goal is a substantive dialogue,", "E3", model.QuoteDirect, []string{"E7"}, false, ""},
		{"the war in Ukraine and broader US-Russia", "E3", model.QuoteIndirect, []string{"E7"}, false, ""},
		{"the meeting could take place as early as next week", "", model.QuoteIndirect, []string{"E7"}, true, ""},
		{"useful and constructive", "E8", model.QuoteMixed, nil, false, ""},
		{"great progress was made", "E2", model.QuoteMixed, nil, false, "Truth Social"},
		{"the administration is open to direct talks", "E5", model.QuoteIndirect, nil, false, ""},
		{"The Russians expressed their desire", "E5", model.QuoteDirect, nil, false, ""},
		{"The President is open to meeting with both", "E5", model.QuoteDirect, nil, false, ""},
		{"he spoke with Trump following the Moscow meeting", "E6", model.QuoteIndirect, nil, false, ""},
		{"Russia may be more open to a ceasefire", "E6", model.QuoteIndirect, nil, false, ""},
		{"It seems that Russia is now more inclined", "E6", model.QuoteDirect, nil, false, ""},
		{"But we must not let them deceive us", "E6", model.QuoteDirect, nil, false, ""},
		{"cruelty to intimidate", "E6", model.QuoteMixed, nil, false, ""},
		{"the war could lead to direct military conflict", "E10", model.QuoteIndirect, nil, false, ""},
	} {
		q := find(tc.sub)
		if q == nil {
			continue
		}
		if q.Speaker != tc.speaker || q.Kind != tc.kind || q.Anonymous != tc.anon || q.Medium != tc.medium {
			t.Errorf("%q: speaker %q kind %s anonymous %v medium %q, want %q %s %v %q",
				tc.sub, q.Speaker, q.Kind, q.Anonymous, q.Medium, tc.speaker, tc.kind, tc.anon, tc.medium)
		}
		if tc.via == nil {
			tc.via = []string{}
		}
		if !slices.Equal(q.Via, tc.via) {
			t.Errorf("%q: via %v, want %v", tc.sub, q.Via, tc.via)
		}
		if q.Cue == nil && !strings.HasPrefix(tc.sub, "But we must") && !strings.HasPrefix(tc.sub, "The President is") {
			t.Errorf("%q: no cue", tc.sub)
		}
	}
	if q := find("the meeting could take place"); q != nil && !strings.EqualFold(q.SourceDescription, "a senior administration official") {
		t.Errorf("anonymous description %q", q.SourceDescription)
	}
	checkInvariants(t, a, qs)
}

// checkInvariants: sorted, ids, spans inside the text, text fields true,
// content without edge quote marks, Via never nil.
func checkInvariants(t *testing.T, a *model.Analysis, qs []model.Quote) {
	t.Helper()
	for i, q := range qs {
		if i > 0 && qs[i-1].Start > q.Start {
			t.Errorf("quotes not sorted at %d", i)
		}
		if q.ID != "Q"+itoa(i+1) {
			t.Errorf("id %q at %d", q.ID, i)
		}
		if q.Via == nil {
			t.Errorf("%s: Via is nil", q.ID)
		}
		if q.Start < 0 || q.End > len(a.Text) || q.Start >= q.End || q.Text != a.Text[q.Start:q.End] {
			t.Errorf("%s: bad span or text", q.ID)
			continue
		}
		if len(q.Content) == 0 {
			t.Errorf("%s: no content", q.ID)
		}
		for j, sp := range q.Content {
			if sp.Start < q.Start || sp.End > q.End || sp.Start >= sp.End || j > 0 && q.Content[j-1].End > sp.Start {
				t.Errorf("%s: bad content span %v", q.ID, sp)
			}
		}
		if q.Kind == model.QuoteDirect {
			c := a.Text[q.Content[0].Start:q.Content[0].End]
			if r := []rune(c); len(r) > 1 && (r[0] == '“' || r[len(r)-1] == '”') {
				t.Errorf("%s: direct content keeps its marks: %q", q.ID, c)
			}
		}
		if q.Cue != nil && q.Cue.Text != a.Text[q.Cue.Start:q.Cue.End] {
			t.Errorf("%s: cue text", q.ID)
		}
		if q.Confidence <= 0 || q.Confidence > 1 {
			t.Errorf("%s: confidence %v", q.ID, q.Confidence)
		}
	}
}

func itoa(i int) string {
	s := ""
	for {
		s = string(rune('0'+i%10)) + s
		i /= 10
		if i == 0 {
			return s
		}
	}
}
