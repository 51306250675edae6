package segment

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestCoNLLSentences rebuilds each document of the CoNLL-2003 file named by
// SEGMENT_CONLL as running text (a sentence that ends with . ! ? is followed
// by a space, any other by a line break), segments it and scores the
// sentence ends against the gold ones (a development aid; skipped
// otherwise):
//
//	SEGMENT_CONLL=$PWD/../shared/data/conll2003/dev.txt go test -run TestCoNLLSentences -v ./internal/nlp/segment
func TestCoNLLSentences(t *testing.T) {
	path := os.Getenv("SEGMENT_CONLL")
	if path == "" {
		t.Skip("set SEGMENT_CONLL=FILE to score sentence ends on CoNLL documents")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sg := mustDefault(t)
	var doc [][]string
	var sent []string
	var tp, fp, fn int
	shown := 0
	score := func() {
		if len(doc) == 0 {
			return
		}
		var sb strings.Builder
		gold := map[int]bool{}
		open := false
		for i, s := range doc {
			text, _ := detokQuote(s, &open)
			if text != "" && text[0] == '"' && !open {
				text = text[1:] // a closing quote glued to the previous sentence below
				sb.WriteByte('"')
				gold[sb.Len()] = true
				delete(gold, sb.Len()-1)
			}
			if i > 0 {
				last := doc[i-1][len(doc[i-1])-1]
				if last == "." || last == "?" || last == "!" || (last == "\"" && len(doc[i-1]) > 1) {
					sb.WriteByte(' ')
				} else {
					sb.WriteByte('\n')
				}
			}
			sb.WriteString(text)
			gold[sb.Len()] = true
		}
		doc = doc[:0]
		text := sb.String()
		r := sg.Segment(text, nil)
		got := map[int]bool{}
		for _, s := range r.Sentences {
			got[s.End] = true
			if !gold[s.End] {
				fp++
				if shown < 2000 {
					shown++
					fmt.Printf("false end: %q\n", text[max(0, s.End-50):min(len(text), s.End+30)])
				}
			} else {
				tp++
			}
		}
		for e := range gold {
			if !got[e] {
				fn++
				if shown < 2000 {
					shown++
					fmt.Printf("missed end: %q\n", text[max(0, e-50):min(len(text), e+30)])
				}
			}
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			score()
			continue
		}
		if line == "" {
			if len(sent) > 0 {
				doc = append(doc, sent)
				sent = nil
			}
			continue
		}
		sent = append(sent, strings.Fields(line)[0])
	}
	if len(sent) > 0 {
		doc = append(doc, sent)
	}
	score()
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	fmt.Printf("sentence ends: P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)\n", p, r, 2*p*r/(p+r), tp, fp, fn)
}
