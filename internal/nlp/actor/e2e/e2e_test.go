// Package e2e runs the actor stage behind the real segment, tag and ner
// stages on the seed article (a copy of the project's own sample in
// testdata). It is a separate package so that the actor package's own tests
// never depend on the other stages; it skips while the ner models are not
// built.
package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/nlp/actor"
	"herald/internal/nlp/ner"
	"herald/internal/nlp/segment"
	"herald/internal/nlp/tag"
)

func TestSeedEndToEnd(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := actor.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New(segment.New(), tag.New(), ner.New(), st)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Analysis{Text: string(b), Doc: model.Doc{Language: "en", Published: "2025-08-07"}}
	a.PublishedDate = time.Date(2025, 8, 7, 0, 0, 0, 0, time.UTC)
	if err := p.Run(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Runs {
		if r.Error != "" || r.Skipped != "" {
			if r.Stage != "actor" && (strings.Contains(r.Error, "model") || strings.Contains(r.Error, "not exist")) {
				t.Skipf("%s stage not ready: %s", r.Stage, r.Error)
			}
			t.Fatalf("stage %s: %s %s", r.Stage, r.Error, r.Skipped)
		}
	}
	type want struct{ typ, country, sector, title string }
	wants := map[string]want{
		"Vladimir Putin":       {"PER", "RUS", "GOV", "President"},
		"Donald Trump":         {"PER", "USA", "GOV", "President"},
		"Yuri Ushakov":         {"PER", "RUS", "GOV", "Foreign Policy Adviser"},
		"Steve Witkoff":        {"PER", "USA", "GOV", "Special Envoy"},
		"Karoline Leavitt":     {"PER", "USA", "GOV", "Press Secretary"},
		"Volodymyr Zelenskyy":  {"PER", "UKR", "GOV", "President"},
		"Dmitry Medvedev":      {"PER", "RUS", "ELI", "Former President"},
		"Kremlin":              {"ORG", "RUS", "GOV", ""},
		"White House":          {"ORG", "USA", "GOV", ""},
		"The Associated Press": {"ORG", "USA", "MED", ""},
		"NATO":                 {"ORG", "", "IGO", ""},
		"Russia":               {"GPE", "RUS", "", ""},
		"Ukraine":              {"GPE", "UKR", "", ""},
		"India":                {"GPE", "IND", "", ""},
		"United States":        {"GPE", "USA", "", ""},
		"Moscow":               {"GPE", "RUS", "", ""},
	}
	count := map[string]int{}
	for _, e := range a.Entities {
		if w, ok := wants[e.Name]; ok {
			count[e.Name]++
			if e.Type != w.typ || e.Country != w.country || e.Sector != w.sector || e.Title != w.title {
				t.Errorf("%s: type %s country %s sector %s title %q, want %+v", e.Name, e.Type, e.Country, e.Sector, e.Title, w)
			}
		}
		for _, m := range e.Mentions {
			for _, other := range []string{"Zelensky", "Zelenskyy", "Putin’s office"} {
				if m.Text == other && e.Name != "Volodymyr Zelenskyy" && e.Name != "Vladimir Putin" {
					t.Errorf("%q is a mention of %s", m.Text, e.Name)
				}
			}
		}
	}
	byID := map[string]string{}
	for _, e := range a.Entities {
		byID[e.ID] = e.Name
	}
	corefs := map[string]bool{}
	for _, c := range a.Coref {
		corefs[c.Text+"→"+byID[c.Entity]] = true
	}
	for _, c := range []string{"he→Yuri Ushakov", "the US President→Donald Trump", "He→Volodymyr Zelenskyy", "it→Moscow"} {
		if !corefs[c] {
			t.Errorf("coref %s missing: %v", c, corefs)
		}
	}
	for n := range wants {
		if count[n] != 1 {
			t.Errorf("%s: %d entities, want 1", n, count[n])
		}
	}
	if t.Failed() {
		for _, e := range a.Entities {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text+"/"+m.Role+"/"+m.Rule)
			}
			t.Logf("%s %q %s %s %s %q %v", e.ID, e.Name, e.Type, e.Country, e.Sector, e.Title, ms)
		}
	}
}
