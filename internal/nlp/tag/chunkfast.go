package tag

import "herald/internal/seqmodel"

// chunkTables hold the chunk model's weights of the templates that depend
// only on POS tags and earlier chunk labels, tabulated over all values and
// summed into six tables, so that chunking adds six rows instead of hashing
// and looking up thirteen of its features per token. Rows are nC weights;
// POS index nP is the sentence start and nP+1 its end, chunk index nC the
// start.
type chunkTables struct {
	nP, nC int
	// (pm1*(nP+2)+p0): kPm1P0 + kP0 + kPm1
	pm1p0 []int32
	// (p0*(nP+2)+pp1): kP0Pp1 + kPp1
	p0pp1 []int32
	// (pm2*(nP+2)+pm1): kPm2Pm1 + kPm2
	pm2pm1 []int32
	// (pp1*(nP+2)+pp2): kPp1Pp2 + kPp2
	pp1pp2 []int32
	// (c2*(nC+1)+c1): kCm2Cm1 + kCm1 + kBias
	cm2cm1 []int32
	// (c*(nP+2)+p): kCm1P0
	cm1p0 []int32
}

// iobAllowed returns, for each label and the start (index len(labels)),
// the labels that may follow it in IOB2.
func iobAllowed(labels []string) [][]uint16 {
	out := make([][]uint16, len(labels)+1)
	for c := range out {
		for l, x := range labels {
			if len(x) > 2 && x[0] == 'I' {
				if c == len(labels) || len(labels[c]) < 2 || labels[c][2:] != x[2:] {
					continue
				}
			}
			out[c] = append(out[c], uint16(l))
		}
	}
	return out
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
	row := make([]int16, nC)
	// table returns the n rows whose row i sums the weights of keys(i)
	table := func(n int, keys func(i int) []uint64) []int32 {
		t := make([]int32, n*nC)
		for i := range n {
			for _, k := range keys(i) {
				chunk.Row(k, row)
				seqmodel.AddRow(t[i*nC:(i+1)*nC], row)
			}
		}
		return t
	}
	np, nc := nP+2, nC+1
	ct.pm1p0 = table(np*np, func(i int) []uint64 {
		a, b := pa(i/np), pa(i%np)
		return []uint64{F2(kPm1P0, a, b), F(kP0, b), F(kPm1, a)}
	})
	ct.p0pp1 = table(np*np, func(i int) []uint64 {
		a, b := pa(i/np), pa(i%np)
		return []uint64{F2(kP0Pp1, a, b), F(kPp1, b)}
	})
	ct.pm2pm1 = table(np*np, func(i int) []uint64 {
		a, b := pa(i/np), pa(i%np)
		return []uint64{F2(kPm2Pm1, a, b), F(kPm2, a)}
	})
	ct.pp1pp2 = table(np*np, func(i int) []uint64 {
		a, b := pa(i/np), pa(i%np)
		return []uint64{F2(kPp1Pp2, a, b), F(kPp2, b)}
	})
	ct.cm2cm1 = table(nc*nc, func(i int) []uint64 {
		a, b := ca(i/nc), ca(i%nc)
		return []uint64{F2(kCm2Cm1, a, b), F(kCm1, b), F(kBias, 0)}
	})
	ct.cm1p0 = table(nc*np, func(i int) []uint64 { return []uint64{F2(kCm1P0, ca(i/np), pa(i%np))} })
	return ct
}

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
		r0 := ct.pm1p0[(pm1*np+p0)*nC:][:nC]
		r1 := ct.p0pp1[(p0*np+pp1)*nC:][:nC]
		r2 := ct.pm2pm1[(pm2*np+pm1)*nC:][:nC]
		r3 := ct.pp1pp2[(pp1*np+pp2)*nC:][:nC]
		r4 := ct.cm2cm1[(cm2*(nC+1)+cm1)*nC:][:nC]
		r5 := ct.cm1p0[(cm1*np+p0)*nC:][:nC]
		for l := range sc {
			sc[l] = r0[l] + r1[l] + r2[l] + r3[l] + r4[l] + r5[l]
		}
		cm1a := atomBOS
		if i >= 1 {
			cm1a = t.chunkAtoms[cm1]
		}
		s.feats = chunkLexical(ws, amb, pAtoms, i, cm1a, s.feats[:0])
		t.chunk.AddScores(s.feats, sc)
		out[i] = uint16(seqmodel.Argmax(sc, t.chunkAllowed[cm1]))
	}
}
