package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Directions of a relative reference.
const (
	past   = -1
	future = 1
)

func day(t time.Time) string { return t.Format("2006-01-02") }

func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func month(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func year(y int) string { return fmt.Sprintf("%04d", y) }

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// isoWeekday maps time.Weekday to ISO 8601 (Monday 1 … Sunday 7).
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// weekdayDate resolves ISO weekday wd against dct: dir past gives the most
// recent such day on or before dct, future the next on or after it;
// strict excludes dct itself ("last Friday", "next Friday").
func weekdayDate(dct time.Time, wd, dir int, strict bool) time.Time {
	cur := isoWeekday(dct)
	if dir == future {
		d := (wd - cur + 7) % 7
		if d == 0 && strict {
			d = 7
		}
		return dct.AddDate(0, 0, d)
	}
	d := (cur - wd + 7) % 7
	if d == 0 && strict {
		d = 7
	}
	return dct.AddDate(0, 0, -d)
}

// monthYear picks the year of month m (and day d, 0 = none) relative to dct.
func monthYear(dct time.Time, m, d, dir int) int {
	y, cm, cd := dct.Year(), int(dct.Month()), dct.Day()
	if dir == future {
		if m < cm || (m == cm && d > 0 && d < cd) {
			return y + 1
		}
		return y
	}
	if m > cm || (m == cm && d > cd) {
		return y - 1
	}
	return y
}

// quarterYear picks the year of quarter q relative to dct.
// A quarter up to the current one is this year's (results are reported
// after the quarter ends); a later one is last year's in the past tense.
func quarterYear(dct time.Time, q, dir int) int {
	// The quarter starting within two months is the coming one whatever
	// the tense ("proposed ceilings for the third quarter" in June), as
	// with a bare month.
	if q > quarterOf(dct) && dir == past && date(dct.Year(), 3*(q-1)+1, 1).Sub(dct).Hours()/24 > 62 {
		return dct.Year() - 1
	}
	return dct.Year()
}

func quarter(y, q int) string { return fmt.Sprintf("%04d-Q%d", y, q) }

// shiftQuarter adds n quarters to (y, q).
func shiftQuarter(y, q, n int) (int, int) {
	i := y*4 + q - 1 + n
	return i / 4, i%4 + 1
}

// seasonStart is the first month of each season (winter starts in December).
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// nearSeason is the year of the season s under way at dct or within two
// months of it ("the summer" in late September is the one just over), 0
// when none is that near: like a bare month, the nearest wins before the
// tense is asked.
func nearSeason(dct time.Time, s string) int {
	now := dct.Year()*12 + int(dct.Month()) - 1
	for _, c := range []int{dct.Year() - 1, dct.Year(), dct.Year() + 1} {
		start := c*12 + seasonStart[s] - 1
		if now >= start-2 && now <= start+2+2 {
			return c
		}
	}
	return 0
}

// seasonYear picks the year of a season relative to dct for "last"/"next"/"this".
func seasonYear(dct time.Time, s string, rel string, dir int) int {
	y, cm := dct.Year(), int(dct.Month())
	st := seasonStart[s]
	started := cm >= st
	over := cm >= st+3 || (s == "WI" && cm < 3)
	if s == "WI" && cm < 3 {
		// January and February belong to the winter that started last year.
		y--
		started, over = true, false
	}
	switch rel {
	case "this":
		return y
	case "last", "past", "previous":
		if over {
			return y
		}
		return y - 1
	case "next", "coming":
		if started {
			return y + 1
		}
		return y
	}
	if dir == future && over {
		return y + 1
	}
	if dir == past && !started {
		return y - 1
	}
	return y
}

// durVal writes a TIMEX3 duration: n < 0 is an unknown amount (X).
func durVal(n int, unit string) string {
	amt := "X"
	if n >= 0 {
		amt = strconv.Itoa(n)
	}
	switch unit {
	case "S":
		return "PT" + amt + "S"
	case "MIN":
		return "PT" + amt + "M"
	case "H":
		return "PT" + amt + "H"
	case "FN":
		if n >= 0 {
			return "P" + strconv.Itoa(2*n) + "W"
		}
		return "PXW"
	case "DE":
		if n >= 0 {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXDE"
	case "CE":
		if n >= 0 {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXCE"
	}
	return "P" + amt + unit
}

// shiftBy moves dct by n units back (dir past) or forward and returns the
// value at the unit's granularity ("two weeks ago" → a day, "five months
// ago" → a month, "a year ago" → a year).
func shiftBy(dct time.Time, n int, unit string, dir int) (string, string) {
	if n < 0 {
		if dir == past {
			return "PAST_REF", "DATE"
		}
		return "FUTURE_REF", "DATE"
	}
	k := n * dir
	if y := dct.Year() + shiftYears(k, unit); y < 1 || y > 9999 {
		return "", "" // "7000 years earlier": no four-digit year to give
	}
	switch unit {
	case "S", "MIN", "H":
		d := time.Duration(k)
		switch unit {
		case "S":
			d *= time.Second
		case "MIN":
			d *= time.Minute
		default:
			d *= time.Hour
		}
		t := dct.Add(d)
		if unit == "H" {
			return t.Format("2006-01-02T15"), "TIME"
		}
		return t.Format("2006-01-02T15:04"), "TIME"
	case "D":
		return day(dct.AddDate(0, 0, k)), "DATE"
	case "W":
		return day(dct.AddDate(0, 0, 7*k)), "DATE"
	case "FN":
		return day(dct.AddDate(0, 0, 14*k)), "DATE"
	case "M":
		// From the first of the month: the 31st less a month is not the 1st
		// of the same month.
		t := time.Date(dct.Year(), dct.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, k, 0)
		return month(t.Year(), int(t.Month())), "DATE"
	case "Q":
		y, q := shiftQuarter(dct.Year(), quarterOf(dct), k)
		return quarter(y, q), "DATE"
	case "Y":
		return year(dct.Year() + k), "DATE"
	case "DE":
		return strconv.Itoa((dct.Year() + 10*k) / 10), "DATE"
	case "CE":
		return strconv.Itoa((dct.Year() + 100*k) / 100), "DATE"
	}
	return "", ""
}

// shiftYears is about how many years k units span (rounded toward zero),
// for the range check of shiftBy.
func shiftYears(k int, unit string) int {
	switch unit {
	case "Y":
		return k
	case "DE":
		return 10 * k
	case "CE":
		return 100 * k
	case "Q":
		return k / 4
	case "M":
		return k / 12
	case "W", "FN":
		return k / 26 // weeks or fortnights: a generous bound
	case "D":
		return k / 365
	}
	return k / (365 * 24) // hours or finer: a generous bound
}

// shiftValue moves a DATE value by n years, keeping its granularity
// ("1989-Q3" → "1988-Q3"); ok is false for values it cannot shift.
func shiftValue(v string, n int) (string, bool) {
	if len(v) < 4 {
		return "", false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y+n < 1 || y+n > 9999 {
		return "", false
	}
	rest := v[4:]
	if rest == "-02-29" || (len(rest) > 6 && rest[:6] == "-02-29") {
		rest = "-02-28" + rest[6:]
	}
	return year(y+n) + rest, true
}

// holidayRule dates a holiday in any year.
type holidayRule struct {
	kind   string // "fixed", "nth", "last", "easter"; "" = not a holiday
	m, d   int    // fixed: month and day; nth: month and first day to consider
	wd, n  int    // nth/last: ISO weekday and rank
	offset int    // easter: days from Easter Sunday
	next   string // a word that must follow ("day" in "Labor Day"), "" if none
}

// parseHoliday reads "fixed:MM-DD", "nth:M:WD:N[:FROM]", "last:M:WD" or
// "easter:OFFSET", optionally followed by "|word".
func parseHoliday(v string) (holidayRule, error) {
	var h holidayRule
	spec := v
	if i := strings.IndexByte(v, '|'); i >= 0 {
		spec, h.next = v[:i], v[i+1:]
	}
	parts := strings.Split(spec, ":")
	nums := make([]int, 0, 4)
	for _, f := range parts[1:] {
		if parts[0] == "easter" {
			break
		}
		for _, g := range strings.Split(f, "-") {
			n, err := strconv.Atoi(g)
			if err != nil {
				return h, fmt.Errorf("holiday %q: bad number %q", v, g)
			}
			nums = append(nums, n)
		}
	}
	h.kind = parts[0]
	switch {
	case h.kind == "fixed" && len(nums) == 2 && nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1 && nums[1] <= 31:
		h.m, h.d = nums[0], nums[1]
	case h.kind == "nth" && (len(nums) == 3 || len(nums) == 4) && nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1 && nums[1] <= 7 && nums[2] >= 1 && nums[2] <= 5:
		h.m, h.wd, h.n, h.d = nums[0], nums[1], nums[2], 1
		if len(nums) == 4 {
			h.d = nums[3]
		}
	case h.kind == "last" && len(nums) == 2 && nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1 && nums[1] <= 7:
		h.m, h.wd = nums[0], nums[1]
	case h.kind == "easter" && len(parts) == 2:
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return h, fmt.Errorf("holiday %q: bad offset", v)
		}
		h.offset = n
	default:
		return h, fmt.Errorf("holiday %q: want fixed:MM-DD, nth:M:WD:N[:FROM], last:M:WD or easter:OFFSET", v)
	}
	return h, nil
}

// in returns the holiday's date in year y.
func (h holidayRule) in(y int) time.Time {
	switch h.kind {
	case "fixed":
		return date(y, h.m, h.d)
	case "nth":
		t := date(y, h.m, h.d)
		t = t.AddDate(0, 0, (h.wd-isoWeekday(t)+7)%7)
		return t.AddDate(0, 0, 7*(h.n-1))
	case "last":
		t := date(y, h.m+1, 1).AddDate(0, 0, -1)
		return t.AddDate(0, 0, -((isoWeekday(t) - h.wd + 7) % 7))
	case "easter":
		return easter(y).AddDate(0, 0, h.offset)
	}
	return time.Time{}
}

// easter is Easter Sunday of year y (Gregorian; anonymous algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}
