package segment

import (
	"strings"
	"testing"

	"herald/internal/model"
)

func mustDefault(t testing.TB) *Segmenter {
	t.Helper()
	sg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

// tokTexts joins token texts with " | " and marks compounds with their parts
// in brackets: "Russia-Ukraine[Russia+Ukraine]".
func tokTexts(text string, toks []model.Token) string {
	var sb strings.Builder
	for i, tk := range toks {
		if i > 0 {
			sb.WriteString(" | ")
		}
		sb.WriteString(tk.Text)
		if tk.Parts != nil {
			sb.WriteByte('[')
			for k, p := range tk.Parts {
				if k > 0 {
					sb.WriteByte('+')
				}
				sb.WriteString(text[p.Start:p.End])
			}
			sb.WriteByte(']')
		}
	}
	return sb.String()
}

func TestTokenize(t *testing.T) {
	sg := mustDefault(t)
	tests := []struct {
		name, in, want string
	}{
		{"possessive", "Putin's top adviser", "Putin | 's | top | adviser"},
		{"possessive curly", "Putin’s office", "Putin | ’s | office"},
		{"possessive caps", "KREMLIN'S VIEW", "KREMLIN | 'S | VIEW"},
		{"n't", "don't", "do | n't"},
		{"n't irregular", "can't won't", "ca | n't | wo | n't"},
		{"n't curly", "doesn’t", "does | n’t"},
		{"clitics", "I'm we're they've she'll he'd", "I | 'm | we | 're | they | 've | she | 'll | he | 'd"},
		{"name apostrophe", "O'Brien and d'Alema", "O'Brien | and | d'Alema"},
		{"plural possessive", "the allies' plans", "the | allies | ' | plans"},
		{"gov't", "the gov't said", "the | gov't | said"},
		{"acronyms", "the U.S. and U.K. envoys", "the | U.S. | and | U.K. | envoys"},
		{"acronym compound", "a U.S.-led coalition", "a | U.S.-led[U.S.+led] | coalition"},
		{"thousands", "50,000 troops and 1,234,567 votes", "50,000 | troops | and | 1,234,567 | votes"},
		{"list of numbers", "1,2,3", "1 | , | 2 | , | 3"},
		{"decimal", "2.5 million", "2.5 | million"},
		{"currency", "$1.5 billion", "$ | 1.5 | billion"},
		{"percent", "a 50% rise", "a | 50 | % | rise"},
		{"time", "at 10:30 a.m. Friday", "at | 10:30 | a.m. | Friday"},
		{"compound", "the Russia-Ukraine war", "the | Russia-Ukraine[Russia+Ukraine] | war"},
		{"compound US", "US-Russia ties", "US-Russia[US+Russia] | ties"},
		{"compound lower", "an in-person meeting", "an | in-person[in+person] | meeting"},
		{"compound three", "a 20-year-old man", "a | 20-year-old[20+year+old] | man"},
		{"compound digits", "COVID-19 cases", "COVID-19[COVID+19] | cases"},
		{"compound possessive", "Witkoff-Putin's talks", "Witkoff-Putin[Witkoff+Putin] | 's | talks"},
		{"em dash", "war—and peace", "war | — | and | peace"},
		{"en dash", "2019–2020", "2019 | – | 2020"},
		{"spaced hyphen", "Kyiv - AFP", "Kyiv | - | AFP"},
		{"double hyphen", "so -- he said", "so | -- | he | said"},
		{"trailing hyphen", "pro- and anti-war", "pro | - | and | anti-war[anti+war]"},
		{"url", "Visit https://example.com/a?b=1.", "Visit | https://example.com/a?b=1 | ."},
		{"url in brackets", "(see www.bbc.co.uk/news)", "( | see | www.bbc.co.uk/news | )"},
		{"url balanced paren", "https://en.wikipedia.org/wiki/Kyiv_(city), then", "https://en.wikipedia.org/wiki/Kyiv_(city) | , | then"},
		{"email", "Email press@kremlin.ru now", "Email | press@kremlin.ru | now"},
		{"email dotted", "write to john.smith@mail.example.com.", "write | to | john.smith@mail.example.com | ."},
		{"handle hashtag", "@POTUS wrote #Ukraine", "@POTUS | wrote | #Ukraine"},
		{"hash number", "#1 seed", "# | 1 | seed"},
		{"emoji modifier", "Great 👍🏽 news", "Great | 👍🏽 | news"},
		{"emoji flag", "news 🇺🇦!", "news | 🇺🇦 | !"},
		{"emoji zwj", "family 👨‍👩‍👧 photo", "family | 👨‍👩‍👧 | photo"},
		{"straight quotes", `He said "no."`, `He | said | " | no | . | "`},
		{"curly quotes", "“in principle”", "“ | in | principle | ”"},
		{"guillemets and singles", "«Da» ‘yes’", "« | Da | » | ‘ | yes | ’"},
		{"latex quotes", "``Hello''", "`` | Hello | ''"},
		{"ellipses", "Wait... what…", "Wait | ... | what | …"},
		{"initials", "George W. Bush", "George | W. | Bush"},
		{"pronoun I", "than I.", "than | I | ."},
		{"clitic after abbreviation", "D.C.'s mayor and the U.S.’s role", "D.C. | 's | mayor | and | the | U.S. | ’s | role"},
		{"clitic after bang", "OutRage!'s leader", "OutRage | ! | 's | leader"},
		{"curly decade", "the ’90s", "the | ’90s"},
		{"closing single quote", "‘win’ they said", "‘ | win | ’ | they | said"},
		{"leading-dot number", "a price of .125 dlrs (.5)", "a | price | of | .125 | dlrs | ( | .5 | )"},
		{"list number", "1. Pivotal 100-30\n 2. Eveningperformance", "1. | Pivotal | 100-30[100+30] | 2. | Eveningperformance"},
		{"number at end", "rose by 3. Then", "rose | by | 3 | . | Then"},
		{"currency prefix", "C$ 100 million and US$5", "C$ | 100 | million | and | US$ | 5"},
		{"signed numbers", "+44 171 and +0.05 but 3+4", "+44 | 171 | and | +0.05 | but | 3 | + | 4"},
		{"compound letter end", "rapper Jay-Z.", "rapper | Jay-Z[Jay+Z] | ."},
		{"titles", "Gen. Valery Gerasimov and Sen. Graham", "Gen. | Valery | Gerasimov | and | Sen. | Graham"},
		{"No. number", "the No. 5 seed", "the | No. | 5 | seed"},
		{"No. word", "He said No.", "He | said | No | ."},
		{"no. number", "resolution no.2", "resolution | no. | 2"},
		{"company", "Apple Inc. said", "Apple | Inc. | said"},
		{"ampersand", "AT&T and S&P", "AT&T | and | S&P"},
		{"ampersand words", "salt&pepper", "salt | & | pepper"},
		{"domain", "Amazon.com.", "Amazon.com | ."},
		{"decimal end", "rose 2.5.", "rose | 2.5 | ."},
		{"decade", "the '90s", "the | '90s"},
		{"degree", "a Ph.D. student", "a | Ph.D. | student"},
		{"e.g.", "e.g. this", "e.g. | this"},
		{"fraction", "3/8 inch", "3/8 | inch"},
		{"slash words", "and/or", "and | / | or"},
		{"question runs", "Really?!", "Really | ?!"},
		{"brackets", "Kyiv(AP)", "Kyiv | ( | AP | )"},
		{"accents", "naïve café", "naïve | café"},
		{"cyrillic", "Мы сказали.", "Мы | сказали | ."},
		{"nbsp", "50\u00a0km", "50 | km"},
		{"zero width space", "Kyiv\u200bcity", "Kyiv | city"},
		{"soft hyphen", "Zapo\u00adrizhzhia", "Zapo\u00adrizhzhia"},
		{"non-breaking hyphen", "Russia\u2011Ukraine", "Russia\u2011Ukraine[Russia+Ukraine]"},
		{"invalid utf8", "caf\xe9 ok", "caf\xe9 | ok"},
		{"typo no space", "Alaska.Officials said", "Alaska | . | Officials | said"},
		{"state", "Portland, Ore. police", "Portland | , | Ore. | police"},
		{"month", "on Jan. 5", "on | Jan. | 5"},
		{"colon word", "Note:this", "Note | : | this"},
		{"underscore", "snake_case", "snake_case"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := sg.Tokenize(tc.in)
			if got := tokTexts(tc.in, toks); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			for _, tk := range toks {
				if tk.Text != tc.in[tk.Start:tk.End] {
					t.Errorf("token %q at %d:%d has text %q", tc.in[tk.Start:tk.End], tk.Start, tk.End, tk.Text)
				}
			}
		})
	}
}
