package httpapi

import "herald/internal/store"

// The API's JSON shapes use herald/v1's field names (snake_case).

// Stats counts what the store holds.
type Stats struct {
	Articles      int `json:"articles"`
	Entities      int `json:"entities"`
	Quotes        int `json:"quotes"`
	Events        int `json:"events"`
	EventMentions int `json:"event_mentions"`
	Times         int `json:"times"`
	Places        int `json:"places"`
	Registry      int `json:"registry"`
}

// ArticleHit is one search result.
type ArticleHit struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Snippet   string `json:"snippet"`
	Cursor    string `json:"cursor"`
}

// Entity is an actor aggregated over the articles that mention it.
type Entity struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Country  string `json:"country"`
	Code     string `json:"code"`
	Sector   string `json:"sector"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
	Cursor   string `json:"cursor"`
}

// Actor is an event participant.
type Actor struct {
	Name    string `json:"name"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Title   string `json:"title"`
}

func actorOf(a store.Actor) Actor { return Actor{a.Name, a.Code, a.Country, a.Sector, a.Title} }

func actorsOf(as []store.Actor) []Actor {
	out := make([]Actor, len(as))
	for i, a := range as {
		out[i] = actorOf(a)
	}
	return out
}

// Event is one stored event with the statistics of its merged copies.
type Event struct {
	UID          string   `json:"uid"`
	Article      string   `json:"article"`
	ID           string   `json:"id"`
	Type         string   `json:"type"`
	Mode         string   `json:"mode"`
	CAMEO        string   `json:"cameo"`
	Quad         int      `json:"quad"`
	Goldstein    float64  `json:"goldstein"`
	Intensity    float64  `json:"intensity"`
	Modality     string   `json:"modality"`
	Date         string   `json:"date"`
	DateRule     string   `json:"date_rule"`
	Place        string   `json:"place"`
	PlaceCountry string   `json:"place_country"`
	PlaceFeature string   `json:"place_feature"`
	Lat          *float64 `json:"lat,omitempty"`
	Lon          *float64 `json:"lon,omitempty"`
	GeoNames     int      `json:"geonames,omitempty"`
	Confidence   float64  `json:"confidence"`
	Actors       []Actor  `json:"actors"`
	Recipients   []Actor  `json:"recipients"`
	Trigger      string   `json:"trigger"`
	Sentence     string   `json:"sentence"`
	Rule         string   `json:"rule"`
	Published    string   `json:"published"`
	Language     string   `json:"language"`
	Source       string   `json:"source"`
	URL          string   `json:"url"`
	Title        string   `json:"title"`
	NumMentions  int      `json:"num_mentions"`
	NumArticles  int      `json:"num_articles"`
	NumSources   int      `json:"num_sources"`
	Cursor       string   `json:"cursor"`
}

// EventOf converts a store row.
func EventOf(r *store.EventRow) Event {
	return Event{UID: r.UID, Article: r.DocID, ID: r.LocalID, Type: r.Type, Mode: r.Mode, CAMEO: r.CAMEO, Quad: r.Quad,
		Goldstein: r.Goldstein, Intensity: r.Intensity, Modality: r.Modality, Date: r.Date, DateRule: r.DateRule, Place: r.Place,
		PlaceCountry: r.PlaceCountry, PlaceFeature: r.PlaceFeature, Lat: r.PlaceLat, Lon: r.PlaceLon, GeoNames: r.PlaceGeoNames,
		Confidence: r.Confidence, Actors: actorsOf(r.Actors), Recipients: actorsOf(r.Recipients), Trigger: r.Trigger,
		Sentence: r.Sentence, Rule: r.Rule, Published: r.Published, Language: r.Language, Source: r.Source, URL: r.URL,
		Title: r.Title, NumMentions: r.NumMentions, NumArticles: r.NumArticles, NumSources: r.NumSources, Cursor: r.Cursor}
}

// Quote is one stored quotation.
type Quote struct {
	UID               string   `json:"uid"`
	Article           string   `json:"article"`
	ID                string   `json:"id"`
	Kind              string   `json:"kind"`
	Text              string   `json:"text"`
	Speaker           string   `json:"speaker"`
	SpeakerCode       string   `json:"speaker_code"`
	SourceDescription string   `json:"source_description"`
	Medium            string   `json:"medium"`
	Cue               string   `json:"cue"`
	Via               []string `json:"via"`
	Anonymous         bool     `json:"anonymous"`
	Confidence        float64  `json:"confidence"`
	Published         string   `json:"published"`
	Title             string   `json:"title"`
	Cursor            string   `json:"cursor"`
}

// DayCount is the number of events of one key on one day.
type DayCount struct {
	Day   string `json:"day"`
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Dyad is an actor → recipient pair.
type Dyad struct {
	Actor         Actor   `json:"actor"`
	Recipient     Actor   `json:"recipient"`
	Count         int     `json:"count"`
	MeanIntensity float64 `json:"mean_intensity"`
}

// CountryCount is the number of events counted for a country.
type CountryCount struct {
	Country string `json:"country"`
	Count   int    `json:"count"`
}

// RegistryActor is an entry of the actor registry (learned from texts).
type RegistryActor struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Title   string `json:"title"`
	Code    string `json:"code"`
	Rule    string `json:"rule"`
}
