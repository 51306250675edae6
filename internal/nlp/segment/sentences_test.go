package segment

import (
	"strings"
	"testing"

	"herald/internal/model"
)

// sentenceTexts segments text as one given paragraph block and returns the
// sentences' texts.
func sentenceTexts(t *testing.T, sg *Segmenter, text string) []string {
	t.Helper()
	r := sg.Segment(text, []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}})
	checkInvariants(t, text, r)
	var out []string
	for _, s := range r.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	sg := mustDefault(t)
	tests := []struct {
		name string
		in   string
		want []string // sentence texts
	}{
		{"acronym mid", "The U.S. Senate voted. It passed.",
			[]string{"The U.S. Senate voted.", "It passed."}},
		{"acronym end", "He lives in the U.S. The move surprised many.",
			[]string{"He lives in the U.S.", "The move surprised many."}},
		{"acronym leading", "U.S. officials said so.",
			[]string{"U.S. officials said so."}},
		{"U.N. body", "The U.N. Security Council met on Friday.",
			[]string{"The U.N. Security Council met on Friday."}},
		{"titles", "Mr. Smith met Sen. Graham and Gov. Newsom on Jan. 5. They talked.",
			[]string{"Mr. Smith met Sen. Graham and Gov. Newsom on Jan. 5.", "They talked."}},
		{"general", "Gen. Valery Gerasimov spoke. Troops moved.",
			[]string{"Gen. Valery Gerasimov spoke.", "Troops moved."}},
		{"company mid", "Apple Inc. said profits rose. Shares jumped.",
			[]string{"Apple Inc. said profits rose.", "Shares jumped."}},
		{"company end", "He works for Apple Inc. The firm declined to comment.",
			[]string{"He works for Apple Inc.", "The firm declined to comment."}},
		{"company before name", "Apple Inc. Chief Executive Tim Cook spoke.",
			[]string{"Apple Inc. Chief Executive Tim Cook spoke."}},
		{"No. 5", "Ranked No. 5 in the world, she won.",
			[]string{"Ranked No. 5 in the world, she won."}},
		{"article", "He cited Art. 5 of the treaty.",
			[]string{"He cited Art. 5 of the treaty."}},
		{"initials", "George W. Bush visited. He left.",
			[]string{"George W. Bush visited.", "He left."}},
		{"many initials", "Dr. J. R. R. Tolkien wrote it.",
			[]string{"Dr. J. R. R. Tolkien wrote it."}},
		{"decimals", "Growth was 2.5 percent. Analysts expected 2.4.",
			[]string{"Growth was 2.5 percent.", "Analysts expected 2.4."}},
		{"percent end", "The rate is 3.5%. That is high.",
			[]string{"The rate is 3.5%.", "That is high."}},
		{"quote comma", "“The goal is a substantive dialogue,” Ushakov said. He added more.",
			[]string{"“The goal is a substantive dialogue,” Ushakov said.", "He added more."}},
		{"quote stop", "“We will win.” The crowd cheered.",
			[]string{"“We will win.”", "The crowd cheered."}},
		{"quote question", "“Is it over?” he asked.",
			[]string{"“Is it over?” he asked."}},
		{"quote exclaim", "“Stop!” she shouted. Nobody did.",
			[]string{"“Stop!” she shouted.", "Nobody did."}},
		{"straight quotes", `He said: "It is over." Then he left.`,
			[]string{`He said: "It is over."`, "Then he left."}},
		{"straight open next", `He said "no." "Yes," she replied.`,
			[]string{`He said "no."`, `"Yes," she replied.`}},
		{"single quotes", "She said ‘enough.’ Then silence.",
			[]string{"She said ‘enough.’", "Then silence."}},
		{"guillemets", "«Nous gagnerons.» Il est parti.",
			[]string{"«Nous gagnerons.»", "Il est parti."}},
		{"two quoted sentences", "“It seems that Russia is inclined to agree,” Zelenskyy said. “But we must not.”",
			[]string{"“It seems that Russia is inclined to agree,” Zelenskyy said.", "“But we must not.”"}},
		{"ellipsis continues", "Wait... what happened?",
			[]string{"Wait... what happened?"}},
		{"ellipsis ends", "He paused… Then he spoke.",
			[]string{"He paused…", "Then he spoke."}},
		{"p.m. continues", "It happened at 10 p.m. on Friday.",
			[]string{"It happened at 10 p.m. on Friday."}},
		{"p.m. ends", "It happened at 10 p.m. The police arrived.",
			[]string{"It happened at 10 p.m.", "The police arrived."}},
		{"bracket close", "He wrote a note (it was short.) Then he left.",
			[]string{"He wrote a note (it was short.)", "Then he left."}},
		{"bracket after", "The deal was signed (in Paris). Talks resume Monday.",
			[]string{"The deal was signed (in Paris).", "Talks resume Monday."}},
		{"interrobang", "Really?! Yes.",
			[]string{"Really?!", "Yes."}},
		{"short questions", "What? No!",
			[]string{"What?", "No!"}},
		{"digit start", "Prices rose 5 per cent. 10 people were hurt.",
			[]string{"Prices rose 5 per cent.", "10 people were hurt."}},
		{"D.C. mid", "Officials in Washington, D.C. said talks continue.",
			[]string{"Officials in Washington, D.C. said talks continue."}},
		{"D.C. end", "Talks were held in Washington, D.C. The talks continue.",
			[]string{"Talks were held in Washington, D.C.", "The talks continue."}},
		{"St.", "The St. Louis Cardinals won.",
			[]string{"The St. Louis Cardinals won."}},
		{"state", "He was born in Portland, Ore. in 1970.",
			[]string{"He was born in Portland, Ore. in 1970."}},
		{"url end", "Visit www.example.com. It is new.",
			[]string{"Visit www.example.com.", "It is new."}},
		{"score", "The vote was 52-48. Senators left.",
			[]string{"The vote was 52-48.", "Senators left."}},
		{"date", "They met on Aug. 6. The next day, talks resumed.",
			[]string{"They met on Aug. 6.", "The next day, talks resumed."}},
		{"no space", "Trump met Putin in Alaska.Officials said so.",
			[]string{"Trump met Putin in Alaska.", "Officials said so."}},
		{"abbrev comma", "The company, based in the U.K., said so.",
			[]string{"The company, based in the U.K., said so."}},
		{"lower after stop", "The site is example.org. it opened.",
			[]string{"The site is example.org. it opened."}},
		{"month end", "It closed in Dec. She left.",
			[]string{"It closed in Dec.", "She left."}},
		{"double period", "It closed.. Then it opened.",
			[]string{"It closed..", "Then it opened."}},
		{"list marker", "1. Cut taxes. 2. Raise wages.",
			[]string{"1. Cut taxes.", "2. Raise wages."}},
		{"list marker capital", "1. The first point.",
			[]string{"1. The first point."}},
		{"leading-dot number", "It paid a price of .125 dlrs. Shares fell.",
			[]string{"It paid a price of .125 dlrs.", "Shares fell."}},
		{"spaced ellipsis", "It was a strange match . . . momentum swings. Then it ended.",
			[]string{"It was a strange match . . . momentum swings.", "Then it ended."}},
		{"inverted attribution", "“Why not?” Putin asked. “It is over!” Sen. Lindsey Graham said.",
			[]string{"“Why not?” Putin asked.", "“It is over!” Sen. Lindsey Graham said."}},
		{"quote then report", "“It works.” Roe said he was sticking by it.",
			[]string{"“It works.”", "Roe said he was sticking by it."}},
		{"question then report", "“Why?” Gore said he wondered.",
			[]string{"“Why?”", "Gore said he wondered."}},
		{"quote then new sentence", "“Why not?” Putin met Trump later.",
			[]string{"“Why not?”", "Putin met Trump later."}},
		{"abbrev then quote", "He lives in the U.S. “We love it,” he said.",
			[]string{"He lives in the U.S.", "“We love it,” he said."}},
		{"no final stop", "Talks continue",
			[]string{"Talks continue"}},
		{"line break inside block", "He left.\nShe stayed.",
			[]string{"He left.", "She stayed."}},
		{"dash after stop", "It ended. — Reuters",
			[]string{"It ended.", "— Reuters"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(t, sg, tc.in)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("sentences of %q\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLongSentenceIsCut(t *testing.T) {
	sg := mustDefault(t)
	text := strings.Repeat("word ", 3*MaxSentenceTokens)
	r := sg.Segment(text, nil)
	checkInvariants(t, text, r)
	if len(r.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3", len(r.Sentences))
	}
	for _, s := range r.Sentences {
		if n := s.TokenEnd - s.TokenStart; n > MaxSentenceTokens {
			t.Errorf("sentence of %d tokens, max %d", n, MaxSentenceTokens)
		}
	}
}
