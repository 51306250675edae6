package segment

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"herald/internal/resources"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("segment", dataFS)

// Resource paths (relative to internal/resources, as the override directory
// HERALD_RESOURCES lays them out).
const (
	pathAbbrev   = "segment/abbreviations.tsv"
	pathDebris   = "segment/debris.tsv"
	pathStarters = "segment/starters.tsv"
	pathReport   = "segment/reporting.tsv"
)

// abbrevClass says how an abbreviation's final period behaves.
type abbrevClass uint8

const (
	abbrevNone    abbrevClass = iota
	abbrevTitle               // before a name: never ends a sentence
	abbrevNumber              // only before a number ("No. 5")
	abbrevGeneral             // may end a sentence before a starter word
)

// debrisMatch says how a debris phrase matches a line.
type debrisMatch uint8

const (
	matchExact debrisMatch = iota
	matchPrefix
)

type debrisPhrase struct {
	text  string // lower case
	match debrisMatch
}

// Lexicon holds the segmenter's word lists. It is read-only once loaded and
// safe for concurrent use.
type Lexicon struct {
	abbrev     map[string]abbrevClass
	starters   map[string]bool
	reporting  map[string]bool // verbs of inverted attribution ("… ?” Putin asked")
	debris     []debrisPhrase
	shareWords map[string]bool // lower case
	maxExact   int             // longest exact phrase, in bytes
}

var (
	lexOnce sync.Once
	lexVal  *Lexicon
	lexErr  error
)

// DefaultLexicon returns the lexicon built from the embedded data files (or
// their replacements in the override directory), loaded once per process.
func DefaultLexicon() (*Lexicon, error) {
	lexOnce.Do(func() {
		lexVal, lexErr = loadLexicon(func(path, name string) ([]byte, error) {
			return resources.Read(path, dataFS, name)
		})
	})
	return lexVal, lexErr
}

// loadLexicon reads the three data files through read(path, embeddedName).
func loadLexicon(read func(path, name string) ([]byte, error)) (*Lexicon, error) {
	lex := &Lexicon{
		abbrev:     map[string]abbrevClass{},
		starters:   map[string]bool{},
		reporting:  map[string]bool{},
		shareWords: map[string]bool{},
	}
	data, err := read(pathAbbrev, "data/abbreviations.tsv")
	if err != nil {
		return nil, fmt.Errorf("segment: load abbreviations: %w", err)
	}
	if err := lex.parseAbbrev(pathAbbrev, data); err != nil {
		return nil, fmt.Errorf("segment: load abbreviations: %w", err)
	}
	data, err = read(pathStarters, "data/starters.tsv")
	if err != nil {
		return nil, fmt.Errorf("segment: load starters: %w", err)
	}
	if err := parseWords(pathStarters, data, lex.starters); err != nil {
		return nil, fmt.Errorf("segment: load starters: %w", err)
	}
	data, err = read(pathReport, "data/reporting.tsv")
	if err != nil {
		return nil, fmt.Errorf("segment: load reporting verbs: %w", err)
	}
	if err := parseWords(pathReport, data, lex.reporting); err != nil {
		return nil, fmt.Errorf("segment: load reporting verbs: %w", err)
	}
	data, err = read(pathDebris, "data/debris.tsv")
	if err != nil {
		return nil, fmt.Errorf("segment: load debris: %w", err)
	}
	if err := lex.parseDebris(pathDebris, data); err != nil {
		return nil, fmt.Errorf("segment: load debris: %w", err)
	}
	return lex, nil
}

func (lex *Lexicon) parseAbbrev(file string, data []byte) error {
	rows, err := resources.TSV(file, data, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		w := r.Fields[0]
		if w == "" || strings.ContainsAny(w, " .") {
			return r.Errorf(0, "abbreviation %q: want one word without its final period", w)
		}
		var c abbrevClass
		switch r.Fields[1] {
		case "title":
			c = abbrevTitle
		case "number":
			c = abbrevNumber
		case "general":
			c = abbrevGeneral
		default:
			return r.Errorf(1, "unknown class %q (want title, number or general)", r.Fields[1])
		}
		lex.abbrev[w] = c
	}
	return nil
}

// parseWords reads a list of single words, one per line, into set.
func parseWords(file string, data []byte, set map[string]bool) error {
	rows, err := resources.TSV(file, data, 1)
	if err != nil {
		return err
	}
	for _, r := range rows {
		w := r.Fields[0]
		if w == "" || strings.ContainsAny(w, " .") {
			return r.Errorf(0, "%q: want one word", w)
		}
		set[w] = true
	}
	return nil
}

func (lex *Lexicon) parseDebris(file string, data []byte) error {
	rows, err := resources.TSV(file, data, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		p := strings.ToLower(r.Fields[0])
		if p == "" {
			return r.Errorf(0, "empty phrase")
		}
		switch r.Fields[1] {
		case "exact":
			lex.debris = append(lex.debris, debrisPhrase{p, matchExact})
			if len(p) > lex.maxExact {
				lex.maxExact = len(p)
			}
		case "prefix":
			lex.debris = append(lex.debris, debrisPhrase{p, matchPrefix})
		case "share":
			if strings.ContainsAny(p, " \t") {
				return r.Errorf(0, "share word %q: want one word", p)
			}
			lex.shareWords[p] = true
		default:
			return r.Errorf(1, "unknown match %q (want exact, prefix or share)", r.Fields[1])
		}
	}
	return nil
}
