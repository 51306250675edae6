package event

import (
	"context"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
)

// build makes an analysis of one sentence: tokens split on spaces (a token
// "word/TAG/lemma" sets its POS and lemma), and entities named by their
// surface text, in order E1, E2, ….
func build(t testing.TB, tagged string, ents ...string) *model.Analysis {
	t.Helper()
	a := &model.Analysis{PublishedDate: time.Date(2025, 8, 7, 0, 0, 0, 0, time.UTC), Doc: model.Doc{Language: "en"}}
	var text strings.Builder
	for i, f := range strings.Fields(tagged) {
		parts := strings.Split(f, "/")
		if i > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(parts[0])
		tok := model.Token{Start: start, End: text.Len(), Text: parts[0]}
		if len(parts) > 1 {
			tok.POS = parts[1]
		}
		if len(parts) > 2 {
			tok.Lemma = parts[2]
		}
		a.Tokens = append(a.Tokens, tok)
	}
	a.Text = text.String()
	a.Blocks = []model.Block{{Start: 0, End: len(a.Text), Kind: model.BlockParagraph}}
	a.Sentences = []model.Sentence{{Start: 0, End: len(a.Text), TokenEnd: len(a.Tokens)}}
	for i, e := range ents {
		typ := model.TypeGPE
		if strings.HasPrefix(e, "PER:") {
			typ, e = model.TypePER, strings.TrimPrefix(e, "PER:")
		}
		k := strings.Index(a.Text, e)
		if k < 0 {
			t.Fatalf("entity %q not in %q", e, a.Text)
		}
		a.Entities = append(a.Entities, model.Entity{ID: "E" + string(rune('1'+i)), Name: e, Type: typ,
			Mentions: []model.Mention{{Start: k, End: k + len(e), Text: e}}})
	}
	return a
}

func TestLexiconEvents(t *testing.T) {
	s0, err := New()
	if err != nil {
		t.Fatal(err)
	}
	st := s0.(*Stage).WithModel(nil)
	tests := []struct {
		name, sentence string
		ents           []string
		typ, modality  string
		actors, recips string
		condition      string
	}{
		{"assault", "Russian/JJ forces/NNS struck/VBD/strike Kharkiv/NNP on/IN Tuesday/NNP ./.", []string{"Russian forces", "Kharkiv"}, "ASSAULT", "asserted", "E1", "E2", ""},
		{"passive by-phrase", "Overnight/JJ strikes/NNS/strike by/IN Russian/JJ forces/NNS hit/VBD a/DT centre/NN in/IN Ukraine/NNP ./.", []string{"Russian forces", "Ukraine"}, "ASSAULT", "asserted", "E1", "E2", ""},
		{"tariff on", "PER:Trump/NNP announced/VBD/announce a/DT 50/CD per/NN cent/NN tariff/NN on/IN India/NNP ./.", []string{"PER:Trump", "India"}, "SANCTION", "asserted", "E1", "E2", ""},
		{"threat with condition", "The/DT United/NNP States/NNPS has/VBZ/have threatened/VBN/threaten new/JJ sanctions/NNS/sanction against/IN Russia/NNP if/IN a/DT ceasefire/NN is/VBZ/be not/RB reached/VBN/reach by/IN Friday/NNP ./.",
			[]string{"The United States", "Russia"}, "THREATEN", "asserted", "E1", "E2", "if a ceasefire is not reached by Friday"},
		{"negated", "Moscow/NNP did/VBD/do not/RB attack/VB Kyiv/NNP ./.", []string{"Moscow", "Kyiv"}, "ASSAULT", "negated", "E1", "E2", ""},
		{"noun with possessive", "PER:Witkoff/NNP 's/POS three-hour/JJ meeting/NN with/IN PER:Putin/NNP was/VBD/be productive/JJ ./.", []string{"PER:Witkoff", "PER:Putin"}, "CONSULT", "asserted", "E1", "E2", ""},
		{"hypothetical", "PER:Medvedev/NNP said/VBD/say Russia/NNP could/MD attack/VB the/DT United/NNP States/NNPS ./.", []string{"PER:Medvedev", "Russia", "the United States"}, "ASSAULT", "hypothetical", "E2", "E3", ""},
		{"future", "Ukraine/NNP will/MD meet/VB Russia/NNP in/IN Istanbul/NNP ./.", []string{"Ukraine", "Russia"}, "CONSULT", "future", "E1", "E2", ""},
		{"hypothetical outranks future", "Russia/NNP is/VBZ/be more/RBR inclined/JJ to/TO agree/VB/agree with/IN Ukraine/NNP ./.", []string{"Russia", "Ukraine"}, "AGREE", "hypothetical", "E1", "E2", ""},
	}
	for _, tc := range tests {
		a := build(t, tc.sentence, tc.ents...)
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got *model.Event
		for i := range a.Events {
			if a.Events[i].Type == tc.typ {
				got = &a.Events[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no %s event in %+v", tc.name, tc.typ, a.Events)
			continue
		}
		if got.Modality != tc.modality || strings.Join(got.Actors, ",") != tc.actors || strings.Join(got.Recipients, ",") != tc.recips {
			t.Errorf("%s: modality %s actors %v recipients %v, want %s %s %s", tc.name, got.Modality, got.Actors, got.Recipients, tc.modality, tc.actors, tc.recips)
		}
		cond := ""
		if got.Condition != nil {
			cond = a.Text[got.Condition.Start:got.Condition.End]
		}
		if cond != tc.condition {
			t.Errorf("%s: condition %q, want %q", tc.name, cond, tc.condition)
		}
		if got.Quad == 0 || got.CAMEO == "" || got.Rule == "" || got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("%s: incomplete coding %+v", tc.name, got)
		}
	}
}

func TestMergesRepeatedEvent(t *testing.T) {
	s0, _ := New()
	st := s0.(*Stage).WithModel(nil)
	a := build(t, "Russia/NNP attacked/VBD/attack Ukraine/NNP ./. Russia/NNP attacked/VBD/attack Ukraine/NNP again/RB ./.", "Russia", "Ukraine")
	a.Sentences = []model.Sentence{{Start: 0, End: 24, TokenEnd: 4}, {Start: 25, End: len(a.Text), TokenStart: 4, TokenEnd: len(a.Tokens)}}
	// Second mentions of the entities.
	a.Entities[0].Mentions = append(a.Entities[0].Mentions, model.Mention{Start: 25, End: 31, Text: "Russia"})
	a.Entities[1].Mentions = append(a.Entities[1].Mentions, model.Mention{Start: 41, End: 48, Text: "Ukraine"})
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Events) != 1 || len(a.Events[0].Mentions) != 2 || a.Events[0].ID != "V1" {
		t.Fatalf("events: %+v", a.Events)
	}
}

func TestClassifierLearns(t *testing.T) {
	var exs []Example
	for i := 0; i < 20; i++ {
		exs = append(exs, Example{Words: strings.Fields("x condemned y"), SrcStart: 0, SrcEnd: 1, TgtStart: 2, TgtEnd: 3, Label: "ACCUSE"},
			Example{Words: strings.Fields("x bombed y"), SrcStart: 0, SrcEnd: 1, TgtStart: 2, TgtEnd: 3, Label: "ASSAULT"})
	}
	c := Train(exs, 5, 1, false, nil)
	if l, conf := c.Predict(Example{Words: strings.Fields("x bombed y"), SrcStart: 0, SrcEnd: 1, TgtStart: 2, TgtEnd: 3}, nil); l != "ASSAULT" || conf <= 0.5 {
		t.Errorf("predict = %s %.2f", l, conf)
	}
	data, _ := c.Marshal()
	back, err := ParseClassifier(data)
	if err != nil || len(back.Weights) != len(c.Weights) {
		t.Fatalf("roundtrip: %v", err)
	}
	if _, err := ParseClassifier([]byte(`{"labels":["A","B"],"weights":{"f":[1]}}`)); err == nil {
		t.Error("bad weights accepted")
	}
}
