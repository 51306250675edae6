package segment

import (
	"os"
	"path/filepath"
	"testing"
)

func benchText(b *testing.B) string {
	raw, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

// BenchmarkSegment segments the seed article (blocks, sentences, tokens)
// and reports bytes/s and tokens/s.
func BenchmarkSegment(b *testing.B) {
	sg := mustDefault(b)
	text := benchText(b)
	ntok := len(sg.Segment(text, nil).Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sg.Segment(text, nil)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenize measures the tokenizer alone on the seed article.
func BenchmarkTokenize(b *testing.B) {
	sg := mustDefault(b)
	text := benchText(b)
	ntok := len(sg.Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sg.Tokenize(text)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
