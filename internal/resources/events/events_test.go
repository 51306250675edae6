package events

import "testing"

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
