// Package dedup finds near-duplicate articles (syndicated copies of one wire
// story) with MinHash signatures over word shingles and locality-sensitive
// hashing bands. Everything here is pure and safe for concurrent use.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"unicode"
	"unicode/utf8"
)

// Parameters of the signature. Bands × Rows = Hashes. With 32 bands of 4
// rows, a pair with Jaccard similarity s becomes a candidate with
// probability 1-(1-s^4)^32: 0.999 at s=0.5, 0.87 at s=0.3, 0.23 at s=0.15;
// candidates are then verified on the whole signature.
const (
	Hashes  = 128
	Bands   = 32
	Rows    = Hashes / Bands
	Shingle = 4 // words per shingle
)

// Thresholds: two texts are copies when their estimated Jaccard similarity
// reaches Threshold, or when the shorter is contained in the longer to
// ContainThreshold (a short wire item with a byline and footer added).
const (
	Threshold        = 0.5
	ContainThreshold = 0.75
	minContainN      = 8 // shingles the shorter text needs for the containment rule
)

// Signature is the MinHash signature of a text and its number of shingles.
type Signature struct {
	Min [Hashes]uint32
	N   int
}

var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x | 1
	}
	return s
}()

// Sign returns the MinHash signature of text over lowercased word shingles.
// Texts of fewer words than a shingle get one shingle of all their words.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	var ring [Shingle]uint64
	n := 0
	add := func(h uint64) {
		sig.N++
		for i := range sig.Min {
			v := uint32((h * seeds[i]) >> 32)
			if v < sig.Min[i] {
				sig.Min[i] = v
			}
		}
	}
	shingle := func() uint64 {
		var h uint64 = 1469598103934665603
		for k := 0; k < Shingle; k++ {
			h ^= ring[(n+k)%Shingle]
			h *= 1099511628211
		}
		return h
	}
	words := 0
	forWords(text, func(w uint64) {
		ring[n%Shingle] = w
		n++
		words++
		if words >= Shingle {
			add(shingle())
		}
	})
	if words > 0 && words < Shingle {
		var h uint64 = 1469598103934665603
		for k := 0; k < words; k++ {
			h ^= ring[k]
			h *= 1099511628211
		}
		add(h)
	}
	return sig
}

// forWords calls fn with a hash of each lowercased word (letters and digits).
func forWords(text string, fn func(uint64)) {
	var h uint64
	in := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				h, in = 1469598103934665603, true
			}
			r = unicode.ToLower(r)
			h ^= uint64(r)
			h *= 1099511628211
			continue
		}
		if in {
			fn(h)
			in = false
		}
	}
	if in {
		fn(h)
	}
}

// Similarity estimates the Jaccard similarity of the texts behind a and b.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] && a.Min[i] != math.MaxUint32 {
			same++
		}
	}
	return float64(same) / Hashes
}

// Containment estimates how much of the shorter text's shingles the longer
// one holds, from the Jaccard estimate and the shingle counts.
func Containment(a, b *Signature) float64 {
	j := Similarity(a, b)
	small := min(a.N, b.N)
	if small == 0 {
		return 0
	}
	inter := j * float64(a.N+b.N) / (1 + j)
	return min(1, inter/float64(small))
}

// Score returns how strongly a and b look like copies (0–1) and whether they are copies.
func Score(a, b *Signature) (float64, bool) {
	j := Similarity(a, b)
	if j >= Threshold {
		return j, true
	}
	if min(a.N, b.N) >= minContainN {
		if c := Containment(a, b); c >= ContainThreshold {
			return c * Threshold / ContainThreshold, true
		}
	}
	return j, false
}

// Bytes encodes the signature for storage (4 bytes per hash, then N).
func (s *Signature) Bytes() []byte {
	b := make([]byte, 4*Hashes+4)
	for i, v := range s.Min {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	binary.LittleEndian.PutUint32(b[4*Hashes:], uint32(s.N))
	return b
}

// ParseSignature decodes Bytes' output.
func ParseSignature(b []byte) (Signature, bool) {
	var s Signature
	if len(b) != 4*Hashes+4 {
		return s, false
	}
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	s.N = int(binary.LittleEndian.Uint32(b[4*Hashes:]))
	return s, true
}

// BandKeys returns one key per LSH band; articles sharing a key are candidates.
func BandKeys(sig *Signature) []uint64 {
	keys := make([]uint64, Bands)
	var buf [4*Rows + 1]byte
	for b := 0; b < Bands; b++ {
		buf[0] = byte(b)
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], sig.Min[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = h.Sum64()
	}
	return keys
}
