package eval

import (
	"strings"
	"testing"
)

func TestCoNLLSpans(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"B-PER I-PER O B-LOC", "PER:0-2 LOC:3-4"},
		{"I-ORG I-ORG O", "ORG:0-2"},         // IOB1 start
		{"B-PER I-LOC", "PER:0-1 LOC:1-2"},   // type change
		{"B-PER B-PER", "PER:0-1 PER:1-2"},   // adjacent
		{"O O", ""},                          // nothing
		{"B-MISC I-MISC I-MISC", "MISC:0-3"}, // to the end
		{"B-NP I-NP B-VP B-NP", "NP:0-2 VP:2-3 NP:3-4"},
	}
	for _, c := range cases {
		var parts []string
		for _, s := range CoNLLSpans(strings.Fields(c.in)) {
			parts = append(parts, s.Type+":"+conllItoa(s.Start)+"-"+conllItoa(s.End))
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("CoNLLSpans(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

func conllItoa(i int) string { return string(rune('0' + i)) }

func TestCoNLLScore(t *testing.T) {
	s := NewCoNLLScore()
	s.Add(strings.Fields("B-PER I-PER O B-LOC O"), strings.Fields("B-PER I-PER O B-ORG O"))
	s.Add(strings.Fields("B-ORG O"), strings.Fields("B-ORG B-MISC"))
	if s.All.Gold != 3 || s.All.Pred != 4 || s.All.Correct != 2 {
		t.Fatalf("counts %+v", s.All)
	}
	if p, r := s.All.P(), s.All.R(); p != 0.5 || r != 2.0/3 {
		t.Errorf("P %v R %v", p, r)
	}
	if f := s.ByType["LOC"].F1(); f != 0 {
		t.Errorf("LOC F1 %v, want 0", f)
	}
	var b strings.Builder
	s.Report(&b, "type")
	if !strings.Contains(b.String(), "overall") || !strings.Contains(b.String(), "PER") {
		t.Errorf("report: %s", b.String())
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n"
	docs, err := ReadCoNLL(strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || docs[0].Sentences[0].Words[1] != "rejects" ||
		docs[0].Sentences[0].NER[0] != "B-ORG" || docs[1].Sentences[0].Chunk[0] != "B-NP" {
		t.Fatalf("parsed %+v", docs)
	}
	if _, err := ReadCoNLL(strings.NewReader("EU NNP\n"), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("error %v should name bad.txt:1", err)
	}
}

func TestToCoNLLLabel(t *testing.T) {
	for in, want := range map[string]string{"B-GPE": "B-LOC", "I-NORP": "I-MISC", "B-PER": "B-PER", "O": "O", "I-LOC": "I-LOC"} {
		if got := ToCoNLLLabel(in); got != want {
			t.Errorf("ToCoNLLLabel(%s) = %s, want %s", in, got, want)
		}
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, se := range d.Sentences {
				if len(se.Words) != len(se.NER) || len(se.Words) != len(se.POS) {
					t.Fatal("layers differ in length")
				}
				CoNLLSpans(se.NER)
			}
		}
	})
}
