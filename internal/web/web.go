// Package web is herald's server-rendered user interface: search, article
// view with highlighted facts, actor pages, events and quotes explorers, a
// world map and an actor network. Pages are html/template (so every piece of
// article text is escaped), templates and static files are embedded, pages
// load nothing from other hosts and need no JavaScript. A Handler is safe for
// concurrent use.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"herald/internal/model"
	"herald/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Limits of the UI's queries.
const (
	PageSize      = 50
	MaxCSVRows    = 5000
	MaxParamBytes = 256
	actorEvents   = 300
)

// Options configure the UI.
type Options struct {
	Logger *slog.Logger
	// Title is shown in every page's header; default "herald".
	Title string
}

type ui struct {
	st   store.Store
	agg  store.Aggregator
	opt  Options
	log  *slog.Logger
	tmpl map[string]*template.Template
}

var funcs = template.FuncMap{
	"actor": ActorHref,
	"art":   ArticleHref,
	"pct":   func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"num":   func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
	"quad":  QuadLabel,
	"join":  strings.Join,
	"esc":   url.QueryEscape,
	"add":   func(a, b int) int { return a + b },
	"names": func(as []store.Actor) []string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = a.Name
		}
		return out
	},
}

// New returns the UI handler over st.
func New(st store.Store, opt Options) (http.Handler, error) {
	u := &ui{st: st, opt: opt, log: opt.Logger, tmpl: map[string]*template.Template{}}
	if u.log == nil {
		u.log = slog.New(slog.DiscardHandler)
	}
	if u.opt.Title == "" {
		u.opt.Title = "herald"
	}
	u.agg, _ = st.(store.Aggregator)
	pages, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", p)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", p, err)
		}
		u.tmpl[name] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	mux.HandleFunc("GET /{$}", u.home)
	mux.HandleFunc("GET /search", u.search)
	mux.HandleFunc("GET /articles/{id...}", u.article)
	mux.HandleFunc("GET /actors/{name}", u.actor)
	mux.HandleFunc("GET /events", u.events)
	mux.HandleFunc("GET /events.csv", u.eventsCSV)
	mux.HandleFunc("GET /quotes", u.quotes)
	mux.HandleFunc("GET /map", u.worldMap)
	mux.HandleFunc("GET /network", u.network)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, http.StatusNotFound, "No such page.")
	})
	return mux, nil
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// page is what every template gets.
type page struct {
	Title, Site, Nav string
	Q                string
	Data             any
	Status           int
	Message          string
}

func (u *ui) render(w http.ResponseWriter, r *http.Request, name string, status int, p page) {
	t := u.tmpl[name]
	p.Site = u.opt.Title
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		u.log.Error("web: render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (u *ui) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	u.render(w, r, "error", status, page{Title: http.StatusText(status), Status: status, Message: msg})
}

// failErr maps a store error to a page.
func (u *ui) failErr(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrQuery), errors.Is(err, errParam):
		u.fail(w, r, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrNotFound):
		u.fail(w, r, http.StatusNotFound, "Not found.")
	case errors.Is(err, context.DeadlineExceeded):
		u.fail(w, r, http.StatusServiceUnavailable, "The query took too long; narrow it.")
	case errors.Is(err, context.Canceled):
	default:
		u.log.Error("web: request failed", "path", r.URL.Path, "err", err)
		u.fail(w, r, http.StatusInternalServerError, "Internal error.")
	}
}

var errParam = errors.New("bad parameter")

// form reads query parameters with bounded length.
func form(r *http.Request) (url.Values, error) {
	v := r.URL.Query()
	for k, vs := range v {
		for _, s := range vs {
			if len(s) > MaxParamBytes {
				return nil, fmt.Errorf("%w: %s is longer than %d bytes", errParam, k, MaxParamBytes)
			}
		}
	}
	return v, nil
}

type homeData struct {
	Stats    store.Stats
	Articles []articleLink
	Actors   []store.EntityRow
}

type articleLink struct {
	ID, Title, Published, Source string
}

func (u *ui) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := u.st.Stats(ctx)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := homeData{Stats: st}
	ids, err := u.st.IDs(ctx, "", 20)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	for _, id := range ids {
		a, err := u.st.Get(ctx, id)
		if err != nil {
			continue
		}
		d.Articles = append(d.Articles, articleLink{id, titleOf(a), a.Doc.Published, a.Doc.Source})
	}
	sort.SliceStable(d.Articles, func(i, j int) bool { return d.Articles[i].Published > d.Articles[j].Published })
	d.Actors, err = u.st.Entities(ctx, store.EntityFilter{Page: store.Page{Limit: 24}})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	u.render(w, r, "home", http.StatusOK, page{Title: "Overview", Nav: "home", Data: d})
}

func titleOf(a *model.Analysis) string {
	if a.Doc.Title != "" {
		return a.Doc.Title
	}
	for _, b := range a.Blocks {
		if b.Kind == model.BlockTitle {
			return a.Text[b.Start:b.End]
		}
	}
	t := a.Text
	if i := strings.IndexByte(t, '\n'); i > 0 {
		t = t[:i]
	}
	if len(t) > 90 {
		cut := 90
		for cut > 0 && t[cut]&0xC0 == 0x80 {
			cut--
		}
		t = t[:cut] + "…"
	}
	return t
}

type searchData struct {
	Articles []store.ArticleHit
	Quotes   []store.QuoteRow
	Events   []store.EventRow
}

func (u *ui) search(w http.ResponseWriter, r *http.Request) {
	v, err := form(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	q := strings.TrimSpace(v.Get("q"))
	p := page{Title: "Search", Nav: "search", Q: q}
	if q == "" {
		p.Data = searchData{}
		u.render(w, r, "search", http.StatusOK, p)
		return
	}
	ctx := r.Context()
	var d searchData
	if d.Articles, err = u.st.Search(ctx, store.SearchQuery{Text: q, Page: store.Page{Limit: 20}}); err != nil {
		u.failErr(w, r, err)
		return
	}
	if d.Quotes, err = u.st.Quotes(ctx, store.QuoteFilter{Text: q, Page: store.Page{Limit: 20}}); err != nil {
		u.failErr(w, r, err)
		return
	}
	if d.Events, err = u.st.Events(ctx, store.EventFilter{Text: q, AllModalities: true, Page: store.Page{Limit: 20}}); err != nil {
		u.failErr(w, r, err)
		return
	}
	p.Data = d
	u.render(w, r, "search", http.StatusOK, p)
}

type articleData struct {
	A        *model.Analysis
	Title    string
	Blocks   []BlockView
	Entities []model.Entity
	Quotes   []quoteView
	Events   []eventView
	Counts   map[string]int
}

type quoteView struct {
	model.Quote
	SpeakerName string
}

type eventView struct {
	model.Event
	ActorNames, RecipientNames []string
	TimeText, PlaceText        string
	Trigger                    string
}

func (u *ui) article(w http.ResponseWriter, r *http.Request) {
	a, err := u.st.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	quotes, inner := Annotations(a)
	d := articleData{A: a, Title: titleOf(a), Blocks: Highlight(a.Text, a.Blocks, quotes, inner), Entities: a.Entities,
		Counts: map[string]int{"entities": len(a.Entities), "times": len(a.Times), "places": len(a.Places), "quotes": len(a.Quotes), "events": len(a.Events)}}
	// Drop the title block from the body: it is the page heading.
	if len(d.Blocks) > 0 && d.Blocks[0].Kind == model.BlockTitle {
		d.Blocks = d.Blocks[1:]
	}
	ents := map[string]string{}
	for _, e := range a.Entities {
		ents[e.ID] = e.Name
	}
	nm := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if n, ok := ents[id]; ok {
				out = append(out, n)
			}
		}
		return out
	}
	times := map[string]string{}
	for _, t := range a.Times {
		times[t.ID] = t.Text
	}
	places := map[string]string{}
	for _, p := range a.Places {
		places[p.ID] = p.Name
	}
	for _, q := range a.Quotes {
		qv := quoteView{Quote: q, SpeakerName: ents[q.Speaker]}
		d.Quotes = append(d.Quotes, qv)
	}
	for _, ev := range a.Events {
		v := eventView{Event: ev, ActorNames: nm(ev.Actors), RecipientNames: nm(ev.Recipients), TimeText: times[ev.Time], PlaceText: places[ev.Place]}
		if len(ev.Mentions) > 0 {
			v.Trigger = ev.Mentions[0].Trigger.Text
		}
		d.Events = append(d.Events, v)
	}
	u.render(w, r, "article", http.StatusOK, page{Title: d.Title, Nav: "article", Data: d})
}

type actorData struct {
	Name        string
	Rows        []store.EntityRow
	Aliases     []string
	AsActor     []store.EventRow
	AsRecipient []store.EventRow
	Quotes      []store.QuoteRow
	Partners    []partner
	Chart       Chart
	Similar     []store.EntityRow
}

type partner struct {
	Name    string
	Out, In int
}

func hasName(as []store.Actor, name string) bool {
	for _, a := range as {
		if a.Name == name {
			return true
		}
	}
	return false
}

func (u *ui) actor(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if len(name) > MaxParamBytes || strings.TrimSpace(name) == "" {
		u.fail(w, r, http.StatusBadRequest, "Bad actor name.")
		return
	}
	ctx := r.Context()
	rows, err := u.st.Entities(ctx, store.EntityFilter{Name: name, Page: store.Page{Limit: 50}})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := actorData{Name: name}
	for _, e := range rows {
		if e.Name == name {
			d.Rows = append(d.Rows, e)
		} else {
			d.Similar = append(d.Similar, e)
		}
	}
	if len(d.Rows) == 0 {
		u.render(w, r, "actor", http.StatusNotFound, page{Title: name, Nav: "actor", Data: d})
		return
	}
	if u.agg != nil {
		if d.Aliases, err = u.agg.Aliases(ctx, name, 20); err != nil {
			u.failErr(w, r, err)
			return
		}
	}
	evs, err := u.st.Events(ctx, store.EventFilter{Actor: name, AllModalities: true, Page: store.Page{Limit: actorEvents}})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	rec, err := u.st.Events(ctx, store.EventFilter{Recipient: name, AllModalities: true, Page: store.Page{Limit: actorEvents}})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	parts := map[string]*partner{}
	get := func(n string) *partner {
		if parts[n] == nil {
			parts[n] = &partner{Name: n}
		}
		return parts[n]
	}
	var days []store.DayCount
	day := func(e store.EventRow) string {
		d := e.Date
		if len(d) < 10 {
			d = e.Published
		}
		if len(d) >= 10 {
			return d[:10]
		}
		return ""
	}
	for _, e := range evs {
		if hasName(e.Actors, name) {
			d.AsActor = append(d.AsActor, e)
			for _, x := range e.Recipients {
				if x.Name != name {
					get(x.Name).Out++
				}
			}
			days = append(days, store.DayCount{Day: day(e), Key: "actor", Count: 1})
		}
	}
	for _, e := range rec {
		if hasName(e.Recipients, name) {
			d.AsRecipient = append(d.AsRecipient, e)
			for _, x := range e.Actors {
				if x.Name != name {
					get(x.Name).In++
				}
			}
			days = append(days, store.DayCount{Day: day(e), Key: "recipient", Count: 1})
		}
	}
	d.Chart = Timeline(days, []string{"actor", "recipient"}, func(k string) string { return "as " + k })
	for _, p := range parts {
		d.Partners = append(d.Partners, *p)
	}
	sort.Slice(d.Partners, func(i, j int) bool {
		a, b := d.Partners[i], d.Partners[j]
		if a.Out+a.In != b.Out+b.In {
			return a.Out+a.In > b.Out+b.In
		}
		return a.Name < b.Name
	})
	qs, err := u.st.Quotes(ctx, store.QuoteFilter{Speaker: name, Page: store.Page{Limit: 100}})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	for _, q := range qs {
		if q.Speaker == name {
			d.Quotes = append(d.Quotes, q)
		}
	}
	u.render(w, r, "actor", http.StatusOK, page{Title: name, Nav: "actor", Data: d})
}

type eventsData struct {
	F     url.Values
	Rows  []store.EventRow
	Chart Chart
	Next  string
	CSV   string
	Quads []string
	Modes []string
}

// aggFilter is the aggregate filter of an event filter.
func aggFilter(f store.EventFilter) store.AggFilter {
	return store.AggFilter{Actor: f.Actor, Country: f.Country, Type: f.Type, Modality: f.Modality, Quad: f.Quad, Since: f.Since,
		Until: f.Until, AllModalities: f.AllModalities}
}

// eventForm reads the event filter of a request, answering the error itself
// (ok false) when the parameters are bad.
func (u *ui) eventForm(w http.ResponseWriter, r *http.Request) (url.Values, store.EventFilter, bool) {
	v, err := form(r)
	if err == nil {
		var f store.EventFilter
		if f, err = eventFilter(v); err == nil {
			return v, f, true
		}
	}
	u.failErr(w, r, err)
	return nil, store.EventFilter{}, false
}

func eventFilter(v url.Values) (store.EventFilter, error) {
	f := store.EventFilter{Actor: strings.TrimSpace(v.Get("actor")), Recipient: strings.TrimSpace(v.Get("recipient")),
		Country: strings.TrimSpace(v.Get("country")), Type: strings.TrimSpace(v.Get("type")), Mode: strings.TrimSpace(v.Get("mode")),
		Modality: v.Get("modality"), Place: strings.TrimSpace(v.Get("place")), Text: strings.TrimSpace(v.Get("text")),
		Since: strings.TrimSpace(v.Get("since")), Until: strings.TrimSpace(v.Get("until")), Page: store.Page{After: v.Get("cursor")}}
	if f.Modality == "all" {
		f.Modality, f.AllModalities = "", true
	}
	if s := v.Get("quad"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 4 {
			return f, fmt.Errorf("%w: quad %q (want 1–4)", errParam, s)
		}
		f.Quad = n
	}
	if s := v.Get("min_confidence"); s != "" {
		c, err := strconv.ParseFloat(s, 64)
		if err != nil || c < 0 || c > 1 {
			return f, fmt.Errorf("%w: min_confidence %q (want 0–1)", errParam, s)
		}
		f.MinConfidence = c
	}
	return f, nil
}

func (u *ui) events(w http.ResponseWriter, r *http.Request) {
	v, f, ok := u.eventForm(w, r)
	if !ok {
		return
	}
	f.Limit = PageSize
	rows, err := u.st.Events(r.Context(), f)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := eventsData{F: v, Rows: rows, Quads: []string{"1", "2", "3", "4"}, Modes: []string{"asserted", "future", "hypothetical", "negated", "all"}}
	if u.agg != nil {
		days, err := u.agg.Daily(r.Context(), aggFilter(f), store.ByQuad)
		if err != nil {
			u.failErr(w, r, err)
			return
		}
		d.Chart = Timeline(days, d.Quads, QuadLabel)
	} else {
		d.Chart.Empty = true
	}
	q := cloneValues(v)
	q.Del("cursor")
	d.CSV = "/events.csv?" + q.Encode()
	if len(rows) == PageSize {
		q.Set("cursor", rows[len(rows)-1].Cursor)
		d.Next = "/events?" + q.Encode()
	}
	u.render(w, r, "events", http.StatusOK, page{Title: "Events", Nav: "events", Data: d})
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		for _, s := range vs {
			if s != "" {
				out.Add(k, s)
			}
		}
	}
	return out
}

// CSVHeader is the header row of the events CSV download.
var CSVHeader = []string{"uid", "article", "date", "type", "mode", "quad", "cameo", "modality", "actors", "actor_codes", "recipients",
	"recipient_codes", "place", "place_country", "intensity", "goldstein", "confidence", "trigger", "sentence", "source", "url", "published"}

func (u *ui) eventsCSV(w http.ResponseWriter, r *http.Request) {
	_, f, ok := u.eventForm(w, r)
	if !ok {
		return
	}
	f.After, f.Limit = "", MaxCSVRows
	rows, err := u.st.Events(r.Context(), f)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="herald-events.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	codes := func(as []store.Actor, name bool) string {
		var s []string
		for _, a := range as {
			if name {
				s = append(s, a.Name)
			} else {
				s = append(s, a.Code)
			}
		}
		return strings.Join(s, "|")
	}
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, e := range rows {
		cw.Write(csvSafe([]string{e.UID, e.DocID, e.Date, e.Type, e.Mode, strconv.Itoa(e.Quad), e.CAMEO, e.Modality,
			codes(e.Actors, true), codes(e.Actors, false), codes(e.Recipients, true), codes(e.Recipients, false), e.Place, e.PlaceCountry,
			ff(e.Intensity), ff(e.Goldstein), ff(e.Confidence), e.Trigger, e.Sentence, e.Source, e.URL, e.Published}))
	}
	cw.Flush()
}

// csvSafe defuses spreadsheet formulas: a cell starting with = + - @ gets a
// leading apostrophe (numbers are left alone).
func csvSafe(row []string) []string {
	for i, s := range row {
		if s == "" {
			continue
		}
		switch s[0] {
		case '=', '+', '@', '\t', '\r':
			row[i] = "'" + s
		case '-':
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				row[i] = "'" + s
			}
		}
	}
	return row
}

type quotesData struct {
	F    url.Values
	Rows []store.QuoteRow
	Next string
}

func (u *ui) quotes(w http.ResponseWriter, r *http.Request) {
	v, err := form(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	f := store.QuoteFilter{Speaker: strings.TrimSpace(v.Get("speaker")), Text: strings.TrimSpace(v.Get("text")),
		Since: strings.TrimSpace(v.Get("since")), Until: strings.TrimSpace(v.Get("until")), Page: store.Page{Limit: PageSize, After: v.Get("cursor")}}
	rows, err := u.st.Quotes(r.Context(), f)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := quotesData{F: v, Rows: rows}
	if len(rows) == PageSize {
		q := cloneValues(v)
		q.Set("cursor", rows[len(rows)-1].Cursor)
		d.Next = "/quotes?" + q.Encode()
	}
	u.render(w, r, "quotes", http.StatusOK, page{Title: "Quotes", Nav: "quotes", Data: d})
}

type mapData struct {
	F         url.Values
	Countries []MapCountry
	Max       int
	Top       []MapCountry
	Legend    []string
}

func (u *ui) worldMap(w http.ResponseWriter, r *http.Request) {
	v, err := form(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := mapData{F: v, Legend: []string{"c1", "c2", "c3", "c4", "c5"}}
	if u.agg != nil {
		f, err := eventFilter(v)
		if err != nil {
			u.failErr(w, r, err)
			return
		}
		af := aggFilter(f)
		af.Country = "" // the map shows every country
		cs, err := u.agg.Countries(r.Context(), af)
		if err != nil {
			u.failErr(w, r, err)
			return
		}
		d.Countries, d.Max = Choropleth(cs)
		names := map[string]string{}
		for _, c := range World() {
			names[c.Code] = c.Name
		}
		for _, c := range cs[:min(len(cs), 30)] {
			d.Top = append(d.Top, MapCountry{Country: Country{Code: c.Country, Name: names[c.Country]}, Count: c.Count})
		}
	} else {
		d.Countries, _ = Choropleth(nil)
	}
	u.render(w, r, "map", http.StatusOK, page{Title: "World map", Nav: "map", Data: d})
}

type networkData struct {
	F     url.Values
	Nodes []Node
	Edges []Edge
	Dyads []store.Dyad
}

func (u *ui) network(w http.ResponseWriter, r *http.Request) {
	v, err := form(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d := networkData{F: v}
	if u.agg != nil {
		f, err := eventFilter(v)
		if err != nil {
			u.failErr(w, r, err)
			return
		}
		dy, err := u.agg.Dyads(r.Context(), aggFilter(f), 60)
		if err != nil {
			u.failErr(w, r, err)
			return
		}
		d.Dyads = dy
		d.Nodes, d.Edges = Network(dy, 24)
	}
	u.render(w, r, "network", http.StatusOK, page{Title: "Actor network", Nav: "network", Data: d})
}
