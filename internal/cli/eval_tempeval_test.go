package cli

import (
	"strings"
	"testing"
)

func TestTempevalContext(t *testing.T) {
	text := "Police said\nFriday that two men — both from Nairobi — were held."
	s := strings.Index(text, "Friday")
	got := tempevalContext(text, s, s+len("Friday"))
	if want := "Police said [[Friday]] that two men — both from Nairobi — were held."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	long := strings.Repeat("é", 100) + "Monday" + strings.Repeat("ü", 100)
	s = strings.Index(long, "Monday")
	got = tempevalContext(long, s, s+6)
	if !strings.Contains(got, "[[Monday]]") || !strings.HasPrefix(got, "é") || !strings.HasSuffix(got, "ü") {
		t.Errorf("cut inside a rune or lost the expression: %q", got)
	}
	if got := tempevalContext("abc", 2, 9); got != "" {
		t.Errorf("out of range: got %q", got)
	}
}
