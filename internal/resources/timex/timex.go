// Package timex holds the time-expression lexicon of herald's timex stage as
// an embedded, user-overridable data file (see internal/resources):
//
//   - lexicon.tsv: word (lower case), class, value — month names and
//     abbreviations, weekdays, numbers in words, ordinals, units, parts of
//     the day, seasons, deictic words, relative and position modifiers,
//     frequency words, time zones and the tense cue words the stage uses to
//     resolve weekdays and bare months, and the reporting verbs that do not
//     set the time of what they report ("starter" marks other words that can
//     begin an expression: "the", "a", "fiscal", …) and holidays with the
//     rule that dates them ("thanksgiving: nth:11:4:4", the fourth Thursday
//     of November), and decade words ("nineties": 199).
//
// Rows parses it (errors located by file:line:col). Everything here is safe
// for concurrent use.
package timex

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"sync"

	"herald/internal/resources"
)

//go:embed lexicon.tsv
var files embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("timex", files)

// Path is the resource path of the lexicon (override it under HERALD_RESOURCES).
const Path = "timex/lexicon.tsv"

// Classes are the lexicon classes the timex stage understands.
var Classes = map[string]bool{
	"month": true, "monthabbr": true, "weekday": true, "weekdays": true, "number": true,
	"multiplier": true, "ordinal": true, "unit": true, "partofday": true, "season": true,
	"deictic": true, "relative": true, "position": true, "approx": true, "set": true,
	"vague": true, "zone": true, "future": true, "futurecue": true, "past": true,
	"present": true, "aux": true, "report": true, "starter": true, "holiday": true, "decade": true,
}

// Entry is one lexicon row.
type Entry struct {
	Word, Class, Value string
	Line               int
	// Row locates the entry: Row.Errorf(2, …) is an error at its value.
	Row resources.Row
}

var (
	sumMu sync.Mutex
	sum   string
)

// Fingerprint is "sha256:…" of the lexicon bytes Rows last read ("" before).
func Fingerprint() string {
	sumMu.Lock()
	defer sumMu.Unlock()
	return sum
}

// Rows reads and checks the lexicon: every row has a word and a known class.
func Rows() ([]Entry, error) {
	data, err := resources.Read(Path, files, "lexicon.tsv")
	if err != nil {
		return nil, fmt.Errorf("timex: load lexicon: %w", err)
	}
	h := sha256.Sum256(data)
	sumMu.Lock()
	sum = "sha256:" + hex.EncodeToString(h[:])
	sumMu.Unlock()
	rows, err := resources.TSV(Path, data, 2)
	if err != nil {
		return nil, fmt.Errorf("timex: load lexicon: %w", err)
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		if r.Field(0) == "" {
			return nil, fmt.Errorf("timex: load lexicon: %w", r.Errorf(0, "empty word"))
		}
		if !Classes[r.Field(1)] {
			return nil, fmt.Errorf("timex: load lexicon: %w", r.Errorf(1, "unknown class %q", r.Field(1)))
		}
		out = append(out, Entry{Word: r.Field(0), Class: r.Field(1), Value: r.Field(2), Line: r.Line, Row: r})
	}
	return out, nil
}
