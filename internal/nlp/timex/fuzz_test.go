package timex

import (
	"regexp"
	"sort"
	"testing"
)

// wellFormed matches the TIMEX3 values the stage may produce.
var wellFormed = regexp.MustCompile(`^(` +
	`PRESENT_REF|PAST_REF|FUTURE_REF|` +
	`(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?(T(\d{2}(:\d{2})?|MO|AF|EV|NI|XX))?|` +
	`(\d{4}|XXXX)-(W(\d{2}|XX)(-(\d|WE))?|Q[1-4X]|H[12]|SP|SU|FA|WI)(T(MO|AF|EV|NI))?|` +
	`\d{1,3}|XXX|` +
	`XXXX-WXX-\d(T(MO|AF|EV|NI|\d{2}:\d{2}))?|XXXX-WXX-WE|TXX(MO|AF|EV|NI)|` +
	`P(T)?X(Y|M|W|D|H|S|Q|WE|DE|CE|ML)|P(\d+(Y|M|W|D|Q|WE|DE|CE|ML))*(T(\d+(H|M|S))+)?` +
	`)$`)

func checkInvariants(t *testing.T, text string, times []timeLike) {
	t.Helper()
	if !sort.SliceIsSorted(times, func(i, j int) bool { return times[i].Start < times[j].Start }) {
		t.Fatalf("not sorted by start: %+v", times)
	}
	prevEnd := 0
	for _, x := range times {
		if x.Start < 0 || x.Start >= x.End || x.End > len(text) {
			t.Fatalf("bad span %d-%d in %d bytes", x.Start, x.End, len(text))
		}
		if x.Start < prevEnd {
			t.Fatalf("overlapping spans at %d", x.Start)
		}
		prevEnd = x.End
		if text[x.Start:x.End] != x.Text {
			t.Fatalf("text %q != span %q", x.Text, text[x.Start:x.End])
		}
		if !wellFormed.MatchString(x.Value) {
			t.Fatalf("ill-formed value %q for %q (%s)", x.Value, x.Text, x.Rule)
		}
		switch x.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Fatalf("bad type %q", x.Type)
		}
		if x.Rule == "" {
			t.Fatalf("no rule for %q", x.Text)
		}
	}
}

type timeLike = struct {
	ID, Text, Type, Value, Mod, Rule string
	Start, End                       int
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The Kremlin confirmed Thursday that talks are underway, and a deal is due by Friday.",
		"Sales rose 5% in the third quarter of 1989, vs. a year earlier; the year-ago quarter was flat.",
		"At 10:30 a.m. EDT Friday, Aug. 7, 1998, two bombs exploded. 8/7/98 — the '90s; mid-1990s.",
		"every other week, each Friday night, $5 a year, the past 20 years, two-hour, 10-year-old",
		"Earlier this month; late July; the end of 1990; in early June last year; nineteen ninety-six",
		"May, March, fall, spring: ambiguous; 2025-08-07 2025-13-45 99/99/99 ’90s",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	if _, err := New(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		pub := ""
		if dated {
			pub = "2025-08-07"
		}
		a := analysis(text, pub)
		a.Blocks, a.Sentences = nil, nil // the whole text as one region
		lex, err := lexicon()
		if err != nil {
			t.Fatal(err)
		}
		got := extract(a, lex)
		conv := make([]timeLike, len(got))
		for i, x := range got {
			conv[i] = timeLike{x.ID, x.Text, x.Type, x.Value, x.Mod, x.Rule, x.Start, x.End}
		}
		checkInvariants(t, text, conv)
	})
}
