package store

import "context"

// Aggregator answers the summary queries behind charts: events per day, actor
// pairs and counts per country. Every dialect's store implements it (check
// with a type assertion: st.(store.Aggregator)). Implementations are safe for
// concurrent use. Like exports, aggregates count only asserted events unless
// the filter says AllModalities or names a Modality.
type Aggregator interface {
	// Daily counts events per day (the event's date when it names a day,
	// else its article's publication day; events with neither are left out)
	// and per key, where by is "type"
	// (PLOVER type) or "quad" ("1".."4"). Rows are ordered by day, then key.
	Daily(ctx context.Context, f AggFilter, by string) ([]DayCount, error)
	// Dyads returns actor → recipient pairs with their event count and mean
	// intensity, most frequent first, at most limit (≤ 0: 100) rows.
	Dyads(ctx context.Context, f AggFilter, limit int) ([]Dyad, error)
	// Countries counts events per country: where the event took place, or,
	// for events without a place, each distinct country of its participants.
	// Most events first.
	Countries(ctx context.Context, f AggFilter) ([]CountryCount, error)
	// Aliases returns the distinct mention texts of the entities named name
	// (exact name), most frequent first, at most limit (≤ 0: 20).
	Aliases(ctx context.Context, name string, limit int) ([]string, error)
}

// AggFilter selects the events an aggregate counts. Empty fields do not
// filter; Actor and Country match as in EventFilter (code prefix, country or
// name), Actor on either side of the event.
type AggFilter struct {
	Actor, Country, Type, Modality string
	Quad                           int
	Since, Until                   string // YYYY-MM-DD, inclusive
	AllModalities                  bool
}

// DayCount is the number of events of one key on one day.
type DayCount struct {
	Day, Key string
	Count    int
}

// Dyad is an ordered actor pair.
type Dyad struct {
	Actor, Recipient Actor
	Count            int
	MeanIntensity    float64
}

// CountryCount is the number of events counted for one country (ISO alpha-3).
type CountryCount struct {
	Country string
	Count   int
}

// Aggregate dimensions accepted by Aggregator.Daily.
const (
	ByType = "type"
	ByQuad = "quad"
)
