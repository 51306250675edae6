package seqmodel

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// toyTask labels words: capitalised → "N", digits → "D", else "O", and a
// word after "the" → "X", so label history and context both matter.
type toyTask struct {
	docs   [][]string
	labels []string
}

func (t *toyTask) gold(w, prev string) string {
	switch {
	case prev == "the":
		return "X"
	case w[0] >= 'A' && w[0] <= 'Z':
		return "N"
	case w[0] >= '0' && w[0] <= '9':
		return "D"
	}
	return "O"
}

func (t *toyTask) Docs() int     { return len(t.docs) }
func (t *toyTask) Len(d int) int { return len(t.docs[d]) }
func (t *toyTask) Gold(d, i int) int {
	prev := ""
	if i > 0 {
		prev = t.docs[d][i-1]
	}
	g := t.gold(t.docs[d][i], prev)
	for k, l := range t.labels {
		if l == g {
			return k
		}
	}
	panic(g)
}
func (t *toyTask) Allowed(d, i int) []uint16 { return nil }
func (t *toyTask) Features(d, i int, pred []int, buf []uint64) []uint64 {
	var w Word
	Analyze(t.docs[d][i], nil, &w, nil)
	prev := Atom("<s>")
	if i > 0 {
		var pw Word
		Analyze(t.docs[d][i-1], nil, &pw, nil)
		prev = pw.Lower
	}
	return append(buf, Feat(1, w.Lower), Feat(2, w.SShape), Feat(3, prev), Feat(4, 0))
}

func toy() *toyTask {
	text := "the Cat sat on 3 mats near the door\nAlice saw the 7 Dogs and 12 cats in Paris\nwe met Bob at the station on 4 May"
	t := &toyTask{labels: []string{"D", "N", "O", "X"}}
	for _, l := range strings.Split(text, "\n") {
		t.docs = append(t.docs, strings.Fields(l))
	}
	return t
}

func trainToy(seed uint64) *Model {
	task := toy()
	tr := NewTrainer(task.labels)
	TrainGreedy(tr, task, 10, seed, nil)
	return tr.Model(map[string]string{"features": "toy"}, 0)
}

func TestTrainLearnsToy(t *testing.T) {
	m := trainToy(1)
	task := toy()
	scores := make([]int32, len(m.Labels))
	var buf []uint64
	for d := range task.docs {
		for i := range task.docs[d] {
			buf = task.Features(d, i, nil, buf[:0])
			got := m.Best(buf, nil, scores)
			if want := task.Gold(d, i); got != want {
				t.Errorf("doc %d token %q: got %s, want %s", d, task.docs[d][i], m.Labels[got], m.Labels[want])
			}
		}
	}
}

func TestModelRoundTripAndDeterminism(t *testing.T) {
	m1, m2 := trainToy(7), trainToy(7)
	var b1, b2 bytes.Buffer
	if _, err := m1.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	m2.WriteTo(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("same seed, different model bytes")
	}
	l, err := Load(b1.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if l.Meta["features"] != "toy" || len(l.Labels) != 4 || l.NumFeatures() != m1.NumFeatures() {
		t.Fatalf("loaded model differs: %v %v %d/%d", l.Meta, l.Labels, l.NumFeatures(), m1.NumFeatures())
	}
	var b3 bytes.Buffer
	l.WriteTo(&b3)
	if !bytes.Equal(b1.Bytes(), b3.Bytes()) {
		t.Fatal("write(load(write(m))) != write(m)")
	}
	// scores agree
	task := toy()
	s1, s2 := make([]int32, 4), make([]int32, 4)
	buf := task.Features(0, 1, nil, nil)
	m1.Score(buf, s1)
	l.Score(buf, s2)
	if s1[0] != s2[0] || s1[1] != s2[1] || s1[2] != s2[2] || s1[3] != s2[3] {
		t.Fatalf("scores differ: %v vs %v", s1, s2)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("HSM"), []byte("XXXX\x01"), []byte("HSM1\x00"), []byte("HSM1\x02\x01A")} {
		if _, err := Load(b); !errors.Is(err, ErrFormat) {
			t.Errorf("Load(%q) = %v, want ErrFormat", b, err)
		}
	}
}

func FuzzLoad(f *testing.F) {
	var b bytes.Buffer
	trainToy(1).WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte("HSM1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(data)
		if err != nil {
			return
		}
		s := make([]int32, len(m.Labels))
		m.Score([]uint64{1, 2, 3, F1(1, "x")}, s)
		row := make([]int16, len(m.Labels))
		for i, sl := range m.slots {
			if sl.tag != 0 { // a key whose home is slot i and whose tag is its
				m.Row(uint64(sl.tag)<<32|uint64(i), row)
			}
		}
	})
}

func TestAnalyzeFlags(t *testing.T) {
	cases := []struct {
		in   string
		set  uint32
		uset uint32
	}{
		{"Putin", FlagInitUpper | FlagHasLower, FlagAllUpper},
		{"KYIV", FlagInitUpper | FlagAllUpper, FlagHasLower},
		{"1,500", FlagHasDigit | FlagAllDigit, FlagPunct},
		{"—", FlagPunct, FlagHasDigit},
		{"Russia-Ukraine", FlagHasHyphen | FlagInitUpper, FlagAllUpper},
		{"https://example.org/x", FlagURL, 0},
		{"news@example.org", FlagURL, 0},
		{"Zelenskyy’s", FlagInitUpper, FlagURL},
		{"😀", FlagPunct, FlagInitUpper},
	}
	for _, c := range cases {
		var w Word
		Analyze(c.in, nil, &w, nil)
		if w.Flags&c.set != c.set || w.Flags&c.uset != 0 {
			t.Errorf("Analyze(%q).Flags = %b, want set %b unset %b", c.in, w.Flags, c.set, c.uset)
		}
	}
	var a, b Word
	Analyze("don’t", nil, &a, nil)
	Analyze("don't", nil, &b, nil)
	if a.Form != b.Form || a.Lower != b.Lower {
		t.Error("typographic apostrophe not normalised")
	}
	Analyze("Obama", nil, &a, nil)
	Analyze("OBAMA", nil, &b, nil)
	if a.Lower != b.Lower || a.Form == b.Form || a.Shape == b.Shape {
		t.Error("lower form must ignore case, form and shape must not")
	}
}

func TestAnalyzeNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 256)
	var w Word
	n := testing.AllocsPerRun(100, func() { buf = Analyze("Zaporizhzhia", nil, &w, buf) })
	if n != 0 {
		t.Errorf("Analyze allocates %v times", n)
	}
}

func TestClusters(t *testing.T) {
	texts := []string{}
	for i := 0; i < 30; i++ {
		texts = append(texts, "the cat sat on the mat . the dog sat on the rug . a cat ran to a dog .",
			"Paris and London are cities . Moscow and Berlin are cities . he went to Paris .")
	}
	next := textSource(texts)
	cl := TrainClusters(next, ClusterOptions{Branch: 2, Levels: 3, Seed: 1})
	if cl.Len() == 0 {
		t.Fatal("no clusters")
	}
	pc, _ := cl.Path("cat")
	pd, _ := cl.Path("dog")
	pp, _ := cl.Path("Paris")
	if pc == "" || pp == "" {
		t.Fatal("missing paths")
	}
	if pc[:1] != pd[:1] {
		t.Errorf("cat %s and dog %s should share a top cluster", pc, pd)
	}
	var b bytes.Buffer
	cl.WriteTo(&b)
	l, err := LoadClusters(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := l.Path("CAT"); p != pc {
		t.Errorf("lower-case fallback: %q, want %q", p, pc)
	}
	var w Word
	Analyze("PARIS", l, &w, nil)
	if w.Flags&FlagHasCluster == 0 {
		t.Error("PARIS should find the cluster of Paris")
	}
	if _, err := LoadClusters([]byte("word-without-tab\n")); err == nil {
		t.Error("bad line accepted")
	}
}

func FuzzLoadClusters(f *testing.F) {
	f.Add([]byte("# c\nthe\taa\ncat\tab\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cl, err := LoadClusters(data)
		if err != nil {
			return
		}
		var w Word
		Analyze("the", cl, &w, nil)
		// the cached analyses of clusters words equal fresh ones
		for _, s := range []string{"the", "cat", "The"} {
			var a, b, c Word
			Analyze(s, cl, &a, nil)
			cl.AnalyzeID(s, &b, nil)
			cl.AnalyzeID(s, &c, nil)
			if a != b || a != c {
				t.Fatalf("AnalyzeID(%q) differs from Analyze", s)
			}
		}
	})
}

func TestSplitWords(t *testing.T) {
	var got []string
	SplitWords(`"Hello," said Putin's aide (AP) — don't.`, func(w string) { got = append(got, w) })
	want := `" Hello , " said Putin 's aide ( AP ) — do n't .`
	if strings.Join(got, " ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " "), want)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	words := strings.Fields("KYIV , Ukraine ( AP ) — Russia launched 40 drones overnight at Zaporizhzhia , officials said on Thursday , as Witkoff met Putin in Moscow .")
	var w Word
	buf := make([]byte, 0, 256)
	for b.Loop() {
		for _, s := range words {
			buf = Analyze(s, nil, &w, buf)
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
