package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestReadPLVAndGSR(t *testing.T) {
	dir := t.TempDir()
	plv := "sentence_id\tgold_penta\tgold_root\tsentence\tmarked_sentence\tsource\ttarget\n" +
		"7\t3\tACCUSE\tMoscow blamed Kyiv.\t<s>Moscow</s> blamed <t>Kyiv</t>.\tMoscow\tKyiv\n" +
		"9\t1\tYIELD\tRebels freed \"two\" hostages.\tx\tRebels\thostages\n"
	if err := os.WriteFile(filepath.Join(dir, "p.tsv"), []byte(plv), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadPLV(filepath.Join(dir, "p.tsv"))
	if err != nil || len(rows) != 2 || rows[0].Gold != "ACCUSE" || rows[1].Sentence != `Rebels freed "two" hostages.` || rows[0].Source != "Moscow" {
		t.Fatalf("rows %+v, %v", rows, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.tsv"), []byte("id\tsentence\n1\tx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPLV(filepath.Join(dir, "bad.tsv")); err == nil {
		t.Error("missing columns accepted")
	}
	gsr := `[{"id":"D","event":"DOCUMENT","text":"x"},
{"id":"A1","event":"DEMAND","text":"Paris demanded Rome act.","source":[{"actorText":"Paris"}],"target":[{"actorText":"Rome"}]},
{"id":"A2","event":"AGREE","text":"no target","source":"Paris"}]`
	if err := os.WriteFile(filepath.Join(dir, "g.json"), []byte(gsr), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := ReadGSR(filepath.Join(dir, "g.json"))
	if err != nil || len(g) != 1 || g[0].Gold != "REQUEST" || g[0].Target != "Rome" {
		t.Fatalf("gsr %+v, %v", g, err)
	}
}

func TestScoreLabels(t *testing.T) {
	gold := []string{"ASSAULT", "ASSAULT", "YIELD", "YIELD", "ACCUSE"}
	pred := []string{"ASSAULT", "ACCUSE", "RETREAT", "", "ACCUSE"}
	s := ScoreLabels(gold, pred)
	if s.Accuracy != 0.6 || s.N != 5 {
		t.Errorf("accuracy %v", s.Accuracy)
	}
	// ASSAULT P=1 R=.5 F=.667; YIELD P=1 R=.5 F=.667; ACCUSE P=.5 R=1 F=.667.
	if math.Abs(s.MacroF1-2.0/3) > 1e-9 {
		t.Errorf("macro F1 %v", s.MacroF1)
	}
	if !PLVCorrect("YIELD", "CONCEDE") || PLVCorrect("ACCUSE", "REJECT") {
		t.Error("PLVCorrect")
	}
}

func TestSpanOf(t *testing.T) {
	for _, tc := range []struct {
		s, n       string
		start, end int
		ok         bool
	}{{"The FBI sued", "FBI", 4, 7, true}, {"the fbi sued", "FBI", 4, 7, true}, {"x", "", 0, 0, false}, {"x", "y", 0, 0, false}} {
		s, e, ok := SpanOf(tc.s, tc.n)
		if s != tc.start || e != tc.end || ok != tc.ok {
			t.Errorf("SpanOf(%q, %q) = %d %d %v", tc.s, tc.n, s, e, ok)
		}
	}
}
