package seqmodel

import (
	"bytes"
	"slices"
	"testing"
)

// TestScoreLayouts checks Score against a plain sum for every storage form
// of a feature's weights (inline, sparse overflow, dense row, forms that a
// file may hold but a trainer never writes) and that such models round-trip
// through WriteTo and Load byte for byte.
func TestScoreLayouts(t *testing.T) {
	const nl = 10
	labels := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	type ent struct {
		l uint16
		w int16
	}
	cases := []struct {
		name string
		ents []ent
	}{
		{"one", []ent{{3, 5}}},
		{"two", []ent{{0, -7}, {9, 300}}},
		{"three", []ent{{1, 1}, {2, -1}, {8, 32767}}},
		{"four sparse", []ent{{0, 4}, {3, -4}, {5, 2}, {7, -32768}}},
		{"dense", []ent{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {6, -6}}},
		{"all labels", []ent{{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}, {9, 1}}},
		{"zero weight inline", []ent{{2, 9}, {4, 0}}},
		{"zero weight first", []ent{{2, 0}, {4, 9}}},
		{"zero weight dense", []ent{{0, 1}, {1, 0}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}},
		{"unsorted dense", []ent{{5, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 6}}},
		{"repeated label", []ent{{1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}},
	}
	var feats []feature
	want := map[uint64][nl]int32{}
	for i, c := range cases {
		// keys 1<<k apart share their low bits: every case collides on its
		// home slot with the others, so probing is exercised too
		key := uint64(i+1)<<40 | 12345
		f := feature{key: key}
		var w [nl]int32
		for _, e := range c.ents {
			f.labs = append(f.labs, e.l)
			f.q = append(f.q, e.w)
			w[e.l] += int32(e.w)
		}
		feats = append(feats, f)
		want[key] = w
	}
	// many more single features so that Score works across batches
	for k := range 100 {
		key := uint64(k+1)*0x9e3779b97f4a7c15 | 1
		feats = append(feats, feature{key: key, labs: []uint16{uint16(k % nl)}, q: []int16{int16(k)}})
		var w [nl]int32
		w[k%nl] = int32(k)
		want[key] = w
	}
	m := build(labels, map[string]string{}, 1, slices.Clone(feats))
	var b bytes.Buffer
	m.WriteTo(&b)
	m2, err := Load(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	m2.WriteTo(&b2)
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Fatal("write(load(write(m))) != write(m)")
	}
	got := make([]int32, nl)
	for _, mm := range []*Model{m, m2} {
		for i, c := range cases {
			key := uint64(i+1)<<40 | 12345
			mm.Score([]uint64{key, 999}, got) // 999: absent
			if w := want[key]; !slices.Equal(got, w[:]) {
				t.Errorf("%s: Score = %v, want %v", c.name, got, w)
			}
		}
		// all features at once: the sum of all
		var all []uint64
		var sum [nl]int32
		for k, w := range want {
			all = append(all, k, k^0xffff<<40) // and an absent key (other upper bits)
			for l := range w {
				sum[l] += w[l]
			}
		}
		mm.Score(all, got)
		if !slices.Equal(got, sum[:]) {
			t.Errorf("all features: Score = %v, want %v", got, sum)
		}
	}
}
