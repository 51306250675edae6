package timex

import (
	"testing"
	"time"
)

func TestShiftByMonthFromMonthEnd(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		from string
		n    int
		dir  int
		want string
	}{
		{"2025-10-31", 1, past, "2025-09"},
		{"2006-03-31", 1, future, "2006-04"},
		{"2025-01-31", 1, future, "2025-02"},
		{"2025-08-07", 2, past, "2025-06"},
		{"2025-12-15", 1, future, "2026-01"},
	} {
		if got, typ := shiftBy(d(c.from), c.n, "M", c.dir); got != c.want || typ != "DATE" {
			t.Errorf("shiftBy(%s, %d months, %d) = %s %s, want %s DATE", c.from, c.n, c.dir, got, typ, c.want)
		}
	}
}
