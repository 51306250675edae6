package sqlstore

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNameMatchIndexAgreesWithScan: the suffix-array lookup finds exactly
// the names a scan in stored order finds, each once, within the limit.
func TestNameMatchIndexAgreesWithScan(t *testing.T) {
	names := []string{"Donald Trump", "Trump administration", "Melania Trump", "Vladimir Putin", "Kremlin",
		"Trumpeters' Guild", "TRUMP", "Ukraine", "Ukrainian forces", "Über Trumpf", "Ана Трамп", "a", "aaaa"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		names = append(names, fmt.Sprintf("Name %c%c%c %d", 'a'+rng.IntN(5), 'a'+rng.IntN(5), 'a'+rng.IntN(5), i))
	}
	c := newNameSnapshot(names)
	for _, v := range []string{"trump", "TRUMP", "rump a", "putin", "zzz", "ukrain", "трамп", "aaa", "abc", "name a", "a", "", "p"} {
		for _, limit := range []int{0, 1, 2, 5, 1000} {
			got, want := c.match(v, limit), c.scan(lower(v), limit)
			if !slices.Equal(got, want) {
				t.Errorf("match(%q, %d) = %q, scan gives %q", v, limit, got, want)
			}
		}
	}
	if got := c.match("trump", 1000); len(got) != 6 {
		t.Errorf("trump: %q", got)
	}
}

func lower(s string) string {
	c := newNameSnapshot([]string{s})
	return c.joined[:len(c.joined)-1]
}
