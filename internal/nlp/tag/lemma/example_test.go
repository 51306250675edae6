package lemma_test

import (
	"fmt"

	"herald/internal/nlp/tag/lemma"
)

func ExampleLemma() {
	fmt.Println(lemma.Lemma("said", "VBD"), lemma.Lemma("strikes", "NNS"), lemma.Lemma("better", "JJR"),
		lemma.Lemma("n't", "RB"), lemma.Lemma("U.S.", "NNP"))
	// Output: say strike good not U.S.
}
