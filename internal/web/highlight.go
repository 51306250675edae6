package web

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"herald/internal/model"
)

// Annotation kinds, also the CSS classes of highlighted spans.
const (
	KindEntity  = "ent"
	KindCoref   = "coref"
	KindTime    = "time"
	KindPlace   = "place"
	KindTrigger = "trigger"
	KindQuote   = "quote"
)

// Ann is one highlighted span of an article's text.
type Ann struct {
	Start, End int
	Kind       string // one of the Kind constants
	Sub        string // finer class: entity type, event quad …
	Tip        string // details shown on hover and focus
	Href       string // page of the actor or event ("" = none)
	ID         string // element id ("" = none)
}

// Piece is a run of text with at most one annotation, inside at most one quote.
type Piece struct {
	Text      string
	Ann       *Ann
	OpenQuote *Ann // a quote starts before this piece
	CloseQ    bool // the current quote ends after this piece
}

// BlockView is one block of an article, cut into pieces.
type BlockView struct {
	Kind   string
	Pieces []Piece
}

// ArticleHref is the page of an article, by id (each path segment escaped).
func ArticleHref(id string) string {
	segs := strings.Split(id, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return "/articles/" + strings.Join(segs, "/")
}

// ActorHref is the page of an actor, by name.
func ActorHref(name string) string { return "/actors/" + url.PathEscape(name) }

// Annotations collects the highlightable spans of a: quotes (outer) and the
// entity mentions, coreferences, times, places and event triggers (inner).
func Annotations(a *model.Analysis) (quotes, inner []Ann) {
	ents := map[string]*model.Entity{}
	for i := range a.Entities {
		ents[a.Entities[i].ID] = &a.Entities[i]
	}
	name := func(id string) string {
		if e := ents[id]; e != nil {
			return e.Name
		}
		return id
	}
	for i := range a.Entities {
		e := &a.Entities[i]
		tip := e.Name + " · " + e.Type
		for _, s := range []string{e.Code, e.Country, e.Sector, e.Title} {
			if s != "" {
				tip += " · " + s
			}
		}
		for _, m := range e.Mentions {
			t := tip
			if m.Role != "" {
				t += " · " + m.Role
			}
			inner = append(inner, Ann{Start: m.Start, End: m.End, Kind: KindEntity, Sub: strings.ToLower(e.Type), Tip: t, Href: ActorHref(e.Name)})
		}
	}
	for _, c := range a.Coref {
		inner = append(inner, Ann{Start: c.Start, End: c.End, Kind: KindCoref, Tip: "→ " + name(c.Entity), Href: ActorHref(name(c.Entity))})
	}
	for _, t := range a.Times {
		tip := t.Type
		if t.Value != "" {
			tip += " " + t.Value
		}
		if t.Mod != "" {
			tip += " (" + t.Mod + ")"
		}
		an := Ann{Start: t.Start, End: t.End, Kind: KindTime, Tip: tip, ID: "t-" + t.ID}
		if t.Type == model.TimeDate && len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			an.Href = "/events?modality=all&since=" + t.Value + "&until=" + t.Value // events of that day
		}
		inner = append(inner, an)
	}
	for _, p := range a.Places {
		tip := p.Name
		for _, s := range []string{p.Feature, p.Country} {
			if s != "" {
				tip += " · " + s
			}
		}
		if p.Lat != 0 || p.Lon != 0 {
			tip += fmt.Sprintf(" · %.2f, %.2f", p.Lat, p.Lon)
		}
		an := Ann{Start: p.Start, End: p.End, Kind: KindPlace, Tip: tip, ID: "p-" + p.ID}
		if p.Name != "" {
			an.Href = "/events?modality=all&place=" + url.QueryEscape(p.Name) // events at that place
		}
		inner = append(inner, an)
	}
	for _, ev := range a.Events {
		tip := ev.Type
		if ev.Mode != "" {
			tip += "/" + ev.Mode
		}
		tip += " · " + ev.Modality
		if len(ev.Actors) > 0 || len(ev.Recipients) > 0 {
			tip += " · " + names(ev.Actors, name) + " → " + names(ev.Recipients, name)
		}
		if ev.Date != "" {
			tip += " · " + ev.Date
		}
		for _, m := range ev.Mentions {
			if m.Trigger.End > m.Trigger.Start {
				inner = append(inner, Ann{Start: m.Trigger.Start, End: m.Trigger.End, Kind: KindTrigger, Sub: fmt.Sprintf("q%d", ev.Quad),
					Tip: tip, Href: "#ev-" + ev.ID})
			}
		}
	}
	for _, q := range a.Quotes {
		tip := q.Kind + " quote"
		if q.Speaker != "" {
			tip += " · " + name(q.Speaker)
		} else if q.SourceDescription != "" {
			tip += " · " + q.SourceDescription
		}
		if q.Cue != nil {
			tip += " · " + q.Cue.Text
		}
		quotes = append(quotes, Ann{Start: q.Start, End: q.End, Kind: KindQuote, Sub: q.Kind, Tip: tip, ID: "q-" + q.ID, Href: "#quote-" + q.ID})
	}
	return quotes, inner
}

func names(ids []string, name func(string) string) string {
	if len(ids) == 0 {
		return "?"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = name(id)
	}
	return strings.Join(out, ", ")
}

// Highlight cuts the text of each block into pieces. Quotes nest around inner
// annotations; overlapping annotations keep the earlier (then longer) one, and
// an inner annotation crossing a quote boundary is dropped, so the markup
// always nests. Spans outside the text are ignored.
func Highlight(text string, blocks []model.Block, quotes, inner []Ann) []BlockView {
	if len(blocks) == 0 && text != "" {
		blocks = []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}}
	}
	valid := func(a Ann) bool { return a.Start >= 0 && a.End <= len(text) && a.Start < a.End }
	order := func(as []Ann) {
		sort.SliceStable(as, func(i, j int) bool {
			if as[i].Start != as[j].Start {
				return as[i].Start < as[j].Start
			}
			return as[i].End > as[j].End
		})
	}
	qs := append([]Ann(nil), quotes...)
	in := append([]Ann(nil), inner...)
	order(qs)
	order(in)
	var out []BlockView
	for _, b := range blocks {
		if b.Start < 0 || b.End > len(text) || b.Start >= b.End {
			continue
		}
		// Quotes clipped to the block, without overlaps.
		var bq []Ann
		last := b.Start
		for _, q := range qs {
			if !valid(q) {
				continue
			}
			q.Start, q.End = max(q.Start, b.Start), min(q.End, b.End)
			if q.Start >= q.End || q.Start < last {
				continue
			}
			bq = append(bq, q)
			last = q.End
		}
		crosses := func(a Ann) bool {
			for _, q := range bq {
				in1 := a.Start >= q.Start && a.Start < q.End
				in2 := a.End > q.Start && a.End <= q.End
				if in1 != in2 || (a.Start < q.Start && a.End > q.End) {
					return true
				}
			}
			return false
		}
		var bi []Ann
		last = b.Start
		for _, a := range in {
			if !valid(a) || a.Start < last || a.End > b.End || crosses(a) {
				continue
			}
			bi = append(bi, a)
			last = a.End
		}
		// Cut points.
		cuts := []int{b.Start, b.End}
		for _, a := range bq {
			cuts = append(cuts, a.Start, a.End)
		}
		for _, a := range bi {
			cuts = append(cuts, a.Start, a.End)
		}
		sort.Ints(cuts)
		bv := BlockView{Kind: b.Kind}
		qi, ii := 0, 0
		var curQ *Ann
		for k := 0; k+1 < len(cuts); k++ {
			s, e := cuts[k], cuts[k+1]
			if s == e {
				continue
			}
			for qi < len(bq) && bq[qi].End <= s {
				qi++
			}
			for ii < len(bi) && bi[ii].End <= s {
				ii++
			}
			var q, a *Ann
			if qi < len(bq) && bq[qi].Start <= s {
				q = &bq[qi]
			}
			if ii < len(bi) && bi[ii].Start <= s {
				a = &bi[ii]
			}
			p := Piece{Text: text[s:e], Ann: a}
			if q != nil && q != curQ {
				p.OpenQuote = q
			}
			if curQ != nil && q != curQ && len(bv.Pieces) > 0 {
				bv.Pieces[len(bv.Pieces)-1].CloseQ = true
			}
			curQ = q
			// Merge with the previous piece when nothing changes.
			if n := len(bv.Pieces); n > 0 && a == nil && bv.Pieces[n-1].Ann == nil && p.OpenQuote == nil && !bv.Pieces[n-1].CloseQ {
				bv.Pieces[n-1].Text += p.Text
				continue
			}
			bv.Pieces = append(bv.Pieces, p)
		}
		if curQ != nil && len(bv.Pieces) > 0 {
			bv.Pieces[len(bv.Pieces)-1].CloseQ = true
		}
		out = append(out, bv)
	}
	return out
}
