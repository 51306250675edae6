package seqmodel

import (
	"strings"
	"unicode/utf8"
)

// Sentence flags: properties of a whole sentence that change how
// capitalisation reads, for the taggers' features.
const (
	SentAllCaps   = 1 << iota // headline or dateline in capitals
	SentTitleCase             // headline in Title Case
)

// SentenceFlags returns the sentence flags of analysed words: all caps when
// nine in ten words with letters are upper case (two words or more), Title
// Case when three in four start upper case (three words or more).
func SentenceFlags(ws []Word) int {
	letters, upper, title := 0, 0, 0
	for i := range ws {
		f := ws[i].Flags
		if f&(FlagPunct|FlagAllDigit) != 0 {
			continue
		}
		letters++
		if f&FlagAllUpper != 0 {
			upper++
		}
		if f&FlagInitUpper != 0 {
			title++
		}
	}
	fl := 0
	if letters >= 2 && upper*10 >= letters*9 {
		fl |= SentAllCaps
	}
	if fl == 0 && titleCase(letters, title) {
		fl |= SentTitleCase
	}
	return fl
}

// titleCase reports whether a line of letters words with letters, title of
// them starting upper case, is in Title Case: three words or more, three in
// four capitalised.
func titleCase(letters, title int) bool { return letters >= 3 && title*4 >= letters*3 }

// headlineCommonShare is the share of lower-case use (in tenths, see
// Clusters.LowerShare) from which a capitalised word of a Title Case
// headline is read as the common word it is: "Warns", "Promises", "Among".
const headlineCommonShare = 9

// HeadlineCommon returns the indexes of the words of a sentence (analysed
// into ws, with flags sf) that the taggers should read in lower case: in a
// Title Case headline, the capitalised words after the first that news text
// writes in lower case nine times in ten mid-sentence ("Trump Warns Clinton
// Policy On Syria …": "Warns", "On"; "Even BIGGER Move": "BIGGER"), since the headline's capitals say
// nothing of them; names ("Trump", "Syria", "White House") are read as
// written. A Title Case line with fewer than minHeadlineCommon such words is
// a line of names or figures ("Surrey 429-7 ( C. Lewis 80 not out )"), read
// as written. idx is reused.
func (c *Clusters) HeadlineCommon(words []string, ws []Word, sf int, idx []int) []int {
	idx = idx[:0]
	if c == nil || sf&SentTitleCase == 0 {
		return idx
	}
	common := func(i int) bool {
		v, known := c.lower[strings.ToLower(words[i])]
		return known && v >= headlineCommonShare
	}
	title := 0
	for i := 1; i < len(words); i++ {
		if f := ws[i].Flags; f&FlagInitUpper != 0 && f&FlagAllUpper == 0 && common(i) {
			idx = append(idx, i)
			title++
		}
	}
	if title < minHeadlineCommon {
		return idx[:0]
	}
	// words in capitals for emphasis ("Something BIG", "Even BIGGER
	// Move"; four letters or more, so that "US" stays a name)
	for i := 1; i < len(words); i++ {
		if f := ws[i].Flags; f&FlagAllUpper != 0 && utf8.RuneCountInString(words[i]) >= 4 && common(i) {
			idx = append(idx, i)
		}
	}
	return idx
}

// minHeadlineCommon is the number of common capitalised words that makes a
// Title Case line a headline.
const minHeadlineCommon = 4
