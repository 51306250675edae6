// Package storetest is the conformance suite every store.Store dialect must
// pass. Call Run from the dialect's tests with a function returning a fresh,
// empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"herald/internal/model"
	"herald/internal/store"
)

// Sample builds a small analysed article with one of each fact, for tests.
// Its text and spans are consistent: every span's text is Text[start:end].
func Sample(id, published, actorCode string) *model.Analysis {
	text := "Kyiv says Moscow struck Kharkiv on Tuesday. “We will rebuild,” the mayor said."
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	ms, me := span("Moscow")
	ks, ke := span("Kyiv")
	hs, he := span("Kharkiv")
	ts, te := span("Tuesday")
	qs, qe := span("We will rebuild,")
	cs, ce := span("said")
	ss, se := span("the mayor")
	trs, tre := span("struck")
	a := &model.Analysis{
		Schema: model.Schema, Offsets: model.OffsetsUTF8, Text: text,
		Doc: model.Doc{ID: id, Title: "Strike on Kharkiv " + id, Source: "Wire " + id, Published: published, Language: "en",
			Pipeline: model.Pipeline{Version: "test", Models: "sha256:0"}},
		Blocks:    []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}},
		Sentences: []model.Sentence{{Start: 0, End: 43}, {Start: 44, End: len(text)}},
		Entities: []model.Entity{
			{ID: "E1", Name: "Russia", Type: model.TypeGPE, Country: "RUS", Code: actorCode, Sector: "GOV", Confidence: 0.9,
				Mentions: []model.Mention{{Start: ms, End: me, Text: "Moscow", Role: model.RoleAgent}}},
			{ID: "E2", Name: "Ukraine", Type: model.TypeGPE, Country: "UKR", Code: "UKRGOV", Confidence: 0.9,
				Mentions: []model.Mention{{Start: ks, End: ke, Text: "Kyiv", Role: model.RoleAgent}}},
			{ID: "E3", Name: "Ihor Terekhov", Type: model.TypePER, Country: "UKR", Code: "UKRGOV", Title: "mayor", Confidence: 0.8,
				Mentions: []model.Mention{{Start: ss, End: se, Text: "the mayor"}}},
		},
		Times:  []model.Time{{ID: "T1", Start: ts, End: te, Text: "Tuesday", Type: model.TimeDate, Value: "2025-08-05", Rule: "test"}},
		Places: []model.Place{{ID: "P1", Start: hs, End: he, Text: "Kharkiv", Name: "Kharkiv", Feature: "PPLA", Country: "UKR", Lat: 49.98, Lon: 36.25, GeoNames: 706483}},
		Quotes: []model.Quote{{ID: "Q1", Kind: model.QuoteDirect, Start: qs, End: qe, Content: []model.Span{{Start: qs, End: qe}},
			Text: "We will rebuild,", Speaker: "E3", Cue: &model.Cue{Start: cs, End: ce, Text: "said", Lemma: "say"}, Via: []string{}, Confidence: 0.9}},
		Events: []model.Event{{ID: "V1", Type: "ASSAULT", Mode: "aerial", Contexts: []string{}, CAMEO: "195", Quad: 4, Goldstein: -10,
			Actors: []string{"E1"}, Recipients: []string{"E2"}, Modality: model.ModalityAsserted, Time: "T1", Date: "2025-08-05",
			Place: "P1", Rule: "test", Confidence: 0.8,
			Mentions: []model.EventMention{{Sentence: 0, Start: 0, End: 43, Trigger: model.TextSpan{Start: trs, End: tre, Text: "struck"}}}}},
	}
	return a
}

// Run runs the conformance suite. open must return a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	runParticipants(t, open)
	t.Run("PutGetIdempotent", func(t *testing.T) {
		s := open(t)
		a := Sample("a1", "2025-08-06", "RUSMIL")
		r, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h1"})
		if err != nil || r != store.Inserted {
			t.Fatalf("first put: %v %v", r, err)
		}
		r, err = s.Put(ctx, store.Article{Analysis: a, ContentHash: "h1"})
		if err != nil || r != store.Unchanged {
			t.Fatalf("second put: %v %v", r, err)
		}
		st, _ := s.Stats(ctx)
		if st.Articles != 1 || st.Entities != 3 || st.Quotes != 1 || st.Events != 1 || st.EventMentions != 1 || st.Times != 1 || st.Places != 1 {
			t.Fatalf("stats after two puts: %+v", st)
		}
		got, err := s.Get(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != a.Text || len(got.Events) != 1 || got.Events[0].Type != "ASSAULT" || got.Doc.Pipeline != a.Doc.Pipeline {
			t.Fatalf("roundtrip: %+v", got.Doc)
		}
		if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing article: %v", err)
		}
	})
	t.Run("UpdateInPlace", func(t *testing.T) {
		s := open(t)
		a := Sample("a1", "2025-08-06", "RUSMIL")
		s.Put(ctx, store.Article{Analysis: a, ContentHash: "h1"})
		b := Sample("a1", "2025-08-06", "RUSGOV")
		b.Quotes = nil
		r, err := s.Put(ctx, store.Article{Analysis: b, ContentHash: "h2"})
		if err != nil || r != store.Updated {
			t.Fatalf("update: %v %v", r, err)
		}
		st, _ := s.Stats(ctx)
		if st.Articles != 1 || st.Quotes != 0 || st.Entities != 3 || st.Events != 1 {
			t.Fatalf("stats after update: %+v", st)
		}
		ev, _ := s.Events(ctx, store.EventFilter{Actor: "RUSGOV"})
		if len(ev) != 1 {
			t.Fatalf("updated actor code not found: %d", len(ev))
		}
		if q, _ := s.Search(ctx, store.SearchQuery{Text: "rebuild"}); len(q) != 1 {
			t.Fatalf("search after update: %d hits", len(q))
		}
	})
	t.Run("QueriesAndFilters", func(t *testing.T) {
		s := open(t)
		for i := 0; i < 5; i++ {
			a := Sample(fmt.Sprintf("d%d", i), fmt.Sprintf("2025-08-0%d", i+1), "RUSMIL")
			if i == 4 {
				a.Events[0].Modality = model.ModalityFuture
			}
			if _, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
				t.Fatal(err)
			}
		}
		ev, err := s.Events(ctx, store.EventFilter{Actor: "RUS", Recipient: "UKR", Type: "assault", Since: "2025-08-01"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev) != 4 {
			t.Fatalf("asserted events: %d, want 4", len(ev))
		}
		e := ev[0]
		if e.NumArticles != 5 || e.NumMentions != 5 || e.NumSources != 5 {
			t.Errorf("merge stats: mentions %d articles %d sources %d", e.NumMentions, e.NumArticles, e.NumSources)
		}
		if len(e.Actors) != 1 || e.Actors[0].Code != "RUSMIL" || len(e.Recipients) != 1 || e.Place != "Kharkiv" || e.Trigger != "struck" {
			t.Errorf("event row: %+v", e)
		}
		if all, _ := s.Events(ctx, store.EventFilter{AllModalities: true}); len(all) != 5 {
			t.Errorf("all modalities: %d", len(all))
		}
		if byName, err := s.Events(ctx, store.EventFilter{Actor: "russ", Recipient: "Ukraine"}); err != nil || len(byName) != 4 {
			t.Errorf("actor by name: %d %v", len(byName), err)
		}
		if none, _ := s.Events(ctx, store.EventFilter{Actor: "USA"}); len(none) != 0 {
			t.Errorf("actor USA: %d", len(none))
		}
		p1, _ := s.Events(ctx, store.EventFilter{Page: store.Page{Limit: 2}})
		p2, _ := s.Events(ctx, store.EventFilter{Page: store.Page{Limit: 2, After: p1[1].Cursor}})
		if len(p1) != 2 || len(p2) != 2 || p1[0].UID == p2[0].UID || p1[1].UID == p2[0].UID {
			t.Errorf("pagination: %d %d", len(p1), len(p2))
		}
		if _, err := s.Events(ctx, store.EventFilter{Since: "last week"}); !errors.Is(err, store.ErrQuery) {
			t.Errorf("bad date: %v", err)
		}
		if _, err := s.Events(ctx, store.EventFilter{Page: store.Page{After: "%%%"}}); !errors.Is(err, store.ErrQuery) {
			t.Errorf("bad cursor: %v", err)
		}
		ms, err := s.Mentions(ctx, store.MentionFilter{MergeKey: e.MergeKey})
		if err != nil || len(ms) != 5 || ms[0].Trigger != "struck" || !strings.Contains(ms[0].Sentence, "struck Kharkiv") || ms[0].Type != "ASSAULT" {
			t.Fatalf("mentions of the merged event: %v %+v", err, ms)
		}
		if ms, _ := s.Mentions(ctx, store.MentionFilter{EventUID: e.UID}); len(ms) != 1 || ms[0].EventUID != e.UID {
			t.Errorf("mentions of one article's event: %+v", ms)
		}
		if _, err := s.Mentions(ctx, store.MentionFilter{}); !errors.Is(err, store.ErrQuery) {
			t.Errorf("unfiltered mentions: %v", err)
		}
		q, err := s.Quotes(ctx, store.QuoteFilter{Speaker: "terekhov"})
		if err != nil || len(q) != 5 || q[0].Text != "We will rebuild," || q[0].Cue != "say" {
			t.Fatalf("quotes: %v %+v", err, q)
		}
		if q, _ := s.Quotes(ctx, store.QuoteFilter{Text: "rebuild"}); len(q) != 5 {
			t.Errorf("quote text: %d", len(q))
		}
		hits, err := s.Search(ctx, store.SearchQuery{Text: "Kharkiv struck"})
		if err != nil || len(hits) != 5 || hits[0].Snippet == "" {
			t.Fatalf("search: %v %+v", err, hits)
		}
		if hits, _ := s.Search(ctx, store.SearchQuery{Text: `"unbalanced AND (`}); len(hits) != 0 {
			t.Errorf("syntax-like search: %d", len(hits))
		}
		if _, err := s.Search(ctx, store.SearchQuery{Text: "  "}); !errors.Is(err, store.ErrQuery) {
			t.Errorf("empty search: %v", err)
		}
		ents, err := s.Entities(ctx, store.EntityFilter{Country: "rus"})
		if err != nil || len(ents) != 1 || ents[0].Articles != 5 || ents[0].Name != "Russia" {
			t.Fatalf("entities: %v %+v", err, ents)
		}
	})
	t.Run("RegistryStaleCandidates", func(t *testing.T) {
		s := open(t)
		facts := []model.LearnedActor{{Name: "Yuri Ushakov", Type: "PER", Country: "RUS", Sector: "GOV", Title: "adviser", Rule: "appos"},
			{Name: "Steve Witkoff", Type: "PER", Country: "USA", Sector: "GOV", Title: "special envoy", Rule: "title"}}
		if err := s.Learn(ctx, "d1", facts); err != nil {
			t.Fatal(err)
		}
		if err := s.Learn(ctx, "d2", facts[:1]); err != nil {
			t.Fatal(err)
		}
		reg, err := s.Registry(ctx)
		if err != nil || len(reg) != 2 || reg[0].Name != "Steve Witkoff" || reg[1].Title != "adviser" {
			t.Fatalf("registry: %v %+v", err, reg)
		}
		a := Sample("s1", "2025-08-01", "RUSMIL")
		b := Sample("s2", "2025-08-01", "RUSMIL")
		b.Doc.Pipeline.Version = "old"
		s.Put(ctx, store.Article{Analysis: a, ContentHash: "x", Bands: []uint64{1, 2, 1 << 63}, Signature: []byte{1, 2, 3}})
		s.Put(ctx, store.Article{Analysis: b, ContentHash: "y", Bands: []uint64{3}, DupGroup: "s1"})
		stale, err := s.Stale(ctx, a.Doc.Pipeline, 0)
		if err != nil || len(stale) != 1 || stale[0] != "s2" {
			t.Fatalf("stale: %v %v", err, stale)
		}
		c, err := s.Candidates(ctx, []uint64{1 << 63, 3, 99})
		if err != nil || len(c) != 2 || c[0].ID != "s1" || c[1].ID != "s2" || c[1].Group != "s1" || string(c[0].Signature) != "\x01\x02\x03" {
			t.Fatalf("candidates: %v %+v", err, c)
		}
		if g, _ := s.DupGroup(ctx, "s2"); g != "s1" {
			t.Errorf("dup group of s2: %q", g)
		}
		if ids, err := s.IDs(ctx, "", 0); err != nil || strings.Join(ids, ",") != "s1,s2" {
			t.Errorf("ids: %v %v", ids, err)
		}
		if ids, _ := s.IDs(ctx, "s1", 5); strings.Join(ids, ",") != "s2" {
			t.Errorf("ids after s1: %v", ids)
		}
		if g, _ := s.DupGroup(ctx, "s1"); g != "s1" {
			t.Errorf("dup group of s1: %q", g)
		}
	})
	t.Run("FactsSharingASpan", func(t *testing.T) {
		s := open(t)
		a := Sample("sh1", "2025-08-06", "RUSMIL")
		twin := a.Events[0]
		twin.ID, twin.Type, twin.Actors, twin.Recipients = "V2", "COERCE", []string{"E2"}, []string{"E1"}
		a.Events = append(a.Events, twin)
		if _, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
			t.Fatalf("two events on one trigger: %v", err)
		}
		twin.Type = "ASSAULT"
		a.Events = append(a.Events, twin)
		if _, err := s.Put(ctx, store.Article{Analysis: a, ContentHash: "h2"}); err != nil {
			t.Fatalf("two events of one type on one trigger: %v", err)
		}
		st, _ := s.Stats(ctx)
		if st.Events != 3 || st.EventMentions != 3 {
			t.Fatalf("stats: %+v", st)
		}
	})
	t.Run("CancelledPutLeavesNothing", func(t *testing.T) {
		s := open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Put(cctx, store.Article{Analysis: Sample("c1", "2025-08-01", "RUS"), ContentHash: "h"}); err == nil {
			t.Fatal("put with cancelled context succeeded")
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 0 || st.Entities != 0 || st.Events != 0 {
			t.Fatalf("partial article left: %+v %v", st, err)
		}
	})
}
