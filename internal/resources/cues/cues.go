// Package cues loads herald's cue lexicon (cues.tsv): reporting verbs and
// phrases ("said", "according to"), verb-cue extensions ("in a statement"),
// media ("Truth Social"), news outlets (source chains) and the head nouns of
// anonymous sources. The file is embedded, user-overridable through
// resources.Read (path "cues/cues.tsv"), and a bad entry is reported with
// file:line:col. The Lexicon is read-only after loading and safe for
// concurrent use.
package cues

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"herald/internal/resources"
)

//go:embed cues.tsv
var files embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("cues", files)

// Path is the resource path of the lexicon (relative to the override directory).
const Path = "cues/cues.tsv"

// Kind is what an entry is.
type Kind uint8

// Entry kinds.
const (
	Verb   Kind = iota + 1 // reporting verb; its subject is the source
	Prep                   // cue phrase whose source follows ("according to")
	Ext                    // extension of a verb cue ("in a statement")
	Medium                 // where a statement was made
	Outlet                 // news organisation
	Anon                   // head noun of an anonymous source
)

var kindNames = map[string]Kind{"verb": Verb, "prep": Prep, "ext": Ext, "medium": Medium, "outlet": Outlet, "anon": Anon}

// String returns the kind's name as written in the file.
func (k Kind) String() string {
	for n, v := range kindNames {
		if v == k {
			return n
		}
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Entry is one line of the lexicon.
type Entry struct {
	Text   string  // the entry as written (lemma form)
	Lemma  string  // lemma of the head word (verbs: the first word), or Text
	Kind   Kind    // what the entry is
	Weight float64 // 0..1
	Speech bool    // a verb of speaking or writing
	Tell   bool    // takes an addressee before its content
}

// Phrase is one matchable word sequence (an inflected form of an entry).
type Phrase struct {
	Words []string // lower-case words, one per token
	Entry *Entry
}

// Lexicon is the loaded cue lexicon.
type Lexicon struct {
	Entries []*Entry
	byFirst map[string][]Phrase // first word → phrases, longest first
}

// Lookup returns the phrases whose first word is w (lower case), longest
// first. The slice must not be modified.
func (l *Lexicon) Lookup(w string) []Phrase { return l.byFirst[w] }

// Has reports whether the single word w (lower case) is an entry of kind k.
func (l *Lexicon) Has(w string, k Kind) bool {
	for _, p := range l.byFirst[w] {
		if p.Entry.Kind == k && len(p.Words) == 1 {
			return true
		}
	}
	return false
}

var (
	once sync.Once
	lex  *Lexicon
	err  error
)

// Load returns the lexicon, reading and parsing it once per process.
func Load() (*Lexicon, error) {
	once.Do(func() {
		var data []byte
		data, err = resources.Read(Path, files, "cues.tsv")
		if err != nil {
			err = fmt.Errorf("cues: load: %w", err)
			return
		}
		lex, err = Parse(Path, data)
	})
	return lex, err
}

// Parse reads lexicon data; file names the data in errors.
func Parse(file string, data []byte) (*Lexicon, error) {
	rows, err := resources.TSV(file, data, 3)
	if err != nil {
		return nil, fmt.Errorf("cues: parse: %w", err)
	}
	l := &Lexicon{byFirst: map[string][]Phrase{}}
	seen := map[string]int{}
	for _, r := range rows {
		text := r.Field(0)
		words := strings.Fields(text)
		if len(words) == 0 || text != strings.ToLower(text) {
			return nil, fmt.Errorf("cues: parse: %w", r.Errorf(0, "entry %q must be non-empty lower-case words", text))
		}
		kind, ok := kindNames[r.Field(1)]
		if !ok {
			return nil, fmt.Errorf("cues: parse: %w", r.Errorf(1, "unknown kind %q (want verb, prep, ext, medium, outlet or anon)", r.Field(1)))
		}
		w, perr := strconv.ParseFloat(r.Field(2), 64)
		if perr != nil || w < 0 || w > 1 {
			return nil, fmt.Errorf("cues: parse: %w", r.Errorf(2, "weight %q must be a number in 0..1", r.Field(2)))
		}
		key := text + "\t" + r.Field(1)
		if line, dup := seen[key]; dup {
			return nil, fmt.Errorf("cues: parse: %w", r.Errorf(0, "duplicate entry %q (first on line %d)", text, line))
		}
		seen[key] = r.Line
		e := &Entry{Text: text, Lemma: text, Kind: kind, Weight: w}
		if f := r.Field(3); f != "" && f != "-" {
			for _, fl := range strings.Split(f, ",") {
				switch strings.TrimSpace(fl) {
				case "speech":
					e.Speech = true
				case "tell":
					e.Tell = true
				default:
					return nil, fmt.Errorf("cues: parse: %w", r.Errorf(3, "unknown flag %q (want speech or tell)", fl))
				}
			}
		}
		forms := []string{words[0]}
		if kind == Verb {
			e.Lemma = words[0]
			if f := r.Field(4); f != "" && f != "-" {
				forms = forms[:0]
				for _, x := range strings.Split(f, ",") {
					x = strings.TrimSpace(x)
					if x == "" || strings.ContainsAny(x, " \t") || x != strings.ToLower(x) {
						return nil, fmt.Errorf("cues: parse: %w", r.Errorf(4, "bad form %q", x))
					}
					forms = append(forms, x)
				}
			} else {
				forms = Inflect(words[0])
			}
		} else if r.Field(4) != "" && r.Field(4) != "-" {
			return nil, fmt.Errorf("cues: parse: %w", r.Errorf(4, "forms are only for verbs"))
		}
		l.Entries = append(l.Entries, e)
		for _, f := range forms {
			ws := append([]string{f}, words[1:]...)
			l.byFirst[f] = append(l.byFirst[f], Phrase{Words: ws, Entry: e})
		}
	}
	for k, ps := range l.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Words) > len(ps[j].Words) })
		l.byFirst[k] = ps
	}
	return l, nil
}

// Inflect returns the regular forms of an English verb lemma: the lemma,
// third person singular, past (and participle) and -ing form.
func Inflect(v string) []string {
	n := len(v)
	if n == 0 {
		return nil
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	last := v[n-1]
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"):
		s = v + "es"
	case last == 'y' && n > 1 && !vowel(v[n-2]):
		s = v[:n-1] + "ies"
	default:
		s = v + "s"
	}
	switch {
	case last == 'e':
		ed = v + "d"
	case last == 'y' && n > 1 && !vowel(v[n-2]):
		ed = v[:n-1] + "ied"
	default:
		ed = v + "ed"
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		ing = v[:n-2] + "ying"
	case last == 'e' && !strings.HasSuffix(v, "ee"):
		ing = v[:n-1] + "ing"
	default:
		ing = v + "ing"
	}
	return []string{v, s, ed, ing}
}
