package timex

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	rtimex "herald/internal/resources/timex"
)

// entry is what the lexicon knows about one lower-case word. A word may be
// in several classes ("second": ordinal and unit; "may": month and modal).
type entry struct {
	month, monthAbbr, wday, wdays  int // 1-based; 0 = not this class
	num, mult, ord                 int // number value; -1 = not a number
	unit, pod, season, deictic     string
	rel, pos, approx, set          string
	holiday                        holidayRule
	vague, zone, future, futureCue bool
	past, present, aux, report     bool
	start                          bool   // can begin an expression (cue-only words cannot)
	decade                         string // "nineties" → "199"
}

var (
	lexOnce sync.Once
	lexMap  map[string]*entry
	lexErr  error
	lexSum  string // fingerprint of the lexicon bytes
)

// lexicon returns the word table, loaded once; it is read-only afterwards
// and safe for concurrent use.
func lexicon() (map[string]*entry, error) {
	lexOnce.Do(func() {
		rows, err := rtimex.Rows()
		if err != nil {
			lexErr = err
			return
		}
		lexMap, lexErr = buildLexicon(rows)
		lexSum = rtimex.Fingerprint()
	})
	return lexMap, lexErr
}

// buildLexicon turns lexicon rows into the word table; a bad value is an
// error located at its row and column.
func buildLexicon(rows []rtimex.Entry) (map[string]*entry, error) {
	var err error
	m := make(map[string]*entry, len(rows))
	for _, r := range rows {
		e := m[r.Word]
		if e == nil {
			e = &entry{num: -1, mult: -1, ord: -1}
			m[r.Word] = e
		}
		n := 0
		switch r.Class {
		case "month", "monthabbr", "weekday", "weekdays", "number", "multiplier", "ordinal":
			n, err = strconv.Atoi(r.Value)
			if err != nil {
				return nil, fmt.Errorf("timex: load lexicon: %w", r.Row.Errorf(2, "class %s needs a number, have %q", r.Class, r.Value))
			}
		}
		switch r.Class {
		case "future", "futurecue", "past", "present", "aux", "report", "zone":
		default:
			e.start = true
		}
		switch r.Class {
		case "month":
			e.month = n
		case "monthabbr":
			e.monthAbbr = n
		case "weekday":
			e.wday = n
		case "weekdays":
			e.wdays = n
		case "number":
			e.num = n
		case "multiplier":
			e.mult = n
		case "ordinal":
			e.ord = n
		case "unit":
			e.unit = r.Value
		case "partofday":
			e.pod = r.Value
		case "season":
			e.season = r.Value
		case "deictic":
			e.deictic = r.Value
		case "relative":
			e.rel = r.Value
		case "position":
			e.pos = r.Value
		case "approx":
			e.approx = r.Value
		case "set":
			e.set = r.Value
		case "vague":
			e.vague = true
		case "zone":
			e.zone = true
		case "future":
			e.future = true
		case "futurecue":
			e.futureCue = true
		case "past":
			e.past = true
		case "present":
			e.present = true
		case "aux":
			e.aux = true
		case "report":
			e.report = true
		case "decade":
			if len(r.Value) != 3 || strings.Trim(r.Value, "0123456789") != "" {
				return nil, fmt.Errorf("timex: load lexicon: %w", r.Row.Errorf(2, "decade needs three digits, have %q", r.Value))
			}
			e.decade = r.Value
		case "holiday":
			h, err := parseHoliday(r.Value)
			if err != nil {
				return nil, fmt.Errorf("timex: load lexicon: %w", r.Row.Errorf(2, "%v", err))
			}
			e.holiday = h
		}
	}
	return m, nil
}
