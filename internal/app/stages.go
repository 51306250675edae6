package app

import (
	"herald/internal/nlp"
	"herald/internal/nlp/actor"
	"herald/internal/nlp/event"
	"herald/internal/nlp/geo"
	"herald/internal/nlp/ner"
	"herald/internal/nlp/quote"
	"herald/internal/nlp/segment"
	"herald/internal/nlp/tag"
	"herald/internal/nlp/timex"
)

// DefaultStages returns herald's stages in run order: segment, tag, ner,
// actor, timex, geo, quote, event. Each stage loads its models and lexicons
// once, here.
func DefaultStages() ([]nlp.Stage, error) {
	var stages []nlp.Stage
	for _, mk := range []func() (nlp.Stage, error){
		// One line per stage, in order.
		segment.Load,
		tag.Load,
		ner.Load,
		actor.New,
		timex.New,
		geo.New,
		quote.New,
		event.New,
	} {
		s, err := mk()
		if err != nil {
			return nil, err
		}
		stages = append(stages, s)
	}
	return stages, nil
}
