package lang

import "strings"

// englishWords are frequent English function words. Some are words of other
// languages too ("was", "is", "on"), but a sixth of a text's words being
// from this list marks it as English; "in", "an", "die", "be" are left out.
var englishWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "that": true, "was": true, "with": true, "for": true,
	"said": true, "his": true, "her": true, "they": true, "have": true, "has": true, "from": true, "this": true,
	"which": true, "were": true, "been": true, "would": true, "will": true, "their": true, "its": true, "it": true,
	"is": true, "are": true, "by": true, "on": true, "at": true, "who": true, "not": true, "but": true,
}

// clearlyEnglish reports whether the first words of text are plainly English:
// at least 30 words, a sixth or more of them English function words. Such
// a text needs no n-gram detection, which costs about a millisecond an
// article; anything less clear goes to the detector.
func clearlyEnglish(text string) bool {
	const sample = 2048
	if len(text) > sample {
		text = text[:sample]
	}
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'' || r > 127)
	}) {
		words++
		if len(w) <= 5 && englishWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 30 && hits*6 >= words
}
