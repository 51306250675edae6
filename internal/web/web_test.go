package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"herald/internal/model"
	"herald/internal/store"
	"herald/internal/store/sqlite"
	"herald/internal/store/storetest"
)

// Payloads that must never become live markup.
var payloads = []string{
	`<script>window.__xss=1</script>`,
	`"><img src=x onerror="window.__xss=2">`,
	`' onmouseover='window.__xss=3' x='`,
	`</textarea><svg onload=window.__xss=4>`,
	`javascript:window.__xss=5`,
}

// XSSArticle is an analysed article whose text, title, source, entity names,
// quote and event fields are attack payloads.
func XSSArticle(id string) *model.Analysis {
	text := "Attack " + strings.Join(payloads, " and ") + " said “" + payloads[1] + "” on Monday."
	span := func(s string, from int) (int, int) {
		i := strings.Index(text[from:], s) + from
		return i, i + len(s)
	}
	a := storetest.Sample(id, "2025-08-09", payloads[0])
	a.Text = text
	a.Doc.Title = "Title " + payloads[0] + payloads[1]
	a.Doc.Source = payloads[2]
	a.Doc.URL = payloads[4]
	a.Blocks = []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}}
	a.Sentences = []model.Sentence{{Start: 0, End: len(text)}}
	s0, e0 := span(payloads[0], 0)
	s1, e1 := span(payloads[1], 0)
	s2, e2 := span(payloads[2], 0)
	s3, e3 := span(payloads[3], 0)
	qs, qe := span(payloads[1], e3)
	cs, ce := span("said", 0)
	ts, te := span("Monday", 0)
	a.Entities = []model.Entity{
		{ID: "E1", Name: payloads[1], Type: model.TypePER, Country: "RUS", Code: payloads[0], Confidence: 0.9,
			Mentions: []model.Mention{{Start: s0, End: e0, Text: payloads[0], Role: model.RoleAgent}}},
		{ID: "E2", Name: payloads[2], Type: model.TypeORG, Country: "UKR", Code: "UKRGOV", Confidence: 0.9,
			Mentions: []model.Mention{{Start: s2, End: e2, Text: payloads[2]}}},
	}
	a.Coref = nil
	a.Times = []model.Time{{ID: "T1", Start: ts, End: te, Text: "Monday", Type: model.TimeDate, Value: payloads[3], Rule: "test"}}
	a.Places = []model.Place{{ID: "P1", Start: s3, End: e3, Text: payloads[3], Name: payloads[4], Country: "UKR"}}
	a.Quotes = []model.Quote{{ID: "Q1", Kind: model.QuoteDirect, Start: qs, End: qe, Content: []model.Span{{Start: qs, End: qe}},
		Text: payloads[1], Speaker: "E1", Cue: &model.Cue{Start: cs, End: ce, Text: "said"}, Via: []string{}, Confidence: 0.9, SourceDescription: payloads[0]}}
	a.Events = []model.Event{{ID: "V1", Type: "ASSAULT", Mode: payloads[2], Contexts: []string{}, CAMEO: "190", Quad: 4, Actors: []string{"E1"},
		Recipients: []string{"E2"}, Modality: model.ModalityAsserted, Date: "2025-08-09", Rule: payloads[0], Confidence: 0.8,
		Mentions: []model.EventMention{{Sentence: 0, Start: 0, End: len(text), Trigger: model.TextSpan{Start: s1, End: e1, Text: payloads[1]}}}}}
	return a
}

// FixtureStore is a SQLite store holding five sample articles and the XSS article "xss".
func FixtureStore(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := 0; i < 5; i++ {
		a := storetest.Sample(fmt.Sprintf("d%d", i), fmt.Sprintf("2025-08-0%d", i+1), "RUSMIL")
		a.Events[0].Date = a.Doc.Published
		if _, err := st.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Put(ctx, store.Article{Analysis: XSSArticle("xss"), ContentHash: "x"}); err != nil {
		t.Fatal(err)
	}
	return st
}

func serve(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(b)
}

func TestPages(t *testing.T) {
	h, err := New(FixtureStore(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target string
		status int
		want   []string
	}{
		{"/", 200, []string{"Overview", "<b>6</b> articles", `href="/articles/d0"`, `href="/actors/Russia"`}},
		{"/search", 200, []string{"Search"}},
		{"/search?q=kharkiv", 200, []string{"Articles (5)", "Quotes (0)", "Events (5)", `href="/articles/d0"`}},
		{"/search?q=rebuild", 200, []string{"Quotes (5)", "We will rebuild,"}},
		{"/articles/d0", 200, []string{`<p class="blk paragraph">`, `class="ann ent gpe"`, `class="quote direct"`, `class="ann trigger q4"`, `class="ann time`,
			`class="ann place`, `id="t-T1"`, `href="#ev-V1"`, `id="ev-V1"`, `href="/actors/Ihor%20Terekhov"`, `data-tip="DATE 2025-08-05"`, `href="/events?modality=all&amp;since=2025-08-05&amp;until=2025-08-05"`, `href="/events?modality=all&amp;place=Kharkiv"`}},
		{"/articles/missing", 404, []string{"Not found"}},
		{"/actors/Russia", 200, []string{"RUSMIL", "Events as actor (5)", "Events as recipient (0)", `href="/actors/Ukraine"`, "Moscow", "<svg"}},
		{"/actors/Ihor%20Terekhov", 200, []string{"Quotes (5)", "We will rebuild,", "mayor"}},
		{"/actors/Rus", 404, []string{"Did you mean", `href="/actors/Russia"`}},
		{"/events", 200, []string{"Timeline by quad", "<svg", `class="k-4"`, "Download CSV", `href="/actors/Ukraine"`}},
		{"/events?actor=RUS&quad=4&since=2025-08-02&modality=all", 200, []string{"2025-08-05", "ASSAULT"}},
		{"/events?quad=7", 400, []string{"quad"}},
		{"/events?since=someday", 400, []string{"not a date"}},
		{"/events?actor=nobody-at-all", 200, []string{"No events match", "No dated events"}},
		{"/quotes", 200, []string{"We will rebuild,", "Ihor Terekhov"}},
		{"/quotes?speaker=nobody", 200, []string{"No quotes match"}},
		{"/map", 200, []string{`<svg class="map"`, `href="/events?country=UKR"`, "Ukraine (UKR): 6 events"}},
		{"/network", 200, []string{`<svg class="network"`, `href="/actors/Russia"`, "Russia → Ukraine: 5 events"}},
		{"/static/style.css", 200, []string{".ann.ent"}},
		{"/nowhere", 404, []string{"No such page"}},
		{"/events?text=" + strings.Repeat("x", MaxParamBytes+1), 400, []string{"longer than"}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			res, body := serve(t, h, tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.500s", res.StatusCode, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.HasSuffix(tc.target, ".css") {
				return
			}
			if !strings.Contains(body, "<!doctype html>") || strings.Contains(body, "<script") || strings.Contains(body, "style=") {
				t.Errorf("page is not a script-free, inline-style-free document")
			}
		})
	}
}

func TestEventsCSV(t *testing.T) {
	h, _ := New(FixtureStore(t), Options{})
	res, body := serve(t, h, "/events.csv?actor=RUSMIL")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") || rows[1][3] != "ASSAULT" || rows[1][8] != "Russia" {
		t.Fatalf("csv rows: %v", rows[:min(2, len(rows))])
	}
	// The XSS article's actor code starts with "<": no formula cells anywhere.
	_, body = serve(t, h, "/events.csv?modality=all")
	rows, _ = csv.NewReader(strings.NewReader(body)).ReadAll()
	for _, r := range rows {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+@", rune(c[0])) {
				t.Errorf("formula cell %q", c)
			}
		}
	}
}

func TestCSVSafe(t *testing.T) {
	got := csvSafe([]string{"=cmd()", "-1.5", "-x", "+1", "@a", "ok", ""})
	want := []string{"'=cmd()", "-1.5", "'-x", "'+1", "'@a", "ok", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("csvSafe = %q", got)
	}
}

// TestNoLiveScript renders every page over the XSS article and checks the
// HTML has no script element, no event-handler attribute and no
// javascript: URL, whatever the payloads.
func TestNoLiveScript(t *testing.T) {
	h, _ := New(FixtureStore(t), Options{})
	name := esc(payloads[1])
	for _, target := range []string{"/", "/articles/xss", "/actors/" + name, "/actors/" + esc(payloads[2]), "/events?modality=all",
		"/quotes", "/search?q=window", "/search?q=" + esc(payloads[0]), "/network?modality=all", "/map", "/events?actor=" + esc(payloads[1])} {
		res, body := serve(t, h, target)
		if res.StatusCode >= 500 {
			t.Fatalf("%s: %d", target, res.StatusCode)
		}
		for _, bad := range liveScript(body) {
			t.Errorf("%s: live script: %s", target, bad)
		}
	}
	_, body := serve(t, h, "/articles/xss")
	if !strings.Contains(body, "&lt;script&gt;window.__xss=1&lt;/script&gt;") {
		t.Error("the payload text is not shown escaped")
	}
	if n := strings.Count(body, `class="ann ent`); n < 2 {
		t.Errorf("payload mentions not highlighted: %d", n)
	}
}

func esc(s string) string { return url.PathEscape(s) }

// liveScript lists what in doc could run script.
func liveScript(doc string) []string {
	var bad []string
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return bad
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "script" || tok.Data == "iframe" || tok.Data == "object" || tok.Data == "embed" {
			bad = append(bad, "<"+tok.Data+">")
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || ((a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:")) {
				bad = append(bad, tok.Data+" "+a.Key+"="+a.Val)
			}
		}
	}
}

func TestLiveScriptDetects(t *testing.T) {
	if len(liveScript(`<p><script>x</script><img src=x onerror=y><a href="javascript:z">`)) != 3 {
		t.Fatal("liveScript misses live script")
	}
}

func TestHighlight(t *testing.T) {
	text := "Putin said “we will talk” in Moscow."
	idx := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	ps, pe := idx("Putin")
	qs, qe := idx("we will talk")
	ws, we := idx("we will")
	ms, me := idx("Moscow")
	ts, te := idx("talk” in")
	blocks := []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}}
	for _, tc := range []struct {
		name          string
		quotes, inner []Ann
		want          string
	}{
		{"plain", nil, nil, "[Putin said “we will talk” in Moscow.]"},
		{"entity and place", nil, []Ann{{Start: ps, End: pe, Kind: "ent"}, {Start: ms, End: me, Kind: "place"}},
			"<ent:Putin>[ said “we will talk” in ]<place:Moscow>[.]"},
		{"quote around inner", []Ann{{Start: qs, End: qe, Kind: "quote"}}, []Ann{{Start: ws, End: we, Kind: "trigger"}},
			"[Putin said “]{<trigger:we will>[ talk]}[” in Moscow.]"},
		{"inner crossing quote dropped", []Ann{{Start: qs, End: qe, Kind: "quote"}}, []Ann{{Start: ts, End: te, Kind: "time"}},
			"[Putin said “]{[we will talk]}[” in Moscow.]"},
		{"overlap keeps first", nil, []Ann{{Start: ps, End: pe, Kind: "ent"}, {Start: ps + 1, End: pe + 3, Kind: "time"}},
			"<ent:Putin>[ said “we will talk” in Moscow.]"},
		{"out of range ignored", []Ann{{Start: -1, End: 3, Kind: "quote"}}, []Ann{{Start: 5, End: 999, Kind: "ent"}},
			"[Putin said “we will talk” in Moscow.]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			for _, bv := range Highlight(text, blocks, tc.quotes, tc.inner) {
				for _, p := range bv.Pieces {
					if p.OpenQuote != nil {
						b.WriteString("{")
					}
					if p.Ann != nil {
						fmt.Fprintf(&b, "<%s:%s>", p.Ann.Kind, p.Text)
					} else {
						fmt.Fprintf(&b, "[%s]", p.Text)
					}
					if p.CloseQ {
						b.WriteString("}")
					}
				}
			}
			if b.String() != tc.want {
				t.Errorf("got  %s\nwant %s", b.String(), tc.want)
			}
		})
	}
}

func TestChartsAndMap(t *testing.T) {
	c := Timeline([]store.DayCount{{Day: "2025-08-01", Key: "1", Count: 2}, {Day: "2025-08-03", Key: "4", Count: 1}, {Day: "bad", Key: "1", Count: 9}},
		[]string{"1", "2", "3", "4"}, QuadLabel)
	if c.Empty || c.Max != 2 || len(c.Bars) != 2 || c.Bars[0].H <= c.Bars[1].H {
		t.Fatalf("timeline: %+v", c)
	}
	long := Timeline([]store.DayCount{{Day: "2024-01-01", Key: "1", Count: 1}, {Day: "2025-01-01", Key: "1", Count: 1}}, []string{"1"}, QuadLabel)
	if !strings.HasPrefix(long.Bars[0].Title, "2024-01:") {
		t.Errorf("a long range is not bucketed by month: %q", long.Bars[0].Title)
	}
	if len(World()) < 150 {
		t.Fatalf("world map has %d countries", len(World()))
	}
	cs, mx := Choropleth([]store.CountryCount{{Country: "UKR", Count: 100}, {Country: "FRA", Count: 1}})
	cls := map[string]string{}
	for _, c := range cs {
		cls[c.Code] = c.Class
	}
	if mx != 100 || cls["UKR"] != "c5" || cls["FRA"] != "c1" || cls["BRA"] != "c0" {
		t.Errorf("choropleth: max %d UKR %s FRA %s BRA %s", mx, cls["UKR"], cls["FRA"], cls["BRA"])
	}
	nodes, edges := Network([]store.Dyad{{Actor: store.Actor{Name: "A"}, Recipient: store.Actor{Name: "B"}, Count: 3, MeanIntensity: -2},
		{Actor: store.Actor{Name: "B"}, Recipient: store.Actor{Name: "C"}, Count: 1, MeanIntensity: 1}}, 2)
	if len(nodes) != 2 || nodes[0].Name != "B" || len(edges) != 1 || edges[0].Class != "hostile" {
		t.Errorf("network: %+v %+v", nodes, edges)
	}
}

func BenchmarkArticlePage(b *testing.B) {
	h, _ := New(FixtureStore(b), Options{})
	req := httptest.NewRequest(http.MethodGet, "/articles/d1", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// FuzzHighlight feeds arbitrary texts and spans (stored analyses are not
// trusted to be consistent) and checks the pieces always rebuild each block.
func FuzzHighlight(f *testing.F) {
	f.Add("Putin said “we will talk” in Moscow.", 0, 5, 12, 24, 3, 9, 30, 36)
	f.Add("x", -1, 2, 0, 0, 5, 1, 0, 1)
	f.Fuzz(func(t *testing.T, text string, bs, be, qs, qe, a1, a2, b1, b2 int) {
		blocks := []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}, {Start: bs, End: be, Kind: model.BlockQuote}}
		views := Highlight(text, blocks, []Ann{{Start: qs, End: qe, Kind: KindQuote}}, []Ann{{Start: a1, End: a2, Kind: KindEntity}, {Start: b1, End: b2, Kind: KindTime}})
		if len(text) > 0 {
			var b strings.Builder
			open := 0
			for _, p := range views[0].Pieces {
				if p.OpenQuote != nil {
					open++
				}
				b.WriteString(p.Text)
				if p.CloseQ {
					open--
				}
				if open < 0 || open > 1 {
					t.Fatalf("quotes do not nest: %d open", open)
				}
			}
			if b.String() != text || open != 0 {
				t.Fatalf("pieces %q do not rebuild %q (open %d)", b.String(), text, open)
			}
		}
	})
}
