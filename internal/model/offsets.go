package model

import (
	"fmt"
	"unicode/utf8"
)

// Offset encodings accepted by ConvertOffsets.
const (
	OffsetsUTF8      = "utf8"
	OffsetsCodepoint = "codepoint"
	OffsetsUTF16     = "utf16"
)

// ErrOffsets is returned for an unknown offset encoding.
var ErrOffsets = fmt.Errorf("model: unknown offsets encoding (want utf8, codepoint or utf16)")

// ConvertOffsets rewrites every offset of a (which must be in UTF-8 bytes) into
// the given encoding and sets a.Offsets. Text fields are unchanged. It is meant
// for output only: stages always work on UTF-8 byte offsets.
func (a *Analysis) ConvertOffsets(enc string) error {
	switch enc {
	case "", OffsetsUTF8:
		a.Offsets = OffsetsUTF8
		return nil
	case OffsetsCodepoint, OffsetsUTF16:
	default:
		return ErrOffsets
	}
	table := offsetTable(a.Text, enc == OffsetsUTF16)
	m := func(o int) int {
		if o < 0 {
			return o
		}
		if o >= len(table) {
			return int(table[len(table)-1])
		}
		return int(table[o])
	}
	ms := func(s *Span) {
		if s != nil {
			s.Start, s.End = m(s.Start), m(s.End)
		}
	}
	for i := range a.Blocks {
		b := &a.Blocks[i]
		b.Start, b.End = m(b.Start), m(b.End)
	}
	for i := range a.Sentences {
		s := &a.Sentences[i]
		s.Start, s.End = m(s.Start), m(s.End)
	}
	for i := range a.Tokens {
		t := &a.Tokens[i]
		t.Start, t.End = m(t.Start), m(t.End)
		for j := range t.Parts {
			ms(&t.Parts[j])
		}
	}
	for i := range a.Entities {
		for j := range a.Entities[i].Mentions {
			mm := &a.Entities[i].Mentions[j]
			mm.Start, mm.End = m(mm.Start), m(mm.End)
		}
	}
	for i := range a.Coref {
		c := &a.Coref[i]
		c.Start, c.End = m(c.Start), m(c.End)
	}
	for i := range a.Times {
		t := &a.Times[i]
		t.Start, t.End = m(t.Start), m(t.End)
	}
	for i := range a.Places {
		p := &a.Places[i]
		p.Start, p.End = m(p.Start), m(p.End)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Start, q.End = m(q.Start), m(q.End)
		for j := range q.Content {
			ms(&q.Content[j])
		}
		ms(q.SpeakerSpan)
		if q.Cue != nil {
			q.Cue.Start, q.Cue.End = m(q.Cue.Start), m(q.Cue.End)
		}
	}
	for i := range a.Events {
		e := &a.Events[i]
		ms(e.Condition)
		for j := range e.Mentions {
			em := &e.Mentions[j]
			em.Start, em.End = m(em.Start), m(em.End)
			em.Trigger.Start, em.Trigger.End = m(em.Trigger.Start), m(em.Trigger.End)
		}
	}
	a.Offsets = enc
	return nil
}

// offsetTable maps every byte offset 0..len(text) to a code point or UTF-16
// unit offset. Offsets inside a multi-byte character map to its start.
func offsetTable(text string, utf16 bool) []int32 {
	t := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			t[i+k] = n
		}
		if utf16 && r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	t[len(text)] = n
	return t
}
