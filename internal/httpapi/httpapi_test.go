package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"herald/internal/app"
	"herald/internal/model"
	"herald/internal/store"
	"herald/internal/store/sqlite"
	"herald/internal/store/storetest"
)

// fixture returns a store with five sample articles (events on five days).
func fixture(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
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
	if err := st.Learn(ctx, "d0", []model.LearnedActor{{Name: "Yuri Ushakov", Type: "PER", Country: "RUS", Title: "adviser", Rule: "appos"}}); err != nil {
		t.Fatal(err)
	}
	// An id with a slash and a space, as feeds and URLs give.
	a := storetest.Sample("wire/x 1", "2025-07-01", "RUSMIL")
	a.Events[0].Modality = "future"
	a.Quotes = nil
	if _, err := st.Put(ctx, store.Article{Analysis: a, ContentHash: "h"}); err != nil {
		t.Fatal(err)
	}
	return st
}

func get(t *testing.T, h http.Handler, target string) (*http.Response, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func TestRoutes(t *testing.T) {
	h := New(fixture(t), Options{})
	type check func(t *testing.T, body []byte)
	items := func(n int) check {
		return func(t *testing.T, body []byte) {
			var p struct {
				Items      []json.RawMessage `json:"items"`
				NextCursor string            `json:"next_cursor"`
			}
			if err := json.Unmarshal(body, &p); err != nil || len(p.Items) != n {
				t.Fatalf("want %d items: %v %s", n, err, body)
			}
		}
	}
	contains := func(s ...string) check {
		return func(t *testing.T, body []byte) {
			for _, x := range s {
				if !strings.Contains(string(body), x) {
					t.Errorf("body lacks %s: %.400s", x, body)
				}
			}
		}
	}
	errCode := func(code string) check { return contains(`{"error":{"code":"` + code + `"`) }
	for _, tc := range []struct {
		target string
		status int
		check  check
	}{
		{"/api/v1/stats", 200, contains(`"articles":6`, `"events":6`)},
		{"/api/v1/openapi.json", 200, contains(`"openapi": "3.0.3"`)},
		{"/api/v1/articles?q=kharkiv", 200, items(6)},
		{"/api/v1/articles?q=kharkiv&limit=2", 200, contains(`"next_cursor"`)},
		{"/api/v1/articles?q=zzzqqq", 200, items(0)},
		{"/api/v1/articles", 400, errCode("bad_request")},
		{"/api/v1/articles/d1", 200, contains(`"schema":"herald/v1"`, `"offsets":"utf8"`, `"events":[`)},
		{"/api/v1/articles/d1?offsets=utf16", 200, contains(`"offsets":"utf16"`)},
		{"/api/v1/articles/d1?offsets=latin1", 400, errCode("bad_request")},
		{"/api/v1/articles/nope", 404, errCode("not_found")},
		{"/api/v1/articles/wire/x%201", 200, contains(`"id":"wire/x 1"`)},
		{"/api/v1/entities?country=RUS", 200, contains(`"name":"Russia"`, `"articles":6`)},
		{"/api/v1/entities?type=PER", 200, items(1)},
		{"/api/v1/actors?name=ushakov", 200, contains(`"name":"Yuri Ushakov"`, `"title":"adviser"`)},
		{"/api/v1/actors?limit=0", 400, errCode("bad_request")},
		{"/api/v1/events", 200, items(5)},
		{"/api/v1/events?actor=RUS&recipient=UKR&type=assault&quad=4&since=2025-08-02&until=2025-08-04", 200, items(3)},
		{"/api/v1/events?country=UKR&place=kharkiv&text=struck&min_confidence=0.5&modality=asserted", 200, items(5)},
		{"/api/v1/events?mode=aerial&article=d2", 200, items(1)},
		{"/api/v1/events?min_confidence=0.95", 200, items(0)},
		{"/api/v1/events?quad=9", 400, errCode("bad_request")},
		{"/api/v1/events?since=yesterday", 400, errCode("bad_request")},
		{"/api/v1/events?limit=2", 200, contains(`"next_cursor"`, `"actors":[{"name":"Russia"`)},
		{"/api/v1/events?cursor=%25%25", 400, errCode("bad_request")},
		{"/api/v1/events?limit=100000", 400, errCode("bad_request")},
		{"/api/v1/events?actor=" + strings.Repeat("x", MaxParamBytes+1), 400, errCode("bad_request")},
		{"/api/v1/quotes?speaker=terekhov", 200, items(5)},
		{"/api/v1/quotes?text=rebuild&since=2025-08-03", 200, items(3)},
		{"/api/v1/quotes?until=bad", 400, errCode("bad_request")},
		{"/api/v1/aggregates/daily", 200, items(5)},
		{"/api/v1/aggregates/daily?by=quad&since=2025-08-04", 200, contains(`{"day":"2025-08-04","key":"4","count":1}`)},
		{"/api/v1/aggregates/daily?by=colour", 400, errCode("bad_request")},
		{"/api/v1/aggregates/dyads", 200, contains(`"count":5`, `"name":"Ukraine"`)},
		{"/api/v1/aggregates/countries?actor=RUS", 200, contains(`{"country":"UKR","count":5}`)},
		{"/api/v1/aggregates/countries?all_modalities=maybe", 400, errCode("bad_request")},
		{"/api/v1/nothing", 404, errCode("not_found")},
	} {
		t.Run(tc.target, func(t *testing.T) {
			res, body := get(t, h, tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.300s", res.StatusCode, tc.status, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("content type %q", ct)
			}
			tc.check(t, body)
		})
	}
}

func TestArticleOffsetsConverted(t *testing.T) {
	h := New(fixture(t), Options{})
	var utf8, utf16 struct {
		Text  string `json:"text"`
		Times []struct{ Start, End int }
	}
	_, b := get(t, h, "/api/v1/articles/d0")
	json.Unmarshal(b, &utf8)
	_, b = get(t, h, "/api/v1/articles/d0?offsets=codepoint")
	json.Unmarshal(b, &utf16)
	// The sample text has no multi-byte character before "Tuesday".
	if len(utf8.Times) != 1 || utf8.Times[0] != utf16.Times[0] {
		t.Fatalf("times: %+v vs %+v", utf8.Times, utf16.Times)
	}
	_, b = get(t, h, "/api/v1/quotes?article=d0")
	if !strings.Contains(string(b), `"text":"We will rebuild,"`) {
		t.Fatalf("quote: %s", b)
	}
}

func post(h http.Handler, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/api/v1/articles", strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPostNeedsToken(t *testing.T) {
	st := fixture(t)
	ro := New(st, Options{})
	if rec := post(ro, "anything", `{"text":"x"}`); rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), `"read_only"`) {
		t.Fatalf("read-only server accepted POST: %d %s", rec.Code, rec.Body)
	}
	h := New(st, Options{Token: "s3cret", Analyzer: func() (*app.Analyzer, error) { return nil, fmt.Errorf("no analyser in this test") }})
	for _, tok := range []string{"", "wrong", "s3cret "} {
		if rec := post(h, tok, `{"text":"x"}`); rec.Code != http.StatusUnauthorized {
			t.Errorf("token %q: %d", tok, rec.Code)
		}
	}
	if rec := post(h, "s3cret", `{"text":"x","evil":1}`); rec.Code != http.StatusBadRequest {
		t.Errorf("unknown field: %d", rec.Code)
	}
	if rec := post(h, "s3cret", `{"title":"no body"}`); rec.Code != http.StatusBadRequest {
		t.Errorf("no text: %d", rec.Code)
	}
	if rec := post(h, "s3cret", `{"text":"`+strings.Repeat("a", MaxPostBytes)+`"}`); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("huge body: %d", rec.Code)
	}
	req := httptest.NewRequest(http.MethodDelete, "/api/v1/articles/d1", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Body.String(), `"method_not_allowed"`) {
		t.Errorf("DELETE: %d %s", rec.Code, rec.Body)
	}
}

func TestPostIngests(t *testing.T) {
	an, err := app.NewAnalyzer(app.Config{})
	if err != nil {
		t.Skipf("pipeline does not load here: %v", err)
	}
	st := fixture(t)
	h := New(st, Options{Token: "tok", Analyzer: func() (*app.Analyzer, error) { return an, nil }})
	rec := post(h, "tok", `{"id":"p1","published":"2025-08-07","title":"Talks","text":"Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Wednesday."}`)
	if rec.Code != http.StatusCreated || !strings.Contains(rec.Body.String(), `"status":"new"`) {
		t.Fatalf("post: %d %s", rec.Code, rec.Body)
	}
	if res, b := get(t, h, "/api/v1/articles/p1"); res.StatusCode != 200 || !strings.Contains(string(b), "Witkoff") {
		t.Fatalf("posted article: %d %s", res.StatusCode, b)
	}
}

// repoRoot finds the module root from the test's directory.
func repoRoot(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// TestOpenAPIValid validates openapi.json with the npm package
// @apidevtools/swagger-parser (installed by testdata/install-validator.sh
// into out/npm). Without node and npm it skips, except under CI=true.
func TestOpenAPIValid(t *testing.T) {
	node, err1 := exec.LookPath("node")
	_, err2 := exec.LookPath("npm")
	if err1 != nil || err2 != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node and npm are required under CI=true to validate the OpenAPI document")
		}
		t.Skip("node or npm missing: cannot validate the OpenAPI document")
	}
	dir := filepath.Join(repoRoot(t), "out", "npm")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@apidevtools", "swagger-parser")); err != nil {
		out, err := exec.Command("sh", "testdata/install-validator.sh", dir).CombinedOutput()
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("install validator: %v\n%s", err, out)
			}
			t.Skipf("cannot install the validator (offline?): %v\n%s", err, out)
		}
	}
	validate := func(path string) (string, error) {
		cmd := exec.Command(node, "testdata/validate-openapi.cjs", path)
		cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := validate("openapi.json"); err != nil {
		t.Fatalf("openapi.json is invalid: %v\n%s", err, out)
	}
	// The validator must be able to fail: break a reference.
	broken := strings.Replace(string(openAPI), `"#/components/schemas/Event"`, `"#/components/schemas/Nope"`, 1)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(broken), 0o644)
	if out, err := validate(bad); err == nil {
		t.Fatalf("a broken document validated: %s", out)
	}
}

// TestOpenAPICoversRoutes checks that every route the API serves is documented.
func TestOpenAPICoversRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"GET /api/v1/stats", "GET /api/v1/articles", "POST /api/v1/articles", "GET /api/v1/articles/{id}",
		"GET /api/v1/entities", "GET /api/v1/actors", "GET /api/v1/events", "GET /api/v1/quotes", "GET /api/v1/aggregates/daily",
		"GET /api/v1/aggregates/dyads", "GET /api/v1/aggregates/countries", "GET /api/v1/openapi.json"} {
		m, p, _ := strings.Cut(r, " ")
		if doc.Paths[p][strings.ToLower(m)] == nil {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	h := New(fixture(b), Options{})
	req := httptest.NewRequest(http.MethodGet, "/api/v1/events?actor=RUS&limit=20", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
