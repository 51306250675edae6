package tag

import (
	"os"
	"strings"
	"testing"

	"herald/internal/seqmodel"
)

// splitSimple is a test tokeniser: whitespace, with punctuation split off
// word ends and 's split.
func splitSimple(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		var ws []string
		seqmodel.SplitWords(line, func(w string) { ws = append(ws, w) })
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

func loadFixture(tb testing.TB) [][]string {
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return splitSimple(string(b))
}

func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := loadFixture(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	pos := make([]string, 1000)
	ch := make([]string, 1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s, pos[:len(s)], ch[:len(s)])
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
