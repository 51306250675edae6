package geo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"herald/internal/model"
	"herald/internal/nlp"
)

func stage(t testing.TB) nlp.Stage {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// want describes one expected place: its text, and what it must resolve to.
type want struct {
	text    string
	name    string // "" = any
	feature string
	country string
	lat     float64 // with lon: within 100 km when either is non-zero
	lon     float64
}

func check(t *testing.T, a *model.Analysis, wants []want, absent []string) {
	t.Helper()
	byText := map[string]model.Place{}
	for _, p := range a.Places {
		if a.Text[p.Start:p.End] != p.Text {
			t.Errorf("place %s: text %q != text[%d:%d] %q", p.ID, p.Text, p.Start, p.End, a.Text[p.Start:p.End])
		}
		if _, dup := byText[p.Text]; !dup {
			byText[p.Text] = p
		}
	}
	for _, w := range wants {
		p, ok := byText[w.text]
		if !ok {
			t.Errorf("no place %q; have %s", w.text, dump(a.Places))
			continue
		}
		if w.name != "" && p.Name != w.name {
			t.Errorf("%q: name %q, want %q", w.text, p.Name, w.name)
		}
		if w.feature != "" && p.Feature != w.feature {
			t.Errorf("%q: feature %q, want %q", w.text, p.Feature, w.feature)
		}
		if w.country != "" && p.Country != w.country {
			t.Errorf("%q: country %q, want %q", w.text, p.Country, w.country)
		}
		if (w.lat != 0 || w.lon != 0) && km(p.Lat, p.Lon, w.lat, w.lon) > 100 {
			t.Errorf("%q: at (%.2f, %.2f), %.0f km from (%.2f, %.2f)", w.text, p.Lat, p.Lon, km(p.Lat, p.Lon, w.lat, w.lon), w.lat, w.lon)
		}
	}
	for _, s := range absent {
		for _, p := range a.Places {
			if strings.Contains(p.Text, s) {
				t.Errorf("%q is a place (%s %s), want none", p.Text, p.Name, p.Feature)
			}
		}
	}
}

func dump(ps []model.Place) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "[%s %q→%s/%s/%s] ", p.ID, p.Text, p.Name, p.Feature, p.Country)
	}
	return b.String()
}

func TestProcess(t *testing.T) {
	s := stage(t)
	tests := []struct {
		name   string
		text   string
		ner    []string
		wants  []want
		absent []string
	}{
		{
			name: "seed-like: oblast and capital",
			text: "Overnight strikes by Russian forces hit a holiday camp in Ukraine's Zaporizhzhia region, officials said.\n" +
				"Envoys met in Moscow on Wednesday.\n",
			ner: []string{"Ukraine=B-GPE", "Zaporizhzhia=B-GPE", "Moscow=B-GPE", "Russian=B-NORP"},
			wants: []want{
				{text: "Zaporizhzhia region", feature: "ADM1", country: "UKR", lat: 47.5, lon: 35.5},
				{text: "Moscow", name: "Moscow", feature: "PPLC", country: "RUS", lat: 55.75, lon: 37.62},
				{text: "Ukraine", feature: "PCLI", country: "UKR"},
			},
			absent: []string{"Russian"},
		},
		{
			name:  "without NER labels",
			text:  "The talks in Moscow ended. Troops left eastern Ukraine and the Donbas on Friday.\n",
			wants: []want{{text: "Moscow", country: "RUS"}, {text: "eastern Ukraine", name: "Ukraine", country: "UKR"}, {text: "Donbas", country: "UKR"}},
		},
		{
			name: "city-state pair and abbreviation",
			text: "She grew up in Paris, Texas, and later moved to Dover, Del., with her family.\n",
			wants: []want{
				{text: "Paris", country: "USA", lat: 33.66, lon: -95.56},
				{text: "Texas", feature: "ADM1", country: "USA"},
				{text: "Dover", country: "USA", lat: 39.16, lon: -75.52},
				{text: "Del.", feature: "ADM1", country: "USA"},
			},
		},
		{
			name:  "Paris alone is the capital",
			text:  "The president flew to Paris for the summit.\n",
			wants: []want{{text: "Paris", feature: "PPLC", country: "FRA"}},
		},
		{
			name: "context: the other places pick the state",
			text: "Fire crews from Athens and Watkinsville answered the call in Oconee County, Georgia.\n",
			wants: []want{
				{text: "Athens", country: "USA", lat: 33.96, lon: -83.38},
				{text: "Oconee County", feature: "ADM2", country: "USA"},
				{text: "Georgia", feature: "ADM1", country: "USA"},
			},
		},
		{
			name: "a list of states keeps to one country",
			text: "Tug crews in New South Wales (NSW), Victoria and Western Australia lifted their ban.\n",
			ner:  []string{"New=B-GPE", "South=I-GPE", "Wales=I-GPE", "NSW=B-ORG", "Victoria=B-GPE", "Western=B-GPE", "Australia=I-GPE"},
			wants: []want{
				{text: "New South Wales", feature: "ADM1", country: "AUS"},
				{text: "Victoria", feature: "ADM1", country: "AUS"},
				{text: "Western Australia", feature: "ADM1", country: "AUS"},
			},
		},
		{
			name:  "US county",
			text:  "Deputies in Rapides Parish arrested two men near Alexandria.\n",
			wants: []want{{text: "Rapides Parish", feature: "ADM2", country: "USA"}, {text: "Alexandria", country: "USA", lat: 31.31, lon: -92.45}},
		},
		{
			name:   "people and months are not places",
			text:   "Officials said in March that John Walker met Bell and Jackson in Washington.\n",
			ner:    []string{"John=B-PER", "Walker=I-PER", "Bell=B-PER", "Jackson=B-PER", "Washington=B-GPE"},
			wants:  []want{{text: "Washington", country: "USA"}},
			absent: []string{"March", "Walker", "Bell", "Jackson"},
		},
		{
			name:  "Gaza",
			text:  "Aid trucks entered Gaza on Sunday.\n",
			ner:   []string{"Gaza=B-GPE"},
			wants: []want{{text: "Gaza", country: "PSE"}},
		},
		{
			name:  "country inside an organization's name",
			text:  "The Texas Alcoholic Beverage Commission ruled on Tuesday.\n",
			ner:   []string{"Texas=B-ORG", "Alcoholic=I-ORG", "Beverage=I-ORG", "Commission=I-ORG"},
			wants: []want{{text: "Texas", feature: "ADM1", country: "USA"}},
		},
		{
			name: "county lists, streets and natural features",
			text: "Storms hit Becker, Grant and Wilkin counties, closing Oak Street and the Red River crossing near Lake Lanier.\n",
			wants: []want{
				{text: "Wilkin", feature: "ADM2", country: "USA", lat: 46.36, lon: -96.47},
				{text: "Becker", feature: "ADM2", country: "USA"},
				{text: "Oak Street", name: "Oak Street", feature: "ST"},
				{text: "Red River", feature: "STM"},
				{text: "Lake Lanier", feature: "LK"},
			},
		},
		{
			name: "places the NER took for organizations or wider spans",
			text: "Lamar County deputies patrolled North Texas roads.\n",
			ner:  []string{"Lamar=B-ORG", "County=I-ORG", "North=B-GPE", "Texas=I-GPE"},
			wants: []want{
				{text: "Lamar County", feature: "ADM2", country: "USA"},
				{text: "Texas", feature: "ADM1", country: "USA"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.text, tc.ner...)
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			t.Log(dump(a.Places))
			check(t, a, tc.wants, tc.absent)
			for i, p := range a.Places {
				if p.ID != fmt.Sprintf("P%d", i+1) || i > 0 && a.Places[i-1].Start > p.Start {
					t.Errorf("places not numbered in order: %s", dump(a.Places))
				}
			}
		})
	}
}

func TestSkipNonEnglish(t *testing.T) {
	a := analysis("Les pourparlers à Moscou.\n")
	a.Doc.Language = "fr"
	err := stage(t).Process(context.Background(), a)
	if !errors.Is(err, nlp.ErrSkip) {
		t.Fatalf("err = %v, want ErrSkip", err)
	}
}

func TestResolveSpans(t *testing.T) {
	text := "Two men from Springfield, Ill., were held in Moscow. Russian officials declined comment."
	a := &model.Analysis{Text: text}
	spans := []model.Span{
		{Start: strings.Index(text, "Springfield"), End: strings.Index(text, "Springfield") + len("Springfield")},
		{Start: strings.Index(text, "Moscow"), End: strings.Index(text, "Moscow") + len("Moscow")},
		{Start: strings.Index(text, "Russian"), End: strings.Index(text, "Russian") + len("Russian")},
		{Start: 0, End: 3}, // "Two": no referent
	}
	ps, err := Resolve(a, spans)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(spans) {
		t.Fatalf("got %d places for %d spans", len(ps), len(spans))
	}
	if p := ps[0]; p.Country != "USA" || km(p.Lat, p.Lon, 39.80, -89.64) > 50 {
		t.Errorf("Springfield, Ill. → %+v", p)
	}
	if p := ps[1]; p.Country != "RUS" || p.Feature != "PPLC" {
		t.Errorf("Moscow → %+v", p)
	}
	if p := ps[2]; p.Country != "RUS" || p.Feature != "PCLI" {
		t.Errorf("Russian (given span) → %+v", p)
	}
	if p := ps[3]; p.Name != "" || p.Text != "Two" {
		t.Errorf("Two → %+v, want only the span", p)
	}
}

func TestConcurrent(t *testing.T) {
	s := stage(t)
	text := "Officials in Kyiv and Kharkiv said strikes hit the Donetsk region and Odesa.\n"
	ref := analysis(text)
	if err := s.Process(context.Background(), ref); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				a := analysis(text)
				if err := s.Process(context.Background(), a); err != nil {
					t.Error(err)
					return
				}
				if dump(a.Places) != dump(ref.Places) {
					t.Errorf("concurrent run differs: %s vs %s", dump(a.Places), dump(ref.Places))
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestKm(t *testing.T) {
	// Paris to London is about 344 km.
	if d := km(48.8566, 2.3522, 51.5074, -0.1278); d < 330 || d > 360 {
		t.Errorf("Paris-London = %.0f km", d)
	}
	if d := km(10, 20, 10, 20); d != 0 {
		t.Errorf("same point = %v", d)
	}
}

func TestActorEvidence(t *testing.T) {
	s := stage(t)
	// "Springfield" alone is Springfield, Missouri (the largest); a mention
	// that the actor stage marked as a location becomes a place, and an
	// entity's mention links to it.
	text := "Officials met in Springfield on Monday.\n"
	a := analysis(text)
	at := strings.Index(text, "Springfield")
	a.Entities = []model.Entity{{ID: "E1", Name: "Springfield", Type: model.TypeGPE,
		Mentions: []model.Mention{{Start: at, End: at + len("Springfield"), Text: "Springfield", Role: model.RoleLocation}}}}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 1 || a.Places[0].Entity != "E1" {
		t.Fatalf("places %s, want Springfield linked to E1", dump(a.Places))
	}
	// A location mention that is only an old alternate name of a city is
	// not a place ("White House" is a former name of Casablanca).
	text = "Trump returned to the White House in January.\n"
	a = analysis(text)
	at = strings.Index(text, "White House")
	a.Entities = []model.Entity{{ID: "E1", Name: "White House", Type: model.TypeORG,
		Mentions: []model.Mention{{Start: at, End: at + len("White House"), Text: "White House", Role: model.RoleLocation}}}}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 0 {
		t.Errorf("White House: places %s, want none", dump(a.Places))
	}
	// People with a country tilt an ambiguous name to it.
	text = "Smith and Jones said the plant in Birmingham would close.\n"
	for _, c := range []struct{ country, want string }{{"GBR", "GBR"}, {"USA", "USA"}} {
		a = analysis(text)
		for i, n := range []string{"Smith", "Jones"} {
			p := strings.Index(text, n)
			a.Entities = append(a.Entities, model.Entity{ID: fmt.Sprintf("E%d", i+1), Name: n, Type: model.TypePER, Country: c.country,
				Mentions: []model.Mention{{Start: p, End: p + len(n), Text: n, Role: model.RoleAgent}}})
		}
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Places) != 1 || a.Places[0].Country != c.want {
			t.Errorf("with %s actors: %s, want Birmingham in %s", c.country, dump(a.Places), c.want)
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("Two men from Springfield, Ill., were held in Moscow.", 13, 24)
	f.Add("Zaporizhzhia region, eastern Ukraine", 0, 19)
	f.Add("\xff\xfe, Tex.", 0, 2)
	f.Fuzz(func(t *testing.T, text string, s, e int) {
		a := &model.Analysis{Text: text}
		ps, err := Resolve(a, []model.Span{{Start: s, End: e}, {Start: 0, End: len(text)}})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 {
			t.Fatalf("%d places for 2 spans", len(ps))
		}
		for _, p := range ps {
			if p.Start >= 0 && p.End <= len(text) && p.Start <= p.End && p.Text != text[p.Start:p.End] {
				t.Fatalf("place text %q != %q", p.Text, text[p.Start:p.End])
			}
		}
	})
}

func FuzzProcess(f *testing.F) {
	f.Add("Officials in Kyiv said strikes hit the Donetsk region and Odesa, Texas.")
	f.Add("St. Ste. Mt. Lake Mount , , counties")
	f.Fuzz(func(t *testing.T, text string) {
		a := analysis(text)
		if err := stage(t).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for i, p := range a.Places {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End || p.Text != text[p.Start:p.End] {
				t.Fatalf("bad place %+v", p)
			}
			if i > 0 && a.Places[i-1].Start > p.Start {
				t.Fatalf("places not sorted")
			}
		}
	})
}
