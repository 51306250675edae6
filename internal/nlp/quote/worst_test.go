package quote

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputIsLinearEnough guards against quadratic blow-ups on long
// texts full of quotations.
func TestLargeInputIsLinearEnough(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	text := strings.Repeat("“We will win,” Lopez said. “And then,” she added, “we rest.” ", 400)
	a := build(t, text, people, nil)
	start := time.Now()
	qs := Extract(lexicon(t), a)
	if d := time.Since(start); d > time.Second {
		t.Errorf("%d tokens took %v", len(a.Tokens), d)
	}
	if len(qs) < 400 {
		t.Errorf("got %d quotes", len(qs))
	}
}
