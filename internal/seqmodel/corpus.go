package seqmodel

// Sentence is one tokenised sentence with its label layers (any layer may be
// nil when unknown). Layers run parallel to Words.
type Sentence struct {
	Words, POS, Chunk, NER []string
}

// Doc is a document: sentences in text order.
type Doc struct {
	Sentences []Sentence
}

// Tokens returns the number of tokens in the document.
func (d Doc) Tokens() int {
	n := 0
	for _, s := range d.Sentences {
		n += len(s.Words)
	}
	return n
}
