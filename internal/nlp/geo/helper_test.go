package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/internal/model"
)

// analysis builds an Analysis for text with a simple tokenizer (words,
// abbreviations with periods, single punctuation marks) and one sentence per
// line; ner gives IOB2 labels for some token texts ("Moscow=B-GPE"), applied
// to every token with that text. It stands in for the segment and ner stages,
// which this package's tests must not import.
func analysis(text string, ner ...string) *model.Analysis {
	labels := map[string]string{}
	for _, n := range ner {
		k, v, _ := strings.Cut(n, "=")
		labels[k] = v
	}
	a := &model.Analysis{Text: text}
	a.Blocks = []model.Block{{Start: 0, End: len(text), Kind: model.BlockParagraph}}
	sentStart, tokStart := 0, 0
	flush := func(end int) {
		if len(a.Tokens) > tokStart {
			a.Sentences = append(a.Sentences, model.Sentence{Start: sentStart, End: end, TokenStart: tokStart, TokenEnd: len(a.Tokens)})
		}
		tokStart = len(a.Tokens)
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			flush(i)
			i += n
			sentStart = i
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == '.' && j+1 < len(text) && unicode.IsLetter(rune(text[j+1])) && j > i && unicode.IsUpper(rune(text[i]))) {
					j += n2
					continue
				}
				if r2 == '.' && j-i <= 4 && unicode.IsUpper(rune(text[i])) && (j+1 >= len(text) || text[j+1] == ' ' || text[j+1] == ',') && strings.Contains(text[i:j], ".") {
					j++ // "D.C.", "U.S."
				}
				break
			}
			a.Tokens = append(a.Tokens, model.Token{Start: i, End: j, Text: text[i:j], Sentence: len(a.Sentences)})
			i = j
		default:
			a.Tokens = append(a.Tokens, model.Token{Start: i, End: i + n, Text: text[i : i+n], Sentence: len(a.Sentences)})
			i += n
		}
	}
	flush(len(text))
	if len(labels) > 0 {
		for i := range a.Tokens {
			a.Tokens[i].NER = "O"
			if l, ok := labels[a.Tokens[i].Text]; ok {
				a.Tokens[i].NER = l
			}
		}
	}
	return a
}
