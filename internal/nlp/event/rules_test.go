package event

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"herald/internal/model"
)

// lexStage is the stage without its classifier.
func lexStage(t testing.TB) *Stage {
	t.Helper()
	s0, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s0.(*Stage).WithModel(nil)
}

// clause adds a clause over token indexes: subject [ss, se), verb head v
// with lemma and voice, objects and "prep object" pairs given as
// [start, end) ranges; prep p attaches object [ps, pe).
func clause(a *model.Analysis, ss, se, v int, lemma, voice string, objs [][2]int, preps [][3]int) {
	c := model.Clause{Sentence: 0, Start: 0, End: len(a.Tokens), Subject: model.Phrase{Start: ss, End: se, Head: se - 1},
		Verb:   model.VerbGroup{Phrase: model.Phrase{Start: v, End: v + 1, Head: v}, Lemma: lemma, Voice: voice, Tense: "past"},
		Parent: -1, Kind: "main", Marker: -1}
	for _, o := range objs {
		c.Objects = append(c.Objects, model.Phrase{Start: o[0], End: o[1], Head: o[1] - 1})
	}
	for _, p := range preps {
		c.Preps = append(c.Preps, model.PrepPhrase{Prep: p[0], Object: model.Phrase{Start: p[1], End: p[2], Head: p[2] - 1}})
	}
	a.Clauses = append(a.Clauses, c)
}

func eventOf(a *model.Analysis, typ string) *model.Event {
	for i := range a.Events {
		if a.Events[i].Type == typ {
			return &a.Events[i]
		}
	}
	return nil
}

func TestSupportVerbNoun(t *testing.T) {
	st := lexStage(t)
	// Canada/0 launched/1 an/2 investigation/3 into/4 Iran/5 ./6
	a := build(t, "Canada/NNP launched/VBD/launch an/DT investigation/NN into/IN Iran/NNP ./.", "Canada", "Iran")
	clause(a, 0, 1, 1, "launch", "active", [][2]int{{2, 4}}, [][3]int{{4, 5, 6}})
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ev := eventOf(a, "ACCUSE")
	if ev == nil || strings.Join(ev.Actors, ",") != "E1" || strings.Join(ev.Recipients, ",") != "E2" {
		t.Fatalf("investigation: %+v", a.Events)
	}
}

func TestNounObjectOfOtherVerbHasNoGuessedActor(t *testing.T) {
	st := lexStage(t)
	// Zelenskyy/0 described/1 the/2 attack/3 as/4 cruel/5 ./6
	a := build(t, "Zelenskyy/NNP described/VBD/describe the/DT attack/NN as/IN cruel/JJ ./.", "PER:Zelenskyy")
	clause(a, 0, 1, 1, "describe", "active", [][2]int{{2, 4}}, nil)
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// Without participants and with no earlier attack to refer to, the
	// attack is not coded at all.
	if ev := eventOf(a, "ASSAULT"); ev != nil {
		t.Fatalf("the attack is not Zelenskyy's: %+v", a.Events)
	}
}

func TestDefiniteEventNounRefersBack(t *testing.T) {
	st := lexStage(t)
	// Russia/0 attacked/1 Ukraine/2 ./3 Zelenskyy/4 described/5 the/6 attack/7 ./8 A/9 summit/10 ./11
	a := build(t, "Russia/NNP attacked/VBD/attack Ukraine/NNP ./. Zelenskyy/NNP described/VBD/describe the/DT attack/NN ./. A/DT summit/NN ./.", "Russia", "Ukraine", "PER:Zelenskyy")
	a.Sentences = []model.Sentence{{Start: 0, End: 24, TokenEnd: 4}, {Start: 25, End: 54, TokenStart: 4, TokenEnd: 9}, {Start: 55, End: len(a.Text), TokenStart: 9, TokenEnd: len(a.Tokens)}}
	clause(a, 0, 1, 1, "attack", "active", [][2]int{{2, 3}}, nil)
	c := model.Clause{Sentence: 1, Start: 4, End: 9, Subject: model.Phrase{Start: 4, End: 5, Head: 4},
		Verb: model.VerbGroup{Phrase: model.Phrase{Start: 5, End: 6, Head: 5}, Lemma: "describe", Voice: "active"}, Parent: -1, Kind: "main", Marker: -1,
		Objects: []model.Phrase{{Start: 6, End: 8, Head: 7}}}
	a.Clauses = append(a.Clauses, c)
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// The attack is the first sentence's; the bare indefinite summit is dropped.
	if len(a.Events) != 1 || len(a.Events[0].Mentions) != 2 || strings.Join(a.Events[0].Actors, ",") != "E1" {
		t.Fatalf("events: %+v", a.Events)
	}
}

func TestBetweenIsOneCompoundEventMergedWithWith(t *testing.T) {
	st := lexStage(t)
	text := "A/DT meeting/NN on/IN Wednesday/NNP between/IN Trump/NNP 's/POS envoy/NN Witkoff/NNP and/CC Putin/NNP ended/VBD/end ./. " +
		"Witkoff/NNP 's/POS meeting/NN with/IN Putin/NNP was/VBD/be productive/JJ ./."
	a := build(t, text, "PER:Trump", "PER:Witkoff", "PER:Putin")
	cut := strings.Index(a.Text, " Witkoff 's")
	a.Sentences = []model.Sentence{{Start: 0, End: cut, TokenEnd: 12}, {Start: cut + 1, End: len(a.Text), TokenStart: 12, TokenEnd: len(a.Tokens)}}
	for i, name := range []string{"Witkoff", "Putin"} {
		k := cut + 1 + strings.Index(a.Text[cut+1:], name)
		a.Entities[i+1].Mentions = append(a.Entities[i+1].Mentions, model.Mention{Start: k, End: k + len(name), Text: name})
	}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	var consult []model.Event
	for _, e := range a.Events {
		if e.Type == "CONSULT" {
			consult = append(consult, e)
		}
	}
	if len(consult) != 1 || len(consult[0].Mentions) != 2 {
		t.Fatalf("want one CONSULT with two mentions, got %+v", consult)
	}
	all := append(append([]string(nil), consult[0].Actors...), consult[0].Recipients...)
	if strings.Join(all, ",") != "E2,E3" {
		t.Errorf("participants %v, want Witkoff and Putin only (Trump's is a modifier)", all)
	}
}

func TestRecipientsCoordinatedAfterPreposition(t *testing.T) {
	st := lexStage(t)
	a := build(t, "Trump/NNP is/VBZ/be open/JJ to/TO meeting/NN with/IN both/DT President/NNP Putin/NNP and/CC President/NNP Zelensky/NNP ./.",
		"PER:Trump", "PER:Putin", "PER:Zelensky")
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ev := eventOf(a, "CONSULT")
	if ev == nil || strings.Join(ev.Recipients, ",") != "E2,E3" {
		t.Fatalf("recipients: %+v", a.Events)
	}
}

func TestAgreedMeetingIsAgreeNotConsult(t *testing.T) {
	st := lexStage(t)
	// Talks/0 between/1 Russia/2 and/3 Ukraine/4 ./5 A/6 meeting/7 has/8 been/9 agreed/10 ./11
	a := build(t, "Talks/NNS/talk between/IN Russia/NNP and/CC Ukraine/NNP ./. A/DT meeting/NN has/VBZ/have been/VBN/be agreed/VBN/agree ./.", "Russia", "Ukraine")
	a.Sentences = []model.Sentence{{Start: 0, End: 33, TokenEnd: 6}, {Start: 34, End: len(a.Text), TokenStart: 6, TokenEnd: len(a.Tokens)}}
	c := model.Clause{Sentence: 1, Start: 6, End: 12, Subject: model.Phrase{Start: 6, End: 8, Head: 7},
		Verb: model.VerbGroup{Phrase: model.Phrase{Start: 8, End: 11, Head: 10}, Lemma: "agree", Voice: "passive"}, Parent: -1, Kind: "main", Marker: -1}
	a.Clauses = []model.Clause{c}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// The agreed meeting is no second CONSULT; its participants agree.
	ag := eventOf(a, "AGREE")
	if ag == nil || strings.Join(ag.Actors, ",") != "E1,E2" || len(a.Events) != 2 {
		t.Fatalf("events: %+v", a.Events)
	}
}

func TestMergeKeepsCondition(t *testing.T) {
	cond := &model.Span{Start: 3, End: 9}
	fs := []found{
		{ev: model.Event{Type: "THREATEN", Actors: []string{"E1"}, Recipients: []string{"E2"}}, mention: model.EventMention{Trigger: model.TextSpan{Start: 0}}},
		{ev: model.Event{Type: "THREATEN", Actors: []string{"E1"}, Recipients: []string{"E2"}, Condition: cond}, mention: model.EventMention{Sentence: 1, Trigger: model.TextSpan{Start: 20}}},
		{ev: model.Event{Type: "THREATEN", Actors: []string{"E2"}, Recipients: []string{"E1"}}, mention: model.EventMention{Sentence: 2, Trigger: model.TextSpan{Start: 40}}},
	}
	out := merge(&model.Analysis{}, fs)
	if len(out) != 2 || len(out[0].Mentions) != 2 || out[0].Condition != cond {
		t.Fatalf("merge: %+v", out)
	}
}

func TestPairCues(t *testing.T) {
	// Germany/0 was/1 attacked/2 by/3 Russia/4 ./5
	a := build(t, "Germany/NNP was/VBD/be attacked/VBN/attack by/IN Russia/NNP ./.", "Germany", "Russia")
	a.Clauses = []model.Clause{{Sentence: 0, Start: 0, End: 6, Subject: model.Phrase{Start: 0, End: 1}, Agent: model.Phrase{Start: 4, End: 5},
		Verb: model.VerbGroup{Phrase: model.Phrase{Start: 1, End: 3, Head: 2}, Lemma: "attack", Voice: "passive", Negated: true}, Parent: -1, Kind: "main"}}
	got := strings.Join(PairCues(a, 4, 5, 0, 1), " ")
	want := "sr=agent tr=subj tk=main v=attack vr=agent_attack_subj pass neg"
	if got != want {
		t.Errorf("cues %q, want %q", got, want)
	}
	if PairCues(&model.Analysis{}, 0, 1, 2, 3) != nil {
		t.Error("cues without clauses")
	}
}

// TestModelCodesLinkedPair checks the classifier path: a pair the clauses
// link and no trigger covers gets the model's type and rule.
func TestModelCodesLinkedPair(t *testing.T) {
	var exs []Example
	for i := 0; i < 10; i++ {
		exs = append(exs, Example{Words: strings.Fields("x snubbed y ."), SrcStart: 0, SrcEnd: 1, TgtStart: 2, TgtEnd: 3, Label: "REJECT"},
			Example{Words: strings.Fields("x hugged y ."), SrcStart: 0, SrcEnd: 1, TgtStart: 2, TgtEnd: 3, Label: "SUPPORT"})
	}
	st := lexStage(t).WithModel(Train(exs, 5, 1, false, nil))
	a := build(t, "Paris/NNP hugged/VBD/hugged Rome/NNP ./.", "Paris", "Rome")
	clause(a, 0, 1, 1, "hug", "active", [][2]int{{2, 3}}, nil)
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ev := eventOf(a, "SUPPORT")
	if ev == nil || ev.Rule != "model/events/model.json" || ev.Actors[0] != "E1" || ev.Recipients[0] != "E2" || ev.CAMEO == "" || ev.Quad != 1 {
		t.Fatalf("events: %+v", a.Events)
	}
	if ev.Mentions[0].Trigger.Text != "hugged" {
		t.Errorf("trigger %q, want the linking verb", ev.Mentions[0].Trigger.Text)
	}
}

func FuzzParseClassifier(f *testing.F) {
	f.Add([]byte(`{"labels":["A","B"],"weights":{"w=x":[1,-1]}}`))
	f.Add([]byte(`{"labels":[],"weights":{}}`))
	f.Add([]byte(`{"labels":["A"],"weights":{"f":[1,2]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseClassifier(data)
		if err != nil {
			return
		}
		// A parsed classifier must predict without panicking.
		l, conf := c.Predict(Example{Words: []string{"x", "met", "y"}, SrcEnd: 1, TgtStart: 2, TgtEnd: 3}, nil)
		if l != "" && (conf <= 0 || conf > 1.0000001) {
			t.Fatalf("confidence %v", conf)
		}
	})
}

// benchText is a realistic news paragraph, tagged by hand, with its actor mentions.
const benchText = "The/DT Kremlin/NNP said/VBD/say Russian/JJ forces/NNS struck/VBD/strike Kharkiv/NNP on/IN Tuesday/NNP ,/, " +
	"killing/VBG/kill three/CD people/NNS ,/, while/IN Ukraine/NNP accused/VBD/accuse Moscow/NNP of/IN targeting/VBG/target civilians/NNS ./. " +
	"Trump/NNP announced/VBD/announce a/DT 50/CD per/NN cent/NN tariff/NN on/IN India/NNP and/CC threatened/VBD/threaten new/JJ sanctions/NNS/sanction " +
	"against/IN Russia/NNP if/IN no/DT ceasefire/NN is/VBZ/be reached/VBN/reach by/IN Friday/NNP ./. " +
	"Officials/NNS said/VBD/say the/DT envoy/NN met/VBD/meet Putin/NNP in/IN Moscow/NNP for/IN three/CD hours/NNS and/CC discussed/VBD/discuss trade/NN ./."

func BenchmarkStage(b *testing.B) {
	// 20 copies of the paragraph as one article, one sentence per copy
	// of each of its four sentences.
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		sb.WriteString(benchText)
		sb.WriteByte(' ')
	}
	a := build(b, strings.TrimSpace(sb.String()), "The Kremlin", "Russian forces", "Kharkiv", "Ukraine", "Moscow", "PER:Trump", "India", "Russia", "PER:Putin")
	// Every occurrence of each name is a mention; sentences end at ".".
	for i := range a.Entities {
		e := &a.Entities[i]
		e.Mentions = nil
		for k := 0; ; {
			j := strings.Index(a.Text[k:], e.Name)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, model.Mention{Start: k + j, End: k + j + len(e.Name), Text: e.Name})
			k += j + len(e.Name)
		}
	}
	a.Sentences = nil
	start := 0
	for i, t := range a.Tokens {
		if t.Text == "." {
			s := model.Sentence{Start: a.Tokens[start].Start, End: t.End, TokenStart: start, TokenEnd: i + 1}
			a.Sentences = append(a.Sentences, s)
			start = i + 1
		}
	}
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a.Events = nil
		if err := st.Process(ctx, a); err != nil {
			b.Fatal(err)
		}
		n += len(a.Tokens)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if len(a.Events) == 0 {
		b.Fatal(fmt.Sprint("no events"))
	}
}

func TestParticipantHelpers(t *testing.T) {
	// According/VBG to/TO a/DT report/NN by/IN AP/NNP ,/, Ushakov/NNP said/VBD
	a := build(t, "According/VBG/accord to/TO a/DT report/NN by/IN AP/NNP ,/, Ushakov/NNP said/VBD/say the/DT potential/JJ summit/NN ./.")
	toks, lem := a.Tokens, lemmas(a.Tokens)
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"report source: AP", reportSource(toks, lem, 5), true},
		{"report source: Ushakov after the comma", reportSource(toks, lem, 7), false},
		{"verb between Ushakov and summit", verbBetween(toks, 7, 11), true},
		{"no verb between AP and Ushakov", verbBetween(toks, 5, 7), false},
		{"definite: the potential summit", definite(toks, lem, 11), true},
		{"indefinite: a report", definite(toks, lem, 3), false},
		{"since phrase", sinceBetween(" summit since the President's return in "), true},
		{"no since phrase", sinceBetween(" strikes by Russian forces on "), false},
		{"name before a noun modifies it", premodifier("NNS"), true},
		{"name before a comma heads its phrase", premodifier(","), false},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestThreatenedSanctionsAreTheThreat(t *testing.T) {
	st := lexStage(t)
	// US/0 threatened/1 sanctions/2 against/3 Russia/4 ./5
	a := build(t, "US/NNP threatened/VBD/threaten sanctions/NNS/sanction against/IN Russia/NNP ./.", "US", "Russia")
	clause(a, 0, 1, 1, "threaten", "active", [][2]int{{2, 3}}, [][3]int{{3, 4, 5}})
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if eventOf(a, "SANCTION") != nil || eventOf(a, "THREATEN") == nil {
		t.Fatalf("events: %+v", a.Events)
	}
}

func TestSubsetMentionInSentenceMerges(t *testing.T) {
	fs := []found{
		{ev: model.Event{Type: "ASSAULT", Actors: []string{"E1"}, Recipients: []string{"E2"}}, mention: model.EventMention{Trigger: model.TextSpan{Start: 0}}},
		{ev: model.Event{Type: "ASSAULT", Actors: []string{"E1"}}, mention: model.EventMention{Trigger: model.TextSpan{Start: 30}}},
		{ev: model.Event{Type: "ASSAULT", Actors: []string{"E1"}}, mention: model.EventMention{Sentence: 1, Trigger: model.TextSpan{Start: 60}}, definite: true},
		{ev: model.Event{Type: "ASSAULT", Actors: []string{"E3"}}, mention: model.EventMention{Sentence: 1, Trigger: model.TextSpan{Start: 70}}},
	}
	out := merge(&model.Analysis{}, fs)
	if len(out) != 2 || len(out[0].Mentions) != 3 || strings.Join(out[0].Recipients, ",") != "E2" {
		t.Fatalf("merge: %+v", out)
	}
}

func TestBoundIsNoDate(t *testing.T) {
	st := lexStage(t)
	// Russia/0 attacked/1 Ukraine/2 since/3 January/4 ./5
	for _, tc := range []struct{ text, want string }{
		{"Russia/NNP attacked/VBD/attack Ukraine/NNP since/IN January/NNP ./.", "2025-08-07"},
		{"Russia/NNP attacked/VBD/attack Ukraine/NNP in/IN January/NNP ./.", "2025-01"},
	} {
		a := build(t, tc.text, "Russia", "Ukraine")
		k := strings.Index(a.Text, "January")
		a.Times = []model.Time{{ID: "T1", Start: k, End: k + 7, Text: "January", Type: model.TimeDate, Value: "2025-01"}}
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if ev := eventOf(a, "ASSAULT"); ev == nil || ev.Date != tc.want {
			t.Errorf("%s: events %+v, want date %s", tc.text, a.Events, tc.want)
		}
	}
}

func TestMiscNameTakesPartOnlyAsHead(t *testing.T) {
	st := lexStage(t)
	for _, tc := range []struct {
		text   string
		recips string
	}{
		// US/0 attacked/1 Shabab/2 ./3
		{"US/NNP attacked/VBD/attack Shabab/NNP ./.", "E2"},
		// US/0 attacked/1 Shabab/2 camps/3 ./4
		{"US/NNP attacked/VBD/attack Shabab/NNP camps/NNS ./.", ""},
	} {
		a := build(t, tc.text, "US", "Shabab")
		a.Entities[1].Type = model.TypeMISC
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		ev := eventOf(a, "ASSAULT")
		if ev == nil || strings.Join(ev.Recipients, ",") != tc.recips {
			t.Errorf("%s: events %+v, want recipients %q", tc.text, a.Events, tc.recips)
		}
	}
}
