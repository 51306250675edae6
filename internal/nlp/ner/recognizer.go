package ner

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"herald/internal/seqmodel"
)

// Recognizer labels named entities with CoNLL's IOB2 labels (PER, ORG, LOC,
// MISC) using a greedy averaged-perceptron model over a whole document, so
// that earlier decisions about a word inform later ones. It is immutable and
// safe for concurrent use.
type Recognizer struct {
	m     *seqmodel.Model
	m2    *seqmodel.Model // stacked second stage, nil when absent
	cl    *seqmodel.Clusters
	gz    Gazetteer
	atoms []uint64
	// frozen words are always O (seen often in training, never in a name)
	frozen map[string]uint16
	o      int
	// lex: tokens are analysed through the clusters' word cache and
	// lexFrozen[id] says whether clusters word id is frozen
	lex       bool
	lexFrozen []bool
}

// NewRecognizer wraps a trained model (and its stacked second stage m2, or
// nil) with the clusters and gazetteer it was trained with (either may be nil
// if it was trained without).
func NewRecognizer(m, m2 *seqmodel.Model, cl *seqmodel.Clusters, gz Gazetteer) (*Recognizer, error) {
	for _, x := range []*seqmodel.Model{m, m2} {
		if x == nil {
			continue
		}
		if v := x.Meta["features"]; v != FeatureVersion {
			return nil, fmt.Errorf("ner: model features %q, code has %q: retrain with herald train ner", v, FeatureVersion)
		}
	}
	if m2 != nil && !slices.Equal(m.Labels, m2.Labels) {
		return nil, fmt.Errorf("ner: stage models have different labels")
	}
	r := &Recognizer{m: m, m2: m2, cl: cl, gz: gz}
	for _, l := range m.Labels {
		r.atoms = append(r.atoms, seqmodel.Atom(l))
	}
	r.o = m.Label("O")
	if r.o >= 0 {
		r.frozen = seqmodel.DecodeDict(m.Meta["frozen"], m.Labels)
	}
	if cl != nil {
		r.lex = true
		r.lexFrozen = make([]bool, cl.Len())
		for w := range r.frozen {
			if id := cl.ID(w); id >= 0 {
				r.lexFrozen[id] = true
			}
		}
	}
	return r, nil
}

type scratch struct {
	d      docInput
	buf    []byte
	feats  []uint64
	y      []uint64
	ids    []int
	ids1   []int
	scores []int32
}

var pool = sync.Pool{New: func() any { return &scratch{scores: make([]int32, 64)} }}

// Label writes the CoNLL label of every token of the document's sentences
// into out (same shape as sents). pos and chunk give the tag stage's labels
// (nil when unknown). The strings written are the model's label strings.
func (r *Recognizer) Label(sents, pos, chunk [][]string, out [][]string) {
	s := pool.Get().(*scratch)
	defer pool.Put(s)
	s.buf = prepare(&s.d, sents, pos, chunk, r.cl, r.lex, true, r.gz, s.buf)
	s.d.stage2 = false
	r.decode(r.m, s, sents, nil)
	if r.m2 != nil {
		setStage1(&s.d, r.m.Labels, s.ids, r.atoms)
		s.ids1 = append(s.ids1[:0], s.ids...)
		r.decode(r.m2, s, sents, s.ids1)
	}
	si, j := 0, 0
	for _, l := range s.ids {
		for j >= len(sents[si]) {
			si, j = si+1, 0
		}
		out[si][j] = r.m.Labels[l]
		j++
	}
	k := 0
	for si, o := range out {
		fixIOB(o)
		if len(o) > 0 && s.d.sflags[k]&trimFlags != 0 && r.cl != nil {
			r.trimCommonWords(sents[si], o)
		}
		r.splitAngleBrackets(sents[si], o)
		trimHonorifics(sents[si], o)
		trimTrailingFunctionWords(sents[si], o)
		if r.gz != nil {
			r.joinPlaceNames(sents[si], o)
		}
		k += len(o)
	}
}

// label returns the model's label string of IOB prefix bi ('B' or 'I') and
// type typ ("O" when the model has none).
func (r *Recognizer) label(bi byte, typ string) string {
	for _, l := range r.m.Labels {
		if len(l) == len(typ)+2 && l[0] == bi && l[2:] == typ {
			return l
		}
	}
	return "O"
}

// trimHonorifics drops an honorific that opens a person's name ("Mr.
// Grimm" at the start of a sentence, where its capital misleads the model):
// CoNLL and herald keep titles out of names.
func trimHonorifics(words, labels []string) {
	for i := range labels {
		if labels[i] != "B-PER" {
			continue
		}
		alone := i+1 == len(labels) || labels[i+1] != "I-PER"
		switch {
		case alone && (isHonorific(words[i]) || isInitial(words[i])):
			labels[i] = "O" // "Mr" or "B." alone names no one
		case !alone && isHonorific(words[i]):
			labels[i], labels[i+1] = "O", "B-PER"
		}
	}
}

// isInitial reports whether w is one capital letter and a full stop.
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// splitAngleBrackets keeps the angle brackets of a stock ticker out of
// names: "Electric Co <GE>" is "Electric Co" and, on its own, "GE".
func (r *Recognizer) splitAngleBrackets(words, labels []string) {
	for i, w := range words {
		if w != "<" && w != ">" {
			continue
		}
		labels[i] = "O"
		if j := i + 1; j < len(labels) && len(labels[j]) > 2 && labels[j][0] == 'I' {
			labels[j] = r.label('B', labels[j][2:])
		}
	}
}

// trimTrailingFunctionWords drops lower-case function words that end an
// entity ("Upper East Side of" before "Manhattan"): a name never ends in
// "of" or "and".
func trimTrailingFunctionWords(words, labels []string) {
	for i := range labels {
		if len(labels[i]) < 3 || labels[i][0] != 'I' {
			continue
		}
		if i+1 < len(labels) && len(labels[i+1]) > 2 && labels[i+1][0] == 'I' {
			continue // not the entity's last word
		}
		for j := i; j > 0 && labels[j][0] == 'I' && isTrailingFunctionWord(words[j]); j-- {
			labels[j] = "O"
		}
	}
}

func isTrailingFunctionWord(w string) bool {
	switch w {
	case "of", "and", "the", "for", "in", "at", "on", "to", "&":
		return true
	}
	return false
}

// isHonorific reports whether w is a form of address written before a
// surname.
func isHonorific(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Mr", "Mrs", "Ms", "Mme", "Messrs", "Dr", "MR", "MRS", "MS", "DR":
		return true
	}
	return false
}

// joinPlaceNames repairs a place name split across two entities ("the New
// York F.B.I. office" labelled "New"/GPE, "York F.B.I."/ORG): when an entity
// is no known place but becomes one with the first word of the entity right
// after it, that word moves over ("New York"/LOC, "F.B.I."/ORG). Labels
// are the model's CoNLL labels.
func (r *Recognizer) joinPlaceNames(words, labels []string) {
	for a := 0; a < len(labels); {
		if len(labels[a]) < 3 || labels[a][0] != 'B' {
			a++
			continue
		}
		b := a + 1
		for b < len(labels) && labels[b] == "I-"+labels[a][2:] {
			b++
		}
		if b >= len(labels) || len(labels[b]) < 3 || labels[b][0] != 'B' {
			a = b
			continue
		}
		name := strings.Join(words[a:b], " ")
		if r.gz.Kind(name) != "" || r.gz.Kind(name+" "+words[b]) == "" {
			a = b
			continue
		}
		typ := "LOC" // the model's CoNLL type of places (refined later)
		for i := a; i <= b; i++ {
			labels[i] = r.label('I', typ)
		}
		labels[a] = r.label('B', typ)
		if c := b + 1; c < len(labels) && len(labels[c]) > 2 && labels[c][0] == 'I' {
			labels[c] = r.label('B', labels[c][2:])
		}
		a = b + 1
	}
}

// trimFlags are the sentence kinds whose capitals say nothing about names.
const trimFlags = seqmodel.SentTitleCase

// trimCommonWords drops, from the edges of each entity of a Title Case
// sentence, words that news text mostly writes in lower case ("How Trump
// Plans To End …": "Plans" is not part of the name).
func (r *Recognizer) trimCommonWords(words, labels []string) {
	common := func(w string) bool {
		v, ok := r.cl.LowerShare(strings.ToLower(w))
		return ok && v >= 9
	}
	// a headline has several capitalised common words ("How", "Plans",
	// "To"); a line of names ("Manchester United 3 Arsenal 1") has not
	n, caps := 0, 0
	for _, w := range words {
		if startsUpperOrLetter(w) {
			caps++
			if common(w) {
				n++
			}
		}
	}
	if n < 3 || n*2 < caps {
		return
	}
	for a := 0; a < len(labels); {
		if len(labels[a]) < 3 || labels[a][0] != 'B' {
			a++
			continue
		}
		typ := labels[a][2:]
		b := a + 1
		for b < len(labels) && len(labels[b]) > 2 && labels[b][0] == 'I' && labels[b][2:] == typ {
			b++
		}
		end := b
		for a < b && common(words[a]) {
			labels[a] = "O"
			a++
		}
		for b > a && common(words[b-1]) {
			labels[b-1] = "O"
			b--
		}
		if a < b && labels[a][0] == 'I' {
			labels[a] = "B-" + typ
		}
		a = end
	}
}

// plainLower reports whether a word has letters, all lower case.
func plainLower(w *seqmodel.Word) bool {
	return w.Flags&(seqmodel.FlagHasLower|seqmodel.FlagHasUpper) == seqmodel.FlagHasLower
}

// decode labels the prepared document greedily with m into s.ids. Tokens
// that cannot start or continue a name are labelled O without scoring: words
// that were always O in training, and lower-case words after a lower-case
// word or sentence start (names are capitalised; "Bank of England" keeps its
// "of" because "Bank" is not lower case).
func (r *Recognizer) decode(m *seqmodel.Model, s *scratch, sents [][]string, stage1 []int) {
	n := len(s.d.ws)
	s.y = s.y[:0]
	s.ids = s.ids[:0]
	si, j := 0, 0
	for i := 0; i < n; i++ {
		for j >= len(sents[si]) {
			si, j = si+1, 0
		}
		l := r.o
		skip := false
		if r.isFrozen(s.d.lexID[i], sents[si][j]) {
			skip = true
		} else if plainLower(&s.d.ws[i]) && (j == 0 || s.ids[i-1] == r.o && plainLower(&s.d.ws[i-1])) {
			skip = true
		} else if stage1 != nil && stage1[i] == r.o && s.d.ws[i].Flags&seqmodel.FlagHasUpper == 0 &&
			(j == 0 || stage1[i-1] == r.o) && (j+1 >= len(sents[si]) || stage1[i+1] == r.o) {
			// the second stage only revisits names and their edges
			skip = true
		}
		if !skip {
			s.feats = features(&s.d, i, s.y, s.feats[:0])
			l = m.Best(s.feats, nil, s.scores)
		}
		s.y = append(s.y, r.atoms[l])
		s.ids = append(s.ids, l)
		j++
	}
}

// isFrozen reports whether word w (lexicon id, or -1) is frozen.
func (r *Recognizer) isFrozen(id int32, w string) bool {
	if id >= 0 {
		return r.lexFrozen[id]
	}
	_, ok := r.frozen[w]
	return ok
}

// fixIOB repairs an I- label that follows O or another type into B-.
func fixIOB(labels []string) {
	prev := "O"
	for i, l := range labels {
		if len(l) > 2 && l[0] == 'I' {
			if prev == "O" || prev[2:] != l[2:] {
				labels[i] = "B" + l[1:]
			}
		}
		prev = labels[i]
	}
}
