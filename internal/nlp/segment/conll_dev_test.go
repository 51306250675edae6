package segment

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestCoNLLTokens detokenizes the sentences of the CoNLL-2003 file named by
// SEGMENT_CONLL (attaching punctuation and clitics as running text does),
// tokenizes the result and reports how many gold tokens come back exactly
// (a development aid; skipped otherwise):
//
//	SEGMENT_CONLL=$PWD/../shared/data/conll2003/dev.txt go test -run TestCoNLLTokens -v ./internal/nlp/segment
func TestCoNLLTokens(t *testing.T) {
	path := os.Getenv("SEGMENT_CONLL")
	if path == "" {
		t.Skip("set SEGMENT_CONLL=FILE to compare with CoNLL tokens")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sg := mustDefault(t)
	var sent []string
	var gold, found, sents, exact int
	shown := 0
	missed := map[string]int{}
	flush := func() {
		if len(sent) == 0 {
			return
		}
		text, spans := detok(sent)
		sent = sent[:0]
		toks := sg.Tokenize(text)
		got := map[[2]int]bool{}
		for _, tk := range toks {
			got[[2]int{tk.Start, tk.End}] = true
		}
		ok := 0
		for _, sp := range spans {
			if got[sp] {
				ok++
			} else {
				missed[text[sp[0]:sp[1]]]++
			}
		}
		gold += len(spans)
		found += ok
		sents++
		if ok == len(spans) && len(toks) == len(spans) {
			exact++
		} else if shown < 20 {
			shown++
			fmt.Printf("%s\n  => %s\n", text, tokTexts(text, toks))
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		sent = append(sent, strings.Fields(line)[0])
	}
	flush()
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range missed {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
	for _, e := range all[:min(len(all), 80)] {
		fmt.Printf("missed %q %d\n", e.k, e.v)
	}
	fmt.Printf("sentences=%d exact=%.4f token_recall=%.4f\n", sents, float64(exact)/float64(sents), float64(found)/float64(gold))
}

// detok joins CoNLL tokens as running text and returns it with each
// token's span.
func detok(toks []string) (string, [][2]int) {
	open := false
	return detokQuote(toks, &open)
}

// detokQuote is detok with the state of straight double quotes (open or
// not) carried across sentences.
func detokQuote(toks []string, open *bool) (string, [][2]int) {
	var sb strings.Builder
	spans := make([][2]int, len(toks))
	quoteOpen := *open
	defer func() { *open = quoteOpen }()
	for i, tk := range toks {
		space := i > 0
		switch {
		case tk == "," || tk == "." || tk == ";" || tk == ":" || tk == ")" || tk == "?" || tk == "!" || tk == "%" ||
			tk == "'s" || tk == "'S" || tk == "n't" || tk == "'re" || tk == "'m" || tk == "'ve" || tk == "'ll" || tk == "'d" || tk == "'":
			space = false
		case tk == "\"":
			if quoteOpen {
				space = false
			}
			quoteOpen = !quoteOpen
		}
		if i > 0 {
			p := toks[i-1]
			if p == "(" || p == "$" || (p == "\"" && quoteOpen && tk != "\"") {
				space = false
			}
		}
		if space {
			sb.WriteByte(' ')
		}
		spans[i] = [2]int{sb.Len(), sb.Len() + len(tk)}
		sb.WriteString(tk)
	}
	return sb.String(), spans
}
