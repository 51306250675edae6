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

// Parameters of the signature. Bands × Rows = Hashes. With 16 bands of 8
// rows, a pair with Jaccard similarity s becomes a candidate with
// probability 1-(1-s^8)^16: 0.98 at s=0.7, 0.23 at s=0.5, 0.001 at s=0.3.
const (
	Hashes  = 128
	Bands   = 16
	Rows    = Hashes / Bands
	Shingle = 4 // words per shingle
)

// Threshold is the estimated Jaccard similarity above which two articles are copies.
const Threshold = 0.5

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint32

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
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	var ring [Shingle]uint64
	n := 0
	add := func(h uint64) {
		for i := range sig {
			v := uint32((h * seeds[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
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
	for i := range a {
		if a[i] == b[i] && a[i] != math.MaxUint32 {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns one key per LSH band; articles sharing a key are candidates.
func BandKeys(sig *Signature) []uint64 {
	keys := make([]uint64, Bands)
	var buf [4*Rows + 1]byte
	for b := 0; b < Bands; b++ {
		buf[0] = byte(b)
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], sig[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = h.Sum64()
	}
	return keys
}
