package model

// Entity types.
const (
	TypePER  = "PER"
	TypeORG  = "ORG"
	TypeGPE  = "GPE"
	TypeLOC  = "LOC"
	TypeNORP = "NORP"
	TypeMISC = "MISC"
)

// Mention roles.
const (
	RoleAgent    = "agent"
	RoleLocation = "location"
)

// Entity is one real-world actor or named thing, with all its mentions in the article.
type Entity struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Type       string    `json:"type"`
	Code       string    `json:"code,omitempty"`
	Country    string    `json:"country,omitempty"`
	Sector     string    `json:"sector,omitempty"`
	Title      string    `json:"title,omitempty"`
	Registry   string    `json:"registry,omitempty"` // registry id, set by the store
	Aliases    []string  `json:"aliases,omitempty"`
	Confidence float64   `json:"confidence"`
	Mentions   []Mention `json:"mentions"`
}

// Mention is one place in the text that names or stands for an entity.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Role  string `json:"role,omitempty"`
	Rule  string `json:"rule,omitempty"`
	// Code is the actor code this mention stands for when it is an agent;
	// it differs from the entity's code under metonymy ("Moscow announced"
	// → RUSGOV) and for sector phrases ("Russian forces" → RUSMIL).
	Code string `json:"code,omitempty"`
}

// Coref resolves a pronoun or role noun to an entity.
type Coref struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Entity string `json:"entity"`
	Rule   string `json:"rule"`
}

// Time types (TIMEX3).
const (
	TimeDate     = "DATE"
	TimeTime     = "TIME"
	TimeDuration = "DURATION"
	TimeSet      = "SET"
)

// Time is a TIMEX3 time expression.
type Time struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value,omitempty"`
	Mod   string `json:"mod,omitempty"`
	Rule  string `json:"rule"`
}

// Place is a toponym resolved to a gazetteer entry.
type Place struct {
	ID       string  `json:"id"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Name     string  `json:"name,omitempty"`
	Feature  string  `json:"feature,omitempty"`
	Country  string  `json:"country,omitempty"`
	Lat      float64 `json:"lat,omitempty"`
	Lon      float64 `json:"lon,omitempty"`
	GeoNames int     `json:"geonames,omitempty"`
	Entity   string  `json:"entity,omitempty"`
	Rule     string  `json:"rule,omitempty"`
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Cue is the reporting expression of a quote.
type Cue struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Lemma string `json:"lemma,omitempty"`
}

// Quote is one attributed statement.
type Quote struct {
	ID                string   `json:"id"`
	Kind              string   `json:"kind"`
	Start             int      `json:"start"`
	End               int      `json:"end"`
	Content           []Span   `json:"content"`
	Text              string   `json:"text"`
	Speaker           string   `json:"speaker,omitempty"`
	SpeakerSpan       *Span    `json:"speaker_span,omitempty"`
	Cue               *Cue     `json:"cue,omitempty"`
	Via               []string `json:"via"`
	Medium            string   `json:"medium,omitempty"`
	Anonymous         bool     `json:"anonymous"`
	SourceDescription string   `json:"source_description,omitempty"`
	Confidence        float64  `json:"confidence"`
	Rule              string   `json:"rule,omitempty"`
}

// Event modalities.
const (
	ModalityAsserted     = "asserted"
	ModalityFuture       = "future"
	ModalityHypothetical = "hypothetical"
	ModalityNegated      = "negated"
)

// Event is one coded event, with every mention that reports it.
type Event struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Mode       string         `json:"mode,omitempty"`
	Contexts   []string       `json:"contexts"`
	CAMEO      string         `json:"cameo,omitempty"`
	Intensity  float64        `json:"intensity"`
	Goldstein  float64        `json:"goldstein"`
	Quad       int            `json:"quad,omitempty"`
	Actors     []string       `json:"actors"`
	Recipients []string       `json:"recipients"`
	Modality   string         `json:"modality"`
	Condition  *Span          `json:"condition,omitempty"`
	Time       string         `json:"time,omitempty"`
	Date       string         `json:"date,omitempty"`
	DateRule   string         `json:"date_rule,omitempty"`
	Place      string         `json:"place,omitempty"`
	Mentions   []EventMention `json:"mentions"`
	Rule       string         `json:"rule"`
	Confidence float64        `json:"confidence"`
}

// EventMention is one place in the text that reports an event.
type EventMention struct {
	Sentence int      `json:"sentence"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Trigger  TextSpan `json:"trigger"`
}

// Clause is one clause of the tag stage's shallow analysis. Indexes are token
// indexes into Analysis.Tokens; -1 means absent.
type Clause struct {
	Sentence int
	Start    int // first token
	End      int // one past the last token
	Subject  Phrase
	Verb     VerbGroup
	Objects  []Phrase
	Preps    []PrepPhrase
	Agent    Phrase   // passive "by" agent
	Apposes  []Appos  // appositives inside the clause
	Reported *Clause  // the clause of reported speech ("X said (that) …")
	Parent   int      // index of the governing clause in Analysis.Clauses, -1 for none
	Conj     []Phrase // coordinated subjects beyond Subject
	// Kind says how the clause attaches: main, reported, complement,
	// relative, adverbial, infinitive, participle (see package clause).
	Kind string
	// Marker is the token index of the word introducing the clause ("that",
	// "if", "though", "who", "to"), -1 for none.
	Marker int
}

// Phrase is a run of tokens [Start, End) with its head token; Start == End means absent.
type Phrase struct {
	Start, End, Head int
}

// Present reports whether the phrase has any token.
func (p Phrase) Present() bool { return p.End > p.Start }

// VerbGroup is the verbal core of a clause.
type VerbGroup struct {
	Phrase
	Lemma    string // lemma of the head verb
	Tense    string // past, present, future
	Voice    string // active, passive
	Negated  bool
	Modal    string // lemma of the modal (would, could, may, …), "" if none
	Aspect   string // simple, progressive, perfect
	Infinite bool   // non-finite (to-infinitive, participle)
}

// PrepPhrase is a prepositional attachment.
type PrepPhrase struct {
	Prep   int // token index of the preposition
	Object Phrase
}

// Appos is an appositive: Head names, Appos describes ("Yuri Ushakov, Putin's top adviser").
type Appos struct {
	Head  Phrase
	Appos Phrase
}

// LearnedActor is an actor fact learned from the text of one article.
type LearnedActor struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Title   string `json:"title,omitempty"`
	Code    string `json:"code,omitempty"`
	Span    Span   `json:"span"`
	Rule    string `json:"rule"`
}

// ActorKB is read-only actor knowledge learned from earlier articles (the
// store's registry). Implementations must be safe for concurrent use and must
// not change while a batch is analysed.
type ActorKB interface {
	// Snapshot identifies the registry state, recorded with each analysis.
	Snapshot() string
	// Lookup returns what is known about an actor name, if anything.
	Lookup(name string) (LearnedActor, bool)
}
