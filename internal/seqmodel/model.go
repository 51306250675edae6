package seqmodel

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained linear classifier over hashed features, one weight
// vector per label, stored sparsely (a feature keeps only its non-zero label
// weights, quantised to 16 bits, so scores are exact integer sums). It is
// immutable and safe for concurrent use.
type Model struct {
	Labels []string
	// Meta holds free-form key=value settings written by the trainer (e.g. the
	// feature set version), so a loader can check it matches its code.
	Meta map[string]string
	// Scale converts integer scores back to perceptron weight units.
	Scale float32

	mask  uint64
	slots []slot   // open addressing by key, tag 0 = empty
	keys  []uint64 // full key of each slot of a built model, for writing
	src   []byte   // a loaded model's bytes, which WriteTo writes back
	ents  []uint32 // overflow: count, then entries label<<16 | uint16(weight)
	rows  []int16  // dense: one weight per label
	nfeat int

	touched uint32 // sink of placeAll's reads, so that they are kept
}

// slot is 16 bytes, a quarter of a cache line: the upper 32 bits of the
// feature key (the lower bits choose the slot, so a lookup compares about
// 50 bits) and either the feature's weight entries inline (up to inlineN,
// label<<16 | uint16(weight); unused ones repeat the first entry's label
// with weight 0, so they can be added blindly) or, in e[0], overflow|offset
// of its entries in ents, or overflow|denseRow|offset of its row of weights
// (one per label) in rows, for features with weights for at least half the
// labels. Most features have two or three entries, so a lookup usually
// touches one cache line.
type slot struct {
	tag uint32
	e   [inlineN]uint32
}

const (
	inlineN  = 3
	overflow = 0x80000000
	denseRow = 0x40000000
)

func tagOf(k uint64) uint32 {
	if t := uint32(k >> 32); t != 0 {
		return t
	}
	return 1
}

// insert adds feature k with its entries (label<<16 | uint16(weight)).
func (m *Model) insert(k uint64, es []uint32) {
	m.place(k, m.encode(es))
}

// encode stores entries es as a slot's inline entries or in ents or rows.
func (m *Model) encode(es []uint32) [inlineN]uint32 {
	var e [inlineN]uint32
	inline := len(es) <= inlineN
	for _, x := range es[min(1, len(es)):] {
		inline = inline && uint16(x) != 0 // weight 0 would read as padding
	}
	if inline {
		for j := range e {
			if j < len(es) {
				e[j] = es[j]
			} else {
				e[j] = es[0] &^ 0xffff // same label, weight 0
			}
		}
	} else if nl := len(m.Labels); 2*len(es) >= nl && denseExact(es) {
		off := len(m.rows)
		e[0] = overflow | denseRow | uint32(off)
		m.rows = slices.Grow(m.rows, nl)[:off+nl]
		row := m.rows[off:]
		clear(row)
		for _, x := range es {
			row[x>>16] = int16(x)
		}
	} else {
		e[0] = overflow | uint32(len(m.ents))
		m.ents = append(m.ents, uint32(len(es)))
		m.ents = append(m.ents, es...)
	}
	return e
}

// place puts feature k with slot entries e in its slot.
func (m *Model) place(k uint64, e [inlineN]uint32) {
	i := k & m.mask
	for m.slots[i].tag != 0 {
		i = (i + 1) & m.mask
	}
	m.slots[i] = slot{tagOf(k), e}
	if m.keys != nil {
		m.keys[i] = k
	}
}

type pending struct {
	k uint64
	e [inlineN]uint32
}

// placeAll places a batch of features, touching their home slots first.
func (m *Model) placeAll(ps []pending) {
	var t uint32
	for _, p := range ps {
		t += m.slots[p.k&m.mask].tag
	}
	m.touched += t
	for _, p := range ps {
		m.place(p.k, p.e)
	}
}

// denseExact reports whether entries es survive a dense row unchanged:
// labels strictly increasing, no zero weight (always so for trained models).
func denseExact(es []uint32) bool {
	for j, x := range es {
		if uint16(x) == 0 || (j > 0 && x>>16 <= es[j-1]>>16) {
			return false
		}
	}
	return true
}

// entries appends the weight entries of slot s to dst.
func (m *Model) entries(s slot, dst []uint32) []uint32 {
	if s.e[0]&(overflow|denseRow) == overflow|denseRow {
		off := int(s.e[0] &^ (overflow | denseRow))
		for l, w := range m.rows[off : off+len(m.Labels)] {
			if w != 0 {
				dst = append(dst, uint32(l)<<16|uint32(uint16(w)))
			}
		}
		return dst
	}
	if s.e[0]&overflow != 0 {
		off := s.e[0] &^ overflow
		return append(dst, m.ents[off+1:off+1+m.ents[off]]...)
	}
	dst = append(dst, s.e[0])
	for _, e := range s.e[1:] {
		if uint16(e) != 0 {
			dst = append(dst, e)
		}
	}
	return dst
}

func newModel(labels []string, meta map[string]string, scale float32, nf int) *Model {
	size := 1
	for size < nf*3/2+2 {
		size <<= 1
	}
	return &Model{Labels: labels, Meta: meta, Scale: scale, mask: uint64(size - 1),
		slots: make([]slot, size), nfeat: nf}
}

// ErrFormat is returned by Load for bytes that are not a valid model.
var ErrFormat = errors.New("seqmodel: bad model format")

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return m.nfeat }

// Label returns the id of label s, or -1.
func (m *Model) Label(s string) int { return slices.Index(m.Labels, s) }

// Score sets scores[l] (len(scores) ≥ len(Labels)) to the sum of the
// quantised weights of feats for each label l. Unknown features are ignored.
func (m *Model) Score(feats []uint64, scores []int32) {
	clear(scores[:len(m.Labels)])
	m.AddScores(feats, scores)
}

// AddScores adds the weights of feats to scores (len ≥ len(Labels)).
//
// The table is read in two passes over each batch of features: first every
// feature's home slot is copied (independent loads, which the processor
// overlaps, instead of one cache miss after another), then the copies are
// matched and added.
func (m *Model) AddScores(feats []uint64, scores []int32) {
	scores = scores[:len(m.Labels)]
	slots, mask := m.slots, m.mask
	const batch = 32
	var got [batch]slot
	for len(feats) > 0 {
		fs := feats[:min(len(feats), batch)]
		feats = feats[len(fs):]
		for j, f := range fs {
			got[j] = slots[f&mask]
		}
		for j, f := range fs {
			s := &got[j]
			t := tagOf(f)
			if s.tag != t {
				if s.tag == 0 {
					continue
				}
				// collision: probe on from the home slot
				i := (f + 1) & mask
				for slots[i].tag != t && slots[i].tag != 0 {
					i = (i + 1) & mask
				}
				if slots[i].tag == 0 {
					continue
				}
				s = &slots[i]
			}
			if e0 := s.e[0]; e0&overflow == 0 {
				scores[e0>>16] += int32(int16(e0))
				e1, e2 := s.e[1], s.e[2]
				scores[e1>>16] += int32(int16(e1))
				scores[e2>>16] += int32(int16(e2))
			} else if e0&denseRow != 0 {
				off := int(e0 &^ (overflow | denseRow))
				row := m.rows[off : off+len(scores)]
				for l, w := range row {
					scores[l] += int32(w)
				}
			} else {
				off := e0 &^ overflow
				n := m.ents[off]
				for _, e := range m.ents[off+1 : off+1+n] {
					scores[e>>16] += int32(int16(e))
				}
			}
		}
	}
}

// Best returns the label with the highest score among allowed (all labels
// when allowed is nil); ties go to the lower label id.
func (m *Model) Best(feats []uint64, allowed []uint16, scores []int32) int {
	m.Score(feats, scores)
	return Argmax(scores[:len(m.Labels)], allowed)
}

// Argmax returns the index of the highest score among allowed (all when nil).
func Argmax(scores []int32, allowed []uint16) int {
	best := -1
	var bs int32
	if allowed == nil {
		for l, s := range scores {
			if best < 0 || s > bs {
				best, bs = l, s
			}
		}
		return best
	}
	for _, l := range allowed {
		if s := scores[l]; best < 0 || s > bs || (s == bs && int(l) < best) {
			best, bs = int(l), s
		}
	}
	return best
}

// feature is one feature's sparse weights, used while building or writing.
type feature struct {
	key  uint64
	labs []uint16
	q    []int16
}

func build(labels []string, meta map[string]string, scale float32, feats []feature) *Model {
	slices.SortFunc(feats, func(a, b feature) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	m := newModel(labels, meta, scale, len(feats))
	m.keys = make([]uint64, len(m.slots))
	var es []uint32
	for _, f := range feats {
		es = es[:0]
		for j := range f.labs {
			es = append(es, uint32(f.labs[j])<<16|uint32(uint16(f.q[j])))
		}
		m.insert(f.key, es)
	}
	return m
}

// features lists a built model's features in key order (nil for a loaded
// model, which keeps its bytes instead of its keys).
func (m *Model) features() []feature {
	if m.keys == nil {
		return nil
	}
	var out []feature
	var es []uint32
	for i, s := range m.slots {
		if s.tag == 0 {
			continue
		}
		f := feature{key: m.keys[i]}
		es = m.entries(s, es[:0])
		for _, e := range es {
			f.labs = append(f.labs, uint16(e>>16))
			f.q = append(f.q, int16(e))
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b feature) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

const magic = "HSM1"

// WriteTo writes the model in its binary format: deterministic for a given
// model (features sorted by key); a loaded model writes the bytes it was
// loaded from.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if m.src != nil {
		n, err := w.Write(m.src)
		return int64(n), err
	}
	var buf bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { buf.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); buf.WriteString(s) }
	buf.WriteString(magic)
	uv(uint64(len(m.Labels)))
	for _, l := range m.Labels {
		str(l)
	}
	keys := make([]string, 0, len(m.Meta))
	for k := range m.Meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	uv(uint64(len(keys)))
	for _, k := range keys {
		str(k)
		str(m.Meta[k])
	}
	binary.Write(&buf, binary.LittleEndian, math.Float32bits(m.Scale))
	feats := m.features()
	uv(uint64(len(feats)))
	var prev uint64
	for _, f := range feats {
		uv(f.key - prev)
		prev = f.key
		uv(uint64(len(f.labs)))
		for j := range f.labs {
			uv(uint64(f.labs[j]))
			buf.WriteByte(byte(uint16(f.q[j])))
			buf.WriteByte(byte(uint16(f.q[j]) >> 8))
		}
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// Load reads a model written by WriteTo, straight into its lookup table.
// The model keeps data (to write it back): the caller must not modify it.
func Load(data []byte) (*Model, error) {
	p := &parser{b: data}
	fail := func(what string) (*Model, error) {
		return nil, fmt.Errorf("seqmodel: load %s at byte %d: %w", what, p.i, ErrFormat)
	}
	if len(data) < 4 || string(data[:4]) != magic {
		return fail("magic")
	}
	p.i = 4
	nl := p.uv()
	if p.bad || nl == 0 || nl > 1<<14 {
		return fail("labels")
	}
	labels := make([]string, nl)
	for i := range labels {
		labels[i] = p.str()
	}
	nm := p.uv()
	if p.bad || nm > 1<<10 {
		return fail("meta")
	}
	meta := make(map[string]string, nm)
	for range nm {
		k := p.str()
		meta[k] = p.str()
	}
	if p.bad || p.i+4 > len(data) {
		return fail("scale")
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(data[p.i:]))
	p.i += 4
	nf := p.uv()
	if p.bad || nf > uint64(len(data)) {
		return fail("features")
	}
	m := newModel(labels, meta, scale, int(nf))
	nents, nrows := sizes(p, nf, int(nl))
	m.ents = make([]uint32, 0, nents)
	m.rows = make([]int16, 0, nrows)
	var es []uint32
	var prev uint64
	pend := make([]pending, 0, 32)
	for fi := uint64(0); fi < nf; fi++ {
		d := p.uv()
		k := prev + d
		if p.bad || k == 0 || (fi > 0 && d == 0) {
			return fail("feature key")
		}
		prev = k
		cnt := p.uv()
		if p.bad || cnt == 0 || cnt > nl {
			return fail("feature")
		}
		es = es[:0]
		for j := uint64(0); j < cnt; j++ {
			l := p.uv()
			if p.bad || l >= nl || p.i+2 > len(data) {
				return fail("weight")
			}
			es = append(es, uint32(l)<<16|uint32(binary.LittleEndian.Uint16(data[p.i:])))
			p.i += 2
		}
		// slots are filled a batch at a time, their home slots read first:
		// independent cache misses overlap instead of following each other
		pend = append(pend, pending{k, m.encode(es)})
		if len(pend) == cap(pend) || fi == nf-1 {
			m.placeAll(pend)
			pend = pend[:0]
		}
	}
	if p.bad {
		return fail("features")
	}
	m.src = data[:p.i:p.i]
	return m, nil
}

// sizes returns the lengths of ents and rows that the nf features starting
// at p's position need (as insert stores them, for trained models: they
// are capacities, so odd input only makes the slices grow), reading a copy
// of p and stopping early on bad input.
func sizes(p *parser, nf uint64, nl int) (nents, nrows int) {
	q := *p
	for fi := uint64(0); fi < nf && !q.bad; fi++ {
		q.uv()
		cnt := int(q.uv())
		if q.bad || cnt > nl {
			break
		}
		for range cnt {
			q.uv()
			q.i += 2
			if q.i > len(q.b) {
				return
			}
		}
		switch {
		case cnt <= inlineN:
		case 2*cnt >= nl:
			nrows += nl
		default:
			nents += cnt + 1
		}
	}
	return
}

// parser reads uvarints and strings from a byte slice; bad records the
// first error.
type parser struct {
	b   []byte
	i   int
	bad bool
}

func (p *parser) uv() uint64 {
	if p.bad {
		return 0
	}
	x, n := binary.Uvarint(p.b[p.i:])
	if n <= 0 {
		p.bad = true
		return 0
	}
	p.i += n
	return x
}

func (p *parser) str() string {
	n := p.uv()
	if p.bad || n > uint64(len(p.b)-p.i) {
		p.bad = true
		return ""
	}
	s := string(p.b[p.i : p.i+int(n)])
	p.i += int(n)
	return s
}

// Row sets row[l] (len(row) ≥ len(Labels)) to feature key's weight for label
// l, zero for absent labels or an unknown feature, so that a caller can
// tabulate features over a small closed set of values (label pairs, say)
// and add the rows with AddRow instead of looking them up: the sums are
// the same (for models with one weight per label and feature, as trained).
func (m *Model) Row(key uint64, row []int16) {
	row = row[:len(m.Labels)]
	clear(row)
	t := tagOf(key)
	i := key & m.mask
	for m.slots[i].tag != t {
		if m.slots[i].tag == 0 {
			return
		}
		i = (i + 1) & m.mask
	}
	var es [64]uint32
	for _, e := range m.entries(m.slots[i], es[:0]) {
		row[e>>16] += int16(e)
	}
}

// AddRow adds row (as built by Row) to scores.
func AddRow(scores []int32, row []int16) {
	scores = scores[:len(row)]
	for l, w := range row {
		scores[l] += int32(w)
	}
}
