package segment

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
)

// TestCorpus segments every article of the JSONL file named by
// SEGMENT_CORPUS (objects with a "text" field), checks the invariants, and
// prints throughput and samples of decisions worth a review: debris and
// heading blocks, very short sentences, abbreviations before a capital
// word that did not end a sentence, sentence boundaries. A development aid,
// skipped otherwise:
//
//	SEGMENT_CORPUS=$PWD/../shared/data/news/combined_news.jsonl go test -run TestCorpus -v ./internal/nlp/segment
func TestCorpus(t *testing.T) {
	path := os.Getenv("SEGMENT_CORPUS")
	if path == "" {
		t.Skip("set SEGMENT_CORPUS=FILE.jsonl to segment a corpus")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sg := mustDefault(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var texts []string
	for sc.Scan() {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, doc.Text)
	}
	var bytes, toks, sents int
	t0 := time.Now()
	for _, text := range texts {
		toks += len(sg.Segment(text, nil).Tokens)
		bytes += len(text)
	}
	d := time.Since(t0)

	counts := map[string]int{}
	show := func(kind, s string) {
		if counts["shown "+kind] < 40 {
			fmt.Printf("%s\t%q\n", kind, s)
		}
		counts["shown "+kind]++
	}
	for i, text := range texts {
		r := sg.Segment(text, nil)
		if err := invariantError(text, r); err != "" {
			t.Fatalf("doc %d: %s", i, err)
		}
		sents += len(r.Sentences)
		for _, b := range r.Blocks {
			counts[b.Kind]++
			if b.Kind == model.BlockDebris || b.Kind == model.BlockHeading {
				show(b.Kind, text[b.Start:b.End])
			}
		}
		for si, s := range r.Sentences {
			st := text[s.Start:s.End]
			if s.TokenEnd-s.TokenStart <= 3 && r.Blocks[s.Block].Kind == model.BlockParagraph {
				show("short", st)
			}
			if si > 0 && r.Sentences[si-1].Block == s.Block && (i*7+si)%97 == 0 {
				p := r.Sentences[si-1]
				show("boundary", text[max(p.Start, p.End-40):p.End]+" ||| "+st[:min(len(st), 40)])
			}
			for k := s.TokenStart; k < s.TokenEnd-1; k++ {
				tx, nx := r.Tokens[k].Text, r.Tokens[k+1].Text
				if len(tx) > 1 && strings.HasSuffix(tx, ".") && tx != "..." && nx[0] >= 'A' && nx[0] <= 'Z' {
					show("abbrev-mid", tx+" "+nx)
				}
			}
		}
	}
	fmt.Printf("docs=%d bytes=%d tokens=%d sentences=%d blocks=%v\n", len(texts), bytes, toks, sents, counts)
	fmt.Printf("time=%v MB/s=%.1f tokens/s=%.0f\n", d, float64(bytes)/d.Seconds()/1e6, float64(toks)/d.Seconds())
}
