package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"herald/internal/store"
)

// outFlags choose how query results are printed.
type outFlags struct {
	Format string `default:"table" enum:"table,json,jsonl,csv" help:"Output: table, json, jsonl or csv."`
	Limit  int    `default:"50" help:"Rows per page (at most 10000)."`
	After  string `help:"Cursor of the last row of the previous page."`
}

func (o outFlags) page() store.Page { return store.Page{Limit: o.Limit, After: o.After} }

// table is a query result ready to print in any format.
type table struct {
	header []string
	rows   [][]string
	items  []any // the typed rows, for json/jsonl
}

func (t table) print(w io.Writer, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		items := t.items
		if items == nil {
			items = []any{}
		}
		return enc.Encode(items)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range t.items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	default:
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(t.header, "\t"))
		for _, r := range t.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = clip(strings.ReplaceAll(strings.ReplaceAll(c, "\t", " "), "\n", " "), 70)
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		if len(t.rows) == 0 {
			fmt.Fprintln(tw, "(no rows)")
		}
		return tw.Flush()
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func queryError(err error) error {
	if errors.Is(err, store.ErrQuery) || errors.Is(err, store.ErrNotFound) {
		return inputError{err}
	}
	return err
}

func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func actorList(as []store.Actor) string {
	var s []string
	for _, a := range as {
		if a.Code != "" {
			s = append(s, a.Name+" ("+a.Code+")")
		} else {
			s = append(s, a.Name)
		}
	}
	return strings.Join(s, "; ")
}

// SearchCmd searches article texts.
type SearchCmd struct {
	dbFlag
	outFlags
	Text       []string `arg:"" help:"Words to search for (all must match)."`
	Exhaustive bool     `help:"Rank every match (default on SQLite: a query matching more than 500 articles ranks the 500 most recently stored)."`
}

// Run searches.
func (c *SearchCmd) Run(e *env) error {
	st, err := openQueryStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(e.ctx, store.SearchQuery{Text: strings.Join(c.Text, " "), Exhaustive: c.Exhaustive, Page: c.page()})
	if err != nil {
		return queryError(err)
	}
	t := table{header: []string{"id", "published", "source", "title", "snippet"}}
	for _, h := range hits {
		t.rows = append(t.rows, []string{h.ID, h.Published, h.Source, h.Title, h.Snippet})
		t.items = append(t.items, h)
	}
	return t.print(e.stdout, c.Format)
}

// EventsCmd lists events.
type EventsCmd struct {
	dbFlag
	outFlags
	Actor         string  `help:"Actor code prefix (RUS, RUSGOV), country or name."`
	Recipient     string  `help:"Recipient code prefix, country or name."`
	Country       string  `help:"Country (ISO alpha-3) of a participant or the place."`
	Type          string  `help:"PLOVER type (ASSAULT, CONSULT, …)."`
	Mode          string  `help:"PLOVER mode."`
	Quad          int     `help:"Quad class 1–4."`
	Modality      string  `help:"asserted, future, hypothetical or negated (default: asserted)."`
	All           bool    `help:"Every modality."`
	Place         string  `help:"Place name."`
	Text          string  `help:"Words in the event's sentence."`
	Since         string  `help:"From this date (YYYY-MM-DD)."`
	Until         string  `help:"Up to this date (YYYY-MM-DD)."`
	MinConfidence float64 `help:"Minimum confidence."`
}

func (c *EventsCmd) filter() store.EventFilter {
	return store.EventFilter{Actor: c.Actor, Recipient: c.Recipient, Country: c.Country, Type: c.Type, Mode: c.Mode, Quad: c.Quad,
		Modality: c.Modality, AllModalities: c.All, Place: c.Place, Text: c.Text, Since: c.Since, Until: c.Until,
		MinConfidence: c.MinConfidence, Page: c.page()}
}

// Run lists events.
func (c *EventsCmd) Run(e *env) error {
	st, err := openQueryStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := st.Events(e.ctx, c.filter())
	if err != nil {
		return queryError(err)
	}
	t := table{header: []string{"date", "type", "mode", "actors", "recipients", "place", "modality", "trigger", "mentions", "articles", "sources", "doc"}}
	for _, v := range evs {
		t.rows = append(t.rows, []string{v.Date, v.Type, v.Mode, actorList(v.Actors), actorList(v.Recipients), v.Place, v.Modality, v.Trigger,
			strconv.Itoa(v.NumMentions), strconv.Itoa(v.NumArticles), strconv.Itoa(v.NumSources), v.DocID})
		t.items = append(t.items, v)
	}
	return t.print(e.stdout, c.Format)
}

// QuotesCmd lists quotes.
type QuotesCmd struct {
	dbFlag
	outFlags
	Speaker string `help:"Speaker name or actor code."`
	Text    string `help:"Words in the quote."`
	Since   string `help:"From this date (YYYY-MM-DD)."`
	Until   string `help:"Up to this date (YYYY-MM-DD)."`
}

// Run lists quotes.
func (c *QuotesCmd) Run(e *env) error {
	st, err := openQueryStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quotes(e.ctx, store.QuoteFilter{Speaker: c.Speaker, Text: c.Text, Since: c.Since, Until: c.Until, Page: c.page()})
	if err != nil {
		return queryError(err)
	}
	t := table{header: []string{"published", "speaker", "kind", "quote", "via", "doc"}}
	for _, q := range qs {
		sp := q.Speaker
		if q.Anonymous && q.SourceDescription != "" {
			sp = q.SourceDescription + " (anonymous)"
		}
		t.rows = append(t.rows, []string{q.Published, sp, q.Kind, q.Text, strings.Join(q.Via, "; "), q.DocID})
		t.items = append(t.items, q)
	}
	return t.print(e.stdout, c.Format)
}

// EntitiesCmd lists actors.
type EntitiesCmd struct {
	dbFlag
	outFlags
	Name    string `help:"Part of the name."`
	Country string `help:"Country (ISO alpha-3)."`
	Type    string `help:"PER, ORG, GPE, LOC, NORP or MISC."`
	Sector  string `help:"Sector (GOV, MIL, …)."`
}

// Run lists entities.
func (c *EntitiesCmd) Run(e *env) error {
	st, err := openQueryStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	es, err := st.Entities(e.ctx, store.EntityFilter{Name: c.Name, Country: c.Country, Type: c.Type, Sector: c.Sector, Page: c.page()})
	if err != nil {
		return queryError(err)
	}
	t := table{header: []string{"name", "type", "country", "code", "sector", "title", "articles", "mentions"}}
	for _, x := range es {
		t.rows = append(t.rows, []string{x.Name, x.Type, x.Country, x.Code, x.Sector, x.Title, strconv.Itoa(x.Articles), strconv.Itoa(x.Mentions)})
		t.items = append(t.items, x)
	}
	return t.print(e.stdout, c.Format)
}

// MentionsCmd lists the mentions of events: every place that reports one.
type MentionsCmd struct {
	dbFlag
	outFlags
	Event    string `help:"An event's uid (from herald events --format json): its mentions in its article."`
	MergeKey string `name:"merge-key" help:"An event's merge key: its mentions in every article."`
	Doc      string `help:"A document id: every event mention in it."`
}

// Run lists mentions.
func (c *MentionsCmd) Run(e *env) error {
	st, err := openQueryStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Mentions(e.ctx, store.MentionFilter{EventUID: c.Event, MergeKey: c.MergeKey, DocID: c.Doc, Page: c.page()})
	if err != nil {
		return queryError(err)
	}
	t := table{header: []string{"published", "source", "type", "trigger", "sentence", "doc"}}
	for _, m := range ms {
		t.rows = append(t.rows, []string{m.Published, m.Source, m.Type, m.Trigger, m.Sentence, m.DocID})
		t.items = append(t.items, m)
	}
	return t.print(e.stdout, c.Format)
}
