package tag

import (
	"slices"
	"strings"

	"herald/internal/seqmodel"
)

// FeatureVersion names the POS feature set and ChunkFeatureVersion the
// chunker's; models record theirs and the loader refuses a model trained
// with another.
const (
	FeatureVersion      = "tag-4"
	ChunkFeatureVersion = "chunk-5"
)

// template ids (stable: changing them invalidates the models)
const (
	tBias uint16 = iota + 1
	tForm
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tSShape
	tFlags
	tLm1
	tLp1
	tLm2
	tLp2
	tSuf3m1
	tSuf3p1
	tPm1
	tPm2
	tPm1Pm2
	tPm1L0
	tC0a
	tC0b
	tC0c
	tCm1
	tCp1
	tL0Lp1
	tLm1L0
	tSShapeCtx
	tSuf2p1
	tSSp1
	tSSm1
	tLm3
	tAux
	tFormPm1
	tAmb0
	tAmbp1
	tAmbp2
	tAmb0Ambp1
	tPm1Amb0
	tAmbm1Amb0
	tS1
	tS1m1
	tS1p1
	tS1p2
	tS1S1p1
	tS1p1S1p2
	tPm1S1p1
	tS1L0
	// chunk templates
	kBias
	kL0
	kLm1
	kLp1
	kP0
	kPm1
	kPp1
	kPm2
	kPp2
	kPm1P0
	kP0Pp1
	kPm2Pm1
	kPm1P0Pp1
	kCm1
	kCm2Cm1
	kCm1P0
	kL0P0
	kCm1L0
	kPp1Pp2
	kCm1Pm1P0
	kLm2
	kLp2
	kC0
	kAmb0
	kAmbp1
	kAmbm1
	kAmb0P0
	kP0Pp1Pp2
	kPm2Pm1P0
	kLm1P0
	kL0Pp1
	kCm1c
	kCp1c
	kSuf3
	kLm1L0
	kL0Lp1
	kLp1Pp1
	kLm1Pm1
	kC0P0
	kPm1L0
)

var (
	atomBOS = seqmodel.Atom("<s>")
	atomEOS = seqmodel.Atom("</s>")
)

func flagAtom(f uint32, first bool, sf int) uint64 {
	k := uint64(f & (seqmodel.FlagInitUpper | seqmodel.FlagAllUpper | seqmodel.FlagHasDigit | seqmodel.FlagHasHyphen | seqmodel.FlagPunct | seqmodel.FlagURL))
	if first {
		k |= 1 << 20
	}
	k |= uint64(sf) << 21
	return k*0x9e3779b97f4a7c15 + 7
}

func lowerAt(ws []seqmodel.Word, i int) uint64 {
	if i < 0 {
		return atomBOS
	}
	if i >= len(ws) {
		return atomEOS
	}
	return ws[i].Lower
}

func sufAt(ws []seqmodel.Word, i, k int) uint64 {
	if i < 0 {
		return atomBOS
	}
	if i >= len(ws) {
		return atomEOS
	}
	return ws[i].Suf[k]
}

func clusAt(ws []seqmodel.Word, i, k int) uint64 {
	if i < 0 {
		return atomBOS
	}
	if i >= len(ws) {
		return atomEOS
	}
	return ws[i].Clus[k]
}

// posFeatures appends the POS features of token i; prev holds the label
// atoms chosen for tokens before i in the sentence.
func posFeatures(ws []seqmodel.Word, amb []uint64, sf int, i int, prev []uint64, buf []uint64) []uint64 {
	return posContext(ws, amb, sf, i, prev, posIntrinsic(&ws[i], amb[i], buf))
}

// posIntrinsic appends the POS features that depend on the word alone (and
// its ambiguity class amb0), whose summed scores the Tagger caches per word.
func posIntrinsic(w *seqmodel.Word, amb0 uint64, buf []uint64) []uint64 {
	F := seqmodel.Feat
	buf = append(buf,
		F(tBias, 0),
		F(tForm, w.Form),
		F(tLower, w.Lower),
		F(tSuf1, w.Suf[0]),
		F(tSuf2, w.Suf[1]),
		F(tSuf3, w.Suf[2]),
		F(tSuf4, w.Suf[3]),
		F(tPre1, w.Pre[0]),
		F(tPre2, w.Pre[1]),
		F(tPre3, w.Pre[2]),
		F(tShape, w.Shape),
		F(tSShape, w.SShape),
		F(tAmb0, amb0),
	)
	if w.Flags&seqmodel.FlagHasCluster != 0 {
		buf = append(buf, F(tC0a, w.Clus[1]), F(tC0b, w.Clus[2]), F(tC0c, w.Clus[3]))
	}
	return buf
}

// posContext appends the POS features of token i that depend on its context.
func posContext(ws []seqmodel.Word, amb []uint64, sf int, i int, prev []uint64, buf []uint64) []uint64 {
	w := &ws[i]
	F, F2 := seqmodel.Feat, seqmodel.Feat2
	pm1, pm2 := atomBOS, atomBOS
	if i >= 1 {
		pm1 = prev[i-1]
	}
	if i >= 2 {
		pm2 = prev[i-2]
	}
	buf = append(buf,
		F(tFlags, flagAtom(w.Flags, i == 0, sf)),
		F(tLm1, lowerAt(ws, i-1)),
		F(tLp1, lowerAt(ws, i+1)),
		F(tLm2, lowerAt(ws, i-2)),
		F(tLp2, lowerAt(ws, i+2)),
		F(tSuf3m1, sufAt(ws, i-1, 2)),
		F(tSuf3p1, sufAt(ws, i+1, 2)),
		F(tPm1, pm1),
		F(tPm2, pm2),
		F2(tPm1Pm2, pm1, pm2),
		F2(tPm1L0, pm1, w.Lower),
		F2(tL0Lp1, w.Lower, lowerAt(ws, i+1)),
		F2(tLm1L0, lowerAt(ws, i-1), w.Lower),
	)
	buf = append(buf, F(tCm1, clusAt(ws, i-1, 2)), F(tCp1, clusAt(ws, i+1, 2)))
	if sf != 0 {
		buf = append(buf, F2(tSShapeCtx, w.SShape, uint64(sf)))
	}
	buf = append(buf,
		F(tSuf2p1, sufAt(ws, i+1, 1)),
		F(tSSp1, sshapeAt(ws, i+1)),
		F(tSSm1, sshapeAt(ws, i-1)),
		F(tLm3, lowerAt(ws, i-3)),
		F(tAux, lastAux(ws, prev, i)),
	)
	if w.Flags&seqmodel.FlagInitUpper != 0 {
		buf = append(buf, F2(tFormPm1, w.Form, pm1))
	}
	ambAt := func(j int) uint64 { return atomAt(amb, j) }
	buf = append(buf,
		F(tAmbp1, ambAt(i+1)),
		F(tAmbp2, ambAt(i+2)),
		F2(tAmb0Ambp1, amb[i], ambAt(i+1)),
		F2(tPm1Amb0, pm1, amb[i]),
		F2(tAmbm1Amb0, ambAt(i-1), amb[i]),
	)
	return buf
}

// pos2Features appends the stacked second stage's features of token i: the
// first stage's tags s1 of the whole sentence, so the right context's tags
// count too.
func pos2Features(ws []seqmodel.Word, s1 []uint64, i int, prev []uint64, buf []uint64) []uint64 {
	F, F2 := seqmodel.Feat, seqmodel.Feat2
	at := func(j int) uint64 { return atomAt(s1, j) }
	pm1 := atomBOS
	if i >= 1 {
		pm1 = prev[i-1]
	}
	return append(buf,
		F(tS1, s1[i]),
		F(tS1m1, at(i-1)),
		F(tS1p1, at(i+1)),
		F(tS1p2, at(i+2)),
		F2(tS1S1p1, s1[i], at(i+1)),
		F2(tS1p1S1p2, at(i+1), at(i+2)),
		F2(tPm1S1p1, pm1, at(i+1)),
		F2(tS1L0, s1[i], ws[i].Lower),
	)
}

// ambiguity is the tag dictionary of the training data: for each word seen
// at least minCount times, the set of its tags (those with at least 5% of
// its occurrences), as MBT and SVMTool use it for right context.
type ambiguity map[string]uint64

// Minimum counts of a word in the tag dictionaries: the POS model's (which
// the tagger uses at run time) keeps every word of its training data, since
// its training sees classes jackknifed (see TrainOptions.AmbFolds); the
// chunker learns from the classes of words seen twice.
const (
	posDictMin   = 1
	chunkDictMin = 2
)

var atomUnknown = seqmodel.Atom("<unk>")

func (a ambiguity) of(word string) uint64 {
	if x, ok := a[word]; ok {
		return x
	}
	return atomUnknown
}

// encodeAmbiguity builds the dictionary's Meta encoding from (word, tag)
// counts, keeping words seen at least minCount times.
func encodeAmbiguity(counts map[string]map[string]int, minCount int) string {
	var lines []string
	for w, tags := range counts {
		n := 0
		for _, k := range tags {
			n += k
		}
		if n < minCount || strings.ContainsAny(w, "\t\n") {
			continue
		}
		var ts []string
		for t, k := range tags {
			if k*20 >= n {
				ts = append(ts, t)
			}
		}
		slices.Sort(ts)
		lines = append(lines, w+"\t"+strings.Join(ts, "|"))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func decodeAmbiguity(s string) ambiguity {
	a := ambiguity{}
	atoms := map[string]uint64{}
	for _, ln := range strings.Split(s, "\n") {
		w, c, ok := strings.Cut(ln, "\t")
		if !ok {
			continue
		}
		x, ok := atoms[c]
		if !ok {
			x = seqmodel.Atom(c)
			atoms[c] = x
		}
		a[w] = x
	}
	return a
}

func sshapeAt(ws []seqmodel.Word, i int) uint64 {
	if i < 0 {
		return atomBOS
	}
	if i >= len(ws) {
		return atomEOS
	}
	return ws[i].SShape
}

// lastAux returns the lower form of the nearest earlier token (within 4)
// tagged as a verb or modal, which separates participles from past tenses.
func lastAux(ws []seqmodel.Word, prev []uint64, i int) uint64 {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if verbAtoms[prev[j]] {
			return seqmodel.Mix(ws[j].Lower, prev[j])
		}
	}
	return atomNone
}

var (
	atomNone  = seqmodel.Atom("<none>")
	verbAtoms = map[uint64]bool{}
)

func init() {
	for _, t := range []string{"MD", "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "TO"} {
		verbAtoms[seqmodel.Atom(t)] = true
	}
}

// chunkFeatures appends the chunk features of token i given POS atoms p and
// the chunk label atoms already chosen for tokens before i: the templates
// that chunkTables tabulate, then chunkLexical's.
func chunkFeatures(ws []seqmodel.Word, amb, p []uint64, i int, prev []uint64, buf []uint64) []uint64 {
	F, F2 := seqmodel.Feat, seqmodel.Feat2
	pa := func(j int) uint64 { return atomAt(p, j) }
	cm1, cm2 := atomBOS, atomBOS
	if i >= 1 {
		cm1 = prev[i-1]
	}
	if i >= 2 {
		cm2 = prev[i-2]
	}
	buf = append(buf,
		F(kBias, 0),
		F(kP0, pa(i)),
		F(kPm1, pa(i-1)),
		F(kPp1, pa(i+1)),
		F(kPm2, pa(i-2)),
		F(kPp2, pa(i+2)),
		F2(kPm1P0, pa(i-1), pa(i)),
		F2(kP0Pp1, pa(i), pa(i+1)),
		F2(kPm2Pm1, pa(i-2), pa(i-1)),
		F2(kPp1Pp2, pa(i+1), pa(i+2)),
		F(kCm1, cm1),
		F2(kCm2Cm1, cm2, cm1),
		F2(kCm1P0, cm1, pa(i)),
	)
	return chunkLexical(ws, amb, p, i, cm1, buf)
}

// atomAt is p[j], or the sentence start or end atom outside p.
func atomAt(p []uint64, j int) uint64 {
	if j < 0 {
		return atomBOS
	}
	if j >= len(p) {
		return atomEOS
	}
	return p[j]
}

// chunkLexical appends the chunk features of token i that involve words,
// ambiguity classes or POS trigrams (cm1 is the previous chunk label's atom,
// atomBOS at the start).
func chunkLexical(ws []seqmodel.Word, amb, p []uint64, i int, cm1 uint64, buf []uint64) []uint64 {
	F, F2, F3 := seqmodel.Feat, seqmodel.Feat2, seqmodel.Feat3
	pa := func(j int) uint64 { return atomAt(p, j) }
	l0 := ws[i].Lower
	buf = append(buf,
		F(kL0, l0),
		F(kLm1, lowerAt(ws, i-1)),
		F(kLp1, lowerAt(ws, i+1)),
		F(kLm2, lowerAt(ws, i-2)),
		F(kLp2, lowerAt(ws, i+2)),
		F3(kPm1P0Pp1, pa(i-1), pa(i), pa(i+1)),
		F3(kCm1Pm1P0, cm1, pa(i-1), pa(i)),
		F2(kL0P0, l0, pa(i)),
		F2(kCm1L0, cm1, l0),
		F(kC0, ws[i].Clus[2]),
	)
	ambAt := func(j int) uint64 { return atomAt(amb, j) }
	buf = append(buf,
		F(kAmb0, amb[i]),
		F(kAmbp1, ambAt(i+1)),
		F(kAmbm1, ambAt(i-1)),
		F2(kAmb0P0, amb[i], pa(i)),
	)
	buf = append(buf,
		F3(kP0Pp1Pp2, pa(i), pa(i+1), pa(i+2)),
		F3(kPm2Pm1P0, pa(i-2), pa(i-1), pa(i)),
		F2(kLm1P0, lowerAt(ws, i-1), pa(i)),
		F2(kL0Pp1, l0, pa(i+1)),
		F(kCm1c, clusAt(ws, i-1, 2)),
		F(kCp1c, clusAt(ws, i+1, 2)),
		F(kSuf3, ws[i].Suf[2]),
		F2(kLm1L0, lowerAt(ws, i-1), l0),
		F2(kL0Lp1, l0, lowerAt(ws, i+1)),
		F2(kLp1Pp1, lowerAt(ws, i+1), pa(i+1)),
		F2(kLm1Pm1, lowerAt(ws, i-1), pa(i-1)),
		F2(kC0P0, ws[i].Clus[2], pa(i)),
		F2(kPm1L0, pa(i-1), l0),
	)
	return buf
}
