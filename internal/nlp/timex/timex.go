// Package timex is herald's time-expression stage: it finds DATE, TIME,
// DURATION and SET expressions (TIMEX3) in the analysed sentences and
// resolves them against the publication date (Analysis.PublishedDate).
//
// The matcher is hand-written and token based: the stage scans each
// non-debris sentence into light words of its own (so "three-hour", "Aug."
// and "2025-08-07" split the same way whatever the tokenizer did), looks
// each word up once in the embedded lexicon (internal/resources/timex) and
// tries its rule families at every word that can start an expression,
// keeping the longest match. Spans exclude signal words ("by Friday" →
// "Friday") and follow the TimeBank conventions otherwise ("the third
// quarter", "more than four hours", "early Sunday").
//
// Resolution: weekdays go by tense — a deadline signal before them ("by",
// "until", "as early as") points ahead unless its own clause is past,
// "since" points back, "starting"/"effective" point ahead, a past or modal
// verb right after the weekday is its own ("on Monday announced"), else the
// nearest verb decides (Token.POS when the tag stage ran, else word cues; the verb
// before the expression first, up to 15 words back, then the one after it
// up to a clause boundary, or after it first when the expression opens the
// sentence; a tagged present-tense main verb schedules ahead: "Arafat meets
// Albright Monday"), else the past, as news mostly reports it. A possessive
// weekday ("Wednesday's ruling") up to three days back is that day, further
// back "ahead of" or the tense decides, else the past. Month dates within
// about two months of publication take the nearest year; further away the
// tense decides ("in January" in a past sentence is this year's), else the
// past one unless the coming one is over two months nearer (news mostly
// looks back). An infinitive hanging on a past perfect is past ("had been
// due to expire Friday"). Anchors: "ago" and "from now" count from the
// publication date; "N years earlier/later" and "the following/previous
// year" from the date last mentioned (the narrative's reference time) when
// it is fine enough ("in 1996 … two years later" → 1998; a quarter or
// season gives its year), else the publication date; a step back ("a year
// earlier") compares and leaves the reference time where it was; days,
// weeks and months later or earlier are durations, as in TimeML ("three
// days later" → P3D, "later" outside the span); "a year earlier" after a
// quarter follows that quarter, and so does "the same period last year"; "the next day" follows the last full date;
// a bare clock time belongs to the day last mentioned, or the day named
// after "local time", and so does a part of the day with its position
// ("mid-afternoon yesterday" → 1989-11-01TAF MID); "will one day" is
// FUTURE_REF. A negative contraction counts as its auxiliary ("didn't
// go" is past); a season under way or within two months is the nearest
// one; a past event before a holiday (or a future one after it) leaves the
// nearest holiday; "this weekend" in a past clause from Monday to Thursday
// is the one gone; "the next year" without a preposition or verb of span
// is the year after the reference time, "the next century" the one after
// the publication date's; the bare day closing a range ("August 10 to 12")
// is of the same month. Without a publication date, relative expressions keep
// underspecified values ("XXXX-WXX-5", "XXXX-08-07"),
// never a guess. Rule names say which family fired.
//
// The stage keeps no per-article state and is safe for concurrent use.
package timex

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"herald/internal/model"
	"herald/internal/nlp"
)

// Stage is the timex stage.
type Stage struct{}

// New returns the timex stage after loading its lexicon; a bad lexicon
// file is an error located by file:line:col.
func New() (nlp.Stage, error) {
	if _, err := lexicon(); err != nil {
		return nil, err
	}
	return Stage{}, nil
}

// Name implements nlp.Stage.
func (Stage) Name() string { return "timex" }

// Requires implements nlp.Stage: sentences come from segment. Token.POS is
// used when present (the tag stage is optional).
func (Stage) Requires() []string { return []string{"segment"} }

// Fingerprint identifies the rules' version and the lexicon in use.
func (Stage) Fingerprint() string {
	if _, err := lexicon(); err != nil {
		return "timex/1 error"
	}
	return "timex/1 " + lexSum
}

var wordPool = sync.Pool{New: func() any { s := make([]word, 0, 256); return &s }}

// Process fills a.Times, sorted by Start, with ids T1, T2, ….
func (Stage) Process(ctx context.Context, a *model.Analysis) error {
	if a.Doc.Language != "" && a.Doc.Language != "en" {
		return fmt.Errorf("timex: language %q: %w", a.Doc.Language, nlp.ErrSkip)
	}
	lex, err := lexicon()
	if err != nil {
		return err
	}
	a.Times = extract(a, lex)
	return nil
}

// extract returns the time expressions of a (see Process).
func extract(a *model.Analysis, lex map[string]*entry) []model.Time {
	bp := wordPool.Get().(*[]word)
	defer wordPool.Put(bp)
	p := parser{text: a.Text, dct: a.PublishedDate, has: !a.PublishedDate.IsZero(), toks: a.Tokens, out: make([]model.Time, 0, 8)}
	region := func(s, e int) {
		if s < 0 || e > len(a.Text) || s >= e {
			return
		}
		p.w = scan(a.Text, s, e, lex, (*bp)[:0])
		p.run()
		*bp = p.w
	}
	switch {
	case len(a.Sentences) > 0:
		for _, s := range a.Sentences {
			if s.Block >= 0 && s.Block < len(a.Blocks) && !a.Blocks[s.Block].Analysed() {
				continue
			}
			region(s.Start, s.End)
		}
	case len(a.Blocks) > 0:
		for _, b := range a.Blocks {
			if b.Analysed() {
				region(b.Start, b.End)
			}
		}
	default:
		region(0, len(a.Text))
	}
	for i := range p.out {
		p.out[i].ID = "T" + strconv.Itoa(i+1)
	}
	return p.out
}
