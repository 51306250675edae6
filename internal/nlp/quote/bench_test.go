package quote

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkExtract measures the quote stage alone on a realistic news
// article (tokens/s is the speed figure).
func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(data)+"\n", 4)
	a := build(b, text, people, nil)
	lex := lexicon(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		qs := Extract(lex, a)
		n += len(a.Tokens)
		if len(qs) == 0 {
			b.Fatal("no quotes")
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
