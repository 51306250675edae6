// Package events holds herald's event-coding knowledge: the trigger lexicon
// (lexicon.tsv) and the PLOVER scores per type and mode (scores.tsv), both
// embedded, user-overridable and loaded once. Safe for concurrent use.
package events

import (
	"embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"herald/internal/resources"
)

//go:embed lexicon.tsv scores.tsv model.json
var files embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("events", files)

// Entry is one trigger pattern.
type Entry struct {
	Words     []string // lemmas of the trigger, in order
	POS       byte     // 'V' or 'N'
	Type      string
	Mode      string
	Contexts  []string
	CAMEO     string
	Goldstein float64
	Future    bool   // planned unless the text says it happened
	Prep      string // required following preposition, or ""
	Line      int    // line in lexicon.tsv, for the event's rule
}

// Score is the PLOVER intensity and quad class of a type and mode.
type Score struct {
	Intensity float64
	Quad      int
	// CAMEO and Goldstein are the type's CAMEO root code and its Goldstein
	// value (type rows only; "" and 0 when scores.tsv gives none).
	CAMEO     string
	Goldstein float64
}

// Data is the loaded knowledge.
type Data struct {
	byFirst map[string][]*Entry // first lemma → entries
	scores  map[string]Score    // "TYPE/mode" and "TYPE/"
	support map[string]bool     // support ("light") verbs: their subject does what their object noun names
	single  map[string][]string // one-word trigger → its types, in file order
}

// Types1 returns the types of the one-word triggers spelled lemma, in file
// order, without allocating (callers must not modify the result).
func (d *Data) Types1(lemma string) []string { return d.single[lemma] }

// Support reports whether lemma is a support verb ("launch an
// investigation", "impose sanctions", "hold talks"), whose subject is the
// actor of the event its object noun names.
func (d *Data) Support(lemma string) bool { return d.support[lemma] }

var (
	once   sync.Once
	loaded *Data
	errLd  error
)

// Load returns the event knowledge, loading it on first use.
func Load() (*Data, error) {
	once.Do(func() { loaded, errLd = load() })
	return loaded, errLd
}

func load() (*Data, error) {
	lex, err := resources.Read("events/lexicon.tsv", files, "lexicon.tsv")
	if err != nil {
		return nil, err
	}
	sc, err := resources.Read("events/scores.tsv", files, "scores.tsv")
	if err != nil {
		return nil, err
	}
	return Parse(lex, sc)
}

// Parse builds the knowledge from the bytes of a lexicon.tsv and a
// scores.tsv; errors are *resources.Error located at file:line:column.
func Parse(lex, sc []byte) (*Data, error) {
	d := &Data{byFirst: map[string][]*Entry{}, scores: map[string]Score{}, support: map[string]bool{}}
	rows, err := resources.TSV("events/lexicon.tsv", lex, 8)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		e := &Entry{Words: strings.Fields(strings.ToLower(r.Field(0))), Type: r.Field(2), Mode: dash(r.Field(3)), CAMEO: r.Field(5), Line: r.Line}
		if len(e.Words) == 0 {
			return nil, r.Errorf(0, "empty trigger")
		}
		switch r.Field(1) {
		case "V", "N":
			e.POS = r.Field(1)[0]
		case "S":
			if len(e.Words) != 1 {
				return nil, r.Errorf(0, "support verb %q: want one lemma", r.Field(0))
			}
			d.support[e.Words[0]] = true
			continue
		default:
			return nil, r.Errorf(1, "pos %q: want V, N or S", r.Field(1))
		}
		if c := dash(r.Field(4)); c != "" {
			e.Contexts = strings.Split(c, ";")
		}
		if e.Goldstein, err = strconv.ParseFloat(r.Field(6), 64); err != nil || e.Goldstein < -10 || e.Goldstein > 10 {
			return nil, r.Errorf(6, "goldstein %q: want a number from -10 to 10", r.Field(6))
		}
		for _, f := range strings.Split(dash(r.Field(7)), ",") {
			switch {
			case f == "":
			case f == "future":
				e.Future = true
			case strings.HasPrefix(f, "prep:"):
				e.Prep = strings.TrimPrefix(f, "prep:")
			default:
				return nil, r.Errorf(7, "unknown flag %q", f)
			}
		}
		d.byFirst[e.Words[0]] = append(d.byFirst[e.Words[0]], e)
	}
	d.single = map[string][]string{}
	for w, es := range d.byFirst {
		for _, e := range es {
			if len(e.Words) == 1 && !slices.Contains(d.single[w], e.Type) {
				d.single[w] = append(d.single[w], e.Type)
			}
		}
	}
	// Longer patterns first, so "phone call" wins over "phone"; file order otherwise.
	for _, es := range d.byFirst {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].Words) > len(es[j].Words) })
	}
	rows, err = resources.TSV("events/scores.tsv", sc, 4)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		v, err := strconv.ParseFloat(r.Field(2), 64)
		if err != nil {
			return nil, r.Errorf(2, "intensity %q: %v", r.Field(2), err)
		}
		q, err := strconv.Atoi(r.Field(3))
		if err != nil || q < 1 || q > 4 {
			return nil, r.Errorf(3, "quad %q: want 1–4", r.Field(3))
		}
		s := Score{Intensity: v, Quad: q, CAMEO: dash(r.Field(4))}
		if g := r.Field(5); g != "" {
			if s.Goldstein, err = strconv.ParseFloat(g, 64); err != nil || s.Goldstein < -10 || s.Goldstein > 10 {
				return nil, r.Errorf(5, "goldstein %q: want a number from -10 to 10", g)
			}
		}
		d.scores[r.Field(0)+"/"+dash(r.Field(1))] = s
	}
	for _, es := range d.byFirst {
		for _, e := range es {
			if _, ok := d.scores[e.Type+"/"]; !ok {
				return nil, &resources.Error{File: "events/lexicon.tsv", Line: e.Line, Column: 1, Msg: "type " + e.Type + " has no score in scores.tsv"}
			}
		}
	}
	return d, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// Candidates returns the entries whose first lemma is lemma.
func (d *Data) Candidates(lemma string) []*Entry { return d.byFirst[lemma] }

// Score returns the intensity and quad of a type and mode (the type's own
// score when the mode has none).
func (d *Data) Score(typ, mode string) (Score, bool) {
	if s, ok := d.scores[typ+"/"+mode]; ok {
		return s, true
	}
	s, ok := d.scores[typ+"/"]
	return s, ok
}

// Types lists the PLOVER types that have scores.
func (d *Data) Types() []string {
	var out []string
	for k := range d.scores {
		if strings.HasSuffix(k, "/") {
			out = append(out, strings.TrimSuffix(k, "/"))
		}
	}
	return out
}

// Model returns the committed classifier weights (model.json), or an empty
// slice when none is committed.
func Model() ([]byte, error) {
	data, err := resources.Read("events/model.json", files, "model.json")
	if err != nil {
		if _, statErr := files.Open("model.json"); statErr != nil {
			return nil, nil
		}
		return nil, err
	}
	return data, nil
}
