package lemma

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"herald/internal/resources"
)

func TestLemma(t *testing.T) {
	for _, tc := range []struct{ word, pos, want string }{
		// irregular verbs (WordNet exceptions)
		{"said", "VBD", "say"},
		{"says", "VBZ", "say"},
		{"told", "VBD", "tell"},
		{"was", "VBD", "be"},
		{"were", "VBD", "be"},
		{"is", "VBZ", "be"},
		{"are", "VBP", "be"},
		{"am", "VBP", "be"},
		{"been", "VBN", "be"},
		{"being", "VBG", "be"},
		{"has", "VBZ", "have"},
		{"had", "VBD", "have"},
		{"did", "VBD", "do"},
		{"does", "VBZ", "do"},
		{"went", "VBD", "go"},
		{"left", "VBD", "leave"},
		{"found", "VBD", "find"},
		{"found", "VB", "found"},
		{"saw", "VBD", "see"},
		{"stopped", "VBD", "stop"},
		{"signalled", "VBD", "signal"},
		{"hit", "VBD", "hit"},
		// regular verbs
		{"threatened", "VBD", "threaten"},
		{"agreed", "VBN", "agree"},
		{"confirmed", "VBD", "confirm"},
		{"announced", "VBD", "announce"},
		{"used", "VBN", "use"},
		{"died", "VBD", "die"},
		{"carried", "VBD", "carry"},
		{"stressed", "VBD", "stress"},
		{"acknowledged", "VBD", "acknowledge"},
		{"finalise", "VB", "finalise"},
		{"finalising", "VBG", "finalise"},
		{"working", "VBG", "work"},
		{"making", "VBG", "make"},
		{"hoping", "VBG", "hope"},
		{"naming", "VBG", "name"},
		{"singing", "VBG", "sing"},
		{"visiting", "VBG", "visit"},
		{"agreeing", "VBG", "agree"},
		{"killing", "VBG", "kill"},
		{"strikes", "VBZ", "strike"},
		{"pushes", "VBZ", "push"},
		{"carries", "VBZ", "carry"},
		{"comes", "VBZ", "come"},
		{"weaponized", "VBD", "weaponize"},
		{"livestreamed", "VBD", "livestream"},
		{"tweeted", "VBD", "tweet"},
		// nouns
		{"strikes", "NNS", "strike"},
		{"talks", "NNS", "talk"},
		{"sanctions", "NNS", "sanction"},
		{"countries", "NNS", "country"},
		{"movies", "NNS", "movie"},
		{"houses", "NNS", "house"},
		{"buses", "NNS", "bus"},
		{"churches", "NNS", "church"},
		{"boxes", "NNS", "box"},
		{"missiles", "NNS", "missile"},
		{"heroes", "NNS", "hero"},
		{"men", "NNS", "man"},
		{"children", "NNS", "child"},
		{"women", "NNS", "woman"},
		{"lives", "NNS", "life"},
		{"crises", "NNS", "crisis"},
		{"news", "NNS", "news"},
		{"media", "NNS", "media"},
		{"people", "NNS", "people"},
		{"Strikes", "NNS", "strike"},
		{"STRIKES", "NNS", "strike"},
		{"Israelis", "NNPS", "Israeli"},
		{"Russians", "NNPS", "Russian"},
		{"States", "NNPS", "State"},
		// adjectives and adverbs
		{"better", "JJR", "good"},
		{"best", "JJS", "good"},
		{"better", "RBR", "well"},
		{"larger", "JJR", "large"},
		{"safest", "JJS", "safe"},
		{"higher", "JJR", "high"},
		{"easier", "JJR", "easy"},
		{"hotter", "JJR", "hot"},
		{"more", "JJR", "more"},
		{"most", "JJS", "most"},
		{"least", "JJS", "least"},
		{"faster", "RBR", "fast"},
		// contractions and closed classes
		{"n't", "RB", "not"},
		{"n’t", "RB", "not"},
		{"'s", "VBZ", "be"},
		{"’s", "VBZ", "be"},
		{"'s", "POS", "'s"},
		{"'re", "VBP", "be"},
		{"'ve", "VBP", "have"},
		{"'ll", "MD", "will"},
		{"'d", "MD", "would"},
		{"ca", "MD", "can"},
		{"wo", "MD", "will"},
		{"Would", "MD", "would"},
		{"could", "MD", "could"},
		// proper nouns keep their case; others are lower-cased
		{"U.S.", "NNP", "U.S."},
		{"U.S.", "JJ", "U.S."},
		{"U.N.", "NN", "U.N."},
		{"Mr.", "NNP", "Mr."},
		{"Jan.", "NNP", "Jan."},
		{"etc.", "FW", "etc."},
		{"A.", "DT", "A."},
		{"Putin", "NNP", "Putin"},
		{"Zaporizhzhia", "NNP", "Zaporizhzhia"},
		{"The", "DT", "the"},
		{"Kremlin", "NNP", "Kremlin"},
		{"50", "CD", "50"},
		{"in-person", "JJ", "in-person"},
		{"", "NN", ""},
		{"É", "NN", "é"},
	} {
		if got := Lemma(tc.word, tc.pos); got != tc.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tc.word, tc.pos, got, tc.want)
		}
	}
}

// TestConcurrent calls Lemma from many goroutines, the first call loading
// the tables (run with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := Lemma("Threatened", "VBD"); got != "threaten" {
					t.Errorf("Lemma = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLemmaNoAllocLowerCase(t *testing.T) {
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
	words := [][2]string{{"said", "VBD"}, {"strikes", "NNS"}, {"threatened", "VBD"}, {"the", "DT"},
		{"working", "VBG"}, {"agreed", "VBN"}, {"larger", "JJR"}}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			Lemma(w[0], w[1])
		}
	})
	if allocs != 0 {
		t.Errorf("Lemma allocates %.1f times per run on lower-case words", allocs)
	}
}

func fixture(f, data string) fstest.MapFS {
	fs := fstest.MapFS{
		"exceptions.tsv": {Data: []byte("v\tsaid\tsay\nv\tsaw\tsee\nv\tsaw\tsaw\n")},
		"bases.tsv":      {Data: []byte("v\tagree\nv\tsay\n")},
		"extra.tsv":      {Data: []byte("*\tn't\tnot\n")},
	}
	if f != "" {
		fs[f] = &fstest.MapFile{Data: []byte(data)}
	}
	return fs
}

func TestLoadFS(t *testing.T) {
	l, err := LoadFS(fixture("", ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ word, pos, want string }{
		{"said", "VBD", "say"}, {"saw", "VBD", "see"}, {"agreed", "VBD", "agree"}, {"n't", "RB", "not"},
	} {
		if got := l.Lemma(tc.word, tc.pos); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestLoadErrorsAreLocated(t *testing.T) {
	for _, tc := range []struct{ file, data, want string }{
		{"exceptions.tsv", "v\tsaid\tsay\nq\tx\ty\n", "exceptions.tsv:2:1:"},
		{"exceptions.tsv", "v\tSaid\tsay\n", "exceptions.tsv:1:3:"},
		{"exceptions.tsv", "v\tsaid\n", "exceptions.tsv:1:3:"},
		{"bases.tsv", "v\tagree\nm\tcan\n", "bases.tsv:2:1:"},
		{"extra.tsv", "*\tn't\tnot\n*\tn't\tnope\n", "extra.tsv:2:3:"},
		{"extra.tsv", "*\tn't\t\n", "extra.tsv:1:7:"},
	} {
		_, err := LoadFS(fixture(tc.file, tc.data))
		var re *resources.Error
		if err == nil || !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: err = %v, want %s", tc.file, tc.data, err, tc.want)
		}
	}
}

func TestFallbackRulesWithoutTables(t *testing.T) {
	l := &Lemmatizer{}
	for _, tc := range []struct{ word, pos, want string }{
		{"strikes", "NNS", "strike"}, {"stopped", "VBD", "stop"}, {"weaponized", "VBN", "weaponize"},
		{"talked", "VBD", "talk"}, {"countries", "NNS", "country"},
	} {
		if got := l.Lemma(tc.word, tc.pos); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func FuzzLemma(f *testing.F) {
	for _, s := range []string{"said", "strikes", "n’t", "É", "ies", "ed", "\xff", "Ş"} {
		f.Add(s)
	}
	tags := []string{"NN", "NNS", "NNPS", "NNP", "VBD", "VBG", "VBZ", "VB", "JJR", "RBS", "MD"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tag := range tags {
			if got := Lemma(s, tag); s != "" && got == "" {
				t.Errorf("Lemma(%q, %s) is empty", s, tag)
			}
		}
	})
}

// BenchmarkLemma lemmatises a news sentence tagged by hand.
func BenchmarkLemma(b *testing.B) {
	if _, err := Load(); err != nil {
		b.Fatal(err)
	}
	toks := strings.Fields("The/DT Kremlin/NNP confirmed/VBD Thursday/NNP that/IN discussions/NNS are/VBP underway/JJ " +
		"for/IN a/DT possible/JJ in-person/JJ meeting/NN between/IN Russian/JJ President/NNP Vladimir/NNP Putin/NNP " +
		"and/CC US/NNP President/NNP Donald/NNP Trump/NNP amid/IN the/DT ongoing/JJ war/NN ./. Strikes/NNS " +
		"killed/VBD two/CD and/CC injured/VBD 12/CD ,/, officials/NNS said/VBD ./.")
	words := make([][2]string, len(toks))
	for i, t := range toks {
		j := strings.LastIndexByte(t, '/')
		words[i] = [2]string{t[:j], t[j+1:]}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			Lemma(w[0], w[1])
		}
	}
	b.ReportMetric(float64(len(words)), "tokens/op")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFS(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLoadFS feeds arbitrary bytes as each table: loading must return a
// Lemmatizer or an error, never panic.
func FuzzLoadFS(f *testing.F) {
	f.Add(0, []byte("v\tsaid\tsay\n"))
	f.Add(2, []byte("*\tn't\tnot\nm\t'll\twill\n"))
	f.Fuzz(func(t *testing.T, which int, data []byte) {
		l, err := LoadFS(fixture(Files[uint(which)%uint(len(Files))], string(data)))
		if err == nil {
			l.Lemma("said", "VBD")
			l.Lemma("strikes", "NNS")
		}
	})
}
