package ner

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/nlp/segment"
	"herald/internal/nlp/tag"
	"herald/internal/resources"
	"herald/internal/resources/countries"
)

func analyse(t testing.TB, text string) *model.Analysis {
	t.Helper()
	a := &model.Analysis{Text: text, Doc: model.Doc{Language: "en"}}
	for _, s := range []nlp.Stage{segment.New(), tag.New(), New()} {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// spans returns "text/TYPE" for every entity span of a.
func spans(a *model.Analysis) []string {
	var out []string
	for i := 0; i < len(a.Tokens); {
		l := a.Tokens[i].NER
		if !strings.HasPrefix(l, "B-") {
			i++
			continue
		}
		j := i + 1
		for j < len(a.Tokens) && a.Tokens[j].NER == "I-"+l[2:] {
			j++
		}
		out = append(out, a.Text[a.Tokens[i].Start:a.Tokens[j-1].End]+"/"+l[2:])
		i = j
	}
	return out
}

func TestSeed(t *testing.T) {
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := analyse(t, string(b))
	got := map[string]map[string]int{} // span text → type → count
	for _, s := range spans(a) {
		k := strings.LastIndexByte(s, '/')
		if got[s[:k]] == nil {
			got[s[:k]] = map[string]int{}
		}
		got[s[:k]][s[k+1:]]++
	}
	// every occurrence of each name must lie inside an entity of its type
	want := map[string]string{
		"Putin": "PER", "Trump": "PER", "Ushakov": "PER", "Witkoff": "PER", "Leavitt": "PER",
		"Zelenskyy": "PER", "Medvedev": "PER", "Donald Trump": "PER", "Vladimir Putin": "PER",
		"Kremlin": "ORG", "White House": "ORG", "Associated Press": "ORG", "Nato": "ORG", "Truth Social": "ORG",
		"Russia": "GPE", "Ukraine": "GPE", "Moscow": "GPE", "India": "GPE", "United States": "GPE",
	}
	for name, typ := range want {
		for off := 0; ; {
			i := strings.Index(a.Text[off:], name)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(name)
			off = en
			// whole-word occurrences only
			if st > 0 && isWordByte(a.Text[st-1]) || en < len(a.Text) && isWordByte(a.Text[en]) {
				continue
			}
			for _, tok := range a.Tokens {
				if tok.Start >= st && tok.End <= en && (len(tok.NER) < 3 || tok.NER[2:] != typ) {
					t.Errorf("%q at %d: token %q labelled %q, want %s", name, st, a.Text[tok.Start:tok.End], tok.NER, typ)
				}
			}
		}
	}
	// "US President Donald Trump": GPE "US" and PER "Donald Trump"
	if got["US"]["GPE"] == 0 || got["Donald Trump"]["PER"] == 0 {
		t.Errorf("US President Donald Trump: spans %v", spans(a)[:12])
	}
	if t.Failed() {
		t.Logf("spans: %v", spans(a))
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func TestRefineTypes(t *testing.T) {
	cd, err := countries.Load()
	if err != nil {
		t.Fatal(err)
	}
	ty, err := parseTypes("types.tsv", []byte("LOC\tEurope\nLOChead\tRiver\nNORP\tKurds\nGPE\tGaza\nORG\tKremlin\n"), cd)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ words, in, want string }{
		{"Moscow", "B-LOC", "B-GPE"},
		{"Europe", "B-LOC", "B-LOC"},
		{"Dnipro River", "B-LOC I-LOC", "B-LOC I-LOC"},
		{"Russian", "B-MISC", "B-NORP"},
		{"Ukrainians", "B-MISC", "B-NORP"},
		{"Kurds", "B-MISC", "B-NORP"},
		{"Kurds", "B-PER", "B-NORP"},
		{"Kurds Smith", "B-PER I-PER", "B-PER I-PER"},
		{"Staten River", "B-PER I-PER", "B-LOC I-LOC"},
		{"Michael Park", "B-PER I-PER", "B-PER I-PER"},
		{"Olympics", "B-MISC", "B-MISC"},
		{"Donald Trump", "B-PER I-PER", "B-PER I-PER"},
		{"US President", "B-LOC O", "B-GPE O"},
		{"Gaza", "B-LOC", "B-GPE"},
		{"Kremlin", "B-LOC", "B-ORG"},
		{"US", "B-MISC", "B-GPE"},
	}
	for _, c := range cases {
		l := strings.Fields(c.in)
		ty.Refine(strings.Fields(c.words), l)
		if got := strings.Join(l, " "); got != c.want {
			t.Errorf("%s %s → %s, want %s", c.words, c.in, got, c.want)
		}
	}
	_, err = parseTypes("types.tsv", []byte("LOC\tEurope\nPLACE\tMars\n"), cd)
	var re *resources.Error
	if !errors.As(err, &re) || re.Line != 2 {
		t.Errorf("bad kind: %v, want a located error on line 2", err)
	}
}

func TestSkipsOtherLanguages(t *testing.T) {
	a := &model.Analysis{Text: "Der Kreml", Doc: model.Doc{Language: "de"}}
	if err := New().Process(context.Background(), a); !errors.Is(err, nlp.ErrSkip) {
		t.Fatalf("German: %v, want ErrSkip", err)
	}
}

func TestRobustInput(t *testing.T) {
	text := "KYIV, Ukraine (AP) — Russia launched 40 drones overnight, officials said.\n" +
		"PUTIN AND TRUMP AGREE TO MEET IN ALASKA\n" +
		"How Trump Plans To End The War In Ukraine\n" +
		"Write to news@example.org or see https://example.org/a?b=c 😀 🇺🇦\n" +
		strings.Repeat("Putin met Trump and Zelenskyy in Geneva on Monday and ", 500) + "\n"
	a := analyse(t, text)
	for i, tok := range a.Tokens {
		if tok.NER == "" {
			t.Fatalf("token %d %q unlabelled", i, a.Text[tok.Start:tok.End])
		}
		if strings.HasPrefix(tok.NER, "I-") && (i == 0 || a.Tokens[i-1].NER[2:] != tok.NER[2:]) {
			t.Fatalf("token %d: %s after %s", i, tok.NER, a.Tokens[i-1].NER)
		}
	}
	s := strings.Join(spans(a), " ")
	for _, w := range []string{"KYIV/GPE", "Ukraine/GPE", "AP/ORG"} {
		if !strings.Contains(s, w) {
			t.Errorf("dateline: want %s in %s", w, s[:min(300, len(s))])
		}
	}
	for _, tok := range a.Tokens {
		if w := a.Text[tok.Start:tok.End]; strings.Contains(w, "example.org") && tok.NER != "O" {
			t.Errorf("%q labelled %s", w, tok.NER)
		}
	}
}

func TestTitleCaseHeadline(t *testing.T) {
	for _, c := range []struct {
		text  string
		want  []string // entity spans
		notIn []string // words in no entity
	}{
		{"How Trump Plans To End The War In Ukraine After Meeting Putin In Alaska\n",
			[]string{"Trump/PER", "Putin/PER", "Ukraine/GPE", "Alaska/GPE"}, []string{"Plans", "Meeting", "End"}},
		// the headline's common words are read in lower case, so names
		// stop at them
		{"Obama Warns Clinton Policy On Syria Would Lead To World War Three\n",
			[]string{"Obama/PER", "Clinton/PER", "Syria/GPE"}, []string{"Warns", "Policy", "Three"}},
		{"Bernie Sanders Promises Action On Immigration In First 100 Days As President\n",
			[]string{"Bernie Sanders/PER"}, []string{"Promises", "First", "Immigration"}},
		{"Russia Just Fired A Missile Directly At Kyiv And Nobody Wants To Talk About It\n",
			[]string{"Russia/GPE", "Kyiv/GPE"}, []string{"Missile", "Directly"}},
	} {
		a := analyse(t, c.text)
		got := strings.Join(spans(a), " ")
		for _, w := range c.want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("%q: want %s in %q", c.text, w, got)
			}
		}
		for _, w := range c.notIn {
			if strings.Contains(got, w) {
				t.Errorf("%q: %s inside an entity: %q", c.text, w, got)
			}
		}
	}
}

func BenchmarkStage(b *testing.B) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := analyse(b, string(text))
	st := New()
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
