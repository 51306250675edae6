package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"herald/internal/model"
	"herald/internal/store"
)

// RunAggregate runs the store.Aggregator conformance cases. open must return
// a new, empty store that implements store.Aggregator.
func RunAggregate(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	t.Run("Aggregates", func(t *testing.T) {
		s := open(t)
		ag, ok := s.(store.Aggregator)
		if !ok {
			t.Fatalf("%T does not implement store.Aggregator", s)
		}
		// Six articles: events on 08-01, 08-01, 08-02, 08-03 (asserted) and
		// two future events, one dated only "2025-08"; the last three have no
		// place, so their participants' countries are counted.
		for i := 0; i < 6; i++ {
			a := Sample(fmt.Sprintf("g%d", i), "2025-08-10", "RUSMIL")
			ev := &a.Events[0]
			// A partial date ("2025-08") counts on the article's publication day.
			ev.Date = []string{"2025-08-01", "2025-08-01", "2025-08-02", "2025-08-03", "2025-08-04", "2025-08"}[i]
			ev.Intensity = float64(2 * (i + 1))
			if i >= 3 {
				ev.Place = ""
			}
			if i == 1 {
				ev.Type, ev.Quad = "PROTEST", 3
			}
			if i >= 4 {
				ev.Modality = model.ModalityFuture
			}
			if _, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
				t.Fatal(err)
			}
		}
		days, err := ag.Daily(ctx, store.AggFilter{}, store.ByType)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.DayCount{dc("2025-08-01", "ASSAULT", 1), dc("2025-08-01", "PROTEST", 1), dc("2025-08-02", "ASSAULT", 1), dc("2025-08-03", "ASSAULT", 1)}
		if fmt.Sprint(days) != fmt.Sprint(want) {
			t.Errorf("daily by type = %v, want %v", days, want)
		}
		days, err = ag.Daily(ctx, store.AggFilter{AllModalities: true, Since: "2025-08-02"}, store.ByQuad)
		if err != nil {
			t.Fatal(err)
		}
		want = []store.DayCount{dc("2025-08-02", "4", 1), dc("2025-08-03", "4", 1), dc("2025-08-04", "4", 1), dc("2025-08-10", "4", 1)}
		if fmt.Sprint(days) != fmt.Sprint(want) {
			t.Errorf("daily by quad since 08-02 = %v, want %v", days, want)
		}
		if _, err := ag.Daily(ctx, store.AggFilter{}, "colour"); !errors.Is(err, store.ErrQuery) {
			t.Errorf("bad dimension: %v", err)
		}
		if _, err := ag.Daily(ctx, store.AggFilter{Until: "soon"}, store.ByType); !errors.Is(err, store.ErrQuery) {
			t.Errorf("bad date: %v", err)
		}
		dy, err := ag.Dyads(ctx, store.AggFilter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(dy) != 1 || dy[0].Actor.Name != "Russia" || dy[0].Recipient.Code != "UKRGOV" || dy[0].Count != 4 || dy[0].MeanIntensity != 5 {
			t.Errorf("dyads = %+v", dy)
		}
		if dy, _ := ag.Dyads(ctx, store.AggFilter{Type: "protest"}, 0); len(dy) != 1 || dy[0].Count != 1 || dy[0].MeanIntensity != 4 {
			t.Errorf("protest dyads = %+v", dy)
		}
		cs, err := ag.Countries(ctx, store.AggFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// UKR: three placed events + one unplaced (Ukraine takes part); RUS: one unplaced.
		if fmt.Sprint(cs) != fmt.Sprint([]store.CountryCount{{Country: "UKR", Count: 4}, {Country: "RUS", Count: 1}}) {
			t.Errorf("countries = %v", cs)
		}
		if cs, _ := ag.Countries(ctx, store.AggFilter{Actor: "nobody-at-all"}); len(cs) != 0 {
			t.Errorf("countries for unknown actor = %v", cs)
		}
		cs[0].Count = 99 // a caller's changes stay its own
		// A new article shows at once in aggregates asked for before.
		if _, err := s.Put(ctx, store.Article{Analysis: Sample("g9", "2025-08-10", "RUSMIL"), ContentHash: "h"}); err != nil {
			t.Fatal(err)
		}
		if cs, _ := ag.Countries(ctx, store.AggFilter{}); fmt.Sprint(cs) != fmt.Sprint([]store.CountryCount{{Country: "UKR", Count: 5}, {Country: "RUS", Count: 1}}) {
			t.Errorf("countries after a new article = %v", cs)
		}
		if dy, _ := ag.Dyads(ctx, store.AggFilter{}, 0); len(dy) != 1 || dy[0].Count != 5 {
			t.Errorf("dyads after a new article = %+v", dy)
		}
		al, err := ag.Aliases(ctx, "Russia", 0)
		if err != nil || fmt.Sprint(al) != "[Moscow]" {
			t.Errorf("aliases = %v, %v", al, err)
		}
	})
}

func dc(day, key string, n int) store.DayCount { return store.DayCount{Day: day, Key: key, Count: n} }
