// Package seqmodel is herald's sequence learner: hashed string features, an
// averaged perceptron trained for greedy left-to-right decoding, and a
// compact, deterministic binary model format.
//
// A Model is immutable after Load and safe for concurrent use by many
// goroutines. A Trainer is not safe for concurrent use.
package seqmodel

// Feature hashing: a feature is a template id plus one or more strings,
// hashed with 64-bit FNV-1a. Distinct features collide with probability
// about n²/2⁶⁴, which is negligible for the few million features of a model.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// H starts a feature hash for template t.
func H(t uint16) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(t & 0xff)
	h *= fnvPrime
	h ^= uint64(t >> 8)
	h *= fnvPrime
	return h
}

// S mixes string s into h, followed by a separator byte, so that ("ab","c")
// and ("a","bc") differ.
func S(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

// SB is S for a byte slice (no conversion, no allocation).
func SB(h uint64, s []byte) uint64 {
	for _, c := range s {
		h ^= uint64(c)
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

// B mixes one small value (a label id, a flag) into h.
func B(h uint64, b int) uint64 {
	h ^= uint64(b&0xffff) + 0x100
	h *= fnvPrime
	return h
}

// Fin finishes a hash: it never returns 0, the empty-slot marker of the table.
func Fin(h uint64) uint64 {
	// final avalanche (splitmix64 finaliser) so the low bits index well
	h ^= h >> 31
	h *= 0x7fb5d329728ea185
	h ^= h >> 27
	h *= 0x81dadef4bc2dd44d
	h ^= h >> 33
	if h == 0 {
		h = 1
	}
	return h
}

// F1 is the finished hash of template t with one string.
func F1(t uint16, a string) uint64 { return Fin(S(H(t), a)) }

// F2 is the finished hash of template t with two strings.
func F2(t uint16, a, b string) uint64 { return Fin(S(S(H(t), a), b)) }

// F3 is the finished hash of template t with three strings.
func F3(t uint16, a, b, c string) uint64 { return Fin(S(S(S(H(t), a), b), c)) }
