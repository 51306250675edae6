package actor

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
)

// The tests build Analyses by hand from a small markup, so that they do not
// depend on the segment, tag and ner stages:
//
//	one sentence a line; a blank line between paragraphs; "## " starts a
//	heading; "[TYPE words]" is a name the ner stage labelled TYPE;
//	lines starting with "# " are comments.
//
// Tokens follow the segment stage's conventions (punctuation split, "'s"
// split, "U.S." one token, hyphenated compounds one token with Parts); POS
// tags are guessed from small word lists, enough for the stage's heuristics.

var (
	stageOnce sync.Once
	testStage *Stage
	stageErr  error
)

func mustStage(t testing.TB) *Stage {
	t.Helper()
	stageOnce.Do(func() {
		var s interface{ Name() string }
		s, stageErr = New()
		if stageErr == nil {
			testStage = s.(*Stage)
		}
	})
	if stageErr != nil {
		t.Fatal(stageErr)
	}
	return testStage
}

type seg struct {
	text, typ string
}

func parseLine(line string) []seg {
	var out []seg
	for line != "" {
		i := strings.IndexByte(line, '[')
		if i < 0 {
			out = append(out, seg{text: line})
			break
		}
		if i > 0 {
			out = append(out, seg{text: line[:i]})
		}
		j := strings.IndexByte(line[i:], ']')
		if j < 0 {
			panic("unclosed [ in " + line)
		}
		inner := line[i+1 : i+j]
		sp := strings.IndexByte(inner, ' ')
		out = append(out, seg{text: inner[sp+1:], typ: inner[:sp]})
		line = line[i+j+1:]
	}
	return out
}

const leadPunct = "“\"(‘«"
const trailPunct = ".,;:!?”\")’»"

// tokenize splits s (starting at byte offset base) into tokens.
func tokenize(s string, base int) []model.Token {
	var toks []model.Token
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		toks = append(toks, splitChunk(s[i:j], base+i)...)
		i = j
	}
	return toks
}

func isAbbrevDots(w string) bool {
	switch w {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.":
		return true
	}
	if len(w) < 2 || !strings.HasSuffix(w, ".") {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if k+1 >= len(w) || w[k] < 'A' || w[k] > 'Z' || w[k+1] != '.' {
			return false
		}
	}
	return true
}

func splitChunk(w string, off int) []model.Token {
	var head, tail []model.Token
	for w != "" {
		r, n := utf8.DecodeRuneInString(w)
		if !strings.ContainsRune(leadPunct, r) {
			break
		}
		head = append(head, model.Token{Start: off, End: off + n, Text: w[:n]})
		w, off = w[n:], off+n
	}
	for w != "" {
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			n := len("'s")
			if strings.HasSuffix(w, "’s") {
				n = len("’s")
			}
			tail = append([]model.Token{{Start: off + len(w) - n, End: off + len(w), Text: w[len(w)-n:]}}, tail...)
			w = w[:len(w)-n]
			continue
		}
		if isAbbrevDots(w) {
			break
		}
		r, n := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		tail = append([]model.Token{{Start: off + len(w) - n, End: off + len(w), Text: w[len(w)-n:]}}, tail...)
		w = w[:len(w)-n]
	}
	out := head
	if w != "" {
		t := model.Token{Start: off, End: off + len(w), Text: w}
		if k := strings.IndexByte(w, '-'); k > 0 && k < len(w)-1 && w != "-" {
			p := 0
			for _, part := range strings.Split(w, "-") {
				t.Parts = append(t.Parts, model.Span{Start: off + p, End: off + p + len(part)})
				p += len(part) + 1
			}
		}
		out = append(out, t)
	}
	return append(out, tail...)
}

var testPOS = map[string]string{}

func init() {
	for _, w := range strings.Fields("said told announced confirmed called posted warned ordered spoke signalled described expressed had was were met added stressed acknowledged touted threatened hit agreed reached joined claimed stopped noted followed left arrived visited criticised criticized rejected urged returned visited praised denied accused") {
		testPOS[w] = "VBD"
	}
	for _, w := range strings.Fields("says has is comes proceeds considers seems intensifies confirms adds meets wants plans") {
		testPOS[w] = "VBZ"
	}
	for _, w := range strings.Fields("are have do") {
		testPOS[w] = "VBP"
	}
	for _, w := range strings.Fields("will would could may might must can should") {
		testPOS[w] = "MD"
	}
	for _, w := range strings.Fields("also earlier now not still longer just") {
		testPOS[w] = "RB"
	}
	for _, w := range strings.Fields("he she it they we him them us i you") {
		testPOS[w] = "PRP"
	}
	for _, w := range strings.Fields("his her its their our") {
		testPOS[w] = "PRP$"
	}
	for _, w := range strings.Fields("the a an this that these those both") {
		testPOS[w] = "DT"
	}
	for _, w := range strings.Fields("in at to from on of by with for between since amid after before during according into against among outside") {
		testPOS[w] = "IN"
	}
}

func guessPOS(tok string) string {
	if p, ok := testPOS[lower(tok)]; ok {
		return p
	}
	if tok == "'s" || tok == "’s" {
		return "POS"
	}
	r, _ := utf8.DecodeRuneInString(tok)
	switch {
	case unicode.IsUpper(r):
		return "NNP"
	case unicode.IsLetter(r):
		if strings.HasSuffix(tok, "ed") {
			return "VBN"
		}
		return "NN"
	}
	return tok
}

// build makes an Analysis from markup published on pub ("" for none).
func build(t testing.TB, markup, pub string) *model.Analysis {
	t.Helper()
	a := &model.Analysis{Doc: model.Doc{Language: "en", Published: pub}}
	if pub != "" {
		d, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatal(err)
		}
		a.PublishedDate = d
	}
	var text strings.Builder
	blockStart := -1
	blockKind := ""
	closeBlock := func() {
		if blockStart >= 0 {
			a.Blocks = append(a.Blocks, model.Block{Start: blockStart, End: text.Len(), Kind: blockKind})
			blockStart = -1
		}
	}
	for _, line := range strings.Split(markup, "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			closeBlock()
			continue
		}
		kind := model.BlockParagraph
		if strings.HasPrefix(line, "## ") {
			line = line[3:]
			kind = model.BlockHeading
			closeBlock()
		}
		if blockStart >= 0 {
			text.WriteByte(' ')
		} else {
			if text.Len() > 0 {
				text.WriteString("\n\n")
			}
			blockStart, blockKind = text.Len(), kind
		}
		sent := model.Sentence{Start: text.Len(), Block: len(a.Blocks), TokenStart: len(a.Tokens)}
		for _, sg := range parseLine(line) {
			toks := tokenize(sg.text, text.Len())
			for k := range toks {
				toks[k].NER = "O"
				if sg.typ != "" {
					toks[k].NER = "I-" + sg.typ
					if k == 0 {
						toks[k].NER = "B-" + sg.typ
					}
				}
				toks[k].POS = guessPOS(toks[k].Text)
				toks[k].Sentence = len(a.Sentences)
			}
			a.Tokens = append(a.Tokens, toks...)
			text.WriteString(sg.text)
		}
		sent.End = text.Len()
		sent.TokenEnd = len(a.Tokens)
		a.Sentences = append(a.Sentences, sent)
		if kind == model.BlockHeading {
			closeBlock()
		}
	}
	closeBlock()
	a.Text = text.String()
	for _, tk := range a.Tokens {
		if a.Text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %q at %d does not match text %q", tk.Text, tk.Start, a.Text[tk.Start:tk.End])
		}
	}
	return a
}

func process(t testing.TB, markup, pub string) *model.Analysis {
	t.Helper()
	a := build(t, markup, pub)
	if err := mustStage(t).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// entityOf returns the entity with a mention whose text is s (the first such).
func entityOf(a *model.Analysis, s string) *model.Entity {
	for i := range a.Entities {
		for _, m := range a.Entities[i].Mentions {
			if m.Text == s {
				return &a.Entities[i]
			}
		}
	}
	return nil
}

// entityNamed returns the entity whose canonical name is s.
func entityNamed(a *model.Analysis, s string) *model.Entity {
	for i := range a.Entities {
		if a.Entities[i].Name == s {
			return &a.Entities[i]
		}
	}
	return nil
}

func corefOf(a *model.Analysis, text string, nth int) *model.Coref {
	n := 0
	for i := range a.Coref {
		if a.Coref[i].Text == text {
			if n == nth {
				return &a.Coref[i]
			}
			n++
		}
	}
	return nil
}

func entityByID(a *model.Analysis, id string) *model.Entity {
	for i := range a.Entities {
		if a.Entities[i].ID == id {
			return &a.Entities[i]
		}
	}
	return nil
}
