package seqmodel

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
	if letters >= 3 && fl == 0 && title*4 >= letters*3 {
		fl |= SentTitleCase
	}
	return fl
}
