package timex

// Rule families for relative and anaphoric expressions, quantities and
// durations, quarters, seasons, positions ("late July"), sets, holidays.

import (
	"strconv"
	"strings"
	"time"

	"herald/internal/model"
)

// relOffset maps a relative word to an offset in units: this 0, last -1, next +1.
func relOffset(rel string) (int, bool) {
	switch rel {
	case "this", "current", "same":
		return 0, true
	case "last", "past", "previous", "prior", "latest", "recent":
		return -1, true
	case "next", "coming", "following", "upcoming":
		return 1, true
	}
	return 0, false
}

// unitValue is the DATE value of the unit u shifted by off units from dct.
func (p *parser) unitValue(u string, off int) (string, string, bool) {
	if !p.has {
		switch u {
		case "W":
			return "XXXX-WXX", model.TimeDate, true
		case "WE":
			return "XXXX-WXX-WE", model.TimeDate, true
		case "M":
			return "XXXX-XX", model.TimeDate, true
		case "Y":
			return "XXXX", model.TimeDate, true
		case "Q":
			return "XXXX-QX", model.TimeDate, true
		case "D":
			return "XXXX-XX-XX", model.TimeDate, true
		case "DE":
			return "XXX", model.TimeDate, true
		}
		return "", "", false
	}
	t := p.dct
	switch u {
	case "D":
		return day(t.AddDate(0, 0, off)), model.TimeDate, true
	case "W":
		return week(t.AddDate(0, 0, 7*off)), model.TimeDate, true
	case "WE":
		return week(t.AddDate(0, 0, 7*off)) + "-WE", model.TimeDate, true
	case "M":
		t = t.AddDate(0, 0, 1-t.Day()).AddDate(0, off, 0)
		return month(t.Year(), int(t.Month())), model.TimeDate, true
	case "Q":
		y, q := shiftQuarter(t.Year(), quarterOf(t), off)
		return quarter(y, q), model.TimeDate, true
	case "Y":
		return year(t.Year() + off), model.TimeDate, true
	case "DE":
		return strconv.Itoa(t.Year()/10 + off), model.TimeDate, true
	case "CE":
		return strconv.Itoa(t.Year()/100 + off), model.TimeDate, true
	}
	return "", "", false
}

func (p *parser) relative(i int) (match, bool) {
	j := i
	the := false
	if p.eq(j, "the") {
		the = true
		j++
	}
	// earlier/later this month
	posMod := ""
	if p.eqAny(j, "earlier", "later") && !the {
		posMod = "START"
		if p.eq(j, "later") {
			posMod = "END"
		}
		j++
	}
	rel := ""
	if p.eq(j, "most") && p.eq(j+1, "recent") {
		rel = "latest"
		j += 2
	} else if e := p.x(j); e != nil && e.rel != "" {
		rel = e.rel
		j++
		if rel == "this" && !the && posMod == "" && p.eq(j, "past") {
			rel = "past" // "this past weekend" is the one gone
			j++
		}
	}
	if posMod != "" && rel == "" && p.eq(j, "in") && p.eq(j+1, "the") {
		// earlier in the year, later in the day
		if u, plural, ok := p.unit(j + 2); ok && !plural && (u == "Y" || u == "M" || u == "W" || u == "D") {
			v, t, ok := p.unitValue(u, 0)
			if ok {
				return match{end: j + 3, typ: t, val: v, mod: posMod, rule: "earlier-in-the-unit"}, true
			}
		}
		return match{}, false
	}
	if posMod != "" && rel != "this" && rel != "last" && rel != "next" {
		return match{}, false
	}
	if rel == "" {
		if !the {
			return match{}, false
		}
		// the year, the quarter, the week, the weekend; "the fiscal year",
		// "the full year" are the year
		if p.eqAny(j, "fiscal", "full", "calendar") && p.eq(j+1, "year") {
			j++
		}
		u, plural, ok := p.unit(j)
		if !ok || plural || p.hyphen(j+1) {
			return match{}, false
		}
		yearTo := false
		if u == "Y" && p.eq(j+1, "to") {
			_, yearTo = p.monthDate(j + 2) // "the year to March": the twelve months ending then
		}
		if p.eqAny(j+1, "ended", "ending") || yearTo {
			// "the year ended Sept. 30" is a fiscal year (a duration);
			// "the quarter ended June 30" is the quarter that date closes,
			// "the week ended April 4" that week.
			switch u {
			case "Y":
				return match{end: j + 1, typ: model.TimeDuration, val: "P1Y", rule: "the-unit-ended"}, true
			case "Q", "M", "W":
				// the quarter, month or week that date closes
				if m, ok := p.monthDate(j + 2); ok && len(m.val) == 10 {
					if t, err := time.Parse("2006-01-02", m.val); err == nil {
						v := quarter(t.Year(), quarterOf(t))
						switch u {
						case "M":
							v = month(t.Year(), int(t.Month()))
						case "W":
							v = week(t)
						}
						return match{end: j + 1, typ: model.TimeDate, val: v, rule: "the-unit-ended"}, true
					}
				}
			}
		}
		switch u {
		case "Y":
			// "for the year", "for the full year" name the year itself
			// in TimeBank; only "the year ended …" is a span of a year
			v, t, _ := p.unitValue("Y", 0)
			return match{end: j + 1, typ: t, val: v, rule: "the-unit"}, true
		case "Q":
			off := -1 // the quarter last reported
			if p.has && int(p.dct.Month())%3 == 0 && p.eq(i-1, "of") && p.eqAny(i-2, "end", "close") {
				off = 0 // "at the end of the quarter" in its last month: the one closing
			}
			v, t, _ := p.unitValue("Q", off)
			return match{end: j + 1, typ: t, val: v, rule: "the-unit"}, true
		case "W", "M", "DE", "CE":
			if u == "M" && len(p.w) > 0 {
				// "in January, with 151,000 jobs added during the month":
				// the month this sentence has just named
				for n := len(p.out) - 1; n >= 0 && p.out[n].Start >= p.w[0].s; n-- {
					if v := p.out[n].Value; len(v) == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1' {
						return match{end: j + 1, typ: model.TimeDate, val: v, rule: "the-unit-anaphora"}, true
					}
				}
			}
			// "the week", "the month", "the decade", "the century": the
			// current one
			v, t, ok := p.unitValue(u, 0)
			if !ok {
				return match{}, false
			}
			return match{end: j + 1, typ: t, val: v, rule: "the-unit"}, true
		case "WE":
			off := 0
			if p.dir(i, j+1) == past && p.has && isoWeekday(p.dct) < 6 {
				off = -1
			}
			v, t, _ := p.unitValue("WE", off)
			return match{end: j + 1, typ: t, val: v, rule: "the-weekend"}, true
		}
		return match{}, false
	}
	off, ok := relOffset(rel)
	if !ok {
		return match{}, false
	}
	if p.eq(j, "fiscal") && p.eqAny(j+1, "year", "quarter") {
		j++ // "the current fiscal year", "last fiscal year": the year it names
	}
	// recent days, the coming weeks
	if u, plural, ok := p.unit(j); ok && plural && !p.eqAny(j, "weekends") {
		if rel == "recent" {
			if u == "Y" || u == "D" || u == "DE" {
				// "in recent years", "in recent days": the recent past
				// (TimeBank), while "recent weeks/months" span a stretch
				return match{end: j + 1, typ: model.TimeDate, val: "PAST_REF", rule: "recent-units"}, true
			}
			return match{end: j + 1, typ: model.TimeDuration, val: durVal(-1, u), rule: "recent-units"}, true
		}
		if rel == "coming" || rel == "upcoming" {
			return match{end: j + 1, typ: model.TimeDate, val: "FUTURE_REF", rule: "coming-units"}, true
		}
		return match{}, false
	}
	// last night, this morning
	if e := p.x(j); e != nil && e.pod != "" && !the {
		switch rel {
		case "this":
			return match{end: j + 1, typ: model.TimeTime, val: p.deicticDay("today") + "T" + e.pod, mod: posMod, rule: "this-part-of-day"}, true
		case "last":
			if e.pod == "NI" {
				return match{end: j + 1, typ: model.TimeTime, val: p.deicticDay("yesterday") + "TNI", rule: "last-night"}, true
			}
		}
		return match{}, false
	}
	// last May, next March
	if e := p.x(j); e != nil && e.month > 0 && p.w[j].upper {
		m := e.month
		if !p.has {
			return match{end: j + 1, typ: model.TimeDate, val: "XXXX-" + twoDigits(m), rule: "relative-month"}, true
		}
		y, cm := p.dct.Year(), int(p.dct.Month())
		switch {
		case off < 0:
			if m >= cm {
				y--
			}
		case off > 0:
			if m <= cm {
				y++
			}
		}
		if d, k, ok := p.dayAt(j + 1); ok && !(k < len(p.w) && p.x(k) != nil && p.x(k).unit != "") && d <= date(y, m+1, 0).Day() {
			// "last September 30", "next June 1"
			return match{end: k, typ: model.TimeDate, val: day(date(y, m, d)), rule: "relative-month-day"}, true
		}
		return match{end: j + 1, typ: model.TimeDate, val: month(y, m), rule: "relative-month"}, true
	}
	u, plural, ok := p.unit(j)
	if !ok || plural {
		return match{}, false
	}
	if u == "D" || u == "S" || u == "MIN" || u == "H" || u == "FN" || u == "ML" || p.hyphen(j+1) {
		return match{}, false
	}
	if rel == "same" {
		return match{}, false
	}
	if u == "Q" && rel == "this" && the {
		return match{}, false
	}
	if the && rel == "next" && u == "CE" && !(p.spanLead(i-1) && !p.eqAny(i-1, "in", "into", "of")) && p.has {
		// "China will enter the next century", "in the next century": the
		// century after the publication date's ("the next decade" stays
		// a stretch of ten years)
		v, t, _ := p.unitValue(u, 1)
		return match{end: j + 1, typ: t, val: v, rule: "the-following-unit"}, true
	}
	if the && (rel == "following" || rel == "previous" || rel == "next" && !p.spanLead(i-1)) && (u == "Y" || u == "M" || u == "W") {
		// "the following year", "the previous month", and "the next year"
		// when no preposition or verb makes it a stretch of time ("The
		// next year, he ran again"): one unit from the narrative's
		// reference time (the date last mentioned), else from the
		// publication date
		t, g := p.lastAnchor()
		if g < unitGrain(u) {
			if !p.has {
				v, t, _ := p.unitValue(u, 0) // underspecified: "XXXX-WXX"
				return match{end: j + 1, typ: t, val: v, rule: "the-following-unit"}, true
			}
			t = p.dct
		}
		v := ""
		switch u {
		case "Y":
			v = year(t.Year() + off)
		case "M":
			t = t.AddDate(0, 0, 1-t.Day()).AddDate(0, off, 0)
			v = month(t.Year(), int(t.Month()))
		case "W":
			v = week(t.AddDate(0, 0, 7*off))
		}
		// "the previous year" compares and leaves the reference time
		return match{end: j + 1, typ: model.TimeDate, val: v, rule: "the-following-unit", keepRef: off < 0}, true
	}
	if the && (rel == "next" || rel == "coming" || rel == "following") && u != "Q" && u != "WE" {
		// "the next year" is a duration in TimeML
		return match{end: j + 1, typ: model.TimeDuration, val: durVal(1, u), rule: "the-next-unit"}, true
	}
	if the && (rel == "past" || rel == "last") && u != "Q" && u != "Y" && u != "WE" && u != "DE" {
		return match{end: j + 1, typ: model.TimeDuration, val: durVal(1, u), rule: "the-past-unit"}, true
	}
	if rel == "this" && !the && p.w[j-1].upper && p.w[j].upper && posMod == "" {
		// "ABC's This Week", "\"This Week With David Brinkley\"": title
		// case after other words of the sentence is a programme's name
		for k := 0; k < j-1; k++ {
			if p.w[k].kind == kWord {
				return match{}, false
			}
		}
	}
	if u == "WE" && rel == "this" && posMod == "" && p.has && isoWeekday(p.dct) < 5 && !p.eqAny(i-1, "before", "until", "by") && !p.eq(i-2, "ahead") && p.dir(i, j+1) == past {
		// "this weekend" in a past clause from Monday to Thursday is the
		// one just gone (on a Friday it is the coming one)
		off = -1
	}
	v, t, ok := p.unitValue(u, off)
	if !ok {
		return match{}, false
	}
	rule := "relative-" + rel
	if posMod != "" {
		rule = "earlier-this"
		if posMod == "END" {
			rule = "later-this"
		}
	}
	return match{end: j + 1, typ: t, val: v, mod: posMod, rule: rule}, true
}

// spanLead reports whether word k makes the "the next year" after it a
// stretch of time (a duration) rather than the year after: "over",
// "during", "within" and the like, and verbs that take a stretch as their
// object ("spend the next month").
func (p *parser) spanLead(k int) bool {
	return p.eqAny(k, "over", "for", "during", "within", "throughout", "through", "in", "into", "of", "across",
		"spend", "spends", "spent", "spending", "take", "takes", "took", "taking", "focus", "focuses", "focused", "focusing")
}

// comparedAmount reports whether word k closes an amount ("$74 million",
// "5 percent", "12 points", "twice"), so that a "more than" or "less than"
// after it compares that amount ("up 5 percent more than a year ago").
func (p *parser) comparedAmount(k int) bool {
	if k < 0 || k >= len(p.w) {
		return false
	}
	if p.w[k].kind == kDigits || p.w[k].t == "%" {
		return true
	}
	return p.eqAny(k, "million", "billion", "trillion", "thousand", "percent", "pct", "points", "cents", "dollars", "dlrs", "times", "twice")
}

// quantMod reads a quantity modifier: "about", "more than", "at least", …
func (p *parser) quantMod(i int) (string, int) {
	switch {
	case p.eq(i, "more") && p.eq(i+1, "than"), p.eq(i, "over") && i+1 < len(p.w):
		if p.eq(i, "over") {
			return "MORE_THAN", i + 1
		}
		return "MORE_THAN", i + 2
	case p.eqAny(i, "less", "fewer") && p.eq(i+1, "than"):
		return "LESS_THAN", i + 2
	case p.eq(i, "at") && p.eq(i+1, "least"):
		return "EQUAL_OR_MORE", i + 2
	case p.eq(i, "up") && p.eq(i+1, "to"), p.eq(i, "at") && p.eq(i+1, "most"):
		return "EQUAL_OR_LESS", i + 2
	case p.eq(i, "no") && p.eq(i+1, "more") && p.eq(i+2, "than"):
		return "EQUAL_OR_LESS", i + 3
	case p.eqAny(i, "nearly", "almost"):
		return "LESS_THAN", i + 1
	case p.eqAny(i, "about", "around", "approximately", "roughly", "some"):
		return "APPROX", i + 1
	}
	return "", i
}

func (p *parser) quantity(i int) (match, bool) {
	mod, j := p.quantMod(i)
	if (mod == "MORE_THAN" || mod == "LESS_THAN") && j == i+2 && p.comparedAmount(i-1) {
		return match{}, false // "$74 million more than a year ago": the amount is compared, not the time
	}
	if mod == "APPROX" && p.eq(i, "some") && !(j < len(p.w) && (p.w[j].kind == kDigits || (p.x(j) != nil && p.x(j).num > 0))) {
		mod, j = "", i
	}
	the, rel := false, ""
	if p.eq(j, "the") {
		the = true
		j++
		if p.eqAny(j, "past", "last", "next", "first", "previous", "coming", "following", "final", "latest", "initial", "ensuing", "remaining") {
			rel = strings.ToLower(p.w[j].t)
			j++
		}
	} else if p.eqAny(j, "past", "last", "next", "first", "previous", "coming", "following") && j+1 < len(p.w) && p.w[j+1].kind != kWord || p.eqAny(j, "past", "last", "next", "first") && p.x(j+1) != nil && p.x(j+1).num > 0 {
		rel = strings.ToLower(p.w[j].t)
		j++
	}
	if p.eq(j, "half") && p.eqAny(j+1, "a", "an") && !the && rel == "" {
		// "half an hour", "half a century"
		if u, plural, ok := p.unit(j + 2); ok && !plural {
			if v := halfOf(u); v != "" {
				return match{end: j + 3, typ: model.TimeDuration, val: v, mod: mod, rule: "duration-half"}, true
			}
		}
	}
	if j >= 2 && j < len(p.w) && p.w[j].kind == kDigits && !p.w[j].gap && p.punct(j-1, "/") && p.w[j-2].kind == kDigits {
		return match{}, false // "the 1987/88 year": the end of a season's years, not a count
	}
	n, k, ok := p.amount(j)
	if !ok {
		// "a three-year period"
		if p.eqAny(j, "a", "an") && !the && rel == "" {
			if m, ok := p.quantity(j + 1); ok && m.rule == "duration-adjective" && p.eqAny(m.end, "period", "term", "span", "stretch", "spell") {
				m.end++
				m.mod = mod
				return m, true
			}
		}
		return match{}, false
	}
	if (p.eqAny(j, "a", "an") || p.eq(j, "some")) && the && !p.eq(j+1, "couple") {
		return match{}, false
	}
	if (p.eq(j, "couple") || p.eqAny(j, "a", "an") && p.eq(j+1, "couple")) && mod == "" {
		mod = "APPROX"
	}
	// adjectival: three-hour, 10-year(-old)
	if p.hyphen(k) {
		u, plural, oku := p.unit(k + 1)
		if !oku || plural || the || n < 0 {
			return match{}, false
		}
		if p.eqAny(j, "a", "an") && p.hyphen(j-1) {
			return match{}, false // "$12-an-hour workers": a rate
		}
		end := k + 2
		if p.hyphen(end) && p.eqAny(end+1, "old", "olds") {
			return match{}, false // an age ("14-year-olds"), not a time expression in TimeML corpora
		}
		if p.hyphen(end) && p.eq(end+1, "long") {
			end += 2
		}
		return match{end: end, typ: model.TimeDuration, val: durVal(n, u), mod: mod, rule: "duration-adjective"}, true
	}
	// ranges: "two to three weeks", "12 to 18 months" (the lower bound)
	if n >= 0 && p.eqAny(k, "to", "or") && !p.eqAny(j, "a", "an") {
		if _, k2, ok := p.number(k + 1); ok {
			if _, _, oku := p.unit(k2); oku {
				k = k2
			}
		}
	}
	// fractions: "2 1/2 years", "five and a half hours"
	half := false
	if n >= 0 && k+2 < len(p.w) && p.w[k].kind == kDigits && p.w[k].num == 1 && p.punct(k+1, "/") && !p.w[k+1].gap && p.w[k+2].kind == kDigits && p.w[k+2].num == 2 && !p.w[k+2].gap {
		half, k = true, k+3
	} else if n >= 0 && p.eq(k, "and") && p.eq(k+1, "a") && p.eq(k+2, "half") {
		half, k = true, k+3
	}
	if p.eq(k, "more") || p.eq(k, "additional") || p.eq(k, "straight") || p.eq(k, "consecutive") {
		k++
	}
	u, plural, oku := p.unit(k)
	if !oku {
		return match{}, false
	}
	if p.hyphen(k+1) || (p.w[k].upper && !p.w[j].upper && k > 0) {
		return match{}, false // "a year-earlier …", "60 Minutes"
	}
	if u == "S" && p.eq(k, "second") && k+1 < len(p.w) && p.w[k+1].kind == kWord && !p.w[k+1].upper {
		return match{}, false // "a second attack"
	}
	if !half && n >= 0 && p.eq(k+1, "and") && p.eq(k+2, "a") && p.eq(k+3, "half") {
		// "a minute and a half"
		return p.halfMatch(n, u, k+4, mod), true
	}
	if half {
		return p.halfMatch(n, u, k+1, mod), true
	}
	if u == "WE" {
		return match{}, false
	}
	if n == 1 && plural {
		return match{}, false
	}
	if n < 0 && !plural {
		return match{}, false
	}
	end := k + 1
	if p.eqAny(end, "old", "olds") || p.eq(end, "of") && p.eq(end+1, "age") {
		return match{}, false // an age ("52 years old"), not a time in TimeML
	}
	if n == 1 && !plural && p.eq(end, "or") && p.eqAny(end+1, "two", "three") && !(end+2 < len(p.w) && p.x(end+2) != nil && p.x(end+2).unit != "") {
		end += 2 // "a day or two": the range is one expression (its lower bound)
	}
	agoNext := p.eqAny(end, "ago", "earlier", "later", "before", "after", "hence") || p.eq(end, "from") && p.eq(end+1, "now")
	if p.eqAny(j, "a", "an") && !the && rel == "" && !agoNext && !p.durationPrep(i-1) && p.rateBefore(i) {
		return match{}, false // "$5 a year" is a set
	}
	if n > 1 && !plural && j < len(p.w) && p.w[j].kind == kDigits && p.w[j].nd == 4 {
		return match{}, false // "the same 1985 month"
	}
	if u == "Q" && p.eqAny(j, "a", "an") && !agoNext {
		return match{}, false // "a quarter" of something
	}
	if the && rel == "" && u != "M" {
		return match{}, false // "the two days": TimeML leaves out the article
	}
	// two weeks ago, a year earlier, three years from now
	// "ago" and "from now" count from the publication date; "earlier" and
	// "later" from the narrative's reference time, the date last mentioned.
	dir, anchored, narrative := 0, false, false
	switch {
	case p.eq(end, "or") && p.eq(end+1, "so") && p.eqAny(end+2, "ago", "earlier", "later"):
		end += 2
		mod = "APPROX"
		if p.eq(end, "ago") || p.eq(end, "earlier") {
			dir, anchored = past, true
		} else {
			dir, anchored = future, true
		}
	case p.eq(end, "ago"):
		dir, anchored = past, true
	case p.eqAny(end, "earlier", "before") && !the && rel == "":
		dir, anchored, narrative = past, true, true
	case p.eqAny(end, "later", "after") && !the && rel == "":
		dir, anchored, narrative = future, true, true
	case p.eq(end, "hence") && !the && rel == "":
		dir, anchored = future, true
	case p.eq(end, "from") && p.eq(end+1, "now"):
		dir, anchored = future, true
		end++
	}
	if anchored {
		if (p.eqAny(end, "before", "after")) && end+1 < len(p.w) && p.w[end+1].kind == kWord {
			// "two days before the vote": the anchor is an event
			return match{end: k + 1, typ: model.TimeDuration, val: durVal(n, u), mod: mod, rule: "duration"}, true
		}
		if narrative && unitGrain(u) != grainYear {
			// "three days later", "a few weeks after", "a day earlier": a
			// span of days, weeks or months measured from a time the
			// narrative gives is a duration in TimeML, the signal
			// ("later", "after", "before") outside it
			e := end
			if p.eq(end, "earlier") {
				e++
			}
			return match{end: e, typ: model.TimeDuration, val: durVal(n, u), mod: mod, rule: "duration-narrative"}, true
		}
		end++
		if mod == "LESS_THAN" || mod == "MORE_THAN" {
			mod = "APPROX"
		}
		if n < 0 {
			v := "PAST_REF"
			if dir == future {
				v = "FUTURE_REF"
			}
			t := model.TimeDate
			if u == "H" || u == "MIN" || u == "S" {
				t = model.TimeTime
			}
			return match{end: end, typ: t, val: v, rule: "vague-ago"}, true
		}
		if u == "Y" && p.has {
			if q := p.lastQuarter(); q != "" {
				if p.eq(end-1, "ago") {
					q = p.currentQuarter(q)
				}
				if v, ok := shiftValue(q, n*dir); ok {
					return match{end: end, typ: model.TimeDate, val: v, mod: mod, rule: "year-earlier-anaphora"}, true
				}
			}
		}
		if narrative {
			if t, g := p.lastAnchor(); g >= unitGrain(u) {
				// A step back ("a year earlier") compares with the
				// reference time and leaves it; a step forward ("two
				// years later") moves the narrative on.
				if u == "Y" && g == grainDay {
					// a year before a day is that day a year before
					if v, ok := shiftValue(p.last[:10], n*dir); ok {
						return match{end: end, typ: model.TimeDate, val: v, mod: mod, rule: "later-narrative", keepRef: dir == past}, true
					}
				}
				if v, typ := shiftBy(t, n, u, dir); v != "" {
					return match{end: end, typ: typ, val: v, mod: mod, rule: "later-narrative", keepRef: dir == past}, true
				}
			}
		}
		if !p.has {
			return match{end: end, typ: model.TimeDate, val: anonShift(u), mod: mod, rule: "ago"}, true
		}
		if u == "Y" {
			if q := p.lastQuarter(); q != "" {
				if v, ok := shiftValue(q, n*dir); ok {
					return match{end: end, typ: model.TimeDate, val: v, mod: mod, rule: "year-earlier-anaphora"}, true
				}
			}
		}
		v, t := shiftBy(p.dct, n, u, dir)
		if v == "" {
			return match{}, false
		}
		return match{end: end, typ: t, val: v, mod: mod, rule: "ago"}, true
	}
	if p.eq(j, "one") && u == "D" && !plural && !the && rel == "" && mod == "" && end == k+1 && p.eqAny(i-1, "will", "would", "could", "may", "might", "can", "shall") {
		// "Islam will one day be …": some day to come
		return match{end: end, typ: model.TimeDate, val: "FUTURE_REF", rule: "one-day"}, true
	}
	if n < 0 && !the && mod == "" && p.eqAny(j, "some") {
		return match{}, false
	}
	rule := "duration"
	if rel != "" {
		rule = "duration-" + rel
	}
	return match{end: end, typ: model.TimeDuration, val: durVal(n, u), mod: mod, rule: rule}, true
}

func anonShift(u string) string {
	switch u {
	case "Y":
		return "XXXX"
	case "M":
		return "XXXX-XX"
	case "Q":
		return "XXXX-QX"
	case "H", "MIN", "S":
		return "XXXX-XX-XXTXX"
	}
	return "XXXX-XX-XX"
}

func (p *parser) quarterExpr(i int) (match, bool) {
	j := i
	the := false
	if p.eq(j, "the") {
		the = true
		j++
	}
	y := 0
	if p.eqAny(j, "comparable", "corresponding") {
		j++
	}
	if p.eq(j, "year") && p.hyphen(j+1) && p.eqAny(j+2, "ago", "earlier") && p.has {
		y = p.dct.Year() - 1
		if len(p.last) >= 4 && strings.Contains(p.last, "-Q") {
			if ly, err := strconv.Atoi(p.last[:4]); err == nil {
				y = ly - 1
			}
		}
		j += 3
	}
	if j < len(p.w) && p.w[j].kind == kDigits && p.w[j].nd == 4 && the {
		y = p.w[j].num
		j++
		if p.eqAny(j, "period", "quarter") {
			if p.eq(j, "quarter") && p.has {
				return match{end: j + 1, typ: model.TimeDate, val: quarter(y, quarterOf(p.dct.AddDate(0, -3, 0))), rule: "year-quarter"}, true
			}
			return match{end: j + 1, typ: model.TimeDate, val: year(y), rule: "year-period"}, true
		}
	}
	if p.eq(j, "fiscal") {
		j++
	}
	if (p.eqAny(j, "this", "last", "next")) && p.eq(j+1, "year") && (p.punct(j+2, "'") || p.punct(j+2, "’")) && p.eq(j+3, "s") {
		off, _ := relOffset(strings.ToLower(p.w[j].t))
		if p.has {
			y = p.dct.Year() + off
		}
		j += 4
	}
	q := 0
	if p.eq(j, "last") && p.eq(j+1, "half") {
		q = 2
	} else if e := p.x(j); e != nil && e.ord >= 1 && e.ord <= 4 {
		q = e.ord
	} else if j < len(p.w) && p.w[j].kind == kOrdinal && p.w[j].num >= 1 && p.w[j].num <= 4 {
		q = p.w[j].num
	} else {
		return match{}, false
	}
	j++
	if p.eq(j, "fiscal") {
		j++
	} else if p.hyphen(j) {
		if the {
			return match{}, false // "the third-quarter results": TimeML leaves out the article
		}
		j++
	}
	half := false
	switch {
	case p.eq(j, "quarter"):
	case p.eq(j, "half") && q <= 2:
		half = true
	default:
		return match{}, false
	}
	end := j + 1
	k := end
	if p.eq(k, "of") || p.punct(k, ",") {
		k++
	}
	if p.eq(k, "fiscal") && k+1 < len(p.w) && p.w[k+1].kind == kDigits && p.w[k+1].nd == 4 {
		k++ // "the fourth quarter of fiscal 1986", "the first quarter fiscal 1987"
	}
	if yy, k2, ok := p.yearAt(k); ok {
		y, end = yy, k2
	} else if p.eq(k, "of") == false && p.eq(end, "of") && p.eqAny(end+1, "this", "last", "next") && p.eq(end+2, "year") && p.has {
		off, _ := relOffset(strings.ToLower(p.w[end+1].t))
		y, end = p.dct.Year()+off, end+3
	}
	if y == 0 && !p.has {
		if half {
			return match{end: end, typ: model.TimeDate, val: "XXXX-H" + strconv.Itoa(q), rule: "half"}, true
		}
		return match{end: end, typ: model.TimeDate, val: "XXXX-Q" + strconv.Itoa(q), rule: "quarter"}, true
	}
	if half {
		if y == 0 {
			y = p.dct.Year()
			if q == 2 && p.dct.Month() <= 4 && p.dir(i, end) == past {
				// the second half starting within two months is the
				// coming one whatever the tense
				y--
			}
		}
		return match{end: end, typ: model.TimeDate, val: year(y) + "-H" + strconv.Itoa(q), rule: "half"}, true
	}
	if y == 0 {
		y = quarterYear(p.dct, q, p.dir(i, end))
	}
	return match{end: end, typ: model.TimeDate, val: quarter(y, q), rule: "quarter"}, true
}

func (p *parser) season(i int) (match, bool) {
	j := i
	the := false
	if p.eq(j, "the") {
		the = true
		j++
	}
	rel := ""
	if e := p.x(j); e != nil && (e.rel == "this" || e.rel == "last" || e.rel == "next" || e.rel == "past" || e.rel == "coming") {
		rel = e.rel
		j++
		if rel == "this" && p.eqAny(j, "past", "coming") {
			rel = strings.ToLower(p.w[j].t)
			j++
		}
	}
	e := p.x(j)
	if e == nil || e.season == "" {
		return match{}, false
	}
	s := e.season
	end := j + 1
	y := 0
	k := end
	if p.eq(k, "of") {
		k++
	}
	if yy, k2, ok := p.yearAt(k); ok {
		y, end = yy, k2
	} else if p.eq(end, "of") {
		return match{}, false // "the fall of the Berlin Wall"
	}
	if y == 0 && rel == "" && !the && !p.eqAny(i-1, "in", "this", "during", "since", "until", "by", "next", "last", "early", "late", "mid", "through", "over") {
		return match{}, false
	}
	if (p.eq(j, "fall") || p.eq(j, "spring")) && y == 0 && rel == "" && the && end < len(p.w) && p.w[end].kind == kWord && p.x(end) == nil && !p.eqAny(end, "and", "or", "when", "as", "that", "before", "after") {
		return match{}, false
	}
	if y == 0 && !p.has {
		return match{end: end, typ: model.TimeDate, val: "XXXX-" + s, rule: "season"}, true
	}
	if y == 0 && rel == "" {
		y = nearSeason(p.dct, s)
	}
	if y == 0 {
		y = seasonYear(p.dct, s, rel, p.dir(i, end))
	}
	return match{end: end, typ: model.TimeDate, val: year(y) + "-" + s, rule: "season"}, true
}

// samePeriod: "the same period last year", "the corresponding period of
// last year", "the comparable period a year earlier" — the period last
// mentioned when it is a quarter, half or season ("the first half of this
// year", "the third quarter") a year back, else that year.
func (p *parser) samePeriod(i int) (match, bool) {
	if !p.eq(i, "the") || !p.eqAny(i+1, "same", "corresponding", "comparable") || !p.eq(i+2, "period") {
		return match{}, false
	}
	j := i + 3
	if p.eq(j, "of") {
		j++
	}
	switch {
	case p.eq(j, "last") && p.eq(j+1, "year"):
		j += 2
	case p.eqAny(j, "a", "one") && p.eq(j+1, "year") && p.eqAny(j+2, "earlier", "ago", "before"):
		j += 3
	default:
		return match{}, false
	}
	if !p.has {
		return match{end: j, typ: model.TimeDate, val: "XXXX", rule: "same-period"}, true
	}
	y := p.dct.Year() - 1
	if v := p.period; v != "" {
		// the quarter, half or season last mentioned, when of the year after
		if ly, err := strconv.Atoi(v[:4]); err == nil && ly == y+1 {
			return match{end: j, typ: model.TimeDate, val: year(y) + v[4:], rule: "same-period"}, true
		}
	}
	return match{end: j, typ: model.TimeDate, val: year(y), rule: "same-period"}, true
}

// podPosition: "mid-afternoon yesterday", "the early morning", "late
// afternoon Friday" — a part of the day with its position, on the day
// named after it, else the day last mentioned, else the publication date.
func (p *parser) podPosition(i int) (match, bool) {
	j := i
	if p.eq(j, "the") {
		j++
	}
	pe := p.x(j)
	if pe == nil || pe.pos == "" || !p.eqAny(j, "early", "late", "mid") {
		return match{}, false
	}
	mod := pe.pos
	j++
	if p.hyphen(j) {
		j++
	}
	e := p.x(j)
	if e == nil || e.pod == "" || strings.HasSuffix(strings.ToLower(p.w[j].t), "s") {
		return match{}, false
	}
	if p.eqAny(j+1, "show", "shows", "comedy", "comedian", "comedians", "host", "hosts", "talk", "television", "tv", "programme", "program", "programs", "programmes") {
		return match{}, false // "late-night comedy": a kind of programme, no night in particular
	}
	v, end, _ := p.timeDay(j + 1)
	return match{end: end, typ: model.TimeTime, val: v + "T" + e.pod, mod: mod, rule: "part-of-day-position"}, true
}

// podOf: "the morning of Aug. 7", "the night of Friday": a part of a day
// that is named after it (a weekday, a full date, today or yesterday).
func (p *parser) podOf(i int) (match, bool) {
	if !p.eq(i, "the") || !p.eq(i+2, "of") {
		return match{}, false
	}
	e := p.x(i + 1)
	if e == nil || e.pod == "" || e.unit != "" && e.unit != "NIGHT" || strings.HasSuffix(strings.ToLower(p.w[i+1].t), "s") {
		return match{}, false
	}
	v, end, named := p.timeDay(i + 3)
	if !named {
		return match{}, false
	}
	return match{end: end, typ: model.TimeTime, val: v + "T" + e.pod, rule: "part-of-day-of"}, true
}

// position: "the end of 1990", "late July", "mid-November", "the early 1980s".
func (p *parser) position(i int) (match, bool) {
	j := i
	if p.eq(j, "the") {
		j++
	}
	e := p.x(j)
	if e == nil || e.pos == "" {
		return match{}, false
	}
	mod := e.pos
	var k int
	switch {
	case p.eqAny(j, "end", "beginning", "start", "middle", "close", "dawn") && p.eq(j+1, "of"):
		k = j + 2
	case p.eqAny(j, "early", "late", "mid", "middle"):
		k = j + 1
		if p.hyphen(k) {
			k++
		}
		if j > i && !p.eqAny(k, "the") && !(k < len(p.w) && p.w[k].kind == kDecade) && !(p.x(k) != nil && (p.x(k).season != "" || p.x(k).rel != "")) {
			// "the late July" is not English; "the early 1980s", "the early summer" are
			if !(p.x(k) != nil && p.x(k).unit != "") {
				return match{}, false
			}
		}
	default:
		return match{}, false
	}
	if k >= len(p.w) {
		return match{}, false
	}
	var inner match
	var ok bool
	if p.w[k].kind == kDecade {
		inner, ok = p.decade(k, k, "")
	} else if p.eq(k, "the") && k+1 < len(p.w) && p.w[k+1].kind == kDecade {
		inner, ok = p.decade(k, k+1, "")
	} else {
		if p.x(k) != nil && p.x(k).month > 0 && p.w[k].upper {
			inner, ok = p.monthDate(k)
			if !ok {
				// "late May": the position word is the cue
				m, end, _ := p.monthAt(k, false)
				if m > 0 {
					inner, ok = p.monthBare(k, end, m)
				}
			}
		} else {
			inner, ok = p.at(k)
		}
	}
	if !ok || inner.typ != model.TimeDate || inner.val == "" || strings.HasSuffix(inner.val, "_REF") {
		return match{}, false
	}
	if len(inner.val) == 10 && inner.val[4] == '-' {
		return match{}, false // a single day has no early or late
	}
	inner.mod = mod
	inner.rule = "position-" + inner.rule
	return inner, true
}

func (p *parser) monthBare(i, end, m int) (match, bool) {
	if !p.has {
		return match{end: end, typ: model.TimeDate, val: "XXXX-" + twoDigits(m), rule: "month"}, true
	}
	y := monthYear(p.dct, m, 0, p.dir(i, end))
	return match{end: end, typ: model.TimeDate, val: month(y, m), rule: "month"}, true
}

func (p *parser) set(i int) (match, bool) {
	e := p.x(i)
	if e != nil && e.wdays > 0 && p.w[i].upper {
		v := "XXXX-WXX-" + strconv.Itoa(e.wdays)
		end := i + 1
		if pe := p.x(end); pe != nil && pe.pod != "" {
			v += "T" + pe.pod
			end++
		}
		return match{end: end, typ: model.TimeSet, val: v, rule: "set-weekdays"}, true
	}
	if e == nil || e.set == "" {
		return match{}, false
	}
	if strings.HasPrefix(e.set, "P") {
		// "rallies daily", "paid quarterly" — not the adjective ("a daily paper")
		if n := i + 1; n < len(p.w) && p.w[n].kind != kPunct && !p.eqAny(n, "in", "on", "at", "for", "to", "and", "or", "since", "until", "by", "from", "with", "as", "but", "during", "through", "after", "before") {
			return match{}, false
		}
		return match{end: i + 1, typ: model.TimeSet, val: e.set, rule: "set-adverb"}, true
	}
	if e.set == "per" {
		if u, plural, ok := p.unit(i + 1); ok && !plural {
			return match{end: i + 2, typ: model.TimeSet, val: durVal(1, u), rule: "set-per"}, true
		}
		return match{}, false
	}
	// every/each …
	j := i + 1
	n := 1
	if p.eq(j, "other") {
		n, j = 2, j+1
	}
	if x := p.x(j); x != nil {
		switch {
		case x.wday > 0 && p.w[j].upper:
			v := "XXXX-WXX-" + strconv.Itoa(x.wday)
			end := j + 1
			if pe := p.x(end); pe != nil && pe.pod != "" {
				v += "T" + pe.pod
				end++
			}
			return match{end: end, typ: model.TimeSet, val: v, rule: "set-every"}, true
		case x.month > 0 && p.w[j].upper:
			return match{end: j + 1, typ: model.TimeSet, val: "XXXX-" + twoDigits(x.month), rule: "set-every"}, true
		case x.season != "":
			return match{end: j + 1, typ: model.TimeSet, val: "XXXX-" + x.season, rule: "set-every"}, true
		case x.pod != "" && x.unit == "":
			return match{end: j + 1, typ: model.TimeSet, val: "TXX" + x.pod, rule: "set-every"}, true
		case x.unit != "" && x.unit != "NIGHT":
			if x.unit == "WE" {
				return match{end: j + 1, typ: model.TimeSet, val: "XXXX-WXX-WE", rule: "set-every"}, true
			}
			return match{end: j + 1, typ: model.TimeSet, val: durVal(n, x.unit), rule: "set-every"}, true
		}
	}
	if nn, k, ok := p.number(j); ok && n == 1 {
		if u, _, oku := p.unit(k); oku {
			return match{end: k + 1, typ: model.TimeSet, val: durVal(nn, u), rule: "set-every"}, true
		}
	}
	if p.eqAny(j, "few", "several") && n == 1 {
		// "every few weeks"
		if u, plural, oku := p.unit(j + 1); oku && plural && u != "WE" {
			return match{end: j + 2, typ: model.TimeSet, val: durVal(-1, u), rule: "set-every"}, true
		}
	}
	return match{}, false
}

// setRate: "$5 a year", "twice a week" (the "a"/"an" word at i).
func (p *parser) setRate(i int) (match, bool) {
	if !p.eqAny(i, "a", "an") || i == 0 {
		return match{}, false
	}
	u, plural, ok := p.unit(i + 1)
	if !ok || plural || u == "WE" || p.eqAny(i+2, "ago", "earlier", "later", "hence") || p.eq(i+2, "from") && p.eq(i+3, "now") {
		return match{}, false
	}
	if p.durationPrep(i - 1) {
		return match{}, false // "$33 billion over a decade" is a duration
	}
	if p.rateBefore(i) {
		return match{end: i + 2, typ: model.TimeSet, val: durVal(1, u), rule: "set-rate"}, true
	}
	return match{}, false
}

// durationPrep reports whether word k is a preposition that makes the
// quantity after it a duration rather than a rate ("over a decade").
func (p *parser) durationPrep(k int) bool {
	return p.eqAny(k, "over", "for", "in", "within", "during", "after", "before", "than", "about", "nearly", "almost", "under", "past")
}

// rateBefore reports whether a quantity comes shortly before word i in the
// same clause ("$5 a year", "25 mln cubic feet of gas a day", "twice a week").
func (p *parser) rateBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := &p.w[k]
		switch {
		case w.kind == kDigits || w.kind == kNum || w.t == "%" || w.t == "$" || w.t == "£" || w.t == "€":
			return true
		case w.kind == kWord && w.x != nil && w.x.num > 1 && w.x.unit == "" && !p.eqAny(k-1, "the", "a", "an"):
			return true // "seven days a week", "three meals a day"
		case p.eqAny(k, "once", "twice", "times", "percent", "cents", "dollars", "million", "billion", "euros", "pounds", "mln", "bln"):
			return true
		case w.kind == kPunct || p.eqAny(k, "and", "but", "that", "which", "who"):
			return false
		}
	}
	return false
}

func (p *parser) vagueRef(i int) (match, bool) {
	if m, ok := p.setRate(i); ok {
		return m, true
	}
	switch {
	case p.eq(i, "the") && p.eq(i+1, "past") && !(i+2 < len(p.w) && (p.w[i+2].kind == kDigits || (p.x(i+2) != nil && (p.x(i+2).num >= 0 || p.x(i+2).unit != "" || p.x(i+2).vague)))):
		return match{end: i + 2, typ: model.TimeDate, val: "PAST_REF", rule: "ref-past"}, true
	case p.eq(i, "the") && p.eqAny(i+1, "near", "foreseeable", "distant") && p.eq(i+2, "future"):
		return match{end: i + 3, typ: model.TimeDate, val: "FUTURE_REF", rule: "ref-future"}, true
	case p.eq(i, "the") && p.eq(i+1, "future"):
		return match{end: i + 2, typ: model.TimeDate, val: "FUTURE_REF", rule: "ref-future"}, true
	case p.eq(i, "the") && p.eqAny(i+1, "near", "short") && p.eq(i+2, "term"):
		return match{end: i + 3, typ: model.TimeDate, val: "FUTURE_REF", rule: "ref-future"}, true
	case p.eq(i, "the") && (p.eq(i+1, "latest") || p.eq(i+1, "most") && p.eq(i+2, "recent")) && (p.eq(i+2, "period") || p.eq(i+3, "period")) && p.has:
		end := i + 3
		if p.eq(i+1, "most") {
			end++
		}
		v, _, _ := p.unitValue("Q", -1)
		return match{end: end, typ: model.TimeDate, val: v, rule: "latest-period"}, true
	case p.eq(i, "the") && i+2 < len(p.w) && p.eq(i+2, "century") && (p.w[i+1].kind == kOrdinal || (p.x(i+1) != nil && p.x(i+1).ord > 0)):
		n := p.w[i+1].num
		if p.w[i+1].kind != kOrdinal {
			n = p.x(i + 1).ord
		}
		if n >= 1 && n <= 21 {
			return match{end: i + 3, typ: model.TimeDate, val: twoDigits(n - 1), rule: "century"}, true
		}
	case (i+1 < len(p.w) && p.w[i].kind == kOrdinal || p.x(i) != nil && p.x(i).ord > 0) && (p.eq(i+1, "century") || p.hyphen(i+1) && p.eq(i+2, "century")):
		// "a 20th century democrat", "the fabled 11th-century temple"
		n := p.w[i].num
		if p.w[i].kind != kOrdinal {
			n = p.x(i).ord
		}
		end := i + 2
		if p.hyphen(i + 1) {
			end++
		}
		if end < len(p.w) && p.w[end-1].upper && p.w[end].upper && p.w[end].kind == kWord {
			break // "21st Century Fox": a name
		}
		if n >= 1 && n <= 21 {
			return match{end: end, typ: model.TimeDate, val: twoDigits(n - 1), rule: "century"}, true
		}
	case p.eq(i, "a") && p.eq(i+1, "long") && p.eq(i+2, "time") && p.eq(i+3, "ago"):
		return match{end: i + 4, typ: model.TimeDate, val: "PAST_REF", rule: "vague-ago"}, true
	case p.eq(i, "these") && p.eq(i+1, "days"):
		return match{end: i + 2, typ: model.TimeDate, val: "PRESENT_REF", rule: "ref-present"}, true
	case p.eq(i, "at") && p.eq(i+1, "present"):
		return match{}, false
	}
	// "the first hours", "the past weeks", "the final days", "the early
	// years", "the weeks ahead": a stretch of units of no stated length
	if p.eq(i, "the") {
		k := i + 1
		if p.eqAny(k, "first", "past", "last", "next", "final", "early", "initial") {
			k++
		}
		if u, plural, ok := p.unit(k); ok && plural && u != "WE" && (k > i+1 || p.eq(k+1, "ahead")) {
			end := k + 1
			if p.eq(end, "ahead") {
				end++
			}
			return match{end: end, typ: model.TimeDuration, val: durVal(-1, u), rule: "vague-span"}, true
		}
	}
	// "a year-long probe", "month-long talks": one unit
	if u, plural, ok := p.unit(i); ok && !plural && u != "WE" && p.hyphen(i+1) && p.eq(i+2, "long") {
		return match{end: i + 3, typ: model.TimeDuration, val: durVal(1, u), rule: "duration-adjective"}, true
	}
	// hours earlier, years ago, moments later
	if u, plural, ok := p.unit(i); ok && plural && p.w[i].upper == (i == 0 || p.w[i].upper) {
		if p.eqAny(i+1, "earlier", "ago") {
			t := model.TimeDate
			if u == "H" || u == "MIN" || u == "S" {
				t = model.TimeTime
			}
			return match{end: i + 2, typ: t, val: "PAST_REF", rule: "vague-ago"}, true
		}
		if p.eq(i+1, "later") {
			t := model.TimeDate
			if u == "H" || u == "MIN" || u == "S" {
				t = model.TimeTime
			}
			return match{end: i + 2, typ: t, val: "FUTURE_REF", rule: "vague-later"}, true
		}
		if p.eqAny(i-1, "for", "in", "over", "within") && (u == "Y" || u == "M" || u == "DE" || u == "CE" || u == "W" || u == "D") && !p.eq(i+1, "of") ||
			p.eqAny(i-1, "for", "within") && u == "H" {
			// "for years", "within weeks", "within weeks or months"
			end := i + 1
			if p.eq(end, "or") {
				if u2, plural2, ok2 := p.unit(end + 1); ok2 && plural2 && u2 != "WE" {
					end += 2
				}
			}
			return match{end: end, typ: model.TimeDuration, val: durVal(-1, u), rule: "vague-duration"}, true
		}
	}
	return match{}, false
}

// anaphora: "year-earlier", "the year-ago quarter".
func (p *parser) anaphora(i int) (match, bool) {
	j := i
	if p.eqAny(j, "the", "a") {
		j++
		if p.eq(i, "the") && p.eqAny(j, "comparable", "corresponding", "same") && p.eq(j+1, "year") && p.hyphen(j+2) {
			j++ // "the comparable year-ago quarter"
		}
	}
	if !(p.eq(j, "year") && p.hyphen(j+1) && p.eqAny(j+2, "earlier", "ago")) {
		// year end, year's end
		if p.eq(j, "year") && (p.eq(j+1, "end") || ((p.punct(j+1, "'") || p.punct(j+1, "’")) && p.eq(j+2, "s") && p.eq(j+3, "end"))) {
			end := j + 2
			if !p.eq(j+1, "end") {
				end = j + 4
			}
			v := "XXXX"
			if p.has {
				v = year(p.dct.Year())
			}
			return match{end: end, typ: model.TimeDate, val: v, mod: "END", rule: "year-end"}, true
		}
		if p.eq(j, "year") && p.hyphen(j+1) && p.eq(j+2, "end") {
			if !p.has {
				return match{end: j + 3, typ: model.TimeDate, val: "XXXX-12-31", rule: "year-end"}, true
			}
			return match{end: j + 3, typ: model.TimeDate, val: year(p.dct.Year()) + "-12-31", rule: "year-end"}, true
		}
		return match{}, false
	}
	end := j + 3
	if p.eqAny(end, "quarter", "period", "month", "week", "day", "year") {
		end++
	} else if j > i {
		return match{}, false
	}
	v := ""
	if q := p.lastQuarter(); q != "" {
		v, _ = shiftValue(q, -1)
	} else if p.has && p.eqAny(end-1, "quarter", "period") {
		qv, _, _ := p.unitValue("Q", -1)
		v, _ = shiftValue(qv, -1)
	}
	if v == "" {
		if !p.has {
			v = "XXXX"
		} else {
			v = year(p.dct.Year() - 1)
		}
	}
	return match{end: end, typ: model.TimeDate, val: v, rule: "year-earlier-anaphora"}, true
}

// lastQuarter is the quarter last mentioned when it lies in the publication
// year or the one before (the reference of "a year earlier" in earnings
// reports), else "".
// currentQuarter is the latest quarter before the publication date with
// the number of quarter q ("1998-Q3"): "ago" counts from the publication
// date, so "from a year ago" after "last year's first quarter" compares
// with the first quarter a year before this year's, not two years back.
func (p *parser) currentQuarter(q string) string {
	y, err := strconv.Atoi(q[:4])
	if err != nil || len(q) != 7 || q[6] < '1' || q[6] > '4' {
		return q
	}
	n := int(q[6] - '0')
	cy := p.dct.Year()
	if date(cy, 3*(n-1)+1, 1).After(p.dct) {
		cy--
	}
	if y < cy {
		return year(cy) + q[4:]
	}
	return q
}

func (p *parser) lastQuarter() string {
	if !p.has || len(p.last) != 7 || p.last[4:6] != "-Q" {
		return ""
	}
	y, err := strconv.Atoi(p.last[:4])
	if err != nil || y < p.dct.Year()-1 || y > p.dct.Year() {
		return ""
	}
	return p.last
}

// holiday: "Thanksgiving", "Labor Day", "Christmas Eve", "last Easter",
// "New Year's Day".
func (p *parser) holiday(i int) (match, bool) {
	j := i
	off, rel := 0, false
	if e := p.x(j); e != nil && (e.rel == "last" || e.rel == "next" || e.rel == "this") {
		off, _ = relOffset(e.rel)
		rel = true
		j++
	}
	var h holidayRule
	end := j + 1
	switch {
	case p.eq(j, "new") && p.w[j].upper && p.eq(j+1, "year") && (p.punct(j+2, "'") || p.punct(j+2, "’")) && p.eq(j+3, "s") && p.eqAny(j+4, "day", "eve"):
		h = holidayRule{kind: "fixed", m: 1, d: 1}
		if p.eq(j+4, "eve") {
			h.m, h.d = 12, 31
		}
		end = j + 5
	default:
		e := p.x(j)
		if e == nil || e.holiday.kind == "" || !p.w[j].upper {
			return match{}, false
		}
		h = e.holiday
		if h.next != "" {
			if !p.eq(end, h.next) || !p.w[end].upper {
				return match{}, false
			}
			end++
		} else if p.eq(end, "eve") && h.kind == "fixed" && p.w[end].upper {
			h.d--
			end++
		} else if p.eqAny(end, "day", "sunday") && p.w[end].upper {
			end++
		}
	}
	if !p.has {
		v := "XXXX-XX-XX"
		if h.kind == "fixed" {
			v = "XXXX" + day(date(2000, h.m, h.d))[4:]
		}
		return match{end: end, typ: model.TimeDate, val: v, rule: "holiday"}, true
	}
	y := p.dct.Year()
	var t time.Time
	switch {
	case rel && off < 0:
		t = h.in(y)
		if !t.Before(p.dct) {
			t = h.in(y - 1)
		}
	case rel && off > 0:
		t = h.in(y)
		if !t.After(p.dct) {
			t = h.in(y + 1)
		}
	case rel:
		t = h.in(y)
	default:
		dir, cued := p.tense(i, end, true)
		// What happened before the day says nothing of whether the day
		// itself is past ("voted four days before Election Day", two days
		// ahead of it), nor what will happen after it of whether it is
		// to come: the nearest one is meant.
		if dir == past && (p.eqAny(i-1, "before", "until", "till") || p.eq(i-2, "ahead") && p.eq(i-1, "of")) ||
			dir == future && p.eqAny(i-1, "after", "since") {
			cued = false
		}
		best := -1.0
		for _, c := range []int{y - 1, y, y + 1} {
			ct := h.in(c)
			dd := ct.Sub(p.dct).Hours() / 24
			if cued && ((dir == past && dd > 1) || (dir == future && dd < -1)) {
				continue
			}
			if dd < 0 {
				dd = -dd
			}
			if best < 0 || dd < best {
				best, t = dd, ct
			}
		}
	}
	return match{end: end, typ: model.TimeDate, val: day(t), rule: "holiday"}, true
}

// anaphoricDay: "that day", "the next day", "the day before", "that night",
// "that year" — resolved against the last full date mentioned, else the
// publication date.
func (p *parser) anaphoricDay(i int) (match, bool) {
	j := i
	mod := ""
	switch {
	case p.eq(j, "earlier"):
		mod, j = "START", j+1
	case p.eq(j, "later"):
		mod, j = "END", j+1
	}
	shift, end := 0, 0
	unitWord := ""
	switch {
	case p.eq(j, "that") && p.eq(j+1, "same"):
		if j+2 >= len(p.w) {
			return match{}, false
		}
		unitWord, end = strings.ToLower(p.w[j+2].t), j+3
	case p.eq(j, "that") || (p.eq(j, "the") && p.eq(j+1, "same")):
		k := j + 1
		if p.eq(j, "the") {
			k++
		}
		if k >= len(p.w) {
			return match{}, false
		}
		unitWord, end = strings.ToLower(p.w[k].t), k+1
	case p.eq(j, "the") && p.eqAny(j+1, "next", "following", "previous") && p.eqAny(j+2, "day", "morning", "night", "evening", "afternoon"):
		shift = 1
		if p.eq(j+1, "previous") {
			shift = -1
		}
		unitWord, end = strings.ToLower(p.w[j+2].t), j+3
	case p.eq(j, "the") && p.eqAny(j+1, "year", "month") && p.eqAny(j+2, "before", "after", "earlier") && mod == "" && (j+3 >= len(p.w) || p.w[j+3].kind == kPunct):
		// "up from 23 pct the year before": the unit before (after) the
		// one the narrative is at, else the publication date's
		shift = 1
		if !p.eq(j+2, "after") {
			shift = -1
		}
		last, grain := p.lastAnchor()
		base, known := p.dct, p.has
		if grain > 0 && (p.eq(j+1, "year") || grain >= grainMonth) {
			base, known = last, true
		}
		if !known {
			return match{}, false
		}
		if p.eq(j+1, "year") {
			return match{end: j + 3, typ: model.TimeDate, val: year(base.Year() + shift), rule: "anaphoric-unit", keepRef: shift < 0}, true
		}
		t := date(base.Year(), int(base.Month())+shift, 1)
		return match{end: j + 3, typ: model.TimeDate, val: month(t.Year(), int(t.Month())), rule: "anaphoric-unit", keepRef: shift < 0}, true
	case p.eq(j, "the") && p.eq(j+1, "day") && p.eqAny(j+2, "before", "after") && (j+3 >= len(p.w) || p.w[j+3].kind == kPunct):
		shift = 1
		if p.eq(j+2, "before") {
			shift = -1
		}
		unitWord, end = "day", j+3
	default:
		return match{}, false
	}
	if mod != "" && shift != 0 {
		return match{}, false
	}
	base, known := p.dct, p.has
	last, grain := p.lastAnchor()
	switch unitWord {
	case "day", "morning", "night", "evening", "afternoon":
		if grain == grainDay {
			base, known = last, true
		}
		if !known {
			return match{end: end, typ: model.TimeDate, val: "XXXX-XX-XX", mod: mod, rule: "anaphoric-day"}, true
		}
		v := day(base.AddDate(0, 0, shift))
		// a step back ("the day before", "the previous night") compares
		// and leaves the narrative's day where it was
		if unitWord != "day" {
			pod := map[string]string{"morning": "MO", "night": "NI", "evening": "EV", "afternoon": "AF"}[unitWord]
			return match{end: end, typ: model.TimeTime, val: v + "T" + pod, mod: mod, rule: "anaphoric-day", keepRef: shift < 0}, true
		}
		return match{end: end, typ: model.TimeDate, val: v, mod: mod, rule: "anaphoric-day", keepRef: shift < 0}, true
	case "year", "month", "week":
		if shift != 0 {
			return match{}, false
		}
		if grain > 0 {
			base, known = last, true
		}
		if !known {
			return match{}, false
		}
		switch unitWord {
		case "year":
			return match{end: end, typ: model.TimeDate, val: year(base.Year()), mod: mod, rule: "anaphoric-unit"}, true
		case "month":
			if grain < grainMonth {
				return match{}, false // no month named, or a year or a quarter of one
			}
			return match{end: end, typ: model.TimeDate, val: month(base.Year(), int(base.Month())), mod: mod, rule: "anaphoric-unit"}, true
		}
	}
	return match{}, false
}

// halfMatch is "n and a half units" ending before word end: a duration, or
// with "ago" after whole years and a half the month that far back ("a year
// and a half ago").
func (p *parser) halfMatch(n int, u string, end int, mod string) match {
	if u == "Y" && p.eq(end, "ago") {
		if !p.has {
			return match{end: end + 1, typ: model.TimeDate, val: "XXXX-XX", mod: mod, rule: "ago"}
		}
		if v, t := shiftBy(p.dct, 12*n+6, "M", past); v != "" {
			return match{end: end + 1, typ: t, val: v, mod: mod, rule: "ago"}
		}
	}
	return match{end: end, typ: model.TimeDuration, val: halfVal(n, u), mod: mod, rule: "duration-half"}
}

// halfOf is the duration of half a unit ("half an hour" → PT30M), "" when
// TIMEX3 has no whole value for it.
func halfOf(u string) string {
	switch u {
	case "CE":
		return "P50Y"
	case "DE":
		return "P5Y"
	case "Y":
		return "P6M"
	case "W":
		return "P3DT12H"
	case "D":
		return "PT12H"
	case "H":
		return "PT30M"
	case "MIN":
		return "PT30S"
	}
	return ""
}

// halfVal is the duration of n and a half units ("2 1/2 years" → P2Y6M).
func halfVal(n int, u string) string {
	switch u {
	case "Y":
		return "P" + strconv.Itoa(n) + "Y6M"
	case "D":
		return "P" + strconv.Itoa(n) + "DT12H"
	case "H":
		return "PT" + strconv.Itoa(n) + "H30M"
	case "MIN":
		return "PT" + strconv.Itoa(n) + "M30S"
	case "M":
		return "P" + strconv.Itoa(n) + "M15D"
	case "W":
		return "P" + strconv.Itoa(7*n+3) + "DT12H"
	}
	return durVal(n, u)
}

// Granularities of an anchor, coarse to fine (0: none).
const (
	grainYear  = 1
	grainMonth = 2
	grainDay   = 3
)

// unitGrain is the anchor granularity a shift by unit u needs: "two years
// later" needs a year, "three weeks later" a day; clock units are never
// shifted from the narrative (4 is finer than any anchor).
func unitGrain(u string) int {
	switch u {
	case "Y", "DE", "CE":
		return grainYear
	case "M", "Q":
		return grainMonth
	case "D", "W", "FN":
		return grainDay
	}
	return grainDay + 1
}

// lastAnchor reads the date last mentioned (p.last) as a time and its
// granularity: "2006" (or a quarter, half, week or season of it) →
// grainYear, "2006-05" → grainMonth, "2006-05-04…" → grainDay; 0 when there
// is none or it is not a calendar date.
func (p *parser) lastAnchor() (time.Time, int) {
	v := p.last
	if len(v) < 4 {
		return time.Time{}, 0
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y < 1000 {
		return time.Time{}, 0
	}
	if len(v) == 4 {
		return date(y, 1, 1), grainYear
	}
	if len(v) >= 6 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' || v[5] == 'W' || v[5] == 'S' || v[5] == 'F') {
		// a quarter, half, week or season: its year ("spring 2000, … 30
		// years before")
		return date(y, 1, 1), grainYear
	}
	if len(v) < 7 || v[4] != '-' || !isDigit(v[5]) || !isDigit(v[6]) {
		return time.Time{}, 0
	}
	m := int(v[5]-'0')*10 + int(v[6]-'0')
	if m < 1 || m > 12 {
		return time.Time{}, 0
	}
	if len(v) == 7 {
		return date(y, m, 1), grainMonth
	}
	if len(v) < 10 || v[7] != '-' || !isDigit(v[8]) || !isDigit(v[9]) {
		return time.Time{}, 0
	}
	d := int(v[8]-'0')*10 + int(v[9]-'0')
	if d < 1 || d > 31 {
		return time.Time{}, 0
	}
	return date(y, m, d), grainDay
}
