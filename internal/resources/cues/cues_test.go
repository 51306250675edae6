package cues

import (
	"slices"
	"strings"
	"testing"
)

func TestLoadEmbedded(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word  string
		kind  Kind
		lemma string
	}{
		{"said", Verb, "say"}, {"told", Verb, "tell"}, {"warned", Verb, "warn"},
		{"stressed", Verb, "stress"}, {"confirmed", Verb, "confirm"}, {"claimed", Verb, "claim"},
		{"posted", Verb, "post"}, {"noted", Verb, "note"}, {"added", Verb, "add"},
		{"according", Prep, "according to"}, {"citing", Verb, "cite"},
		{"official", Anon, "official"}, {"reuters", Outlet, "reuters"},
	} {
		found := false
		for _, p := range l.Lookup(tc.word) {
			if p.Entry.Kind == tc.kind && p.Entry.Lemma == tc.lemma {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %v entry with lemma %q", tc.word, tc.kind, tc.lemma)
		}
	}
	if !l.Has("truth", Medium) && len(l.Lookup("truth")) == 0 {
		t.Error("truth social missing")
	}
	if l.Has("said", Anon) {
		t.Error("said is no anon noun")
	}
	// Longest phrase first.
	ps := l.Lookup("in")
	for i := 1; i < len(ps); i++ {
		if len(ps[i].Words) > len(ps[i-1].Words) {
			t.Fatalf("phrases for 'in' not longest first: %v", ps)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"say\tverb\n", "x.tsv:1:"},
		{"say\tverb\t0.9\n\nSay\tverb\t1\n", "x.tsv:3:1: entry"},
		{"say\tnoun\t0.9\n", "x.tsv:1:5: unknown kind"},
		{"say\tverb\t1.5\n", "x.tsv:1:10: weight"},
		{"say\tverb\t1\tloud\n", "x.tsv:1:12: unknown flag"},
		{"say\tverb\t1\n# c\nsay\tverb\t1\n", "x.tsv:3:1: duplicate"},
		{"ap\toutlet\t1\t-\taps\n", "x.tsv:1:15: forms are only for verbs"},
	} {
		_, err := Parse("x.tsv", []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.data, err, tc.want)
		}
	}
}

func TestInflect(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want []string
	}{
		{"warn", []string{"warn", "warns", "warned", "warning"}},
		{"note", []string{"note", "notes", "noted", "noting"}},
		{"deny", []string{"deny", "denies", "denied", "denying"}},
		{"stress", []string{"stress", "stresses", "stressed", "stressing"}},
		{"reply", []string{"reply", "replies", "replied", "replying"}},
		{"say", []string{"say", "says", "sayed", "saying"}},
		{"agree", []string{"agree", "agrees", "agreed", "agreeing"}},
	} {
		if got := Inflect(tc.v); !slices.Equal(got, tc.want) {
			t.Errorf("Inflect(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestParseForms(t *testing.T) {
	l, err := Parse("x.tsv", []byte("point out\tverb\t0.7\tspeech\n tell\tverb\t0.9\tspeech,tell\ttell,told\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps := l.Lookup("pointed")
	if len(ps) != 1 || !slices.Equal(ps[0].Words, []string{"pointed", "out"}) || ps[0].Entry.Lemma != "point" {
		t.Errorf("pointed: %+v", ps)
	}
	if ps := l.Lookup("told"); len(ps) != 1 || !ps[0].Entry.Tell {
		t.Errorf("told: %+v", ps)
	}
	if len(l.Lookup("tells")) != 0 {
		t.Error("explicit forms must replace regular ones")
	}
}
