package eval

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"herald/internal/model"
)

// polText has multi-byte characters before the spans, so code point and
// byte offsets differ.
const polText = "Café “news”: “We won,” Smith said. Jones argued that taxes rose."

func TestReadBratCodepoints(t *testing.T) {
	// Code points: "Café " = 5, “ at 5 … find offsets by rune index.
	cp := func(sub string) (int, int) {
		i := strings.Index(polText, sub)
		s := len([]rune(polText[:i]))
		return s, s + len([]rune(sub))
	}
	ws, we := cp("We won,")
	ss, se := cp("Smith")
	cs, ce := cp("said")
	js, je := cp("Jones")
	as, ae := cp("argued")
	ts, te := cp("that taxes")
	rs, re := cp("rose")
	ann := strings.Join([]string{
		tl("T1", "Content", ws-1, we+1), tl("T2", "Source", ss, se), tl("T3", "Cue", cs, ce),
		"T4\tAttribution " + itoa(cs) + " " + itoa(ce) + "\tsaid",
		"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
		tl("T5", "Source", js, je), tl("T6", "Cue", as, ae),
		"T7\tContent " + itoa(ts) + " " + itoa(te) + ";" + itoa(rs) + " " + itoa(re) + "\tthat taxes rose",
		"E2\tContent:T7 Cue:T6 Source:T5",
		"#1\tAnnotatorNotes T1\tignored",
	}, "\n")
	at, err := ReadBrat("x.ann", polText, []byte(ann))
	if err != nil {
		t.Fatal(err)
	}
	if len(at) != 2 {
		t.Fatalf("got %d attributions", len(at))
	}
	txt := func(sps []model.Span) string {
		var p []string
		for _, s := range sps {
			p = append(p, polText[s.Start:s.End])
		}
		return strings.Join(p, "|")
	}
	if got := txt(at[0].Content); got != "“We won,”" {
		t.Errorf("content = %q", got)
	}
	if txt(at[0].Source) != "Smith" || txt(at[0].Cue) != "said" {
		t.Errorf("source/cue = %q %q", txt(at[0].Source), txt(at[0].Cue))
	}
	// Pieces apart by a space merge; others stay apart.
	if got := txt(at[1].Content); got != "that taxes rose" {
		t.Errorf("discontinuous content = %q", got)
	}
	for _, bad := range []string{"T1\tContent 5\tx", "T1\tContent 3 999\tx", "T1\tCue 1 2\tx\nE1\tCue:T9"} {
		if _, err := ReadBrat("bad.ann", polText, []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "bad.ann:") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

func tl(id, typ string, s, e int) string {
	return id + "\t" + typ + " " + itoa(s) + " " + itoa(e) + "\tx"
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestPolNeARSpeech(t *testing.T) {
	text := "He said it. She believes it. “Go,” she hoped. Polls, according to Gallup, moved. He tweeted. He has insisted."
	sp := func(sub string) []model.Span {
		i := strings.Index(text, sub)
		return []model.Span{{Start: i, End: i + len(sub)}}
	}
	for _, tc := range []struct {
		at   Attribution
		want bool
	}{
		{Attribution{Cue: sp("said"), Content: sp("it")}, true},
		{Attribution{Cue: sp("believes"), Content: sp("it")}, false},
		{Attribution{Cue: sp("hoped"), Content: sp("“Go,”")}, true},
		{Attribution{Cue: sp("according to")}, true},
		{Attribution{Cue: sp("tweeted")}, true},
		{Attribution{Cue: sp("has insisted")}, true},
	} {
		if got := PolNeARSpeech(text, tc.at); got != tc.want {
			t.Errorf("%v: got %v", tc.at, got)
		}
	}
}

func TestScorePolNeAR(t *testing.T) {
	text := "Smith said taxes rose. Jones said costs fell sharply."
	sp := func(sub string) []model.Span {
		i := strings.Index(text, sub)
		return []model.Span{{Start: i, End: i + len(sub)}}
	}
	gold := []Attribution{
		{Source: sp("Smith"), Cue: sp("Smith said")[:1], Content: sp("taxes rose")},
		{Source: sp("Jones"), Cue: sp("said costs")[:1], Content: sp("costs fell sharply")},
	}
	gold[0].Cue = []model.Span{{Start: 6, End: 10}}
	gold[1].Cue = []model.Span{{Start: 29, End: 33}}
	pred := []Attribution{
		{Source: sp("Smith"), Cue: []model.Span{{Start: 6, End: 10}}, Content: sp("taxes rose")},
		{Source: sp("Jones said"), Cue: []model.Span{{Start: 29, End: 33}}, Content: sp("costs fell")},
		{Source: sp("taxes"), Cue: sp("rose"), Content: sp("fell sharply")},
	}
	s := ScorePolNeAR(text, gold, pred)
	content := s.All.Exact[2]
	if content.Gold != 2 || content.Pred != 3 || content.Correct != 1 {
		t.Errorf("content exact = %+v", content)
	}
	// Overlap is one to one: "costs fell" and "fell sharply" both overlap
	// the second gold content, but only one may count.
	if ov := s.All.Overlap[2]; ov.Correct != 2 {
		t.Errorf("content overlap = %+v", ov)
	}
	if src := s.All.Exact[0]; src.Correct != 1 || math.Abs(src.P()-1.0/3) > 1e-9 {
		t.Errorf("source = %+v", src)
	}
	if f := s.All.Exact[1].F1(); math.Abs(f-0.8) > 1e-9 {
		t.Errorf("cue F1 = %v, want 0.8", f)
	}
	var sum PolNeARScore
	sum.Add(s, 0.5)
	sum.Add(s, 0.5)
	if sum.All.Exact[2] != content {
		t.Errorf("mean of equal scores = %+v, want %+v", sum.All.Exact[2], content)
	}
	rep := PolNeARReport(s, 12.5)
	lines := strings.Split(strings.TrimSpace(rep), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "polnear: source_F1=0.400 cue_F1=0.800 content_F1=0.400 content_overlap_F1=0.800 speech_content_overlap_F1=") || !strings.HasSuffix(last, " docs/s=12.5") {
		t.Errorf("last line = %q", last)
	}
}

func TestFromQuotes(t *testing.T) {
	text := "“We won,” Smith, the mayor, said.\n\nIt went on."
	i := strings.Index(text, "We won,")
	src := strings.Index(text, "Smith, the mayor")
	cue := strings.Index(text, "said")
	qs := []model.Quote{
		{ID: "Q1", Content: []model.Span{{Start: i, End: i + len("We won,")}}, SpeakerSpan: &model.Span{Start: src, End: src + len("Smith, the mayor")},
			Cue: &model.Cue{Start: cue, End: cue + 4, Text: "said"}},
		{ID: "Q2", Rule: "continuation", Content: []model.Span{{Start: strings.Index(text, "It"), End: len(text) - 1}}},
	}
	at := FromQuotes(text, qs)
	if len(at) != 1 || len(at[0].Content) != 2 {
		t.Fatalf("got %+v, want the continuation joined to the quote before", at)
	}
	if got := text[at[0].Content[0].Start:at[0].Content[0].End]; got != "“We won,”" {
		t.Errorf("content = %q", got)
	}
	if got := text[at[0].Content[1].Start:at[0].Content[1].End]; got != "It went on" {
		t.Errorf("continuation = %q", got)
	}
	if got := text[at[0].Source[0].Start:at[0].Source[0].End]; got != "Smith, the mayor," {
		t.Errorf("source = %q", got)
	}
}

func TestLoadPolNeAR(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "text"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "attributions"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "text", "a_b.txt"), []byte("Smith said so."), 0o644))
	ann := "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 13\tso\nE1\tSource:T1 Cue:T2 Content:T3\n"
	must(os.WriteFile(filepath.Join(dir, "attributions", "a_b_x1.ann"), []byte(ann), 0o644))
	must(os.WriteFile(filepath.Join(dir, "attributions", "a_b_y2.ann"), []byte(""), 0o644))
	docs, err := LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "a_b" || !slices.Equal(docs[0].Annotators, []string{"x1", "y2"}) || len(docs[0].Annotations[0]) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	if _, err := LoadPolNeAR(t.TempDir()); err == nil {
		t.Error("empty dir: want error")
	}
}
