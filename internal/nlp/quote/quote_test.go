package quote

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"herald/internal/model"
	"herald/internal/nlp"
)

type want struct {
	content string // content spans joined by " | "
	kind    string
	source  string // speaker span text ("" = none)
	speaker string // entity id
	cue     string
	anon    bool
	via     []string
	medium  string
}

var people = []ent{
	{"E1", "PER", "", []string{"Maria Lopez", "Lopez"}},
	{"E2", "PER", "", []string{"John Smith", "Smith"}},
	{"E3", "ORG", "GOV", []string{"the Kremlin", "The Kremlin"}},
	{"E4", "ORG", "MED", []string{"Reuters"}},
	{"E5", "PER", "", []string{"Putin"}},
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		cors  []cor
		wants []want
		none  bool // no quote at all
	}{
		{name: "fronted direct", text: "“We will win this race,” Lopez said.",
			wants: []want{{content: "We will win this race,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "inverted", text: "“Prices are rising,” said Maria Lopez, the finance minister.",
			wants: []want{{content: "Prices are rising,", kind: "direct", source: "Maria Lopez, the finance minister", speaker: "E1", cue: "said"}}},
		{name: "pronoun via coref", text: "John Smith arrived late. “I am sorry,” he said.", cors: []cor{{"he", 0, "E2"}},
			wants: []want{{content: "I am sorry,", kind: "direct", source: "he", speaker: "E2", cue: "said"}}},
		{name: "pronoun without coref degrades", text: "“I am sorry,” she said.",
			wants: []want{{content: "I am sorry,", kind: "direct", source: "she", cue: "said"}}},
		{name: "indirect that", text: "Smith said that both sides are working on a deal.",
			wants: []want{{content: "that both sides are working on a deal", kind: "indirect", source: "Smith", speaker: "E2", cue: "said"}}},
		{name: "indirect without that, aux in cue", text: "Lopez has repeatedly warned the plan would fail.",
			wants: []want{{content: "the plan would fail", kind: "indirect", source: "Lopez", speaker: "E1", cue: "has repeatedly warned"}}},
		{name: "mixed", text: "Smith described the attack as “cruelty to intimidate,” with no justification.",
			wants: []want{{content: "the attack as “cruelty to intimidate,” with no justification", kind: "mixed", source: "Smith", speaker: "E2", cue: "described"}}},
		{name: "split quote", text: "“The talks are over,” Lopez said, “and nobody won.”",
			wants: []want{{content: "The talks are over, | and nobody won.", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "second sentence joins", text: "“We are ready,” Smith said. “But they are not.”",
			wants: []want{{content: "We are ready, | But they are not.", kind: "direct", source: "Smith", speaker: "E2", cue: "said"}}},
		{name: "colon introduction", text: "Lopez said: “The budget is balanced.”",
			wants: []want{{content: "The budget is balanced.", kind: "direct", source: "Lopez", speaker: "E1", cue: "said:"}}},
		{name: "headline colon", text: "Putin: We will not retreat from Donbas\nThe text goes on.",
			wants: []want{{content: "We will not retreat from Donbas", kind: "indirect", source: "Putin", speaker: "E5", cue: ":"}}},
		{name: "organisation speaker", text: "The Kremlin called the conversation “useful and constructive.”",
			wants: []want{{content: "the conversation “useful and constructive.”", kind: "mixed", source: "The Kremlin", speaker: "E3", cue: "called"}}},
		{name: "according to, trailing", text: "The army withdrew two brigades, according to officials.",
			wants: []want{{content: "The army withdrew two brigades", kind: "indirect", source: "officials", cue: "according to", anon: true}}},
		{name: "according to, fronted", text: "According to Smith, the vote was rigged.",
			wants: []want{{content: "the vote was rigged", kind: "indirect", source: "Smith", speaker: "E2", cue: "According to"}}},
		{name: "source chain", text: "According to a report by Reuters, Lopez said the vote would be delayed.",
			wants: []want{{content: "the vote would be delayed", kind: "indirect", source: "Lopez", speaker: "E1", cue: "said", via: []string{"E4"}}}},
		{name: "survey keeps its numbers", text: "According to a new survey, 51 percent of voters said they would stay home.",
			wants: []want{{content: "51 percent of voters said they would stay home", kind: "indirect", source: "a new survey", cue: "According to"}}},
		{name: "trailing source chain", text: "“We will win,” Lopez said, according to Reuters.",
			wants: []want{{content: "We will win,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said", via: []string{"E4"}}}},
		{name: "anonymous told outlet", text: "A senior official, speaking on condition of anonymity, told Reuters that the talks had stalled.",
			wants: []want{{content: "that the talks had stalled", kind: "indirect", source: "A senior official", cue: "told", anon: true, via: []string{"E4"}}}},
		{name: "medium", text: "Smith posted on his Truth Social platform that “great progress was made.”",
			wants: []want{{content: "that “great progress was made.”", kind: "mixed", source: "Smith", speaker: "E2", cue: "posted", medium: "Truth Social"}}},
		{name: "participle shares subject", text: "“It was useful,” Lopez said, adding that talks would continue.",
			wants: []want{
				{content: "It was useful,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"},
				{content: "that talks would continue", kind: "indirect", source: "Lopez", speaker: "E1", cue: "adding"}}},
		{name: "coordinated verb shares subject", text: "The Kremlin acknowledged the talks but stressed that plans are in flux.",
			wants: []want{
				{content: "the talks", kind: "indirect", source: "The Kremlin", speaker: "E3", cue: "acknowledged"},
				{content: "that plans are in flux", kind: "indirect", source: "The Kremlin", speaker: "E3", cue: "stressed"}}},
		{name: "strong cue shares a weak cue's subject", text: "The Kremlin confirms talks, but says plans are not final.",
			wants: []want{
				{content: "talks", kind: "indirect", source: "The Kremlin", speaker: "E3", cue: "confirms"},
				{content: "plans are not final", kind: "indirect", source: "The Kremlin", speaker: "E3", cue: "says"}}},
		{name: "raising verb: subject is content", text: "Smith seems to have vanished from the campaign.",
			wants: []want{{content: "Smith | to have vanished from the campaign", kind: "indirect", cue: "seems"}}},
		{name: "relative object", text: "The mine, which Lopez says she will keep open, lost money.",
			wants: []want{{content: "which | she will keep open", kind: "indirect", source: "Lopez", speaker: "E1", cue: "says"}}},
		{name: "multi-paragraph quote", text: "Smith said: “The first part goes on\n“and the second part ends here.”",
			wants: []want{{content: "The first part goes on | and the second part ends here.", kind: "direct", source: "Smith", speaker: "E2", cue: "said:"}}},
		{name: "continuation paragraph", text: "“We are ready,” Lopez said.\n“The army is ready too.”",
			wants: []want{
				{content: "We are ready,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"},
				{content: "The army is ready too.", kind: "direct", source: "Lopez", speaker: "E1"}}},
		{name: "colon before a quoted paragraph", text: "The newspaper reported:\n“Turnout was the lowest in decades.”",
			wants: []want{{content: "Turnout was the lowest in decades.", kind: "direct", source: "The newspaper", cue: "reported:"}}},
		{name: "dash introduction", text: "Maria Lopez ― “We deserve better.”",
			wants: []want{{content: "We deserve better.", kind: "direct", source: "Maria Lopez", speaker: "E1", cue: "―"}}},
		{name: "dash signature", text: "“We deserve better.” ― Maria Lopez",
			wants: []want{{content: "We deserve better.", kind: "direct", source: "Maria Lopez", speaker: "E1", cue: "―"}}},
		{name: "transcript turn", text: "\"LOPEZ: We will not give in. Never.",
			wants: []want{{content: "We will not give in. Never.", kind: "direct", source: "LOPEZ", cue: ":"}}},
		{name: "addressee and place before content", text: "Smith tells his supporters at a rally in Ohio to “go and vote.”",
			wants: []want{{content: "to “go and vote.”", kind: "mixed", source: "Smith", speaker: "E2", cue: "tells"}}},
		{name: "straight quotes", text: "\"We will win,\" Lopez said.",
			wants: []want{{content: "We will win,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "guillemets", text: "«Nous gagnerons», Lopez said.",
			wants: []want{{content: "Nous gagnerons", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "low-high marks", text: "„Wir gewinnen“, Lopez said.",
			wants: []want{{content: "Wir gewinnen", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "single marks", text: "‘We will win,’ Lopez said.",
			wants: []want{{content: "We will win,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "double apostrophes", text: "''We will win,'' Lopez said.",
			wants: []want{{content: "We will win,", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "odd marks never fail", text: "“We will win,” Lopez said, “and then",
			wants: []want{{content: "We will win, | and then", kind: "direct", source: "Lopez", speaker: "E1", cue: "said"}}},
		{name: "scare quotes are no quotation", text: "The so-called “peace plan” was published on Monday.", none: true},
		{name: "no cue", text: "The army withdrew two brigades on Monday.", none: true},
		{name: "add with a noun phrase is no statement", text: "The timing of the meeting adds urgency to the talks.", none: true},
		{name: "negated passive is no statement", text: "The meeting could take place soon, though no final schedule or location has been confirmed.", none: true},
		{name: "add with an object is no statement", text: "Romney added his voice after five senators spoke.", none: true},
		{name: "add with a clause without that is", text: "Smith added the talks would go on.",
			wants: []want{{content: "the talks would go on", kind: "indirect", source: "Smith", speaker: "E2", cue: "added"}}},
		{name: "add with a clause is", text: "Smith added that the talks would go on.",
			wants: []want{{content: "that the talks would go on", kind: "indirect", source: "Smith", speaker: "E2", cue: "added"}}},
		{name: "a question put is no statement", text: "Asked about the declaration that it had been a bomb, Smith said, “I think it is important to know the facts.”",
			wants: []want{{content: "I think it is important to know the facts.", kind: "direct", source: "Smith", speaker: "E2", cue: "said"}}},
		{name: "a question put with an infinitive", text: "When asked to describe the device, Smith declined.", none: true},
		{name: "a time adjunct is no content", text: "As the hearings concluded on Thursday, the senators left.", none: true},
		{name: "a participle after an attribution names no speaker", text: "“I cannot support the nomination,” Smith said, citing concerns over the judge’s record.",
			wants: []want{{content: "I cannot support the nomination,", kind: "direct", source: "Smith", speaker: "E2", cue: "said"}}},
		{name: "quoted as saying", text: "Banking sources quoted federation chairman Smith as saying he hoped the market would open soon.",
			wants: []want{{content: "he hoped the market would open soon", kind: "indirect", source: "federation chairman Smith", speaker: "E2", cue: "quoted"}}},
		{name: "a price is no statement", text: "The bonds were quoted at 85 against an issue price of par.", none: true},
		{name: "a listing is no statement", text: "The bonds will be listed in Luxembourg.", none: true},
		{name: "the ones asked say nothing", text: "Almost 23,000 people in 22 countries were questioned for the poll.", none: true},
		{name: "what is offered is no statement", text: "The plan offers relief and reassurance for next year.", none: true},
		{name: "whom one speaks with is no statement", text: "Steele will speak with committee members on Monday evening.", none: true},
		{name: "a transcript turn in capitals", text: "Smith spoke on Sunday.\nWALLACE: Let us start with the news on the debate story.",
			wants: []want{{content: "Let us start with the news on the debate story", kind: "indirect", source: "WALLACE", cue: ":"}}},
		{name: "noun report is no cue", text: "The report was published on Monday.", none: true},
		{name: "debris is not analysed", text: "~ Smith said that everything is fine.", none: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := build(t, tc.text, people, tc.cors)
			qs := Extract(lexicon(t), a)
			checkInvariants(t, a, qs)
			if tc.none {
				if len(qs) != 0 {
					t.Errorf("want no quote, got %q", quoteText(a, qs[0]))
				}
				return
			}
			for _, w := range tc.wants {
				var q *model.Quote
				for i := range qs {
					if quoteText(a, qs[i]) == w.content {
						q = &qs[i]
					}
				}
				if q == nil {
					var got []string
					for _, x := range qs {
						got = append(got, quoteText(a, x))
					}
					t.Errorf("no quote %q; got %q", w.content, got)
					continue
				}
				src := ""
				if q.SpeakerSpan != nil {
					src = a.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
				}
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Text
				}
				if w.via == nil {
					w.via = []string{}
				}
				if q.Kind != w.kind || src != w.source || q.Speaker != w.speaker || cue != w.cue || q.Anonymous != w.anon ||
					!slices.Equal(q.Via, w.via) || q.Medium != w.medium {
					t.Errorf("%q:\n got  kind=%s source=%q speaker=%q cue=%q anon=%v via=%v medium=%q\n want kind=%s source=%q speaker=%q cue=%q anon=%v via=%v medium=%q",
						w.content, q.Kind, src, q.Speaker, cue, q.Anonymous, q.Via, q.Medium,
						w.kind, w.source, w.speaker, w.cue, w.anon, w.via, w.medium)
				}
			}
		})
	}
}

func TestSpeakerIsTheHead(t *testing.T) {
	ents := []ent{{"E1", "ORG", "GOV", []string{"White House"}}, {"E2", "PER", "", []string{"Karoline Leavitt", "Leavitt"}}}
	a := build(t, "White House Press Secretary Karoline Leavitt said the talks would go on.", ents, nil)
	qs := Extract(lexicon(t), a)
	if len(qs) != 1 || qs[0].Speaker != "E2" {
		t.Fatalf("quotes %+v, want speaker E2", qs)
	}
}

func TestClauseSubject(t *testing.T) {
	// A subject the shallow rules cannot reach ("The report that the
	// committee released on Monday concluded that …") comes from a.Clauses.
	a := build(t, "The report that the committee released on Monday concluded that the plan failed.", nil, nil)
	qs := Extract(lexicon(t), a)
	for _, q := range qs {
		if q.SpeakerSpan != nil {
			t.Fatalf("without clauses: unexpected source %q", a.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End])
		}
	}
	verb := -1
	for i, tk := range a.Tokens {
		if tk.Text == "concluded" {
			verb = i
		}
	}
	a.Clauses = []model.Clause{{Sentence: 0, Start: 0, End: len(a.Tokens), Subject: model.Phrase{Start: 0, End: 2, Head: 1},
		Verb: model.VerbGroup{Phrase: model.Phrase{Start: verb, End: verb + 1, Head: verb}, Lemma: "conclude"}, Parent: -1}}
	qs = Extract(lexicon(t), a)
	if len(qs) != 1 || qs[0].SpeakerSpan == nil || a.Text[qs[0].SpeakerSpan.Start:qs[0].SpeakerSpan.End] != "The report" {
		t.Fatalf("with clauses: %+v", qs)
	}
}

func TestStage(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if st.Name() != "quote" || !slices.Equal(st.Requires(), []string{"segment", "tag", "ner", "actor"}) {
		t.Errorf("name %q requires %v", st.Name(), st.Requires())
	}
	a := build(t, "Nothing is said here by anyone.", nil, nil)
	if err := st.Process(context.Background(), a); err != nil || a.Quotes == nil {
		t.Errorf("err %v quotes %v (want an empty, non-nil list)", err, a.Quotes)
	}
	a = build(t, "“Wir gewinnen”, sagte Lopez.", nil, nil)
	a.Doc.Language = "de"
	if err := st.Process(context.Background(), a); !errors.Is(err, nlp.ErrSkip) {
		t.Errorf("German: err = %v, want ErrSkip", err)
	}
}

func TestRegions(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // region contents
	}{
		{"He said “yes” and ‘no’.", []string{"yes", "no"}},
		{"“Outer ‘inner’ still outer,” he said.", []string{"Outer ‘inner’ still outer,"}},
		{"It’s Trump’s plan, the players' union said.", nil},
		{"\"One\" and \"two\"", []string{"One", "two"}},
		{"“Unclosed and “again” here", []string{"Unclosed and", "again"}},
		{"” stray close then “ok”", []string{"ok"}},
		{"‘70s music", nil},
		{"“Yes,“ he said.", []string{"Yes,"}},
		{"”Fear.” ― Edwin", []string{"Fear."}},
	} {
		regs := findRegions(tc.text, nil)
		var got []string
		for _, r := range regs {
			got = append(got, tc.text[r.start:r.end])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: regions %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("“We will win,” Lopez said. Smith said that the plan would fail.\n", 20)
	done := make(chan []model.Quote)
	for range 4 {
		go func() {
			a := build(t, text, people, nil)
			_ = st.Process(context.Background(), a)
			done <- a.Quotes
		}()
	}
	first := <-done
	for range 3 {
		if got := <-done; !slices.EqualFunc(got, first, func(x, y model.Quote) bool { return x.Start == y.Start && x.End == y.End && x.Speaker == y.Speaker }) {
			t.Fatal("concurrent runs differ")
		}
	}
	if len(first) != 40 {
		t.Errorf("got %d quotes, want 40", len(first))
	}
}

// TestFunctionWordContent: a frame whose content is one function word (the
// rest taken by the next cue) reports nothing.
func TestFunctionWordContent(t *testing.T) {
	text := "Steele is expected to announce a decision."
	a := buildTagged(t, text, []ent{{"E1", "PER", "", []string{"Steele"}}}, map[string]string{"Steele": "NNP", "is": "VBZ", "expected": "VBN", "to": "TO", "announce": "VB",
		"a": "DT", "decision": "NN", ".": "."})
	for _, q := range Extract(lexicon(t), a) {
		if got := quoteText(a, q); got == "to" || strings.HasSuffix(got, "| to") {
			t.Errorf("quote with content %q", got)
		}
	}
}

// TestFrontedPrepPhrase: a prepositional phrase before the attribution is
// no content ("In the note, he asked members to join him").
func TestFrontedPrepPhrase(t *testing.T) {
	text := "In the note, Steele asked members to join him on Monday."
	a := buildTagged(t, text, []ent{{"E1", "PER", "", []string{"Steele"}}}, map[string]string{"In": "IN", "the": "DT", "note": "NN", ",": ",", "Steele": "NNP", "asked": "VBD",
		"members": "NNS", "to": "TO", "join": "VB", "him": "PRP", "on": "IN", "Monday": "NNP", ".": "."})
	for _, q := range Extract(lexicon(t), a) {
		if got := quoteText(a, q); strings.Contains(got, "In the note") {
			t.Errorf("quote with content %q", got)
		}
	}
}

// TestFrontedTitle: a quoted title inside a fronted prepositional phrase
// is no content ("On this weekend's broadcast of “Fox News Sunday,” Pence
// said …").
func TestFrontedTitle(t *testing.T) {
	text := "On the broadcast of “Fox News Sunday,” Pence said the tweet was a joke."
	a := buildTagged(t, text, []ent{{"E1", "PER", "", []string{"Pence"}}}, map[string]string{"On": "IN", "the": "DT", "broadcast": "NN", "of": "IN", "“": "``", "Fox": "NNP", "News": "NNP",
		"Sunday": "NNP", ",": ",", "”": "''", "Pence": "NNP", "said": "VBD", "tweet": "NN", "was": "VBD", "a": "DT", "joke": "NN", ".": "."})
	qs := Extract(lexicon(t), a)
	if len(qs) != 1 || quoteText(a, qs[0]) != "the tweet was a joke" {
		var got []string
		for _, q := range qs {
			got = append(got, quoteText(a, q))
		}
		t.Errorf("quotes %q, want one: the tweet was a joke", got)
	}
}

// buildTagged is build with POS tags given by word, for the frames that
// read them.
func buildTagged(t *testing.T, text string, ents []ent, tags map[string]string) *model.Analysis {
	t.Helper()
	a := build(t, text, ents, nil)
	for i := range a.Tokens {
		a.Tokens[i].POS = tags[text[a.Tokens[i].Start:a.Tokens[i].End]]
	}
	return a
}
