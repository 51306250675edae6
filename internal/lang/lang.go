// Package lang detects the language of an article's text. It is the only
// package that imports the language detector. Safe for concurrent use.
package lang

import (
	"github.com/abadojack/whatlanggo"
)

// MinText is the shortest text (in bytes) whose detected language is trusted.
const MinText = 120

// Detect returns the ISO 639-1 code of text's language and whether the
// detection is reliable. Short texts and unreliable detections return ("", false).
// Only the first 4 KB are examined.
func Detect(text string) (string, bool) {
	if len(text) < MinText {
		return "", false
	}
	if clearlyEnglish(text) {
		return "en", true
	}
	if len(text) > 4096 {
		text = text[:4096]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return "", false
	}
	code := info.Lang.Iso6391()
	if code == "" {
		return "", false
	}
	return code, true
}
