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
	keys  []uint64 // full key of each slot (cold: only for writing)
	ents  []uint32 // overflow: count, then entries label<<16 | uint16(weight)
	nfeat int
}

// slot is 8 bytes, so that the table stays small in cache: the upper 32
// bits of the feature key (the lower bits choose the slot, so a lookup
// compares about 50 bits) and either the feature's single weight entry or
// overflow|offset of its entries in ents.
type slot struct {
	tag, v uint32
}

const overflow = 0x80000000

func tagOf(k uint64) uint32 {
	if t := uint32(k >> 32); t != 0 {
		return t
	}
	return 1
}

// insert adds feature k with its entries (label<<16 | uint16(weight)).
func (m *Model) insert(k uint64, es []uint32) {
	var v uint32
	if len(es) == 1 {
		v = es[0]
	} else {
		v = overflow | uint32(len(m.ents))
		m.ents = append(m.ents, uint32(len(es)))
		m.ents = append(m.ents, es...)
	}
	i := k & m.mask
	for m.slots[i].tag != 0 {
		i = (i + 1) & m.mask
	}
	m.slots[i] = slot{tagOf(k), v}
	m.keys[i] = k
}

func newModel(labels []string, meta map[string]string, scale float32, nf int) *Model {
	size := 1
	for size < nf*3/2+2 {
		size <<= 1
	}
	return &Model{Labels: labels, Meta: meta, Scale: scale, mask: uint64(size - 1),
		slots: make([]slot, size), keys: make([]uint64, size), nfeat: nf}
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
func (m *Model) AddScores(feats []uint64, scores []int32) {
	scores = scores[:len(m.Labels)]
	slots, mask, ents := m.slots, m.mask, m.ents
	for _, f := range feats {
		t := tagOf(f)
		i := f & mask
		for {
			s := slots[i]
			if s.tag == t {
				if s.v&overflow == 0 {
					scores[s.v>>16] += int32(int16(s.v))
				} else {
					off := s.v &^ overflow
					n := ents[off]
					for _, e := range ents[off+1 : off+1+n] {
						scores[e>>16] += int32(int16(e))
					}
				}
				break
			}
			if s.tag == 0 {
				break
			}
			i = (i + 1) & mask
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

// features lists the model's features in key order.
func (m *Model) features() []feature {
	var out []feature
	for i, s := range m.slots {
		if s.tag == 0 {
			continue
		}
		f := feature{key: m.keys[i]}
		add := func(e uint32) { f.labs = append(f.labs, uint16(e>>16)); f.q = append(f.q, int16(e)) }
		if s.v&overflow == 0 {
			add(s.v)
		} else {
			off := s.v &^ overflow
			for _, e := range m.ents[off+1 : off+1+m.ents[off]] {
				add(e)
			}
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
// model (features sorted by key).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
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
	m.ents = make([]uint32, 0, (len(data)-p.i)/4)
	var es []uint32
	var prev uint64
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
		m.insert(k, es)
	}
	if p.bad {
		return fail("features")
	}
	return m, nil
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
