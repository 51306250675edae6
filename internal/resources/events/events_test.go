package events

import (
	"strings"
	"testing"

	"herald/internal/resources"
)

func TestLoad(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lemma, typ string
		pos        byte
	}{{"meeting", "CONSULT", 'N'}, {"tariff", "SANCTION", 'N'}, {"threaten", "THREATEN", 'V'}, {"reposition", "MOBILIZE", 'V'}, {"agree", "AGREE", 'V'}}
	for _, tc := range tests {
		found := false
		for _, e := range d.Candidates(tc.lemma) {
			if e.Type == tc.typ && e.POS == tc.pos {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s entry", tc.lemma, tc.typ)
		}
	}
	if s, ok := d.Score("CONSULT", "visit"); !ok || s.Intensity != 4 || s.Quad != 1 {
		t.Errorf("CONSULT/visit = %+v", s)
	}
	if s, ok := d.Score("ASSAULT", "no-such-mode"); !ok || s.Intensity != -9 {
		t.Errorf("fallback to type score: %+v", s)
	}
	if len(d.Types()) != 16 {
		t.Errorf("types: %v", d.Types())
	}
}

func TestParseErrorsAreLocated(t *testing.T) {
	scores := []byte("ASSAULT\t-\t-9\t4\t180\t-9.0\n")
	tests := []struct{ lex, scores, want string }{
		{"attack\tX\tASSAULT\t-\t-\t180\t-9\t-\n", string(scores), "events/lexicon.tsv:1:"},
		{"# c\nattack\tV\tASSAULT\t-\t-\t180\tbig\t-\n", string(scores), "events/lexicon.tsv:2:"},
		{"attack\tV\tASSAULT\t-\t-\t180\t-9\tloud\n", string(scores), "events/lexicon.tsv:1:"},
		{"attack\tV\tCHEER\t-\t-\t180\t-9\t-\n", string(scores), "events/lexicon.tsv:1:"},
		{"hold off\tS\t-\t-\t-\t-\t0\t-\n", string(scores), "events/lexicon.tsv:1:"},
		{"attack\tV\tASSAULT\t-\t-\t180\t-9\t-\n", "ASSAULT\t-\t-9\t7\n", "events/scores.tsv:1:"},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.lex), []byte(tc.scores))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want prefix %s", tc.lex, err, tc.want)
		}
	}
	d, err := Parse([]byte("hold\tS\t-\t-\t-\t-\t0\t-\nphone\tN\tASSAULT\t-\t-\t180\t-9\t-\nphone call\tN\tASSAULT\t-\t-\t180\t-9\t-\n"), scores)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Support("hold") || d.Support("phone") || len(d.Candidates("phone")[0].Words) != 2 {
		t.Errorf("support verbs or longest-first order wrong")
	}
	if s, _ := d.Score("ASSAULT", ""); s.CAMEO != "180" || s.Goldstein != -9 {
		t.Errorf("type score %+v", s)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("attack\tV\tASSAULT\t-\t-\t180\t-9\t-\n"), []byte("ASSAULT\t-\t-9\t4\t180\t-9.0\n"))
	f.Add([]byte("hold\tS\t-\t-\t-\t-\t0\tprep:on,future\n"), []byte("# x\n"))
	f.Fuzz(func(t *testing.T, lex, sc []byte) {
		d, err := Parse(lex, sc)
		if err != nil {
			if _, ok := err.(*resources.Error); !ok {
				t.Fatalf("unlocated error %T %v", err, err)
			}
			return
		}
		for _, typ := range d.Types() {
			if _, ok := d.Score(typ, ""); !ok {
				t.Fatalf("type %s without score", typ)
			}
		}
	})
}
