// Package httpapi is herald's JSON API under /api/v1: article search and
// retrieval with every annotation, entities, events, quotes and aggregates,
// cursor pagination, one error envelope and an OpenAPI 3 document at
// /api/v1/openapi.json. It is read-only unless Options.Token is set, which
// enables POST /api/v1/articles for callers presenting that bearer token.
// A Handler is safe for concurrent use.
package httpapi

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"herald/internal/app"
	"herald/internal/ingest"
	"herald/internal/model"
	"herald/internal/store"
)

// Prefix is the path every API route starts with.
const Prefix = "/api/v1"

// Limits of a request.
const (
	DefaultLimit  = 50
	MaxLimit      = 500
	MaxParamBytes = 256     // longest query parameter value
	MaxPostBytes  = 5 << 20 // largest POSTed article
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPI }

// Options configure the API.
type Options struct {
	// Token, when not empty, enables POST /api/v1/articles for requests
	// carrying "Authorization: Bearer <Token>".
	Token string
	// Analyzer returns the analyser used by POST; it is called once, lazily.
	Analyzer func() (*app.Analyzer, error)
	Logger   *slog.Logger
}

// api holds the handler's dependencies.
type api struct {
	st     store.Store
	agg    store.Aggregator // nil when the store has no aggregates
	opt    Options
	log    *slog.Logger
	anOnce sync.Once
	an     *app.Analyzer
	anErr  error
}

// New returns the API handler over st, serving paths under Prefix.
func New(st store.Store, opt Options) http.Handler {
	a := &api{st: st, opt: opt, log: opt.Logger}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	a.agg, _ = st.(store.Aggregator)
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Prefix+"/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI)
	})
	mux.HandleFunc("GET "+Prefix+"/stats", a.stats)
	mux.HandleFunc("GET "+Prefix+"/articles", a.articles)
	mux.HandleFunc("POST "+Prefix+"/articles", a.postArticle)
	mux.HandleFunc("GET "+Prefix+"/articles/{id...}", a.article)
	mux.HandleFunc("GET "+Prefix+"/entities", a.entities)
	mux.HandleFunc("GET "+Prefix+"/actors", a.actors)
	mux.HandleFunc("GET "+Prefix+"/events", a.events)
	mux.HandleFunc("GET "+Prefix+"/quotes", a.quotes)
	mux.HandleFunc("GET "+Prefix+"/aggregates/daily", a.daily)
	mux.HandleFunc("GET "+Prefix+"/aggregates/dyads", a.dyads)
	mux.HandleFunc("GET "+Prefix+"/aggregates/countries", a.countries)
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such API route: "+r.Method+" "+r.URL.Path)
	})
	return methodGuard(mux)
}

// methodGuard turns the mux's plain-text 405 into the error envelope.
func methodGuard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "method "+r.Method+" is not allowed")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Error is the body of every error response: {"error":{"code":…,"message":…}}.
type Error struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody says what went wrong.
type ErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{ErrorBody{code, msg}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		// Headers are gone; nothing more to tell the client.
		return
	}
}

// fail maps an error to its status and envelope.
func (a *api) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, errBadParam), errors.Is(err, store.ErrQuery), errors.Is(err, model.ErrOffsets):
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(r.Context().Err(), context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "timeout", "the query took too long; narrow it")
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		a.log.Error("httpapi: request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error")
	}
}

var errBadParam = errors.New("bad parameter")

// params reads and checks query parameters.
type params struct {
	v   url.Values
	err error
}

func newParams(r *http.Request) *params {
	p := &params{v: r.URL.Query()}
	for k, vs := range p.v {
		for _, v := range vs {
			if len(v) > MaxParamBytes {
				p.err = fmt.Errorf("%w: %s is longer than %d bytes", errBadParam, k, MaxParamBytes)
			}
		}
	}
	return p
}

func (p *params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

func (p *params) int(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		if p.err == nil {
			p.err = fmt.Errorf("%w: %s=%q (want an integer from %d to %d)", errBadParam, name, s, lo, hi)
		}
		return def
	}
	return n
}

func (p *params) float(name string, lo, hi float64) float64 {
	s := p.str(name)
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < lo || f > hi {
		if p.err == nil {
			p.err = fmt.Errorf("%w: %s=%q (want a number from %g to %g)", errBadParam, name, s, lo, hi)
		}
		return 0
	}
	return f
}

func (p *params) bool(name string) bool {
	switch strings.ToLower(p.str(name)) {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes":
		return true
	}
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s=%q (want true or false)", errBadParam, name, p.str(name))
	}
	return false
}

func (p *params) page() store.Page {
	return store.Page{Limit: p.int("limit", DefaultLimit, 1, MaxLimit), After: p.str("cursor")}
}

// Page is a list response: the items and the cursor of the next page ("" at the end).
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

func page[T any](items []T, limit int, cursorOf func(T) string) Page[T] {
	p := Page[T]{Items: items}
	if p.Items == nil {
		p.Items = []T{}
	}
	if len(items) > 0 && len(items) >= limit {
		p.NextCursor = cursorOf(items[len(items)-1])
	}
	return p
}

func (a *api) stats(w http.ResponseWriter, r *http.Request) {
	s, err := a.st.Stats(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, Stats{s.Articles, s.Entities, s.Quotes, s.Events, s.EventMentions, s.Times, s.Places, s.Registry})
}

func (a *api) articles(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	q := p.str("q")
	exhaustive := p.bool("exhaustive")
	pg := p.page()
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	if q == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "q (search text) is required")
		return
	}
	hits, err := a.st.Search(r.Context(), store.SearchQuery{Text: q, Exhaustive: exhaustive, Page: pg})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]ArticleHit, len(hits))
	for i, h := range hits {
		out[i] = ArticleHit{h.ID, h.Title, h.URL, h.Source, h.Published, h.Snippet, h.Cursor}
	}
	writeJSON(w, page(out, pg.Limit, func(h ArticleHit) string { return h.Cursor }))
}

func (a *api) article(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	enc := p.str("offsets")
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	an, err := a.st.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if err := an.ConvertOffsets(enc); err != nil {
		a.fail(w, r, fmt.Errorf("%w: offsets=%q: %w", errBadParam, enc, err))
		return
	}
	an.Tokens = nil
	writeJSON(w, an)
}

func (a *api) entities(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := store.EntityFilter{Name: p.str("name"), Country: p.str("country"), Type: p.str("type"), Sector: p.str("sector"), Page: p.page()}
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	rows, err := a.st.Entities(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]Entity, len(rows))
	for i, e := range rows {
		out[i] = Entity{e.Name, e.Type, e.Country, e.Code, e.Sector, e.Title, e.Articles, e.Mentions, e.Cursor}
	}
	writeJSON(w, page(out, f.Limit, func(e Entity) string { return e.Cursor }))
}

// MaxRegistry bounds the actor registry listing.
const MaxRegistry = 5000

// actors lists the actor registry: what herald learned about actors from
// the texts (titles, appositives), filtered by name.
func (a *api) actors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	name := strings.ToLower(p.str("name"))
	limit := p.int("limit", 100, 1, MaxRegistry)
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	reg, err := a.st.Registry(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []RegistryActor{}
	for _, x := range reg {
		if name != "" && !strings.Contains(strings.ToLower(x.Name), name) {
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, RegistryActor{x.Name, x.Type, x.Country, x.Sector, x.Title, x.Code, x.Rule})
	}
	writeJSON(w, Page[RegistryActor]{Items: out})
}

// EventFilterFrom reads an event filter from query parameters (shared with
// the web UI's CSV download, which uses the same names).
func EventFilterFrom(v url.Values) (store.EventFilter, error) {
	p := &params{v: v}
	for k, vs := range v {
		for _, s := range vs {
			if len(s) > MaxParamBytes {
				return store.EventFilter{}, fmt.Errorf("%w: %s is longer than %d bytes", errBadParam, k, MaxParamBytes)
			}
		}
	}
	f := store.EventFilter{
		Actor: p.str("actor"), Recipient: p.str("recipient"), Country: p.str("country"), Type: p.str("type"),
		Mode: p.str("mode"), Modality: p.str("modality"), Place: p.str("place"), Text: p.str("text"),
		Quad: p.int("quad", 0, 0, 4), Since: p.str("since"), Until: p.str("until"),
		MinConfidence: p.float("min_confidence", 0, 1), AllModalities: p.bool("all_modalities"),
		DocID: p.str("article"), Page: p.page(),
	}
	return f, p.err
}

func (a *api) events(w http.ResponseWriter, r *http.Request) {
	f, err := EventFilterFrom(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rows, err := a.st.Events(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]Event, len(rows))
	for i := range rows {
		out[i] = EventOf(&rows[i])
	}
	writeJSON(w, page(out, f.Limit, func(e Event) string { return e.Cursor }))
}

func (a *api) quotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := store.QuoteFilter{Speaker: p.str("speaker"), Text: p.str("text"), Since: p.str("since"), Until: p.str("until"),
		DocID: p.str("article"), Page: p.page()}
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	rows, err := a.st.Quotes(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]Quote, len(rows))
	for i, q := range rows {
		out[i] = Quote{q.UID, q.DocID, q.LocalID, q.Kind, q.Text, q.Speaker, q.SpeakerCode, q.SourceDescription, q.Medium, q.Cue,
			nonNil(q.Via), q.Anonymous, q.Confidence, q.Published, q.Title, q.Cursor}
	}
	writeJSON(w, page(out, f.Limit, func(q Quote) string { return q.Cursor }))
}

func aggFilter(p *params) store.AggFilter {
	return store.AggFilter{Actor: p.str("actor"), Country: p.str("country"), Type: p.str("type"), Modality: p.str("modality"),
		Quad: p.int("quad", 0, 0, 4), Since: p.str("since"), Until: p.str("until"), AllModalities: p.bool("all_modalities")}
}

func (a *api) needAgg(w http.ResponseWriter) bool {
	if a.agg == nil {
		writeError(w, http.StatusNotImplemented, "not_implemented", "this store has no aggregates")
		return false
	}
	return true
}

func (a *api) daily(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := aggFilter(p)
	by := p.str("by")
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	if !a.needAgg(w) {
		return
	}
	rows, err := a.agg.Daily(r.Context(), f, by)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]DayCount, len(rows))
	for i, d := range rows {
		out[i] = DayCount{d.Day, d.Key, d.Count}
	}
	writeJSON(w, Page[DayCount]{Items: out})
}

func (a *api) dyads(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := aggFilter(p)
	limit := p.int("limit", 100, 1, MaxLimit)
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	if !a.needAgg(w) {
		return
	}
	rows, err := a.agg.Dyads(r.Context(), f, limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]Dyad, len(rows))
	for i, d := range rows {
		out[i] = Dyad{actorOf(d.Actor), actorOf(d.Recipient), d.Count, d.MeanIntensity}
	}
	writeJSON(w, Page[Dyad]{Items: out})
}

func (a *api) countries(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := aggFilter(p)
	if p.err != nil {
		a.fail(w, r, p.err)
		return
	}
	if !a.needAgg(w) {
		return
	}
	rows, err := a.agg.Countries(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]CountryCount, len(rows))
	for i, c := range rows {
		out[i] = CountryCount{c.Country, c.Count}
	}
	writeJSON(w, Page[CountryCount]{Items: out})
}

// PostArticle is the body of POST /api/v1/articles.
type PostArticle struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// PostResult says what POST /api/v1/articles did.
type PostResult struct {
	ID     string `json:"id"`
	Status string `json:"status"` // new, updated, unchanged, duplicate, skipped
}

func (a *api) postArticle(w http.ResponseWriter, r *http.Request) {
	if a.opt.Token == "" {
		writeError(w, http.StatusForbidden, "read_only", "this server is read-only (start it with a token to allow ingest)")
		return
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(a.opt.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="herald"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "a valid bearer token is required")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxPostBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("body larger than %d bytes", MaxPostBytes))
		return
	}
	var in PostArticle
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", "body: "+err.Error())
		return
	}
	if strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "text or html is required")
		return
	}
	a.anOnce.Do(func() {
		if a.opt.Analyzer == nil {
			a.anErr = errors.New("httpapi: no analyser configured")
			return
		}
		a.an, a.anErr = a.opt.Analyzer()
	})
	if a.anErr != nil {
		a.fail(w, r, a.anErr)
		return
	}
	art := model.Article{ID: in.ID, URL: in.URL, Title: in.Title, Source: in.Source, Published: in.Published, Text: in.Text, Origin: "api"}
	if in.HTML != "" {
		art.HTML = []byte(in.HTML)
	}
	if art.ID == "" {
		art.ID = "api:" + app.ContentHash(art)[:24]
	}
	sum, err := a.an.Ingest(r.Context(), a.st, &sliceSource{arts: []model.Article{art}}, app.IngestConfig{Workers: 1})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res := PostResult{ID: art.ID}
	switch {
	case sum.Failed > 0:
		msg := "analysis failed"
		if len(sum.Failures) > 0 {
			msg = sum.Failures[0]
		}
		writeError(w, http.StatusUnprocessableEntity, "unprocessable", msg)
		return
	case sum.Duplicates > 0:
		res.Status = "duplicate"
	case sum.New > 0:
		res.Status = "new"
	case sum.Updated > 0:
		res.Status = "updated"
	case sum.Unchanged > 0:
		res.Status = "unchanged"
	default:
		res.Status = "skipped"
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(res)
}

// sliceSource yields a fixed list of articles.
type sliceSource struct {
	arts []model.Article
	i    int
}

func (s *sliceSource) Next() (model.Article, error) {
	if s.i >= len(s.arts) {
		return model.Article{}, io.EOF
	}
	s.i++
	return s.arts[s.i-1], nil
}
func (s *sliceSource) Progress() (int64, int64) { return 0, 0 }
func (s *sliceSource) Close() error             { return nil }

var _ ingest.Source = (*sliceSource)(nil)

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
