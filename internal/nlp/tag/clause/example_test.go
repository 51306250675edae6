package clause

import "fmt"

func ExampleAnalyze() {
	// Tokens as the tag stage leaves them: text, Penn POS and IOB2 chunk.
	a := parse(nil, "The/DT/B-NP envoy/NN/I-NP said/VBD/B-VP talks/NNS/B-NP were/VBD/B-VP blocked/VBN/I-VP by/IN/B-PP Moscow/NNP/B-NP ././O")
	Analyze(a)
	for _, c := range a.Clauses {
		fmt.Printf("%s %s/%s/%s subject=%q agent=%q kind=%s parent=%d\n", c.Verb.Lemma, c.Verb.Tense, c.Verb.Voice,
			c.Verb.Aspect, words(a, c.Subject), words(a, c.Agent), c.Kind, c.Parent)
	}
	fmt.Println(a.Clauses[0].Reported == &a.Clauses[1])
	// Output:
	// say past/active/simple subject="The envoy" agent="" kind=main parent=-1
	// block past/passive/simple subject="talks" agent="Moscow" kind=reported parent=0
	// true
}
