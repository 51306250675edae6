package app

import "herald/internal/model"

// Finish makes every list of a non-nil (herald/v1 prints every list, even
// empty) so that the output shape never depends on which stages ran.
func Finish(a *model.Analysis) {
	if a.Blocks == nil {
		a.Blocks = []model.Block{}
	}
	if a.Sentences == nil {
		a.Sentences = []model.Sentence{}
	}
	if a.Entities == nil {
		a.Entities = []model.Entity{}
	}
	for i := range a.Entities {
		if a.Entities[i].Mentions == nil {
			a.Entities[i].Mentions = []model.Mention{}
		}
	}
	if a.Coref == nil {
		a.Coref = []model.Coref{}
	}
	if a.Times == nil {
		a.Times = []model.Time{}
	}
	if a.Places == nil {
		a.Places = []model.Place{}
	}
	if a.Quotes == nil {
		a.Quotes = []model.Quote{}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.Content == nil {
			q.Content = []model.Span{}
		}
		if q.Via == nil {
			q.Via = []string{}
		}
	}
	if a.Events == nil {
		a.Events = []model.Event{}
	}
	for i := range a.Events {
		e := &a.Events[i]
		if e.Contexts == nil {
			e.Contexts = []string{}
		}
		if e.Actors == nil {
			e.Actors = []string{}
		}
		if e.Recipients == nil {
			e.Recipients = []string{}
		}
		if e.Mentions == nil {
			e.Mentions = []model.EventMention{}
		}
	}
}
