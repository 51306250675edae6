package gazetteer

import "testing"

// BenchmarkParse measures loading the embedded index (decompression,
// parsing and the name index): the cost of the first Load in a process.
func BenchmarkParse(b *testing.B) {
	idx, _ := files.ReadFile("gazetteer.tsv")
	areas, _ := files.ReadFile("areas.tsv")
	states, _ := files.ReadFile("us_states.tsv")
	not, _ := files.ReadFile("notplaces.txt")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(idx, areas, states, not); err != nil {
			b.Fatal(err)
		}
	}
}
