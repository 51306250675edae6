package tag

import (
	"context"
	"errors"
	"strings"
	"testing"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/nlp/segment"
)

func analyse(t testing.TB, text string) *model.Analysis {
	t.Helper()
	a := &model.Analysis{Text: text, Doc: model.Doc{Language: "en"}}
	if err := segment.New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestStageTagsEveryToken(t *testing.T) {
	a := analyse(t, "The Kremlin said on Thursday that the talks were going well.\nUS confirms talks, but says plans not final")
	for i, tok := range a.Tokens {
		if tok.POS == "" || tok.Chunk == "" || tok.Lemma == "" {
			t.Errorf("token %d %q: pos %q chunk %q lemma %q", i, a.Text[tok.Start:tok.End], tok.POS, tok.Chunk, tok.Lemma)
		}
	}
	want := map[string]string{"The": "DT", "Kremlin": "NNP", "said": "VBD", "on": "IN", "Thursday": "NNP", "talks": "NNS", "were": "VBD"}
	for _, tok := range a.Tokens {
		w := a.Text[tok.Start:tok.End]
		if p, ok := want[w]; ok && tok.POS != p {
			t.Errorf("%s: POS %s, want %s", w, tok.POS, p)
		}
		if w == "said" && tok.Lemma != "say" {
			t.Errorf("said: lemma %q", tok.Lemma)
		}
	}
	// chunks: "The Kremlin" is one NP
	if a.Tokens[0].Chunk != "B-NP" || a.Tokens[1].Chunk != "I-NP" {
		t.Errorf("The Kremlin chunks: %s %s", a.Tokens[0].Chunk, a.Tokens[1].Chunk)
	}
}

func TestStageSkipsOtherLanguagesAndDebris(t *testing.T) {
	a := &model.Analysis{Text: "Der Kreml bestätigte am Donnerstag.", Doc: model.Doc{Language: "de"}}
	if err := New().Process(context.Background(), a); !errors.Is(err, nlp.ErrSkip) {
		t.Fatalf("German: %v, want ErrSkip", err)
	}
	text := "Also Read\nPutin met Trump."
	a = &model.Analysis{Text: text, Blocks: []model.Block{{Start: 0, End: 9, Kind: model.BlockDebris}, {Start: 10, End: len(text), Kind: model.BlockParagraph}}}
	if err := segment.New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, tok := range a.Tokens {
		w := a.Text[tok.Start:tok.End]
		debris := tok.End <= 9
		if debris != (tok.POS == "") {
			t.Errorf("%q: debris %v, POS %q", w, debris, tok.POS)
		}
	}
}

func TestTagRobustInput(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("the cat sat on the mat and ", 2000)
	for _, s := range []string{
		"KYIV , Ukraine ( AP ) — Russia launched drones",
		"Write to news@example.org or see https://example.org/a?b=c 😀 🇺🇦",
		"PUTIN AND TRUMP AGREE TO MEET IN ALASKA",
		"How Trump Plans To End The War In Ukraine",
		long,
		"",
	} {
		ws := strings.Fields(s)
		pos, ch := make([]string, len(ws)), make([]string, len(ws))
		tg.Tag(ws, pos, ch)
		for i := range ws {
			if pos[i] == "" || ch[i] == "" {
				t.Fatalf("%q: token %d untagged", s[:min(40, len(s))], i)
			}
		}
		for i := 1; i < len(ch); i++ {
			if strings.HasPrefix(ch[i], "I-") && ch[i-1][2:] != ch[i][2:] && ch[i-1] != "O" {
				if ch[i-1] == "O" || ch[i-1][2:] != ch[i][2:] {
					t.Fatalf("invalid IOB2 %s after %s", ch[i], ch[i-1])
				}
			}
		}
	}
}

func TestFixIOB(t *testing.T) {
	l := strings.Fields("I-NP I-NP O I-VP B-NP I-PP")
	fixIOB(l)
	if got := strings.Join(l, " "); got != "B-NP I-NP O B-VP B-NP B-PP" {
		t.Errorf("fixIOB: %s", got)
	}
}

func BenchmarkStage(b *testing.B) {
	a0 := analyse(b, strings.Join(func() []string {
		var out []string
		for _, s := range loadFixture(b) {
			out = append(out, strings.Join(s, " "))
		}
		return out
	}(), "\n"))
	st := New()
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), a0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a0.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestTitleCaseHeadlinePOS: a Title Case headline's common words are tagged
// as the words they are, not as proper nouns; its names stay NNP.
func TestTitleCaseHeadlinePOS(t *testing.T) {
	a := analyse(t, "Obama Warns Clinton Policy On Syria Would Lead To World War Three\n")
	want := map[string]string{"Obama": "NNP", "Warns": "VBZ", "Clinton": "NNP", "Policy": "NN", "On": "IN", "Syria": "NNP", "Would": "MD", "Lead": "VB"}
	for _, tok := range a.Tokens {
		w := a.Text[tok.Start:tok.End]
		if p, ok := want[w]; ok && tok.POS != p {
			t.Errorf("%s: POS %s, want %s", w, tok.POS, p)
		}
	}
}
