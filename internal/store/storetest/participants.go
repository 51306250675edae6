package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"herald/internal/model"
	"herald/internal/store"
)

// participantLimiter is implemented by stores whose event lists by
// participant take different paths by how many names match.
type participantLimiter interface {
	SetParticipantLimits(branches, names int)
}

// runParticipants checks event lists filtered by actor or recipient: newest
// first (by event date, else publication date), the same events and order
// whichever path the store takes, cursor pages that add up to the whole, and
// merge statistics that follow an article's update.
func runParticipants(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	t.Run("EventsByParticipant", func(t *testing.T) {
		s := open(t)
		names := []string{"Russia", "Russian Army", "Russian Federation"}
		codes := []string{"RUSGOV", "RUSMIL", "RUS"}
		for i := 0; i < 12; i++ {
			a := Sample(fmt.Sprintf("p%02d", i), fmt.Sprintf("2025-07-%02d", 10+i), codes[i%3])
			a.Entities[0].Name = names[i%3]
			ev := &a.Events[0]
			switch {
			case i%4 == 0:
				ev.Date = "" // dated by publication
			case i%4 == 1:
				ev.Date = fmt.Sprintf("2025-08-%02d", 20-i) // dated later than published, in reverse order
			}
			if i == 7 {
				ev.Modality = model.ModalityFuture
			}
			if _, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
				t.Fatal(err)
			}
		}
		list := func(f store.EventFilter) []string {
			t.Helper()
			rows, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			var out []string
			for _, r := range rows {
				day := r.Date
				if day == "" {
					day = r.Published
				}
				out = append(out, day+" "+r.DocID)
			}
			return out
		}
		all := list(store.EventFilter{Page: store.Page{Limit: 100}}) // no participant filter: a scan
		if len(all) != 11 {
			t.Fatalf("asserted events: %d, want 11: %v", len(all), all)
		}
		if !slices.IsSortedFunc(all, func(a, b string) int { return -cmpDay(a, b) }) {
			t.Errorf("not newest first: %v", all)
		}
		if all[0][:10] != "2025-08-19" {
			t.Errorf("newest event first: %v", all[0])
		}
		if w, ok := s.(store.Warmer); ok { // reading ahead changes no answer
			if err := w.Warm(ctx); err != nil {
				t.Fatal(err)
			}
			if got := list(store.EventFilter{Page: store.Page{Limit: 100}}); !slices.Equal(got, all) {
				t.Errorf("after Warm: %v, want %v", got, all)
			}
		}
		paths := []struct {
			name            string
			branches, names int
		}{{"walks", 1000, 1000}, {"set", 1, 1000}, {"scan", 0, 0}}
		for _, p := range paths {
			if l, ok := s.(participantLimiter); ok {
				l.SetParticipantLimits(p.branches, p.names)
			} else if p.name != "walks" {
				continue
			}
			for _, f := range []store.EventFilter{{Actor: "RUS"}, {Actor: "russ"}, {Actor: "russia"}, {Recipient: "UKR", Actor: "Russ"}, {Recipient: "ukraine"}} {
				f.Limit = 100
				if got := list(f); !slices.Equal(got, all) {
					t.Errorf("%s: %+v:\n got %v\nwant %v", p.name, f, got, all)
				}
				var paged []string
				f.Limit = 5
				for page := 0; page < 5; page++ {
					rows, err := s.Events(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					for _, r := range rows {
						paged = append(paged, r.DocID)
					}
					if len(rows) < f.Limit {
						break
					}
					f.After = rows[len(rows)-1].Cursor
				}
				if len(paged) != len(all) || paged[0] != all[0][11:] || paged[len(paged)-1] != all[len(all)-1][11:] {
					t.Errorf("%s: %+v: pages %v", p.name, f, paged)
				}
			}
			if got := list(store.EventFilter{Actor: "RUSMIL", Page: store.Page{Limit: 100}}); len(got) != 3 {
				t.Errorf("%s: RUSMIL: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "Army", AllModalities: true, Page: store.Page{Limit: 100}}); len(got) != 4 {
				t.Errorf("%s: Army, all modalities: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "Army", Modality: model.ModalityFuture}); len(got) != 1 || got[0][11:] != "p07" {
				t.Errorf("%s: Army, future: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "rus", Since: "2025-07-15", Until: "2025-07-21"}); len(got) != 1 || got[0][11:] != "p08" {
				t.Errorf("%s: date range: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "Federation", Type: "assault", Place: "kharkiv", MinConfidence: 0.5}); len(got) != 4 {
				t.Errorf("%s: with event filters: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "Russ_an"}); len(got) != 0 {
				t.Errorf("%s: '_' is no wildcard: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "%"}); len(got) != 0 {
				t.Errorf("%s: '%%' is no wildcard: %v", p.name, got)
			}
			if got := list(store.EventFilter{Actor: "nobody"}); len(got) != 0 {
				t.Errorf("%s: nobody: %v", p.name, got)
			}
			if _, err := s.Events(ctx, store.EventFilter{Actor: "rus", Since: "yesterday"}); err == nil {
				t.Errorf("%s: bad date accepted", p.name)
			}
		}
	})
	t.Run("MergeStatsFollowUpdates", func(t *testing.T) {
		s := open(t)
		for _, id := range []string{"m1", "m2", "m3"} {
			if _, err := s.Put(ctx, store.Article{Analysis: Sample(id, "2025-08-06", "RUSMIL"), ContentHash: "h"}); err != nil {
				t.Fatal(err)
			}
		}
		stats := func(id string) [3]int {
			rows, err := s.Events(ctx, store.EventFilter{DocID: id})
			if err != nil || len(rows) != 1 {
				t.Fatalf("events of %s: %v %d", id, err, len(rows))
			}
			return [3]int{rows[0].NumMentions, rows[0].NumArticles, rows[0].NumSources}
		}
		if got := stats("m1"); got != [3]int{3, 3, 3} {
			t.Errorf("three articles, one event: %v", got)
		}
		b := Sample("m3", "2025-08-06", "RUSMIL")
		b.Events[0].Date = "2025-08-04" // now a different event
		if _, err := s.Put(ctx, store.Article{Analysis: b, ContentHash: "h2"}); err != nil {
			t.Fatal(err)
		}
		if got := stats("m1"); got != [3]int{2, 2, 2} {
			t.Errorf("after m3 moved away: %v", got)
		}
		if got := stats("m3"); got != [3]int{1, 1, 1} {
			t.Errorf("m3's own event: %v", got)
		}
	})
}

// cmpDay compares "day id" strings by day only.
func cmpDay(a, b string) int {
	switch {
	case a[:10] < b[:10]:
		return -1
	case a[:10] > b[:10]:
		return 1
	}
	return 0
}
