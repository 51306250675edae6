package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"herald/internal/model"
)

type tcase = struct {
	in   string
	want []want
}

// The seed's constructions, published Thursday 2025-08-07.
func TestSeedConstructions(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"The Kremlin confirmed Thursday that discussions are underway.", []want{{"Thursday", "DATE 2025-08-07"}}},
		{"The comments followed a high-level meeting in Moscow on Wednesday between the envoy and Putin.", []want{{"Wednesday", "DATE 2025-08-06"}}},
		{"On Wednesday, Zelenskyy said that he spoke with Trump.", []want{{"Wednesday", "DATE 2025-08-06"}}},
		{"On Tuesday, Moscow announced it no longer considers itself bound by a moratorium.", []want{{"Tuesday", "DATE 2025-08-05"}}},
		{"The United States has threatened new sanctions if a ceasefire is not reached by Friday, a deadline set by Trump in late July.",
			[]want{{"Friday", "DATE 2025-08-08"}, {"late July", "DATE 2025-07 END"}}},
		{"The meeting could take place as early as next week.", []want{{"next week", "DATE 2025-W33"}}},
		{"Both sides are working to finalise arrangements in the coming days.", []want{{"the coming days", "DATE FUTURE_REF"}}},
		{"It would be the first summit since his return to the White House in January.", []want{{"January", "DATE 2025-01"}}},
		{"If it goes ahead, the summit would be the first between the two men since the US President's return to the White House in January.", []want{{"January", "DATE 2025-01"}}},
		{"Hours earlier, the White House acknowledged the possibility of a summit.", []want{{"Hours earlier", "TIME PAST_REF"}}},
		{"Witkoff's three-hour meeting with Putin was described as productive.", []want{{"three-hour", "DURATION PT3H"}}},
		{"Overnight strikes hit a recreational centre.", []want{{"Overnight", "TIME 2025-08-07TNI"}}},
		{"It seems that Russia is now more inclined to agree.", []want{{"now", "DATE PRESENT_REF"}}},
		{"Russia must halt attacks or face sanctions on Friday.", []want{{"Friday", "DATE 2025-08-08"}}},
	})
}

func TestWeekdays(t *testing.T) {
	// Published Wednesday 1998-08-12.
	check(t, "1998-08-12", []tcase{
		{"Police said Friday that two men were arrested.", []want{{"Friday", "DATE 1998-08-07"}}},
		{"The talks will resume Friday.", []want{{"Friday", "DATE 1998-08-14"}}},
		{"The envoy is expected to arrive on Monday.", []want{{"Monday", "DATE 1998-08-17"}}},
		{"He arrived last Wednesday.", []want{{"last Wednesday", "DATE 1998-08-05"}}},
		{"They meet again next Tuesday.", []want{{"next Tuesday", "DATE 1998-08-18"}}},
		{"The bomb exploded Friday morning.", []want{{"Friday morning", "TIME 1998-08-07TMO"}}},
		{"Rebels attacked early Sunday.", []want{{"early Sunday", "DATE 1998-08-09 START"}}},
		{"The vote was held Monday, Aug. 10, in the capital.", []want{{"Monday, Aug. 10", "DATE 1998-08-10"}}},
		{"The deadline expires by Saturday.", []want{{"Saturday", "DATE 1998-08-15"}}},
		{"The show airs Tuesday nights.", []want{{"Tuesday nights", "SET XXXX-WXX-2TNI"}}},
		{"Flights leave on Monday and Tuesday nights.", []want{{"Monday", "SET XXXX-WXX-1TNI"}, {"Tuesday nights", "SET XXXX-WXX-2TNI"}}},
		{"He left on Monday and Tuesday.", []want{{"Monday", "DATE 1998-08-10"}, {"Tuesday", "DATE 1998-08-11"}}},
	})
}

func TestDeictic(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"The minister resigned yesterday.", []want{{"yesterday", "DATE 1998-08-11"}}},
		{"Talks continue today and tomorrow.", []want{{"today", "DATE 1998-08-12"}, {"tomorrow", "DATE 1998-08-13"}}},
		{"He will speak tonight.", []want{{"tonight", "TIME 1998-08-12TNI"}}},
		{"Prices rose this morning.", []want{{"this morning", "TIME 1998-08-12TMO"}}},
		{"Fighting broke out last night.", []want{{"last night", "TIME 1998-08-11TNI"}}},
		{"The company currently employs 300 people.", []want{{"currently", "DATE PRESENT_REF"}}},
		{"Relations have recently improved.", []want{{"recently", "DATE PAST_REF"}}},
		{"Late yesterday, the council voted.", []want{{"Late yesterday", "DATE 1998-08-11 END"}}},
		{"It has happened in the past and may happen in the future.", []want{{"the past", "DATE PAST_REF"}, {"the future", "DATE FUTURE_REF"}}},
	})
}

func TestMonthsAndDates(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"The accord was signed Aug. 7.", []want{{"Aug. 7", "DATE 2025-08-07"}}},
		{"The accord was signed on 7 August 2025.", []want{{"7 August 2025", "DATE 2025-08-07"}}},
		{"The file is dated 2025-08-07.", []want{{"2025-08-07", "DATE 2025-08-07"}}},
		{"The summit opens Sept. 30, 1999.", []want{{"Sept. 30, 1999", "DATE 1999-09-30"}}},
		{"Production fell in March 2024.", []want{{"March 2024", "DATE 2024-03"}}},
		{"The law takes effect Oct. 1.", []want{{"Oct. 1", "DATE 2025-10-01"}}},
		{"Elections were held in June.", []want{{"June", "DATE 2025-06"}}},
		{"A vote is due in December.", []want{{"December", "DATE 2025-12"}}},
		{"Prices peaked in mid-November.", []want{{"mid-November", "DATE 2024-11 MID"}}},
		{"Fighting resumed in early June last year.", []want{{"early June last year", "DATE 2024-06 START"}}},
		{"Sales rose in the 1990s.", []want{{"the 1990s", "DATE 199"}}},
		{"Sales rose in the early 1980s.", []want{{"the early 1980s", "DATE 198 START"}}},
		{"Music changed in the nineties.", []want{{"the nineties", "DATE 199"}}},
		{"Revenue rose in Q3 2024, in Q1 and in H1 2025 after FY2023.", []want{{"Q3 2024", "DATE 2024-Q3"}, {"Q1", "DATE 2025-Q1"}, {"H1 2025", "DATE 2025-H1"}, {"FY2023", "DATE 2023"}}},
		{"The drought lasted 2014-2016.", []want{{"2014", "DATE 2014"}, {"2016", "DATE 2016"}}},
		{"The plant opened in 1988.", []want{{"1988", "DATE 1988"}}},
		{"Profit rose in fiscal 1989.", []want{{"fiscal 1989", "DATE 1989"}}},
		{"The war ended at the end of 1990.", []want{{"the end of 1990", "DATE 1990 END"}}},
		{"The order was signed 8/7/98.", []want{{"8/7/98", "DATE 1998-08-07"}}},
		{"It happened in nineteen ninety-six.", []want{{"nineteen ninety-six", "DATE 1996"}}},
		{"Plans for the year two thousand were drawn up in January nineteen ninety-seven.", []want{{"the year two thousand", "DATE 2000"}, {"January nineteen ninety-seven", "DATE 1997-01"}}},
		{"Nineteen people and two thousand troops died.", nil},
	})
}

func TestRelative(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"Inflation fell last year.", []want{{"last year", "DATE 2024"}}},
		{"Growth will slow next year.", []want{{"next year", "DATE 2026"}}},
		{"The minister visited earlier this month.", []want{{"earlier this month", "DATE 2025-08 START"}}},
		{"The army withdrew two weeks ago.", []want{{"two weeks ago", "DATE 2025-07-24"}}},
		{"Sales fell last month.", []want{{"last month", "DATE 2025-07"}}},
		{"The talks collapsed last week.", []want{{"last week", "DATE 2025-W31"}}},
		{"A decision is due this week.", []want{{"this week", "DATE 2025-W32"}}},
		{"The storm hit the coast over the weekend.", []want{{"the weekend", "DATE 2025-W31-WE"}}},
		{"Output rose in the third quarter.", []want{{"the third quarter", "DATE 2025-Q3"}}},
		{"Third-quarter profit fell.", []want{{"Third-quarter", "DATE 2025-Q3"}}},
		{"Sales rose in the first quarter of 2024.", []want{{"the first quarter of 2024", "DATE 2024-Q1"}}},
		{"The project will finish this summer.", []want{{"this summer", "DATE 2025-SU"}}},
		{"Exports fell in recent years.", []want{{"recent years", "DATE PAST_REF"}}},
		{"Clashes killed 51 people in recent days.", []want{{"recent days", "DATE PAST_REF"}}},
		{"Funds have been selling in recent months.", []want{{"recent months", "DURATION PXM"}}},
		{"Five years ago, the plant closed.", []want{{"Five years ago", "DATE 2020"}}},
	})
}

func TestDurationsAndSets(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"He served five years in prison.", []want{{"five years", "DURATION P5Y"}}},
		{"The siege lasted 18 months.", []want{{"18 months", "DURATION P18M"}}},
		{"The two-week ceasefire held.", []want{{"two-week", "DURATION P2W"}}},
		{"Sales rose in the past three years.", []want{{"the past three years", "DURATION P3Y"}}},
		{"Talks lasted more than four hours.", []want{{"more than four hours", "DURATION PT4H MORE_THAN"}}},
		{"The fighting went on for several days.", []want{{"several days", "DURATION PXD"}}},
		{"It took about a decade.", []want{{"about a decade", "DURATION P10Y APPROX"}}},
		{"The council meets every Friday.", []want{{"every Friday", "SET XXXX-WXX-5"}}},
		{"Elections are held each year.", []want{{"each year", "SET P1Y"}}},
		{"The fee is $50 a year.", []want{{"a year", "SET P1Y"}}},
		{"The pipeline carries 25 mln cubic feet of gas a day.", []want{{"a day", "SET P1D"}}},
		{"Output matched the same 1985 month.", []want{{"1985", "DATE 1985"}}},
		{"Crowds rallied almost daily in the capital.", []want{{"daily", "SET P1D"}}},
		{"The daily newspaper paid a quarterly dividend.", nil},
		{"The first nine months brought losses.", []want{{"The first nine months", "DURATION P9M"}}},
	})
}

func TestTimesOfDay(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"The blast came at 10:30 a.m. local time.", []want{{"10:30 a.m.", "TIME 1998-08-12T10:30"}}},
		{"The market closes at 4 p.m. EDT Friday.", []want{{"4 p.m. EDT Friday", "TIME 1998-08-07T16:00"}}},
		{"They met at noon.", []want{{"noon", "TIME 1998-08-12T12:00"}}},
		// a bare clock time belongs to the day last mentioned
		{"Two bombs exploded Friday.\nThe first went off at 10:35 a.m.", []want{{"Friday", "DATE 1998-08-07"}, {"10:35 a.m.", "TIME 1998-08-07T10:35"}}},
	})
}

// Without a publication date, relative expressions stay underspecified.
func TestNoPublicationDate(t *testing.T) {
	check(t, "", []tcase{
		{"Police said Friday that two men were arrested.", []want{{"Friday", "DATE XXXX-WXX-5"}}},
		{"The accord was signed Aug. 7.", []want{{"Aug. 7", "DATE XXXX-08-07"}}},
		{"The minister resigned yesterday.", []want{{"yesterday", "DATE XXXX-XX-XX"}}},
		{"Inflation fell last year.", []want{{"last year", "DATE XXXX"}}},
		{"The meeting could take place next week.", []want{{"next week", "DATE XXXX-WXX"}}},
		{"The plant opened in 1988.", []want{{"1988", "DATE 1988"}}},
		{"He served five years in prison.", []want{{"five years", "DURATION P5Y"}}},
	})
}

// No false dates: amounts, counts, ordinals, names and verbs.
func TestNoFalseDates(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"Trump announced a 50 per cent tariff on India.", nil},
		{"Unemployment rose to 12 percent.", nil},
		{"The company paid $2000 for 1500 shares.", nil},
		{"About 2000 people attended, killing two and injuring 12.", nil},
		{"Theresa May met the first minister.", nil},
		{"Russia may be more open to a ceasefire.", nil},
		{"Thousands march in the capital.", nil},
		{"Protesters will march to parliament.", nil},
		{"She finished second in the race.", nil},
		{"The fall of the Berlin Wall changed Europe.", nil},
		{"Prices could fall further.", nil},
		{"Flight 1549 landed safely.", nil},
	})
}

func TestHolidays(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"Stores will close on Thanksgiving Day.", []want{{"Thanksgiving Day", "DATE 2025-11-27"}}},
		{"Attendance fell on Labor Day.", []want{{"Labor Day", "DATE 2024-09-02"}}},
		{"The attack came on Good Friday.", []want{{"Good Friday", "DATE 2025-04-18"}}},
		{"The parade was held on Memorial Day.", []want{{"Memorial Day", "DATE 2025-05-26"}}},
		{"Polls opened last Election Day at dawn.", []want{{"last Election Day", "DATE 2024-11-05"}}},
		{"The truce began on Christmas Eve.", []want{{"Christmas Eve", "DATE 2024-12-24"}}},
		{"The law takes effect on New Year's Day.", []want{{"New Year's Day", "DATE 2026-01-01"}}},
		{"Good news arrived; the labor market held.", nil},
	})
	// a past event before the day, or a future one after it, leaves the
	// nearest day
	check(t, "2016-11-06", []tcase{
		{"More people voted four days before Election Day.", []want{{"four days", "DURATION P4D"}, {"Election Day", "DATE 2016-11-08"}}},
	})
	check(t, "2016-12-20", []tcase{
		{"He will rest after Christmas.", []want{{"Christmas", "DATE 2016-12-25"}}},
	})
}

func TestAnaphoricDays(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"Protests began on June 3 and police moved in the next day.", []want{{"June 3", "DATE 2025-06-03"}, {"the next day", "DATE 2025-06-04"}}},
		{"The accord was signed March 2, 2024; fighting resumed later that year.", []want{{"March 2, 2024", "DATE 2024-03-02"}, {"later that year", "DATE 2024 END"}}},
		{"He left Monday and returned that night.", []want{{"Monday", "DATE 2025-08-04"}, {"that night", "TIME 2025-08-04TNI"}}},
	})
}

func TestQuantities(t *testing.T) {
	check(t, "2025-08-07", []tcase{
		{"He spent 2 1/2 years in exile.", []want{{"2 1/2 years", "DURATION P2Y6M"}}},
		{"The flight took five and a half hours.", []want{{"five and a half hours", "DURATION PT5H30M"}}},
		{"The wait lasted a minute and a half.", []want{{"a minute and a half", "DURATION PT1M30S"}}},
		{"Repairs take two to three weeks.", []want{{"two to three weeks", "DURATION P2W"}}},
		{"The strike lasted more than a week.", []want{{"more than a week", "DURATION P1W MORE_THAN"}}},
		{"The strike lasted over three weeks.", []want{{"three weeks", "DURATION P3W"}}},
		{"It rained for the last twenty four hours.", []want{{"the last twenty four hours", "DURATION PT24H"}}},
		{"The reform applies to 2026 or later.", []want{{"2026 or later", "DATE 2026 ON_OR_AFTER"}}},
		{"Sales peaked in the last half of 1989.", []want{{"the last half of 1989", "DATE 1989-H2"}}},
		{"Prices fell earlier in the year.", []want{{"earlier in the year", "DATE 2025 START"}}},
		{"He left a week or so ago.", []want{{"a week or so ago", "DATE 2025-07-31 APPROX"}}},
		{"The crowd watched 60 Minutes.", nil},
		{"A second attack followed.", nil},
		{"Less than a dozen years ago, it was a village.", []want{{"Less than a dozen years ago", "DATE 2013 APPROX"}}},
		{"She told the Today programme and USA TODAY readers.", nil},
		{"Debt will peak by year end.", []want{{"year end", "DATE 2025 END"}}},
		{"Growth should pick up in the near term.", []want{{"the near term", "DATE FUTURE_REF"}}},
		{"Profit doubled in the latest period.", []want{{"the latest period", "DATE 2025-Q2"}}},
		{"Sales rose in the quarter ended June 30.", []want{{"the quarter", "DATE 2025-Q2"}, {"June 30", "DATE 2025-06-30"}}},
		{"Net income for the year ended Sept. 30 fell.", []want{{"the year", "DURATION P1Y"}, {"Sept. 30", "DATE 2024-09-30"}}},
		{"Borders were redrawn in the 20th century.", []want{{"the 20th century", "DATE 19"}}},
		{"Profit fell from a year-earlier level.", []want{{"year-earlier", "DATE 2024"}}},
	})
}

// "N units earlier/later" and "the following year" count from the date last
// mentioned (the narrative's reference time); "ago" from the publication date.
func TestNarrativeAnchor(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"In 1996, the rebels seized the town. Two years later, they were driven out.",
			[]want{{"1996", "DATE 1996"}, {"Two years later", "DATE 1998"}}},
		{"The treaty was signed in 1985; a decade later it collapsed.",
			[]want{{"1985", "DATE 1985"}, {"a decade later", "DATE 199"}}},
		// days, weeks and months from the narrative's time are durations
		// in TimeML (TimeBank: "Three days later" → P3D)
		{"The ceasefire took effect on March 3, and three weeks later fighting resumed.",
			[]want{{"March 3", "DATE 1998-03-03"}, {"three weeks", "DURATION P3W"}}},
		{"A few days later, talks resumed. A day earlier, the rebels had left.",
			[]want{{"A few days", "DURATION PXD"}, {"A day earlier", "DURATION P1D"}}},
		{"Profit was 5 million on Sept. 30, 1997, up from 4 million a year earlier.",
			[]want{{"Sept. 30, 1997", "DATE 1997-09-30"}, {"a year earlier", "DATE 1996-09-30"}}},
		{"He was born in 1950 and moved to Nairobi the following year.",
			[]want{{"1950", "DATE 1950"}, {"the following year", "DATE 1951"}}},
		{"The ceasefire began in March; the following month, fighting resumed.",
			[]want{{"March", "DATE 1998-03"}, {"the following month", "DATE 1998-04"}}},
		{"The embassy was bombed on Aug. 7, and suspects were arrested the following week.",
			[]want{{"Aug. 7", "DATE 1998-08-07"}, {"the following week", "DATE 1998-W33"}}},
		{"Without a date the following year stays relative.", []want{{"the following year", "DATE 1999"}}},
		// "ago" keeps the publication date as its anchor
		{"In 1990 he left; two years ago he returned.", []want{{"1990", "DATE 1990"}, {"two years ago", "DATE 1996"}}},
	})
	check(t, "", []tcase{
		{"In 1996 the rebels seized the town; two years later they were driven out.",
			[]want{{"1996", "DATE 1996"}, {"two years later", "DATE 1998"}}},
		{"They left the following year.", []want{{"the following year", "DATE XXXX"}}},
	})
}

// Weekday direction: the governing verb may sit far left; a verb right of
// a clause boundary does not count; "tried to" is past; "starting" points
// ahead; a possessive weekday further back than three days follows the tense.
func TestWeekdayTense(t *testing.T) {
	// Published Sunday 2016-04-17.
	check(t, "2016-04-17", []tcase{
		{"Ash criticized RNC Chairman Reince Priebus and his allies in an email Saturday to his panel, accusing them of working to kill it.",
			[]want{{"Saturday", "DATE 2016-04-16"}}},
		{"Gingrich tried to argue Sunday on ABC that the complaint was about the media.", []want{{"Sunday", "DATE 2016-04-17"}}},
		{"Tanzania has declared a three-day mourning period starting Monday.",
			[]want{{"three-day", "DURATION P3D"}, {"Monday", "DATE 2016-04-18"}}},
		{"The claims Thursday that he is going to stay in angered leaders.", []want{{"Thursday", "DATE 2016-04-14"}}},
	})
	// Published Tuesday 1998-08-11.
	check(t, "1998-08-11", []tcase{
		{"Investigators combed the rubble after Friday's bombings.", []want{{"Friday", "DATE 1998-08-07"}}},
		{"Friday's vote will decide the matter.", []want{{"Friday", "DATE 1998-08-14"}}},
		{"Parties campaigned ahead of Thursday's vote.", []want{{"Thursday", "DATE 1998-08-13"}}},
		{"Monday's ruling was appealed.", []want{{"Monday", "DATE 1998-08-10"}}},
	})
}

// Clock times take the day named after "local time" or a bracketed time in
// another zone; their span stays the clock time.
func TestClockDay(t *testing.T) {
	check(t, "1998-08-08", []tcase{
		{"The explosion occurred at 10:30 a.m. local time Friday, police said.",
			[]want{{"10:30 a.m.", "TIME 1998-08-07T10:30"}, {"Friday", "DATE 1998-08-07"}}},
		{"The blast came at 10:40 a.m. (0740 GMT) Friday.",
			[]want{{"10:40 a.m.", "TIME 1998-08-07T10:40"}, {"Friday", "DATE 1998-08-07"}}},
	})
}

// Ages, rates after a preposition, and "a couple of".
func TestAgesRatesCouple(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"John Smith, 52 years old, was named president.", nil},
		{"Survey respondents were 18 to 35 years of age.", nil},
		{"I know that 14-year-olds don't make good decisions.", nil},
		{"He blamed thousands of $12-an-hour workers.", nil},
		{"A three-hour meeting ended.", []want{{"three-hour", "DURATION PT3H"}}},
		{"It will cost $33 billion over a decade.", []want{{"a decade", "DURATION P10Y"}}},
		{"Amtrak costs the government $500 million a year.", []want{{"a year", "SET P1Y"}}},
		{"They talked for a couple of hours.", []want{{"a couple of hours", "DURATION PT2H APPROX"}}},
		{"He will decide in a day or two.", []want{{"a day or two", "DURATION P1D"}}},
		{"It took a week or two weeks.", []want{{"a week", "DURATION P1W"}, {"two weeks", "DURATION P2W"}}},
		{"Prices will rise over the next couple of years.", []want{{"the next couple of years", "DURATION P2Y APPROX"}}},
	})
}

// Spelled years before a noun or preposition; "the fiscal/full year".
func TestSpelledYearsAndFiscal(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"The nineteen ninety-seven attack killed many.", []want{{"nineteen ninety-seven", "DATE 1997"}}},
		{"They were freed in nineteen ninety-six on a technicality.", []want{{"nineteen ninety-six", "DATE 1996"}}},
		{"Nineteen ninety people attended.", nil},
		{"Profit rose in the fiscal year.", []want{{"the fiscal year", "DATE 1998"}}},
		{"Sales rose 5% for the full year.", []want{{"the full year", "DATE 1998"}}},
		{"Prices fell during the year.", []want{{"the year", "DATE 1998"}}},
		{"Revenue for the fiscal year ended Jan. 31 fell.", []want{{"the fiscal year", "DURATION P1Y"}, {"Jan. 31", "DATE 1998-01-31"}}},
	})
}

// With tags (the tag stage ran), a present-tense main verb schedules a
// weekday ahead; a reporting verb does not. Input: "word/TAG" pairs.
func TestTaggedTense(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Arafat/NNP meets/VBZ Albright/NNP Monday/NNP ./.", "1998-05-04"},
		{"The/DT deal/NN expires/VBZ Friday/NNP ./.", "1998-05-01"},
		{"Officials/NNS say/VBP Thursday/NNP that/IN talks/NNS failed/VBD ./.", "1998-04-30"},
		{"Gingrich/NNP tried/VBD to/TO argue/VB Sunday/NNP ./.", "1998-04-26"},
		{"He/PRP will/MD argue/VB Sunday/NNP ./.", "1998-05-03"},
		// a finite verb right after the weekday is its own, before an
		// infinitive further left
		{"He/PRP freed/VBD funds/NNS to/TO address/VB it/PRP and/CC on/IN Monday/NNP announced/VBD more/JJR ./.", "1998-04-27"},
		{"Officials/NNS to/TO address/VB it/PRP Monday/NNP will/MD meet/VB ./.", "1998-05-04"},
		// a noun the tagger took for a present verb schedules nothing
		{"In/IN a/DT speech/NN to/TO Tea/NNP Party/NNP conservatives/VBZ on/IN Saturday/NNP ,/, he/PRP spoke/VBD ./.", "1998-04-25"},
		{"Polls/NNS missed/VBD Cruz/NNP ’s/POS Iowa/NNP win/VBP on/IN Tuesday/NNP ./.", "1998-04-28"},
	} {
		var text []string
		a := &model.Analysis{Doc: model.Doc{Language: "en"}, PublishedDate: time.Date(1998, 5, 1, 0, 0, 0, 0, time.UTC)}
		off := 0
		for _, wt := range strings.Fields(c.in) {
			w, tag, _ := strings.Cut(wt, "/")
			a.Tokens = append(a.Tokens, model.Token{Start: off, End: off + len(w), Text: w, POS: tag})
			text = append(text, w)
			off += len(w) + 1
		}
		a.Text = strings.Join(text, " ")
		a.Sentences = []model.Sentence{{Start: 0, End: len(a.Text), Block: -1}}
		s, err := New()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Times) != 1 || a.Times[0].Value != c.want {
			t.Errorf("%q: got %+v, want one time %s", c.in, a.Times, c.want)
		}
	}
}

// A date that is the object of "set"/"scheduled" takes no tense from it;
// "the previous Friday" is before the day the narrative is at.
func TestObjectDatesAndNarrativeWeekday(t *testing.T) {
	check(t, "1989-11-02", []tcase{
		{"Dunkin' has set Nov. 10 as the deadline for bids.", []want{{"Nov. 10", "DATE 1989-11-10"}}},
		{"The year ended Sept. 30.", []want{{"The year", "DURATION P1Y"}, {"Sept. 30", "DATE 1989-09-30"}}},
	})
	check(t, "1989-10-30", []tcase{
		{"Stocks fell Friday. Prices had risen the previous Friday.",
			[]want{{"Friday", "DATE 1989-10-27"}, {"the previous Friday", "DATE 1989-10-20"}}},
		{"Prices had risen the previous Friday.", []want{{"the previous Friday", "DATE 1989-10-27"}}},
	})
}

// A present passive of a scheduling verb points ahead.
func TestScheduled(t *testing.T) {
	check(t, "1998-08-12", []tcase{
		{"The meeting is set for 9 a.m. Monday.", []want{{"9 a.m. Monday", "TIME 1998-08-17T09:00"}}},
		{"The report is due Monday.", []want{{"Monday", "DATE 1998-08-17"}}},
		{"The meeting was set for Monday.", []want{{"Monday", "DATE 1998-08-10"}}},
	})
}

// Tense cues: an infinitive hanging on a past perfect is past; an
// uncued month leans to the past unless the coming one is much nearer.
func TestTenseAndMonthLean(t *testing.T) {
	// Published Monday 1989-10-30.
	check(t, "1989-10-30", []tcase{
		{"The offer had been due to expire Friday evening.", []want{{"Friday evening", "TIME 1989-10-27TEV"}}},
		{"The bid previously had been scheduled to expire at midnight Friday.", []want{{"midnight Friday", "TIME 1989-10-27T24"}}},
		{"The offer will expire Friday.", []want{{"Friday", "DATE 1989-11-03"}}},
		{"Its stock hit a high of $42 in June from $29 in March.", []want{{"June", "DATE 1989-06"}, {"March", "DATE 1989-03"}}},
		{"A decision on the plan is likely in January.", []want{{"January", "DATE 1990-01"}}},
	})
	// Published 1989-11-02: an infinitive does not move a near date a year back.
	check(t, "1989-11-02", []tcase{
		{"The offer had been set to expire Nov. 6.", []want{{"Nov. 6", "DATE 1989-11-06"}}},
	})
}

// Narrative anchors: a step back ("a year earlier") compares with the
// reference time and leaves it; a season or quarter anchors by its year.
func TestNarrativeSteps(t *testing.T) {
	check(t, "1987-06-19", []tcase{
		{"It lost 15 billion yen in the year ending October 31, 1987 against a loss a year earlier. Sales fell 10 pct from a year earlier.",
			[]want{{"the year", "DURATION P1Y"}, {"October 31, 1987", "DATE 1987-10-31"}, {"a year earlier", "DATE 1986-10-31"}, {"a year earlier", "DATE 1986-10-31"}}},
		{"In 1990 it opened. Two years later it moved. A year later it closed.",
			[]want{{"1990", "DATE 1990"}, {"Two years later", "DATE 1992"}, {"A year later", "DATE 1993"}}},
	})
	check(t, "2016-06-15", []tcase{
		{"The economy of spring 2000 was the best since the inauguration of Nixon 30 years before.",
			[]want{{"spring 2000", "DATE 2000-SP"}, {"30 years before", "DATE 1970"}}},
	})
}

// "The week/month/quarter ended <date>" is the period that date closes.
func TestUnitEnded(t *testing.T) {
	check(t, "1987-04-07", []tcase{
		{"Warming continued in the week ended April 4.", []want{{"the week", "DATE 1987-W14"}, {"April 4", "DATE 1987-04-04"}}},
		{"Sales rose in the month ended March 31.", []want{{"the month", "DATE 1987-03"}, {"March 31", "DATE 1987-03-31"}}},
		{"Profit rose in the quarter ended March 31.", []want{{"the quarter", "DATE 1987-Q1"}, {"March 31", "DATE 1987-03-31"}}},
	})
}

// "Come November" points ahead; a quarter of a fiscal year takes that year.
func TestComeAndFiscalQuarter(t *testing.T) {
	check(t, "2016-06-15", []tcase{
		{"She proposed to draft him as the favorite to win the election come November.", []want{{"November", "DATE 2016-11"}}},
	})
	check(t, "1987-03-31", []tcase{
		{"It recorded net income for the first quarter of fiscal 1986.", []want{{"the first quarter of fiscal 1986", "DATE 1986-Q1"}}},
		{"He expects a profit for the first quarter fiscal 1987.", []want{{"the first quarter fiscal 1987", "DATE 1987-Q1"}}},
	})
}

// A past copula before an infinitive is past, "will be able to" is not; a
// deadline that opens its sentence takes the tense of its clause.
func TestInfinitiveAndDeadlineClause(t *testing.T) {
	// Published Wednesday 2016-06-15.
	check(t, "2016-06-15", []tcase{
		{"Leaders were quick to offer condolences on Monday.", []want{{"Monday", "DATE 2016-06-13"}}},
		{"We will be able to reach an agreement by Saturday afternoon.", []want{{"Saturday afternoon", "TIME 2016-06-18TAF"}}},
		{"By Monday morning, the grim, if now familiar, global ritual had begun.", []want{{"Monday morning", "TIME 2016-06-13TMO"}, {"now", "DATE PRESENT_REF"}}},
	})
}

// "The same period last year" is the quarter, half or season last
// mentioned a year back, else last year.
func TestSamePeriod(t *testing.T) {
	check(t, "1998-08-18", []tcase{
		{"Exports rose 10 percent in the first half of this year over the same period last year.",
			[]want{{"the first half of this year", "DATE 1998-H1"}, {"the same period last year", "DATE 1997-H1"}}},
		{"Output rose in the first eight months, up 9 percent from the same period of last year.",
			[]want{{"the first eight months", "DURATION P8M"}, {"the same period of last year", "DATE 1997"}}},
	})
	check(t, "1989-11-01", []tcase{
		{"It lost $8 million for the third quarter ended Sept. 30, against a profit for the corresponding period last year.",
			[]want{{"the third quarter", "DATE 1989-Q3"}, {"Sept. 30", "DATE 1989-09-30"}, {"the corresponding period last year", "DATE 1988-Q3"}}},
	})
}

// A part of the day with its position is a TIME on the day named after it
// (else the publication date); "will one day" is some day to come.
func TestPartOfDayPositionAndOneDay(t *testing.T) {
	check(t, "1989-11-02", []tcase{
		{"In London at mid-afternoon yesterday, shares were up 2 pence.", []want{{"mid-afternoon yesterday", "TIME 1989-11-01TAF MID"}}},
		{"Trading was quiet by mid afternoon.", []want{{"mid afternoon", "TIME 1989-11-02TAF MID"}}},
		{"The storm hit in the early morning Tuesday.", []want{{"the early morning Tuesday", "TIME 1989-10-31TMO START"}}},
		{"Islam will one day be the second largest religion.", []want{{"one day", "DATE FUTURE_REF"}}},
		{"The strike lasted one day.", []want{{"one day", "DURATION P1D"}}},
	})
}

// A bare clock time belongs to the day just named, before or after the
// publication date.
func TestClockAfterComingDay(t *testing.T) {
	check(t, "2016-07-14", []tcase{
		{"The candidates have until Friday at noon to file.", []want{{"Friday", "DATE 2016-07-15"}, {"noon", "TIME 2016-07-15T12:00"}}},
	})
}

// Halves: "half an hour", "half a century", "a year and a half ago".
func TestHalves(t *testing.T) {
	check(t, "1998-08-18", []tcase{
		{"The meeting lasted half an hour.", []want{{"half an hour", "DURATION PT30M"}}},
		{"It has been half a century since the war.", []want{{"half a century", "DURATION P50Y"}}},
		{"He left a year and a half ago.", []want{{"a year and a half ago", "DATE 1997-02"}}},
		{"Talks lasted two and a half years.", []want{{"two and a half years", "DURATION P2Y6M"}}},
		{"Half a dozen men were arrested.", nil},
	})
}

// The second month of a range or pair takes the first one's year; a month
// that opens its sentence after "in" reads the verb to its right.
func TestMonthRangeAndOpening(t *testing.T) {
	check(t, "2016-11-01", []tcase{
		{"Manafort, who was Mr. Trump's campaign chairman from June until August, left.", []want{{"June", "DATE 2016-06"}, {"August", "DATE 2016-08"}}},
		{"The program ran from November 14 through February 2.", []want{{"November 14", "DATE 2016-11-14"}, {"February 2", "DATE 2017-02-02"}}},
	})
	check(t, "2016-10-02", []tcase{
		{"In January, Gov. Earl Ray Tomblin lauded the deal.", []want{{"January", "DATE 2016-01"}}},
	})
}

// "The year to March" is the twelve months ending then, like "the year
// ended March 31".
func TestYearTo(t *testing.T) {
	check(t, "1998-08-18", []tcase{
		{"Sales in the year to March rose 4 percent.", []want{{"the year", "DURATION P1Y"}, {"March", "DATE 1998-03"}}},
		{"Sales rose 4 percent in the year.", []want{{"the year", "DATE 1998"}}},
	})
}

// "mid-1998" is the year with its position; "the century" and "the decade"
// are the current ones.
func TestMidYearAndTheCentury(t *testing.T) {
	check(t, "1998-08-18", []tcase{
		{"Growth slowed in mid-1998.", []want{{"mid-1998", "DATE 1998 MID"}}},
		{"By the end of the century, the population will double.", []want{{"the end of the century", "DATE 19 END"}}},
		{"It was the worst flood of the decade.", []want{{"the decade", "DATE 199"}}},
		{"The score was 10-1998 at the end.", nil},
	})
}

// taggedRun runs the stage over "word/TAG" tokens joined by spaces; a
// token written "~word/TAG" is glued to the one before ("did/VBD ~n't/RB"
// is "didn't"), as the tokenizer splits contractions.
func taggedRun(t *testing.T, in, published string) []model.Time {
	t.Helper()
	pub, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Analysis{Doc: model.Doc{Language: "en"}, PublishedDate: pub}
	var b strings.Builder
	for i, wt := range strings.Fields(in) {
		w, tag, _ := strings.Cut(wt, "/")
		if rest, glued := strings.CutPrefix(w, "~"); glued {
			w = rest
		} else if i > 0 {
			b.WriteByte(' ')
		}
		a.Tokens = append(a.Tokens, model.Token{Start: b.Len(), End: b.Len() + len(w), Text: w, POS: tag})
		b.WriteString(w)
	}
	a.Text = b.String()
	a.Sentences = []model.Sentence{{Start: 0, End: len(a.Text), Block: -1}}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a.Times
}

// A negative contraction is its auxiliary: "didn't arrive" is past like
// "did not arrive", "won't be held" future like "will not be held".
func TestContractedNegation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The/DT team/NN did/VBD ~n't/RB arrive/VB until/IN Tuesday/NNP ./.", "1998-08-04"},
		{"The/DT team/NN did/VBD not/RB arrive/VB until/IN Tuesday/NNP ./.", "1998-08-04"},
		{"That/DT part/NN did/VBD ~n't/RB grow/VB more/RBR likely/JJ on/IN Tuesday/NNP ./.", "1998-08-04"},
		{"The/DT vote/NN wo/MD ~n't/RB be/VB held/VBN Tuesday/NNP ./.", "1998-08-11"},
		{"The/DT vote/NN was/VBD ~n't/RB held/VBN Tuesday/NNP ./.", "1998-08-04"},
		{"The/DT team/NN will/MD arrive/VB Tuesday/NNP ./.", "1998-08-11"},
	} {
		got := taggedRun(t, c.in, "1998-08-07")
		if len(got) != 1 || got[0].Value != c.want {
			t.Errorf("%q: got %+v, want one time %s", c.in, got, c.want)
		}
	}
}

// A possessive weekday keeps its possessive reading with a part of the day
// between ("Saturday night's debate" the day after is that Saturday).
func TestPossessivePartOfDay(t *testing.T) {
	check(t, "2016-02-07", []tcase{
		{"The beginning of Saturday night's debate could not have been more awkward.", []want{{"Saturday night", "TIME 2016-02-06TNI"}}},
		{"Saturday's debate could not have been more awkward.", []want{{"Saturday", "DATE 2016-02-06"}}},
	})
}

// Centuries need no article ("a 20th century democrat", "the
// 11th-century temple"); "21st Century Fox" is a name.
func TestBareCentury(t *testing.T) {
	check(t, "1998-02-13", []tcase{
		{"She is a 20th century democrat.", []want{{"20th century", "DATE 19"}}},
		{"They cleared mines near the fabled 11th-century temple.", []want{{"11th-century", "DATE 10"}}},
		{"The twentieth century ended.", []want{{"The twentieth century", "DATE 19"}}},
		{"He joined 21st Century Fox.", nil},
		{"He finished 20th in the race.", nil},
	})
}

// "fiscal" between a relative word and "year" names the same year.
func TestRelativeFiscalYear(t *testing.T) {
	check(t, "1989-11-02", []tcase{
		{"Sales in the current fiscal year will rise.", []want{{"the current fiscal year", "DATE 1989"}}},
		{"It earned $5 million in the latest fiscal year.", []want{{"the latest fiscal year", "DATE 1988"}}},
		{"Last fiscal year it lost money.", []want{{"Last fiscal year", "DATE 1988"}}},
	})
}

// A stretch of units of no stated length: "the first hours", "the past
// weeks", "the final days", "the weeks ahead", "within weeks or months".
func TestVagueSpans(t *testing.T) {
	check(t, "1998-02-13", []tcase{
		{"Prisoners were taken in the first hours of the war.", []want{{"the first hours", "DURATION PTXH"}}},
		{"Over the past weeks, prices rose.", []want{{"the past weeks", "DURATION PXW"}}},
		{"Investors will watch rates in the weeks ahead.", []want{{"the weeks ahead", "DURATION PXW"}}},
		{"He probably died within weeks or months of his capture.", []want{{"weeks or months", "DURATION PXW"}}},
		{"Troops will be committed within weeks.", []want{{"weeks", "DURATION PXW"}}},
		{"You don't save as many lives in the early years.", []want{{"the early years", "DURATION PXY"}}},
		{"Prices rose over the past three weeks.", []want{{"the past three weeks", "DURATION P3W"}}},
		{"Talks continue in the coming days.", []want{{"the coming days", "DATE FUTURE_REF"}}},
		{"The past weekends were quiet.", nil},
	})
}

// "this weekend" in a past clause early in the week is the weekend just
// gone; "This Week" in title case after other words is a programme.
func TestThisWeekendAndProgramme(t *testing.T) {
	check(t, "2016-09-19", []tcase{
		{"The president told voters this weekend he would be insulted.", []want{{"this weekend", "DATE 2016-W37-WE"}}},
		{"He will campaign in Ohio this weekend.", []want{{"this weekend", "DATE 2016-W38-WE"}}},
		{"Trump said on ABC's This Week that it was bad.", nil},
		{"This Week, prices rose.", []want{{"This Week", "DATE 2016-W38"}}},
	})
	check(t, "2016-09-24", []tcase{
		{"He campaigned in Ohio this weekend.", []want{{"this weekend", "DATE 2016-W38-WE"}}},
	})
	check(t, "2014-06-13", []tcase{ // a Friday: the coming one
		{"It set the stage for another likely rout this weekend.", []want{{"this weekend", "DATE 2014-W24-WE"}}},
	})
	check(t, "2015-03-31", []tcase{
		{"He denied that a change would be needed before this weekend's final.", []want{{"this weekend", "DATE 2015-W14-WE"}}},
	})
}

// A part of the day that names no time: "late-night comedy" is a kind of
// programme, "it won't happen overnight" means suddenly.
func TestNoNightInParticular(t *testing.T) {
	check(t, "2016-09-30", []tcase{
		{"He became a staple of late-night comedy.", nil},
		{"He spoke on a late night talk show.", nil},
		{"It's not going to happen overnight.", nil},
		{"Trump took to Twitter overnight to accuse Clinton.", []want{{"overnight", "TIME 2016-09-30TNI"}}},
		{"His late-night tweets were unhinged.", []want{{"late-night", "TIME 2016-09-30TNI END"}}},
	})
}

// "the comparable year-ago quarter" keeps its article and adjective.
func TestComparableYearAgo(t *testing.T) {
	check(t, "1989-10-27", []tcase{
		{"In the comparable year-ago quarter, sales fell.", []want{{"the comparable year-ago quarter", "DATE 1988-Q3"}}},
		{"The year-earlier period was bad.", []want{{"The year-earlier period", "DATE 1988-Q3"}}},
	})
}

// Rates: a number word before "a week" makes it a set ("seven days a
// week"), the frequency belongs to the set's span ("twice a day", "three
// times a year"), and "every few weeks" is a set too; "a month from now"
// stays a date.
func TestSetRates(t *testing.T) {
	check(t, "1998-08-10", []tcase{
		{"The show airs seven days a week.", []want{{"seven days", "DURATION P7D"}, {"a week", "SET P1W"}}},
		{"Take it twice a day.", []want{{"twice a day", "SET P1D"}}},
		{"They meet three times a year.", []want{{"three times a year", "SET P1Y"}}},
		{"He calls once a week.", []want{{"once a week", "SET P1W"}}},
		{"It happens every few weeks.", []want{{"every few weeks", "SET PXW"}}},
		{"The lease runs two years a month from now.", []want{{"two years", "DURATION P2Y"}, {"a month from now", "DATE 1998-09"}}},
		{"It lasted a week.", []want{{"a week", "DURATION P1W"}}},
	})
}

// A season under way or within two months of the publication date is the
// nearest one, whatever the tense ("the summer" in late September, even
// before an infinitive, is the one just over); further away the tense
// decides.
func TestNearSeason(t *testing.T) {
	check(t, "2016-09-19", []tcase{
		{"After devoting much of the summer trying to woo voters, they shifted.", []want{{"the summer", "DATE 2016-SU"}}},
		{"He will rest in the spring.", []want{{"the spring", "DATE 2017-SP"}}},
		{"In the winter, he will rest.", []want{{"the winter", "DATE 2016-WI"}}},
	})
	check(t, "2016-01-19", []tcase{
		{"In the winter, it snowed.", []want{{"the winter", "DATE 2015-WI"}}},
		{"In the summer, it rained.", []want{{"the summer", "DATE 2015-SU"}}},
		{"In the summer, it will rain.", []want{{"the summer", "DATE 2016-SU"}}},
	})
}

// "the next year" is a stretch of time after "over", "in", "spend" and
// the like, else the year after the narrative's reference time.
func TestTheNextUnitNarrative(t *testing.T) {
	check(t, "2016-10-24", []tcase{
		{"In 2007 she lost. The next year, when she expanded her lead, he quit.", []want{{"2007", "DATE 2007"}, {"The next year", "DATE 2008"}}},
		{"Ryan will spend the next month on it.", []want{{"the next month", "DURATION P1M"}}},
		{"It will raise $1 trillion over the next decade.", []want{{"the next decade", "DURATION P10Y"}}},
		{"Missouri votes in the next week.", []want{{"the next week", "DURATION P1W"}}},
	})
}

// The bare day closing a range opened by a full date is that day of the
// same month ("from August 10 to 12", "Aug. 10-12"), not when a noun
// follows the number ("August 10 to 12 percent").
func TestRangeDay(t *testing.T) {
	check(t, "1998-08-08", []tcase{
		{"The talks will be held from August 10 to 12.", []want{{"August 10", "DATE 1998-08-10"}, {"12", "DATE 1998-08-12"}}},
		{"The fair runs Aug. 10-12 in Beijing.", []want{{"Aug. 10", "DATE 1998-08-10"}, {"12", "DATE 1998-08-12"}}},
		{"The meeting is on May 3 and 4.", []want{{"May 3", "DATE 1998-05-03"}, {"4", "DATE 1998-05-04"}}},
		{"Between March 1 and 5, 1998, prices fell.", []want{{"March 1", "DATE 1998-03-01"}, {"5, 1998", "DATE 1998-03-05"}}},
		{"It rose 10 to 12 points on August 3.", []want{{"August 3", "DATE 1998-08-03"}}},
		{"Rates rose from August 10 to 12 percent.", []want{{"August 10", "DATE 1998-08-10"}}},
	})
}

// "the next century" is the one after the publication date's unless a
// preposition of span makes it a hundred years ("over the next century").
func TestTheNextCentury(t *testing.T) {
	check(t, "1998-08-08", []tcase{
		{"China will enter the next century strong.", []want{{"the next century", "DATE 20"}}},
		{"In the next century, robots will work.", []want{{"the next century", "DATE 20"}}},
		{"Over the next century, seas will rise.", []want{{"the next century", "DURATION P100Y"}}},
		{"It will cost $5 over the next decade.", []want{{"the next decade", "DURATION P10Y"}}},
	})
}

// "the morning of Aug. 7": a part of the day named after it is one TIME.
func TestPartOfDayOf(t *testing.T) {
	check(t, "1998-08-08", []tcase{
		{"It happened on the morning of Aug. 7.", []want{{"the morning of Aug. 7", "TIME 1998-08-07TMO"}}},
		{"On the evening of Friday, they met.", []want{{"the evening of Friday", "TIME 1998-08-07TEV"}}},
		{"The night of the long knives.", nil},
	})
}

// "year-long" is one unit; "within hours", "for hours" a stretch of hours.
func TestUnitLongAndHours(t *testing.T) {
	check(t, "1998-08-08", []tcase{
		{"The year-long probe ended.", []want{{"year-long", "DURATION P1Y"}}},
		{"A two-year-long study ended.", []want{{"two-year-long", "DURATION P2Y"}}},
		{"Within hours of the attack, police arrived.", []want{{"hours", "DURATION PTXH"}}},
		{"They met in hours of need.", nil},
	})
}

// Year lists and years naming what follows a determiner.
func TestYearListsAndModifiers(t *testing.T) {
	check(t, "2003-05-14", []tcase{
		{"The bank will be repaid in 1994, 1995 and 1996.", []want{{"1994", "DATE 1994"}, {"1995", "DATE 1995"}, {"1996", "DATE 1996"}}},
		{"Prices fell to the low end of their 2002 ranges.", []want{{"2002", "DATE 2002"}}},
		{"The 1998 elections were close.", []want{{"1998", "DATE 1998"}}},
		{"Some 1,500 soldiers and 2003 others were there.", nil},
		{"The total was 4, 1997 people said.", nil},
	})
}

// "more than"/"less than" after an amount compares the amount.
func TestComparedAmount(t *testing.T) {
	check(t, "2003-05-14", []tcase{
		{"Revenue was $12 million more than a year ago.", []want{{"a year ago", "DATE 2002"}}},
		{"Sales rose 4 percent less than two years ago.", []want{{"two years ago", "DATE 2001"}}},
		{"The talks ended more than a year ago.", []want{{"more than a year ago", "DATE 2002 APPROX"}}},
		{"The cease-fire has held for more than a year.", []want{{"more than a year", "DURATION P1Y MORE_THAN"}}},
		{"That was decided a long time ago.", []want{{"a long time ago", "DATE PAST_REF"}}},
	})
}

// An ambiguous month as a modifier or after "for"; a reporting verb right
// before a month does not date it.
func TestMonthModifierAndReport(t *testing.T) {
	check(t, "2003-05-14", []tcase{
		{"Traders expect a March deficit of $2 billion.", []want{{"March", "DATE 2003-03"}}},
		{"Analysts will welcome any figure below that for March.", []want{{"March", "DATE 2003-03"}}},
		{"Thousands joined the March on the capital.", nil},
		{"He said they may leave.", nil},
	})
	check(t, "2003-06-02", []tcase{
		{"He said September contracts could rise further.", []want{{"September", "DATE 2003-09"}}},
		{"The company ended September with a loss.", []want{{"September", "DATE 2002-09"}}},
	})
}

// "a year ago" counts from the publication date even right after a
// quarter that is itself a year back.
func TestYearAgoQuarter(t *testing.T) {
	check(t, "2003-04-28", []tcase{
		{"Profit rose 20 percent from last year's first quarter, and costs fell from a year ago.",
			[]want{{"last year's first quarter", "DATE 2002-Q1"}, {"a year ago", "DATE 2002-Q1"}}},
		{"In the first quarter profit fell from a year ago.", []want{{"the first quarter", "DATE 2003-Q1"}, {"a year ago", "DATE 2002-Q1"}}},
	})
}

// Midnight is hour 24 (TimeBank); "midnight tonight" is one time.
func TestMidnight(t *testing.T) {
	check(t, "2003-05-14", []tcase{
		{"The offer expires at midnight tonight.", []want{{"midnight tonight", "TIME 2003-05-14T24"}}},
		{"The offer will expire at midnight Friday.", []want{{"midnight Friday", "TIME 2003-05-16T24"}}},
	})
}

// The quarter or half starting within two months is the coming one
// whatever the tense.
func TestComingQuarterAndHalf(t *testing.T) {
	check(t, "2003-06-20", []tcase{
		{"Ministers proposed a ceiling of 16 million barrels for the third quarter.", []want{{"the third quarter", "DATE 2003-Q3"}}},
		{"Output exceeded its second-half quota.", []want{{"second-half", "DATE 2003-H2"}}},
	})
	check(t, "2003-02-20", []tcase{
		{"The company earned $5 million in the third quarter.", []want{{"the third quarter", "DATE 2002-Q3"}}},
		{"Sales rose in the second half.", []want{{"the second half", "DATE 2002-H2"}}},
	})
}

// A bare month two months away on the side the tense denies takes the
// tense; a verb introducing a quotation does not date what is said.
func TestMonthTenseAndQuotation(t *testing.T) {
	check(t, "2003-12-16", []tcase{
		{"The minister took office in February.", []want{{"February", "DATE 2003-02"}}},
		{"The minister will take office in February.", []want{{"February", "DATE 2004-02"}}},
		{"The dividend was cut and is payable Feb. 2.", []want{{"Feb. 2", "DATE 2004-02-02"}}},
	})
	check(t, "2003-07-21", []tcase{
		{"Then he leaned in and boomed: “Let us beat them in November.”", []want{{"November", "DATE 2003-11"}}},
		{"He won the vote in November.", []want{{"November", "DATE 2002-11"}}},
	})
}

// "this past weekend" is one expression, the weekend gone.
func TestThisPast(t *testing.T) {
	check(t, "2003-07-23", []tcase{
		{"The team lost this past weekend.", []want{{"this past weekend", "DATE 2003-W29-WE"}}},
		{"Prices fell this past week.", []want{{"this past week", "DATE 2003-W29"}}},
	})
}

// Weekday tense: a scheduled infinitive is ahead, an infinitive under a
// past verb and a gerund is past, "does not" is the present, a noun
// object of a verb schedules nothing, "following" before a weekday's
// possessive is a preposition.
func TestWeekdayTenseMore(t *testing.T) {
	check(t, "2014-02-24", []tcase{ // a Monday
		{"She was scheduled to return Tuesday to Phoenix.", []want{{"Tuesday", "DATE 2014-02-25"}}},
		// a reporting verb in the present dates the report, which is past
		{"Akin's ad, and claims Friday that he is going to stay in, defied party leaders.", []want{{"Friday", "DATE 2014-02-21"}}},
		{"Obama warns Friday that the cuts will hurt.", []want{{"Friday", "DATE 2014-02-21"}}},
		{"Three men were detained attempting to cross the border on Saturday.", []want{{"Saturday", "DATE 2014-02-22"}}},
		{"The senator failed to clearly explain the bill during an appearance Sunday.", []want{{"Sunday", "DATE 2014-02-23"}}},
		{"His speech on Friday does not hold up.", []want{{"Friday", "DATE 2014-02-21"}}},
		{"Aides spoke by phone following Saturday's vote.", []want{{"Saturday", "DATE 2014-02-22"}}},
		{"They voted again the following Tuesday.", []want{{"the following Tuesday", "DATE 2014-02-25"}}},
	})
}

// Tagged: a plural noun the tagger reads as a verb does not schedule the
// weekday when it is the object of a verb.
func TestTaggedObjectNoun(t *testing.T) {
	text := "They organized two conference calls, including one on Sunday."
	a := analysis(text, "2016-06-22") // a Wednesday
	tags := []struct{ w, pos string }{{"They", "PRP"}, {"organized", "VBD"}, {"two", "CD"}, {"conference", "NN"}, {"calls", "VBZ"}, {",", ","},
		{"including", "VBG"}, {"one", "CD"}, {"on", "IN"}, {"Sunday", "NNP"}, {".", "."}}
	off := 0
	for _, tg := range tags {
		s := strings.Index(text[off:], tg.w) + off
		a.Tokens = append(a.Tokens, model.Token{Start: s, End: s + len(tg.w), POS: tg.pos})
		off = s + len(tg.w)
	}
	s, _ := New()
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 1 || a.Times[0].Value != "2016-06-19" {
		t.Fatalf("object noun: %+v", a.Times)
	}
}

// "the day before" compares and leaves the narrative's day; a bare clock
// time opening a sentence is on the publication day.
func TestDayBeforeAndRunningReport(t *testing.T) {
	check(t, "2016-07-30", []tcase{
		{"On Friday the yield fell to 1.45 percent from 1.51 percent the day before, and the euro rose from $1.10 the day before.",
			[]want{{"Friday", "DATE 2016-07-29"}, {"the day before", "DATE 2016-07-28"}, {"the day before", "DATE 2016-07-28"}}},
	})
	check(t, "2016-06-05", []tcase{
		{"A memorial service is planned Friday.\n2:25 p.m. His brother spoke to reporters.",
			[]want{{"Friday", "DATE 2016-06-10"}, {"2:25 p.m.", "TIME 2016-06-05T14:25"}}},
	})
}

// Named days, election Novembers and month pairs that share a year.
func TestNamedDayElectionAndPairs(t *testing.T) {
	check(t, "2016-09-28", []tcase{
		{"Families of those killed in the Sept. 11 attacks may sue.", []want{{"Sept. 11", "DATE 2001-09-11"}}},
		{"The talks resume Sept. 11 in Geneva.", []want{{"Sept. 11", "DATE 2016-09-11"}}},
	})
	check(t, "2018-01-22", []tcase{
		{"The plan protects senators up for re-election in November.", []want{{"November", "DATE 2018-11"}}},
	})
	check(t, "2017-01-22", []tcase{
		{"The plan protects senators up for re-election in November.", []want{{"November", "DATE 2016-11"}}},
	})
	check(t, "2010-05-28", []tcase{
		{"He called during the months of June and July of 2009.", []want{{"June", "DATE 2009-06"}, {"July of 2009", "DATE 2009-07"}}},
		{"It rained from November to February 2010.", []want{{"November", "DATE 2009-11"}, {"February 2010", "DATE 2010-02"}}},
	})
}

// "was scheduled/set to" leaves the nearest weekday; a quoted phrase
// inside a clause does not cut the clause's tense off.
func TestScheduledPastAndQuotedPhrase(t *testing.T) {
	check(t, "2016-03-12", []tcase{ // a Saturday
		{"He was set to receive an endorsement on Friday from a former rival.", []want{{"Friday", "DATE 2016-03-11"}}},
		{"She was scheduled to speak to the delegates on Tuesday.", []want{{"Tuesday", "DATE 2016-03-15"}}},
	})
	check(t, "2010-12-12", []tcase{ // a Sunday
		{"He asked members to join him \"for a private conference call\" Monday evening.", []want{{"Monday evening", "TIME 2010-12-13TEV"}}},
	})
}

// "was expected … on Tuesday" and "a meeting scheduled for Thursday" take
// the nearest day; "last September 30" is a day; "the year before" steps
// back from the narrative's year; "the end of the quarter" in its last
// month is the quarter closing.
func TestScheduledDayUnitBeforeQuarterEnd(t *testing.T) {
	check(t, "1987-04-07", []tcase{ // a Tuesday
		{"GM rose ahead of an analysts meeting scheduled for Thursday.", []want{{"Thursday", "DATE 1987-04-09"}}},
		{"A decision was expected late today or on Wednesday.", []want{{"late today", "DATE 1987-04-07 END"}, {"Wednesday", "DATE 1987-04-08"}}},
		{"Brazil owed it 1.98 billion dlrs as of last September 30.", []want{{"last September 30", "DATE 1986-09-30"}}},
		{"Sales rose to 59 pct in 1985 from 23 pct the year before.", []want{{"1985", "DATE 1985"}, {"the year before", "DATE 1984"}}},
		{"Profit rose 4 pct from the year before.", []want{{"the year before", "DATE 1986"}}},
	})
	check(t, "1987-03-26", []tcase{
		{"Banks may declare the loans non-performing at the end of the quarter.", []want{{"the end of the quarter", "DATE 1987-Q1 END"}}},
	})
	check(t, "1987-04-26", []tcase{
		{"Banks declared the loans non-performing at the end of the quarter.", []want{{"the end of the quarter", "DATE 1987-Q1 END"}}},
	})
}

// Contract months, spelled days, "April of last year", a passive
// infinitive, and "the previous year" leaving the narrative.
func TestContractMonthsAndSpelledDays(t *testing.T) {
	check(t, "1987-10-19", []tcase{
		{"December loading rose to 19.65 dlrs.", []want{{"December", "DATE 1987-12"}}},
		{"September corn futures rose 12 cents.", []want{{"September", "DATE 1988-09"}}},
		{"The contract period runs from April one through July one.", []want{{"April one", "DATE 1987-04-01"}, {"July one", "DATE 1987-07-01"}}},
		{"In April one analyst said prices rose.", []want{{"April", "DATE 1987-04"}}},
		{"It was the first time since April of last year.", []want{{"April of last year", "DATE 1986-04"}}},
		{"Profit for the year to January 3, 1987 was 79 mln, against 70 mln in the previous year, and sales rose from the previous year.",
			[]want{{"the year", "DURATION P1Y"}, {"January 3, 1987", "DATE 1987-01-03"}, {"the previous year", "DATE 1986"}, {"the previous year", "DATE 1986"}}},
	})
	check(t, "1987-03-18", []tcase{
		{"The governors were asked to resubmit the plan before July.", []want{{"July", "DATE 1987-07"}}},
		{"The governors were quick to reject the plan in July.", []want{{"July", "DATE 1986-07"}}},
	})
}

// No false dates: a 24-hour clock time, the end of a season's years.
func TestNoFalseClockYearsAndSeasons(t *testing.T) {
	check(t, "1987-03-12", []tcase{
		{"Members must submit all orders by 1530 hrs.", nil},
		{"Orders placed after 1530 EST are late.", nil},
		{"Taxes for the 1987/88 season were cut.", nil},
		{"Banks will be repaid by 1990.", []want{{"1990", "DATE 1990"}}},
	})
}

// "the month" after a month named in the same sentence is that month.
func TestTheMonthAnaphora(t *testing.T) {
	check(t, "2016-02-05", []tcase{
		{"Unemployment dipped in January, with 151,000 jobs added during the month.", []want{{"January", "DATE 2016-01"}, {"the month", "DATE 2016-01"}}},
		{"Banks need reserves for the month.", []want{{"the month", "DATE 2016-02"}}},
	})
}

// "18 to 24 year olds" is an age.
func TestYearOlds(t *testing.T) {
	check(t, "2005-03-15", []tcase{
		{"Turnout was 17% among 18 to 24 year olds.", nil},
		{"It took 18 to 24 months.", []want{{"18 to 24 months", "DURATION P18M"}}},
	})
}

// "October-to-December": the second month follows the first one's year.
func TestHyphenatedMonthRange(t *testing.T) {
	check(t, "2005-03-15", []tcase{
		{"Sales in the October-to-December quarter fell.", []want{{"October", "DATE 2004-10"}, {"December", "DATE 2004-12"}}},
	})
}

// A range of bare months that could have ended already is the one gone
// by unless the clause looks ahead.
func TestMonthRangeGoneBy(t *testing.T) {
	check(t, "1998-12-20", []tcase{
		{"Exports in January-November rose 3 percent.", []want{{"January", "DATE 1998-01"}, {"November", "DATE 1998-11"}}},
		{"Sales will rise from February to April.", []want{{"February", "DATE 1999-02"}, {"April", "DATE 1999-04"}}},
	})
	check(t, "1987-03-19", []tcase{
		{"Data is collected during November-June.", []want{{"November", "DATE 1986-11"}, {"June", "DATE 1987-06"}}},
	})
	check(t, "2005-03-15", []tcase{
		{"The value of trade in April-July rose.", []want{{"April", "DATE 2004-04"}, {"July", "DATE 2004-07"}}},
	})
}

// Election day in an even year; a contracted auxiliary does not schedule;
// a participle clause keeps its weekday from a present verb before it.
func TestElectionDayAndPresentCues(t *testing.T) {
	check(t, "2016-05-16", []tcase{
		{"He was asked how he would fare if he won the election on Nov. 8.", []want{{"Nov. 8", "DATE 2016-11-08"}}},
	})
	check(t, "2018-01-22", []tcase{
		{"She won re-election in November.", []want{{"November", "DATE 2017-11"}}},
	})
	tagged := func(text, published string, tags [][2]string) *model.Analysis {
		a := analysis(text, published)
		off := 0
		for _, tg := range tags {
			s := strings.Index(text[off:], tg[0]) + off
			a.Tokens = append(a.Tokens, model.Token{Start: s, End: s + len(tg[0]), POS: tg[1]})
			off = s + len(tg[0])
		}
		return a
	}
	s, _ := New()
	for _, c := range []struct {
		a    *model.Analysis
		want string
	}{
		{tagged("He doesn't want that in an interview with CNN on Sunday.", "2016-02-08", [][2]string{{"He", "PRP"}, {"does", "VBZ"}, {"n't", "RB"}, {"want", "VB"}, {"that", "DT"}, {"in", "IN"}, {"an", "DT"}, {"interview", "NN"}, {"with", "IN"}, {"CNN", "NNP"}, {"on", "IN"}, {"Sunday", "NNP"}, {".", "."}}), "2016-02-07"},
		{tagged("Fans complain about the actor attending the convention on Wednesday.", "2016-07-29", [][2]string{{"Fans", "NNS"}, {"complain", "VBP"}, {"about", "IN"}, {"the", "DT"}, {"actor", "NN"}, {"attending", "VBG"}, {"the", "DT"}, {"convention", "NN"}, {"on", "IN"}, {"Wednesday", "NNP"}, {".", "."}}), "2016-07-27"},
		{tagged("Arafat meets Albright Monday.", "2016-07-29", [][2]string{{"Arafat", "NNP"}, {"meets", "VBZ"}, {"Albright", "NNP"}, {"Monday", "NNP"}, {".", "."}}), "2016-08-01"},
	} {
		if err := s.Process(context.Background(), c.a); err != nil {
			t.Fatal(err)
		}
		if len(c.a.Times) != 1 || c.a.Times[0].Value != c.want {
			t.Errorf("%q: %+v, want %s", c.a.Text, c.a.Times, c.want)
		}
	}
}

// "in the lead-up to Tuesday's primary" is the coming one unless the
// clause looks back.
func TestAheadOfPossessiveAndParticiple(t *testing.T) {
	check(t, "2016-04-14", []tcase{ // a Thursday
		{"The Latest on the campaign in the lead up to Tuesday's primary.", []want{{"Tuesday", "DATE 2016-04-19"}}},
		{"Candidates are campaigning ahead of Tuesday's vote.", []want{{"Tuesday", "DATE 2016-04-19"}}},
		{"Polls tightened ahead of Tuesday's vote.", []want{{"Tuesday", "DATE 2016-04-12"}}},
		{"Clinton won Tuesday's primary.", []want{{"Tuesday", "DATE 2016-04-12"}}},
	})
}
