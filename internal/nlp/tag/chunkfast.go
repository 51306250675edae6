package tag

import "herald/internal/seqmodel"

// chunkTables hold the chunk model's weights of the templates that depend
// only on POS tags and earlier chunk labels, tabulated over all values, so
// that chunking adds short rows instead of hashing and looking up twelve of
// its features per token. Rows are nC int16 weights; POS index nP is the
// sentence start and nP+1 its end, chunk index nC the start.
type chunkTables struct {
	nP, nC int
	bias   []int16
	uni    [5][]int16 // kP0, kPm1, kPp1, kPm2, kPp2: row of POS p at (p)
	bi     [4][]int16 // kPm1P0, kP0Pp1, kPm2Pm1, kPp1Pp2: (a*(nP+2)+b)
	cm1    []int16    // kCm1: (c)
	cm2cm1 []int16    // kCm2Cm1: (c2*(nC+1)+c1)
	cm1p0  []int16    // kCm1P0: (c*(nP+2)+p)
}

// newChunkTables tabulates chunk's POS and history templates; posAtoms are
// the POS model's label atoms, chunkAtoms the chunk model's.
func newChunkTables(chunk *seqmodel.Model, posAtoms, chunkAtoms []uint64) *chunkTables {
	nP, nC := len(posAtoms), len(chunkAtoms)
	ct := &chunkTables{nP: nP, nC: nC}
	pa := func(p int) uint64 { // POS index → atom
		switch p {
		case nP:
			return atomBOS
		case nP + 1:
			return atomEOS
		}
		return posAtoms[p]
	}
	ca := func(c int) uint64 {
		if c == nC {
			return atomBOS
		}
		return chunkAtoms[c]
	}
	F, F2 := seqmodel.Feat, seqmodel.Feat2
	table := func(n int, key func(i int) uint64) []int16 {
		t := make([]int16, n*nC)
		for i := range n {
			chunk.Row(key(i), t[i*nC:(i+1)*nC])
		}
		return t
	}
	np := nP + 2
	ct.bias = table(1, func(int) uint64 { return F(kBias, 0) })
	for k, tpl := range [5]uint16{kP0, kPm1, kPp1, kPm2, kPp2} {
		ct.uni[k] = table(np, func(p int) uint64 { return F(tpl, pa(p)) })
	}
	for k, tpl := range [4]uint16{kPm1P0, kP0Pp1, kPm2Pm1, kPp1Pp2} {
		ct.bi[k] = table(np*np, func(i int) uint64 { return F2(tpl, pa(i/np), pa(i%np)) })
	}
	ct.cm1 = table(nC+1, func(c int) uint64 { return F(kCm1, ca(c)) })
	ct.cm2cm1 = table((nC+1)*(nC+1), func(i int) uint64 { return F2(kCm2Cm1, ca(i/(nC+1)), ca(i%(nC+1))) })
	ct.cm1p0 = table((nC+1)*np, func(i int) uint64 { return F2(kCm1P0, ca(i/np), pa(i%np)) })
	return ct
}

func (ct *chunkTables) row(t []int16, i int) []int16 { return t[i*ct.nC : (i+1)*ct.nC] }

// chunkFast labels the chunks of ws given POS indices p (< nP) and atoms
// pAtoms, as chunkFeatures with the chunk model would, writing label ids to
// out. scores has room for nC labels.
func (t *Tagger) chunkFast(ws []seqmodel.Word, amb, pAtoms []uint64, p []uint16, out []uint16, s *scratch) {
	ct := t.ct
	nP, nC, np := ct.nP, ct.nC, ct.nP+2
	at := func(j int) int {
		if j < 0 {
			return nP
		}
		if j >= len(p) {
			return nP + 1
		}
		return int(p[j])
	}
	sc := s.scores[:nC]
	for i := range ws {
		pm2, pm1, p0, pp1, pp2 := at(i-2), at(i-1), at(i), at(i+1), at(i+2)
		cm1, cm2 := nC, nC
		if i >= 1 {
			cm1 = int(out[i-1])
		}
		if i >= 2 {
			cm2 = int(out[i-2])
		}
		for l, w := range ct.bias {
			sc[l] = int32(w)
		}
		seqmodel.AddRow(sc, ct.row(ct.uni[0], p0))
		seqmodel.AddRow(sc, ct.row(ct.uni[1], pm1))
		seqmodel.AddRow(sc, ct.row(ct.uni[2], pp1))
		seqmodel.AddRow(sc, ct.row(ct.uni[3], pm2))
		seqmodel.AddRow(sc, ct.row(ct.uni[4], pp2))
		seqmodel.AddRow(sc, ct.row(ct.bi[0], pm1*np+p0))
		seqmodel.AddRow(sc, ct.row(ct.bi[1], p0*np+pp1))
		seqmodel.AddRow(sc, ct.row(ct.bi[2], pm2*np+pm1))
		seqmodel.AddRow(sc, ct.row(ct.bi[3], pp1*np+pp2))
		seqmodel.AddRow(sc, ct.row(ct.cm1, cm1))
		seqmodel.AddRow(sc, ct.row(ct.cm2cm1, cm2*(nC+1)+cm1))
		seqmodel.AddRow(sc, ct.row(ct.cm1p0, cm1*np+p0))
		cm1a := atomBOS
		if i >= 1 {
			cm1a = t.chunkAtoms[cm1]
		}
		s.feats = chunkLexical(ws, amb, pAtoms, i, cm1a, s.feats[:0])
		t.chunk.AddScores(s.feats, sc)
		out[i] = uint16(seqmodel.Argmax(sc, nil))
	}
}
