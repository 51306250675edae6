// Package store defines herald's storage: the Store interface, the rows that
// queries return and the filters they take. Dialects live in subpackages
// (store/sqlite, store/postgres) over the shared SQL code of store/sqlstore,
// and every dialect passes the one conformance suite in store/storetest.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"

	"herald/internal/model"
)

// Sentinel errors callers branch on.
var (
	ErrNotFound = errors.New("store: not found")
	ErrQuery    = errors.New("store: bad query")
	ErrSchema   = errors.New("store: database schema is newer than this herald")
)

// PutResult says what Put did.
type PutResult int

// Put outcomes.
const (
	Unchanged PutResult = iota // same id and content hash and pipeline: nothing written
	Inserted                   // new article
	Updated                    // same id, changed content or pipeline: replaced in place
)

func (r PutResult) String() string {
	switch r {
	case Inserted:
		return "new"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

// Article is what is stored with an analysis besides its facts.
type Article struct {
	Analysis    *model.Analysis
	ContentHash string   // hash of the input content, to detect changes
	DupGroup    string   // id of the first article of its near-duplicate group ("" = itself)
	Bands       []uint64 // locality-sensitive hash bands for near-duplicate candidates
	Signature   []byte   // near-duplicate signature, returned with candidates
	Replace     bool     // replace even when content and pipeline are unchanged
}

// Warmer is a Store that can read its indexes ahead of the first queries
// (see sqlite's Warm). A server calls it once after opening; queries work
// without it, only their first touches of each page are slower.
type Warmer interface {
	Warm(ctx context.Context) error
}

// Store keeps analysed articles and answers queries. Implementations are safe
// for concurrent use; Put is atomic: an article is stored whole or not at all.
type Store interface {
	// Put stores or replaces one article and all its facts.
	Put(ctx context.Context, art Article) (PutResult, error)
	// Get returns the stored analysis of an article.
	Get(ctx context.Context, id string) (*model.Analysis, error)
	// State returns the content hash and pipeline version stored for id.
	State(ctx context.Context, id string) (hash string, pipeline model.Pipeline, ok bool, err error)
	// Candidates returns the stored articles sharing at least one band, by id.
	Candidates(ctx context.Context, bands []uint64) ([]Candidate, error)
	// DupGroup returns the duplicate group of a stored article.
	DupGroup(ctx context.Context, id string) (string, error)

	Search(ctx context.Context, q SearchQuery) ([]ArticleHit, error)
	Events(ctx context.Context, f EventFilter) ([]EventRow, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)
	Entities(ctx context.Context, f EntityFilter) ([]EntityRow, error)
	// Mentions lists event mentions: the places in articles that report
	// events, each with its sentence and trigger.
	Mentions(ctx context.Context, f MentionFilter) ([]MentionRow, error)

	// Learn adds actor facts learned from an article to the registry.
	Learn(ctx context.Context, docID string, facts []model.LearnedActor) error
	// Registry returns every registry entry, ordered by name.
	Registry(ctx context.Context) ([]model.LearnedActor, error)
	// Stale returns ids of articles analysed by another pipeline than p.
	Stale(ctx context.Context, p model.Pipeline, limit int) ([]string, error)
	// IDs returns article ids in order, after the given id ("" = from the start).
	IDs(ctx context.Context, after string, limit int) ([]string, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Candidate is a stored article that may be a near-duplicate.
type Candidate struct {
	ID, Group string
	Signature []byte
}

// Stats counts stored rows.
type Stats struct {
	Articles, Entities, Quotes, Events, EventMentions, Times, Places, Registry int
}

// Page limits a query's rows; After is the opaque cursor from the last row of
// the previous page ("" for the first page).
type Page struct {
	Limit int
	After string
}

// SearchQuery is a full-text search over article titles and texts.
type SearchQuery struct {
	Text string
	// Exhaustive ranks every matching article. By default the SQLite store
	// ranks only the SearchWindow most recently stored articles of a query
	// that matches more, which keeps broad queries ("the") as fast as narrow
	// ones on a large store; PostgreSQL always ranks every match.
	Exhaustive bool
	Page
}

// SearchWindow is how many of the most recently stored matches a
// non-exhaustive search ranks.
const SearchWindow = 500

// ArticleHit is one search result.
type ArticleHit struct {
	ID, Title, URL, Source, Published, Snippet, Cursor string
}

// EventFilter selects events. Empty fields do not filter. Actor, Recipient
// and Country match actor codes by prefix ("RUS" matches "RUSGOV") or names.
type EventFilter struct {
	Actor, Recipient, Country, Type, Mode, Modality, Place, Text string
	Quad                                                         int
	Since, Until                                                 string // YYYY-MM-DD, inclusive
	MinConfidence                                                float64
	AllModalities                                                bool // default: asserted only
	DocID                                                        string
	Page
}

// EventRow is one stored event with its merge statistics.
type EventRow struct {
	UID, DocID, LocalID, Type, Mode, CAMEO, Modality, Date, DateRule, Place, PlaceCountry string
	Quad                                                                                  int
	Goldstein, Intensity, Confidence                                                      float64
	Actors, Recipients                                                                    []Actor
	PlaceFeature                                                                          string
	PlaceLat, PlaceLon                                                                    *float64
	PlaceGeoNames                                                                         int
	Published, Language                                                                   string
	Trigger, Sentence, Rule, MergeKey, Source, URL, Title                                 string
	NumMentions, NumArticles, NumSources                                                  int
	Cursor                                                                                string
}

// Actor is an event participant.
type Actor struct {
	Name, Code, Country, Sector, Title string
}

// MentionFilter selects event mentions. MergeKey gives every mention of
// one event across articles; EventUID those of one article's event.
type MentionFilter struct {
	EventUID, MergeKey, DocID string
	Page
}

// MentionRow is one event mention.
type MentionRow struct {
	UID, EventUID, DocID, Type, Trigger, Sentence, Source, Published, Title string
	Start, End, TriggerStart, TriggerEnd                                    int
	Cursor                                                                  string
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker, Text, Since, Until, DocID string
	Page
}

// QuoteRow is one stored quote.
type QuoteRow struct {
	UID, DocID, LocalID, Kind, Text, Speaker, SpeakerCode, SourceDescription, Medium, Cue, Published, Title string
	Via                                                                                                     []string
	Anonymous                                                                                               bool
	Confidence                                                                                              float64
	Cursor                                                                                                  string
}

// EntityFilter selects entities (aggregated over articles by name and type).
type EntityFilter struct {
	Name, Country, Type, Sector string
	Page
}

// EntityRow is one actor aggregated over the articles that mention it.
type EntityRow struct {
	Name, Type, Country, Code, Sector, Title string
	Articles, Mentions                       int
	Cursor                                   string
}

// UID returns the global id of a fact: a hash of document id, kind and span.
func UID(docID, kind string, start, end int) string {
	h := sha256.New()
	h.Write([]byte(docID))
	h.Write([]byte{0})
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(start)))
	h.Write([]byte{':'})
	h.Write([]byte(strconv.Itoa(end)))
	return hex.EncodeToString(h.Sum(nil)[:10])
}
