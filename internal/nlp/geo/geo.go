// Package geo is herald's "geo" stage: it finds toponyms and resolves each
// to a place in the embedded gazetteer (internal/resources/gazetteer), with
// its GeoNames feature code, country, coordinates and GeoNames id.
//
// Detection takes NER's GPE and LOC spans; capitalized word sequences the
// gazetteer or the country data know, when the evidence is strong enough (a
// country, state, county or large town; a locative preposition before it; a
// state qualifier after it; the same name a place elsewhere in the article);
// place names inside organization names ("Texas Alcoholic Beverage
// Commission", "Lamar County" taken for an organization); the actor stage's
// location mentions; and streets, roads and natural features named by their
// type word ("Oak Street", "Red River", "Lake Lanier"), which get no point.
// "X region/oblast/province" spans are subdivisions and "X County/Parish"
// (or "X and Y counties") US counties; a direction adjective before a name
// joins the span ("eastern Ukraine"). Demonyms ("Russian forces") and the
// countries of the article's people and organizations are country evidence,
// never places; a name seen as a person's surname is no place on gazetteer
// evidence alone.
//
// Resolution scores each candidate by feature type and population; by the
// countries and first-level subdivisions that the article's demonyms,
// actors, qualifiers ("Paris, Texas") and unambiguous names point to; by
// co-location with readings of the article's other names ("Paris" and
// "Henry County" are both in Tennessee); and, in a second pass, by the other
// names' choices. A name keeps one sense per article.
//
// The stage is safe for concurrent use: the gazetteer and country data are
// loaded once and read-only, and all per-article state lives in Process.
package geo

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"herald/internal/model"
	"herald/internal/nlp"
)

// Name is the stage name.
const Name = "geo"

// version changes when the stage's behaviour changes (see Fingerprint).
const version = "geo/1"

// Stage is the geo stage. The zero value is not usable; call New.
type Stage struct {
	k *kb
}

// New loads the gazetteer and the country data (once per process) and
// returns the stage.
func New() (nlp.Stage, error) {
	k, err := loadKB()
	if err != nil {
		return nil, err
	}
	return &Stage{k: k}, nil
}

// Name returns "geo".
func (*Stage) Name() string { return Name }

// Requires names the stages whose fields geo reads: tokens and sentences
// (segment), NER labels (ner), and entities with their countries and
// location mentions (actor).
func (*Stage) Requires() []string { return []string{"segment", "tag", "ner", "actor"} }

// Fingerprint identifies the stage's behaviour.
func (*Stage) Fingerprint() string { return version }

// Process fills a.Places, sorted by start. English only.
func (s *Stage) Process(ctx context.Context, a *model.Analysis) error {
	if a.Doc.Language != "" && a.Doc.Language != "en" {
		return fmt.Errorf("geo: language %q: %w", a.Doc.Language, nlp.ErrSkip)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d := newDoc(s.k, a)
	d.detect()
	a.Places = d.resolve()
	return nil
}

// Resolve resolves the given spans of a.Text as toponyms, in the context of
// the article (the other spans, demonyms in the text, qualifiers such as
// ", Texas" after a span). It returns one Place per span, in the order of
// spans; a span with no gazetteer entry gets a Place with only its span and
// text. It needs only a.Text, not the other stages.
func Resolve(a *model.Analysis, spans []model.Span) ([]model.Place, error) {
	k, err := loadKB()
	if err != nil {
		return nil, err
	}
	return resolveSpans(k, a, spans), nil
}

func resolveSpans(k *kb, a *model.Analysis, spans []model.Span) []model.Place {
	d := newDoc(k, a)
	d.scanDemonyms()
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		d.addSpan(sp.Start, sp.End, ruleGiven)
	}
	places := d.resolve()
	// Map back to span order; resolve sorts and drops nothing for given spans.
	by := make(map[model.Span]model.Place, len(places))
	for _, p := range places {
		by[model.Span{Start: p.Start, End: p.End}] = p
	}
	out := make([]model.Place, len(spans))
	for i, sp := range spans {
		p, ok := by[sp]
		if !ok {
			p = model.Place{Start: sp.Start, End: sp.End}
			if sp.Start >= 0 && sp.End <= len(a.Text) && sp.Start < sp.End {
				p.Text = a.Text[sp.Start:sp.End]
			}
		}
		out[i] = p
	}
	return out
}

// number assigns ids P1… in order of start.
func number(ps []model.Place) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Start != ps[j].Start {
			return ps[i].Start < ps[j].Start
		}
		return ps[i].End < ps[j].End
	})
	for i := range ps {
		ps[i].ID = "P" + strconv.Itoa(i+1)
	}
}
