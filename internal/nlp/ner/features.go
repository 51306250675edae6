package ner

import (
	"strings"
	"sync"

	"herald/internal/seqmodel"
)

// FeatureVersion names the feature set; a model trained with another is refused.
const FeatureVersion = "ner-3"

const (
	tBias uint16 = iota + 1
	tForm
	tLower
	tLm1
	tLp1
	tLm2
	tLp2
	tFm1
	tFp1
	tShape
	tSSm1
	tSS0
	tSSp1
	tSS3
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tFlags
	tP0
	tPm1
	tPp1
	tK0
	tYm1
	tYm2
	tYm1Ym2
	tYm1SS0
	tYm1L0
	tC1
	tC2
	tC3
	tC4
	tCm1
	tCp1
	tCm1b
	tCp1b
	tDCase
	tHist
	tHistForm
	tGaz
	tGazm1
	tGazp1
	tLm1L0
	tL0Lp1
	tP0SS0
	tFirstL0
	tCapsL0
	tAggPrev
	tAggNext
	tCasePrior
	tS1
	tS1m1
	tS1p1
	tS1m1S1
	tS1S1p1
	tS1Maj
	tS1MajOwn
	tS1MajL0
)

var (
	atomBOS = seqmodel.Atom("<s>")
	atomEOS = seqmodel.Atom("</s>")
	atomNA  = seqmodel.Atom("<na>")
)

// Gazetteer answers whether a (lower-cased, space-joined) word sequence is a
// known name, and of what kind. Implementations must be safe for concurrent use.
type Gazetteer interface {
	// Kind returns a short kind ("country", "demonym", "capital", …) or "".
	Kind(phrase string) string
}

// docInput is a document prepared for feature extraction: flat token arrays.
type docInput struct {
	ws       []seqmodel.Word
	lexID    []int32 // token → lexicon id, -1 when not in the lexicon
	sent     []int32 // token → sentence start (flat index)
	sentEnd  []int32 // token → sentence end
	sflags   []uint8 // token → sentence flags
	hc       []int   // scratch: headline words read in lower case
	pos      []uint64
	chunk    []uint64
	prevSame []int32  // previous token with the same lower form, -1
	dcase    []uint64 // reliable casing of the word elsewhere in the document
	gaz      []uint64 // gazetteer membership (kind + B/I)
	// agg[aggAt[i]:aggAt[i+1]] are the features of token i's other
	// occurrences' contexts in the document (context aggregation)
	agg   []uint64
	aggAt []int32
	occ   map[uint64][]int32
	// stage 2 (stacked) inputs: the first model's label atom of each token
	// and the majority entity type of the other tokens with the same lower
	// form in the document (nil in stage 1)
	s1, s1maj []uint64
	stage2    bool // s1 and s1maj are set
	// reused per-document maps
	last   map[uint64]int32
	casing map[uint64]uint8
}

var atomO = seqmodel.Atom("O")

// stage-2 majority types, in a fixed order
var (
	majTypes = [...]string{"O", "PER", "ORG", "LOC", "MISC"}
	majAtoms = func() (a [len(majTypes) + 1]uint64) {
		for i, t := range majTypes {
			a[i] = seqmodel.Atom(t)
		}
		a[len(majTypes)] = seqmodel.Atom("none")
		return a
	}()
)

func majIndex(label string) int {
	t := "O"
	if len(label) > 2 {
		t = label[2:]
	}
	for i, x := range majTypes {
		if x == t {
			return i
		}
	}
	return 0
}

// setStage1 fills the stage-2 inputs from the first model's labels.
func setStage1(d *docInput, labels []string, ids []int, atoms []uint64) {
	n := len(ids)
	d.s1 = grow(d.s1, n)
	d.s1maj = grow(d.s1maj, n)
	d.stage2 = true
	var typeOf [64]int8
	for l := range labels {
		if l < len(typeOf) {
			typeOf[l] = int8(majIndex(labels[l]))
		}
	}
	counts := make(map[uint64][len(majTypes)]int32, n/2)
	for i, l := range ids {
		d.s1[i] = atoms[l]
		c := counts[d.ws[i].Lower]
		c[typeOf[l]]++
		counts[d.ws[i].Lower] = c
	}
	for i, l := range ids {
		c := counts[d.ws[i].Lower]
		c[typeOf[l]]-- // other occurrences only
		best, bn := len(majTypes), int32(0)
		for t, k := range c {
			if k > bn {
				best, bn = t, k
			}
		}
		d.s1maj[i] = majAtoms[best]
	}
}

// prepare analyses the sentences of one document. words, pos and chunk give
// the sentences' tokens; pos/chunk entries may be nil. With lex (and cl),
// tokens are analysed through cl's word cache and d.lexID holds their word
// ids; otherwise every token is analysed and d.lexID is all -1. With
// headlines, the common words of Title Case headlines are read in lower case
// (see seqmodel.Clusters.HeadlineCommon), as the recogniser does; training
// reads CoNLL's sentences as written, as their gold layers were made.
func prepare(d *docInput, sents [][]string, pos, chunk [][]string, cl *seqmodel.Clusters, lex, headlines bool, gz Gazetteer, buf []byte) []byte {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	d.ws = grow(d.ws, n)
	d.sent = grow(d.sent, n)
	d.sentEnd = grow(d.sentEnd, n)
	d.sflags = grow(d.sflags, n)
	d.pos = grow(d.pos, n)
	d.chunk = grow(d.chunk, n)
	d.prevSame = grow(d.prevSame, n)
	d.dcase = grow(d.dcase, n)
	d.gaz = grow(d.gaz, n)
	d.lexID = grow(d.lexID, n)
	k := 0
	for si, s := range sents {
		start := k
		for j, w := range s {
			if lex && cl != nil {
				d.lexID[k], buf = cl.AnalyzeID(w, &d.ws[k], buf)
			} else {
				d.lexID[k] = -1
				buf = seqmodel.Analyze(w, cl, &d.ws[k], buf)
			}
			d.sent[k] = int32(start)
			d.sentEnd[k] = int32(start + len(s))
			d.pos[k], d.chunk[k] = atomNA, atomNA
			if pos != nil && pos[si] != nil {
				d.pos[k] = seqmodel.Atom(pos[si][j])
			}
			if chunk != nil && chunk[si] != nil {
				d.chunk[k] = seqmodel.Atom(chunk[si][j])
			}
			d.gaz[k] = 0
			k++
		}
		f := uint8(seqmodel.SentenceFlags(d.ws[start:k]))
		if headlines && f&seqmodel.SentTitleCase != 0 && cl != nil {
			// the headline's common words are read in lower case
			d.hc = cl.HeadlineCommon(s, d.ws[start:k], int(f), d.hc)
			for _, j := range d.hc {
				w := strings.ToLower(s[j])
				if lex {
					d.lexID[start+j], buf = cl.AnalyzeID(w, &d.ws[start+j], buf)
				} else {
					buf = seqmodel.Analyze(w, cl, &d.ws[start+j], buf)
				}
			}
			if len(d.hc) > 0 {
				// read as the sentence it now is
				f = uint8(seqmodel.SentenceFlags(d.ws[start:k]))
			}
		}
		for j := start; j < k; j++ {
			d.sflags[j] = f
		}
		if gz != nil {
			markGazetteer(d.gaz[start:k], s, gz)
		}
	}
	// previous occurrence and document casing of each lower form
	if d.last == nil {
		d.last, d.casing = map[uint64]int32{}, map[uint64]uint8{}
	}
	clear(d.last)
	clear(d.casing)
	last, casing := d.last, d.casing
	for i := 0; i < n; i++ {
		w := &d.ws[i]
		if j, ok := last[w.Lower]; ok {
			d.prevSame[i] = j
		} else {
			d.prevSame[i] = -1
		}
		last[w.Lower] = int32(i)
		if int(d.sent[i]) != i && d.sflags[i] == 0 && w.Flags&seqmodel.FlagPunct == 0 {
			c := uint8(1) // lower
			switch {
			case w.Flags&seqmodel.FlagAllUpper != 0:
				c = 4
			case w.Flags&seqmodel.FlagInitUpper != 0:
				c = 2
			}
			casing[w.Lower] |= c
		}
	}
	for i := 0; i < n; i++ {
		d.dcase[i] = uint64(casing[d.ws[i].Lower]) + 1
	}
	aggregate(d)
	return buf
}

// maxAgg bounds the other occurrences whose contexts a token sees.
const maxAgg = 4

// aggregate collects, for every capitalised token, the neighbouring words of
// the other occurrences of its form in the document, so that "Mr Smith"
// early on informs a bare "Smith" later, and the reverse.
func aggregate(d *docInput) {
	n := len(d.ws)
	if d.occ == nil {
		d.occ = map[uint64][]int32{}
	}
	clear(d.occ)
	for i := 0; i < n; i++ {
		if d.ws[i].Flags&seqmodel.FlagInitUpper != 0 {
			d.occ[d.ws[i].Form] = append(d.occ[d.ws[i].Form], int32(i))
		}
	}
	d.agg = d.agg[:0]
	d.aggAt = grow(d.aggAt, n+1)
	lower := func(j int, s, e int32) uint64 {
		if j < int(s) {
			return atomBOS
		}
		if j >= int(e) {
			return atomEOS
		}
		return d.ws[j].Lower
	}
	for i := 0; i < n; i++ {
		d.aggAt[i] = int32(len(d.agg))
		if d.ws[i].Flags&seqmodel.FlagInitUpper == 0 {
			continue
		}
		occ := d.occ[d.ws[i].Form]
		if len(occ) < 2 {
			continue
		}
		k := 0
		for _, j := range occ {
			if int(j) == i {
				continue
			}
			if k++; k > maxAgg {
				break
			}
			d.agg = append(d.agg,
				seqmodel.Feat(tAggPrev, lower(int(j)-1, d.sent[j], d.sentEnd[j])),
				seqmodel.Feat(tAggNext, lower(int(j)+1, d.sent[j], d.sentEnd[j])))
		}
	}
	d.aggAt[n] = int32(len(d.agg))
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// markGazetteer marks the longest gazetteer matches (up to 4 tokens) in one
// sentence. A match starts and ends with a capitalised token; only
// capitalised tokens and the connectors of, and, the may lie inside.
func markGazetteer(out []uint64, words []string, gz Gazetteer) {
	var buf []byte
	for i := 0; i < len(words); {
		matched := 0
		kind := ""
		if startsUpperOrLetter(words[i]) {
			maxL := 1
			for maxL < 4 && i+maxL < len(words) {
				w := words[i+maxL]
				if !startsUpperOrLetter(w) && w != "of" && w != "and" && w != "the" {
					break
				}
				maxL++
			}
			for l := maxL; l >= 1; l-- {
				if !startsUpperOrLetter(words[i+l-1]) {
					continue
				}
				buf = buf[:0]
				for j := i; j < i+l; j++ {
					if j > i {
						buf = append(buf, ' ')
					}
					buf = append(buf, words[j]...)
				}
				if k := gz.Kind(string(buf)); k != "" {
					matched, kind = l, k
					break
				}
			}
		}
		if matched == 0 {
			i++
			continue
		}
		for j := i; j < i+matched; j++ {
			if j == i {
				out[j] = gazAtom("B-" + kind)
			} else {
				out[j] = gazAtom("I-" + kind)
			}
		}
		i += matched
	}
}

var gazAtoms sync.Map

func gazAtom(s string) uint64 {
	if v, ok := gazAtoms.Load(s); ok {
		return v.(uint64)
	}
	a := seqmodel.Atom(s)
	gazAtoms.Store(s, a)
	return a
}

func startsUpperOrLetter(s string) bool {
	return s != "" && ((s[0] >= 'A' && s[0] <= 'Z') || s[0] >= 0x80)
}

// features appends the features of flat token i given predicted label atoms
// y[:i] of the document.
func features(d *docInput, i int, y []uint64, buf []uint64) []uint64 {
	F, F2, F3 := seqmodel.Feat, seqmodel.Feat2, seqmodel.Feat3
	s, e := int(d.sent[i]), int(d.sentEnd[i])
	w := &d.ws[i]
	lower := func(j int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.ws[j].Lower
	}
	form := func(j int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.ws[j].Form
	}
	sshape := func(j int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.ws[j].SShape
	}
	clus := func(j, k int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.ws[j].Clus[k]
	}
	posAt := func(j int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.pos[j]
	}
	gazAt := func(j int) uint64 {
		if j < s {
			return atomBOS
		}
		if j >= e {
			return atomEOS
		}
		return d.gaz[j]
	}
	ym1, ym2 := atomBOS, atomBOS
	if i-1 >= s {
		ym1 = y[i-1]
	}
	if i-2 >= s {
		ym2 = y[i-2]
	}
	sf := uint64(d.sflags[i])
	first := uint64(0)
	if i == s {
		first = 1
	}
	fl := uint64(w.Flags&(seqmodel.FlagInitUpper|seqmodel.FlagAllUpper|seqmodel.FlagHasDigit|seqmodel.FlagHasHyphen|seqmodel.FlagPunct|seqmodel.FlagURL|seqmodel.FlagHasPeriod)) | first<<20 | sf<<21
	hist := atomNA
	if j := d.prevSame[i]; j >= 0 {
		hist = y[j]
	}
	buf = append(buf,
		F(tBias, 0),
		F(tForm, w.Form),
		F(tLower, w.Lower),
		F(tLm1, lower(i-1)),
		F(tLp1, lower(i+1)),
		F(tLm2, lower(i-2)),
		F(tLp2, lower(i+2)),
		F(tFm1, form(i-1)),
		F(tFp1, form(i+1)),
		F(tShape, w.Shape),
		F(tSSm1, sshape(i-1)),
		F(tSS0, w.SShape),
		F(tSSp1, sshape(i+1)),
		F3(tSS3, sshape(i-1), w.SShape, sshape(i+1)),
		F(tSuf1, w.Suf[0]),
		F(tSuf2, w.Suf[1]),
		F(tSuf3, w.Suf[2]),
		F(tSuf4, w.Suf[3]),
		F(tPre1, w.Pre[0]),
		F(tPre2, w.Pre[1]),
		F(tPre3, w.Pre[2]),
		F(tPre4, w.Pre[3]),
		F(tFlags, fl*0x9e3779b97f4a7c15+3),
		F(tP0, d.pos[i]),
		F(tPm1, posAt(i-1)),
		F(tPp1, posAt(i+1)),
		F(tK0, d.chunk[i]),
		F(tYm1, ym1),
		F(tYm2, ym2),
		F2(tYm1Ym2, ym1, ym2),
		F2(tYm1SS0, ym1, w.SShape),
		F2(tYm1L0, ym1, w.Lower),
		F2(tDCase, d.dcase[i], sf<<1|first),
		F2(tHist, hist, w.SShape),
		F2(tLm1L0, lower(i-1), w.Lower),
		F2(tL0Lp1, w.Lower, lower(i+1)),
		F2(tP0SS0, d.pos[i], w.SShape),
	)
	if w.Flags&seqmodel.FlagHasCluster != 0 {
		buf = append(buf, F(tC1, w.Clus[0]), F(tC2, w.Clus[1]), F(tC3, w.Clus[2]), F(tC4, w.Clus[3]))
	}
	buf = append(buf, F(tCm1, clus(i-1, 3)), F(tCp1, clus(i+1, 3)), F(tCm1b, clus(i-1, 1)), F(tCp1b, clus(i+1, 1)))
	if g := d.gaz[i]; g != 0 {
		buf = append(buf, F(tGaz, g))
	}
	if g := gazAt(i - 1); g != 0 {
		buf = append(buf, F(tGazm1, g))
	}
	if g := gazAt(i + 1); g != 0 {
		buf = append(buf, F(tGazp1, g))
	}
	if first == 1 {
		buf = append(buf, F(tFirstL0, w.Lower))
	}
	buf = append(buf, d.agg[d.aggAt[i]:d.aggAt[i+1]]...)
	if d.stage2 {
		s1 := func(j int) uint64 {
			if j < s {
				return atomBOS
			}
			if j >= e {
				return atomEOS
			}
			return d.s1[j]
		}
		buf = append(buf,
			F(tS1, d.s1[i]),
			F(tS1m1, s1(i-1)),
			F(tS1p1, s1(i+1)),
			F2(tS1m1S1, s1(i-1), d.s1[i]),
			F2(tS1S1p1, d.s1[i], s1(i+1)),
			F(tS1Maj, d.s1maj[i]),
			F2(tS1MajOwn, d.s1maj[i], d.s1[i]),
			F2(tS1MajL0, d.s1maj[i], w.SShape),
		)
	}
	if w.Flags&seqmodel.FlagInitUpper != 0 {
		// is the word known in lower case, in Title case, or both?
		cp := uint64(w.Flags&(seqmodel.FlagLowerKnown|seqmodel.FlagTitleKnown|seqmodel.FlagAllUpper)) | first<<30 | sf<<31
		buf = append(buf, F(tCasePrior, cp*0x9e3779b97f4a7c15+5))
	}
	if sf != 0 {
		buf = append(buf, F2(tCapsL0, w.Lower, sf))
	}
	return buf
}
