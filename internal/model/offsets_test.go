package model

import "testing"

func TestConvertOffsets(t *testing.T) {
	text := "Zelenskyy’s 😀 war"
	// byte offsets: "’" is 3 bytes, "😀" is 4 bytes.
	a := &Analysis{Text: text, Blocks: []Block{{Start: 0, End: len(text), Kind: BlockParagraph}},
		Times: []Time{{Start: 19, End: 22, Text: "war"}}}
	if got := text[19:22]; got != "war" {
		t.Fatalf("fixture: %q", got)
	}
	tests := []struct {
		enc        string
		start, end int
	}{
		{OffsetsUTF8, 19, 22},
		{OffsetsCodepoint, 14, 17},
		{OffsetsUTF16, 15, 18},
	}
	for _, tc := range tests {
		b := *a
		b.Times = append([]Time(nil), a.Times...)
		b.Blocks = append([]Block(nil), a.Blocks...)
		if err := b.ConvertOffsets(tc.enc); err != nil {
			t.Fatal(err)
		}
		if b.Times[0].Start != tc.start || b.Times[0].End != tc.end || b.Offsets != tc.enc {
			t.Errorf("%s: got [%d,%d) %s, want [%d,%d)", tc.enc, b.Times[0].Start, b.Times[0].End, b.Offsets, tc.start, tc.end)
		}
	}
	if err := a.ConvertOffsets("latin1"); err == nil {
		t.Error("unknown encoding accepted")
	}
}
