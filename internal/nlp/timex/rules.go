package timex

// The matcher core (longest match at each word), tense cues, and the rule
// families for weekdays, deictic words, dates, years, decades and clock times.

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"herald/internal/model"
)

// match is one recognised expression: words [start, end) of the sentence.
type match struct {
	end                 int
	typ, val, mod, rule string
	keepRef             bool // leaves the narrative's reference time (p.last) alone
}

// parser holds the per-article state of one Process call.
type parser struct {
	text   string
	w      []word
	dct    time.Time
	has    bool          // dct known
	toks   []model.Token // for POS-based tense, may be empty
	last   string        // last resolved DATE value, for "a year earlier"
	period string        // last quarter, half or season ("1998-H1"), for "the same period last year"
	out    []model.Time
}

func (p *parser) x(i int) *entry {
	if i < 0 || i >= len(p.w) {
		return nil
	}
	return p.w[i].x
}

// eq reports whether word i is s (ASCII case-insensitive).
func (p *parser) eq(i int, s string) bool {
	if i < 0 || i >= len(p.w) {
		return false
	}
	w := &p.w[i]
	return len(w.t) == len(s) && w.kind == kWord && (w.t == s || strings.EqualFold(w.t, s))
}

func (p *parser) eqAny(i int, ss ...string) bool {
	for _, s := range ss {
		if p.eq(i, s) {
			return true
		}
	}
	return false
}

// hyphen reports whether word i is a hyphen joining words i-1 and i+1.
func (p *parser) hyphen(i int) bool {
	return i > 0 && i+1 < len(p.w) && p.w[i].kind == kPunct && (p.w[i].t == "-" || p.w[i].t == "‐") &&
		!p.w[i].gap && !p.w[i+1].gap
}

func (p *parser) punct(i int, s string) bool {
	return i >= 0 && i < len(p.w) && p.w[i].kind == kPunct && p.w[i].t == s
}

// run finds every expression in the current sentence's words.
func (p *parser) run() {
	for i := 0; i < len(p.w); {
		m, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		switch {
		case p.eq(m.end, "or") && p.eq(m.end+1, "so"):
			m.end += 2
			if m.mod == "" {
				m.mod = "APPROX"
			}
		case m.typ == model.TimeDate && m.mod == "" && (p.eq(m.end, "or") && p.eqAny(m.end+1, "later", "after") || p.eq(m.end, "and") && p.eqAny(m.end+1, "beyond", "later", "after")):
			m.end += 2
			m.mod = "ON_OR_AFTER"
		case m.typ == model.TimeDate && m.mod == "" && (p.eq(m.end, "or") && p.eqAny(m.end+1, "earlier", "before") || p.eq(m.end, "and") && p.eqAny(m.end+1, "earlier", "before")):
			m.end += 2
			m.mod = "ON_OR_BEFORE"
		}
		if m.val != "" && (m.typ == model.TimeDate || m.typ == model.TimeTime) && m.val[0] >= '0' && m.val[0] <= '9' && len(m.val) >= 4 && !strings.HasSuffix(m.rule, "anaphora") && m.rule != "ago" && !m.keepRef {
			p.last = m.val
			if len(m.val) > 5 && m.val[4] == '-' && (m.val[5] == 'Q' || m.val[5] == 'H' || m.val[5] == 'S' || m.val[5] == 'F') {
				p.period = m.val
			}
		}
		first := i
		if m.rule == "set-rate" {
			// "twice a week", "three times a year": the frequency is part of
			// the set (TimeML freq), when no expression took it
			switch {
			case p.eqAny(i-1, "once", "twice", "thrice"):
				first = i - 1
			case p.eq(i-1, "times") && i >= 2 && (p.w[i-2].kind == kDigits || p.x(i-2) != nil && p.x(i-2).num > 1):
				first = i - 2
			}
			if n := len(p.out); n > 0 && p.out[n-1].End > p.w[first].s {
				first = i
			}
		}
		s, e := p.w[first].s, p.w[m.end-1].e
		p.out = append(p.out, model.Time{Start: s, End: e, Text: p.text[s:e], Type: m.typ, Value: m.val, Mod: m.mod, Rule: m.rule})
		i = m.end
	}
}

// at returns the longest expression starting at word i.
func (p *parser) at(i int) (match, bool) {
	w := &p.w[i]
	if w.kind == kPunct {
		if (w.t == "'" || w.t == "’") && i+1 < len(p.w) && p.w[i+1].kind == kDecade && !p.w[i+1].gap {
			return p.decade(i, i+1, "")
		}
		return match{}, false
	}
	switch w.kind {
	case kQuarter, kHalf, kFiscal:
		return p.periodCode(i)
	}
	if w.kind == kWord && (w.x == nil || !w.x.start) && !(p.eq(i, "half") && p.eqAny(i+1, "a", "an")) {
		return match{}, false // only lexicon words (incl. "starter" words) and "half a(n)" begin expressions
	}
	best, found := match{}, false
	try := func(m match, ok bool) {
		if ok && m.end > i && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	try(p.timeOfDay(i))
	try(p.deictic(i))
	try(p.weekday(i))
	try(p.monthDate(i))
	try(p.dayMonth(i))
	try(p.yearExpr(i))
	try(p.numeric(i))
	try(p.relative(i))
	try(p.quantity(i))
	try(p.quarterExpr(i))
	try(p.samePeriod(i))
	try(p.podPosition(i))
	try(p.podOf(i))
	try(p.season(i))
	try(p.position(i))
	try(p.set(i))
	try(p.vagueRef(i))
	try(p.anaphora(i))
	try(p.holiday(i))
	try(p.anaphoricDay(i))
	try(p.rangeDay(i))
	// "around Nov. 1", "about 7:15 p.m."
	if e := w.x; e != nil && e.approx == "APPROX" && !p.eq(i, "some") && i+1 < len(p.w) {
		if m, ok := p.at(i + 1); ok && (m.typ == model.TimeTime || m.rule == "month-day" || m.rule == "month-day-year") && m.mod == "" && (!found || m.end > best.end) {
			m.mod = "APPROX"
			best, found = m, true
		}
	}
	return best, found
}

// ---- numbers and units ----

// number reads a cardinal at i: digits, "1,000", or words ("twenty-five",
// "two hundred").
func (p *parser) number(i int) (n, end int, ok bool) {
	if i >= len(p.w) {
		return 0, 0, false
	}
	w := &p.w[i]
	switch w.kind {
	case kDigits:
		return w.num, i + 1, true
	case kNum:
		if strings.IndexByte(w.t, '.') >= 0 {
			return 0, 0, false
		}
		return w.num, i + 1, true
	case kWord:
	default:
		return 0, 0, false
	}
	if w.x == nil || w.x.num < 0 {
		return 0, 0, false
	}
	n, end = w.x.num, i+1
	if n >= 20 && n%10 == 0 {
		if p.hyphen(end) && p.x(end+1) != nil && p.x(end+1).num > 0 && p.x(end+1).num < 10 {
			n += p.x(end + 1).num
			end += 2
		} else if e := p.x(end); e != nil && e.num > 0 && e.num < 10 && p.w[end].kind == kWord {
			n += e.num // "twenty four"
			end++
		}
	}
	if e := p.x(end); e != nil && e.mult > 0 {
		n *= e.mult
		end++
	}
	return n, end, true
}

// amount reads a quantity before a unit: a number, "a"/"an"/"one", or a vague
// word ("several", "a few"), returning n = -1 for vague. "A couple of" is
// two (the caller marks it APPROX, as TimeBank does: "a couple of years" →
// P2Y APPROX).
func (p *parser) amount(i int) (n, end int, ok bool) {
	if p.eqAny(i, "a", "an") {
		if p.eqAny(i+1, "few", "couple") {
			e := i + 2
			if p.eq(e, "of") {
				e++
			}
			if p.eq(i+1, "couple") {
				return 2, e, true
			}
			return -1, e, true
		}
		if p.eq(i+1, "half") {
			return 0, 0, false
		}
		if e := p.x(i + 1); e != nil && (e.mult > 0 || p.eq(i+1, "dozen")) {
			// "a dozen", "a hundred"
			n := e.num
			if e.mult > 0 {
				n = e.mult
			}
			return n, i + 2, true
		}
		return 1, i + 1, true
	}
	if p.eq(i, "couple") && p.eq(i+1, "of") {
		return 2, i + 2, true // "the next couple of years"
	}
	if e := p.x(i); e != nil && e.vague {
		return -1, i + 1, true
	}
	if p.eq(i, "some") {
		return -1, i + 1, true
	}
	return p.number(i)
}

// unit reads a unit word at i.
func (p *parser) unit(i int) (u string, plural bool, ok bool) {
	e := p.x(i)
	if e == nil || e.unit == "" || e.unit == "NIGHT" {
		return "", false, false
	}
	t := p.w[i].t
	return e.unit, t[len(t)-1] == 's' || t[len(t)-1] == 'S' || strings.EqualFold(t, "centuries"), true
}

// ---- tense ----

// dir guesses whether words [i, j) refer to the past or the future of the
// publication date from signal words and the nearest verb; news defaults to past.
func (p *parser) dir(i, j int) int {
	d, _ := p.tense(i, j, false)
	return d
}

// tense returns the direction words [i, j) point to and whether a cue said
// so (else the past, by default). skipReport is for months and holidays,
// whose year the tense only breaks ties for: reporting verbs ("said") are
// passed over (they date the report, not a date they mention), the look to
// the left stops at 10 words instead of 15, and a present-tense main verb
// does not schedule the date ahead.
func (p *parser) tense(i, j int, skipReport bool) (int, bool) {
	if p.eqAny(i-1, "starting", "beginning", "effective", "come") {
		return future, true // "a mourning period starting Sunday", "the election come November"
	}
	if p.eqAny(i-1, "by", "until", "till") || (p.eqAny(i-1, "as") && p.eqAny(i-2, "early", "soon", "late") && p.eq(i-3, "as")) {
		// A deadline is ahead unless its own clause is in the past
		// ("Until Thursday, they had not called him a suspect").
		if p.clauseTense(i-1, j) == past {
			return past, true
		}
		return future, true
	}
	if p.eq(i-1, "since") {
		return past, true
	}
	// The governing verb mostly comes first ("met on Friday"); an
	// expression that opens its sentence looks right ("On Friday, X said").
	cueAt := func(k int) (int, bool) {
		if k < 0 || k >= len(p.w) {
			return 0, false
		}
		if k < i && p.eq(k, "since") {
			return past, true
		}
		if skipReport && p.w[k].x != nil && p.w[k].x.report {
			return 0, false
		}
		if c := p.cue(k); c != 0 {
			return c, true
		}
		if !skipReport && (k > i || !p.gerundBetween(k, i)) && p.scheduledPresent(k) {
			return future, true // "Arafat meets Albright Monday"
		}
		return 0, false
	}
	// A finite verb right after the expression is its own ("Scott on
	// Monday announced", "Menendez Tuesday offered", "officials Friday
	// will meet").
	if j < len(p.w) && !skipReport {
		switch p.pos(j) {
		case "VBD", "MD":
			if c := p.cue(j); c != 0 {
				return c, true
			}
		}
	}
	initial := i <= 6
	for k := 0; initial && k < i; k++ {
		if p.w[k].kind != kPunct && !p.eqAny(k, "on", "in", "during", "early", "late", "by", "until", "since", "last", "this", "next", "the", "and", "but", "then", "also", "earlier", "later") {
			initial = false
			break
		}
	}
	if initial {
		for d := 1; d <= 12; d++ {
			if c, ok := cueAt(j - 1 + d); ok {
				return c, true
			}
		}
		return past, false
	}
	// Weekdays look further left for their verb ("criticized X and his
	// allies in an email Saturday"); months and holidays, whose year the
	// tense only breaks ties for, trust nearer cues only.
	back := 15
	if skipReport {
		back = 10
	}
	for d := 1; d <= back; d++ {
		if p.openQuote(i - d) {
			break // the verb that introduces a quotation does not date what is said in it
		}
		if c, ok := cueAt(i - d); ok {
			return c, true
		}
	}
	for k := i - back - 1; k >= 0 && k >= i-20; k-- {
		if p.eq(k, "since") {
			return past, true
		}
	}
	// Looking right, a clause boundary ends the search: a verb after it
	// belongs to another clause ("in an email Saturday, accusing them of
	// working to kill it", "claims Monday that he's going to stay").
	for d := 1; d <= 10; d++ {
		k := j - 1 + d
		if k < len(p.w) && (d > 1 && p.w[k].kind == kPunct && p.w[k].t != "'" && p.w[k].t != "’" && p.w[k].t != "-" || p.eqAny(k, "that", "which", "who", "when", "where", "while", "because", "after", "before", "if", "and", "but")) {
			break
		}
		if c, ok := cueAt(k); ok {
			return c, true
		}
	}
	return past, false
}

// gerundBetween reports whether a participle after a noun (tagged VBG)
// lies between words k and i: the expression then hangs on that
// participle's clause, not on a present verb before it ("fans complain
// about the actor attending the convention on Wednesday"); a gerund after
// a preposition or verb stays in the clause ("look forward to talking to
// you Monday evening").
func (p *parser) gerundBetween(k, i int) bool {
	for b := k + 1; b < i; b++ {
		if p.pos(b) == "VBG" && b > 0 && strings.HasPrefix(p.pos(b-1), "NN") {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends in the lower-case ASCII suffix,
// ignoring case, without allocating.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	t := s[len(s)-len(suffix):]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// openQuote reports whether word k opens a quotation of speech: a left
// double quotation mark (or a straight one with space before and none
// after) after a comma, a colon or a reporting verb, not a quoted phrase
// inside the clause ("join him "for a private call" Monday").
func (p *parser) openQuote(k int) bool {
	if k < 1 || k >= len(p.w) || p.w[k].kind != kPunct {
		return false
	}
	switch p.w[k].t {
	case "“":
	case "\"":
		if !p.w[k].gap || k+1 >= len(p.w) || p.w[k+1].gap {
			return false
		}
	default:
		return false
	}
	return p.punct(k-1, ",") || p.punct(k-1, ":") || p.w[k-1].x != nil && p.w[k-1].x.report
}

// scheduledPast reports whether the weekday at word i is the object of
// "was scheduled/set/due to …" a few words back: planned before the
// report, it may lie either side of it ("was scheduled to return
// Tuesday" on a Monday, "was set to receive an endorsement on Friday"
// on a Saturday), so the nearest day is meant.
func (p *parser) scheduledPast(i int) bool {
	sched := func(k int) bool {
		return p.eqAny(k, "scheduled", "set", "slated", "due", "expected", "supposed", "planned", "poised")
	}
	if p.eq(i-1, "for") && sched(i-2) && !p.eqAny(i-3, "is", "are", "be", "been", "has", "have", "had") {
		return true // "an analysts meeting scheduled for Thursday"
	}
	for k := i - 1; k >= 1 && k >= i-8; k-- {
		if p.w[k].kind == kPunct {
			return false
		}
		if sched(k) && p.eqAny(k-1, "was", "were") {
			return true // "was scheduled to return Tuesday", "was expected late today or early on Tuesday"
		}
	}
	return false
}

// clauseTense looks for a tense cue in the clause of the signal word at s:
// to the right when the clause opens the sentence, else to the left up to a
// clause boundary.
func (p *parser) clauseTense(s, j int) int {
	if s <= 0 || p.w[s-1].kind == kPunct {
		// "By Monday morning, the grim, if now familiar, ritual had begun"
		for k := j; k < len(p.w) && k < j+12; k++ {
			if c := p.cue(k); c != 0 {
				return c
			}
		}
		return 0
	}
	for k := s - 1; k >= 0 && k >= s-5; k-- {
		if p.w[k].kind == kPunct || p.eqAny(k, "if", "that", "when", "unless", "before", "after", "and", "or") {
			return 0
		}
		if c := p.cue(k); c != 0 {
			return c
		}
	}
	return 0
}

func (p *parser) pos(k int) string {
	if len(p.toks) == 0 {
		return ""
	}
	s := p.w[k].s
	n := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Start >= s })
	if n < len(p.toks) && p.toks[n].Start == s {
		return p.toks[n].POS
	}
	return ""
}

// ntBase maps the stem of a negative contraction, as the stage's scanner
// splits it ("didn" ' "t"), to its auxiliary.
var ntBase = map[string]string{"didn": "did", "wasn": "was", "weren": "were", "hasn": "has", "haven": "have",
	"hadn": "had", "won": "will", "wouldn": "would", "couldn": "could", "shouldn": "should", "isn": "is",
	"aren": "are", "doesn": "does", "don": "do"}

// ntTail reports whether word k is the "'" or "t" of a negative
// contraction ("didn't").
func (p *parser) ntTail(k int) bool {
	if k < 1 || k >= len(p.w) || p.w[k].gap {
		return false
	}
	if p.punct(k, "'") || p.punct(k, "’") {
		return p.eq(k+1, "t") && !p.w[k+1].gap
	}
	return p.eq(k, "t") && (p.punct(k-1, "'") || p.punct(k-1, "’"))
}

// auxIs reports whether word k is one of the auxiliaries ss, itself or as
// the stem of a negative contraction ("didn't" is "did", "won't" "will").
func (p *parser) auxIs(k int, ss ...string) bool {
	if p.eqAny(k, ss...) {
		return true
	}
	if k < 0 || k+2 >= len(p.w) || p.w[k].kind != kWord || len(p.w[k].t) > 8 || !p.ntTail(k+1) {
		return false
	}
	var buf [8]byte
	b, ok := ntBase[string(lower(p.w[k].t, buf[:]))]
	if !ok {
		return false
	}
	for _, s := range ss {
		if b == s {
			return true
		}
	}
	return false
}

// prevWord is the word before k, passing over the tail of a negative
// contraction ("didn't go": the word before "go" is "didn").
func (p *parser) prevWord(k int) int {
	k--
	for k > 0 && p.ntTail(k) {
		k--
	}
	return k
}

// auxBefore finds the auxiliary governing a participle at k.
func (p *parser) auxBefore(k int) int {
	for b, n := p.prevWord(k), 0; b >= 0 && n < 3; b, n = p.prevWord(b), n+1 {
		switch {
		case p.auxIs(b, "was", "were", "had", "has", "have", "did"):
			return past
		case p.auxIs(b, "will", "would", "shall"):
			return future
		case p.auxIs(b, "is", "are", "am", "be", "been", "being", "get", "gets"):
			if p.auxIs(p.prevWord(b), "will", "would", "shall", "to") {
				return future
			}
			if p.auxIs(p.prevWord(b), "has", "have", "had") {
				return past
			}
			return 2 // present passive: no tense
		case p.eqAny(b, "not", "also", "already", "just", "n", "t", "'", "’", "never", "recently"):
			continue
		default:
			return 0
		}
	}
	return 0
}

// scheduledPresent reports whether word k is a present-tense main verb
// (tagged VBZ/VBP) other than a form of be, have or do and other than a
// reporting verb: with a weekday, news uses it for what is scheduled ("the
// deal expires Friday").
func (p *parser) scheduledPresent(k int) bool {
	switch p.pos(k) {
	case "VBZ", "VBP":
	default:
		return false
	}
	if e := p.w[k].x; e != nil && (e.report || e.aux || e.present) {
		return false
	}
	if p.auxIs(k, "do", "does", "is", "are", "am", "has", "have") {
		return false // "doesn't want", "isn't": an auxiliary, contracted or not
	}
	if p.eqAny(k, "do", "does", "seem", "seems", "appear", "appears", "remain", "remains", "believe", "believes", "think", "thinks", "know", "knows", "want", "wants", "need", "needs") {
		return false
	}
	// A noun the tagger took for a verb ("to Tea Party conservatives on
	// Saturday", "Cruz's Iowa win on Tuesday"): the words before it form
	// a noun phrase that hangs on a preposition or a possessive.
	for b := k - 1; b >= 0 && b >= k-6; b-- {
		w := &p.w[b]
		if w.kind == kPunct {
			return !(w.t == "'" || w.t == "’")
		}
		if p.eqAny(b, "to", "in", "on", "at", "of", "for", "with", "from", "by", "about", "into", "during") ||
			p.eq(b, "s") && (p.punct(b-1, "'") || p.punct(b-1, "’")) {
			return false
		}
		switch pos := p.pos(b); {
		case strings.HasPrefix(pos, "NN"), pos == "JJ", pos == "DT", pos == "CD", pos == "POS", w.upper:
			continue
		case b < k-1 && strings.HasPrefix(pos, "VB"):
			return false // the object of a verb ("has organized two conference calls")
		}
		break
	}
	return true
}

// pastGovernor reports whether word k, governing an infinitive, puts it in
// the past: "had to", "tried to", "refused to", "was able to".
func (p *parser) pastGovernor(k int) bool {
	return p.eqAny(k, "had", "used", "tried", "managed", "failed", "able", "unable", "began", "started", "continued",
		"refused", "declined", "sought", "attempted", "appeared", "seemed", "happened")
}

// pastInfinitive reports whether the infinitive marker "to" at k hangs on
// a past governor ("had to", "tried to"), a past perfect ("had been due to
// expire", "had been scheduled to open") or a past copula ("were quick to
// offer"): what was to happen then lies before the report.
func (p *parser) pastInfinitive(k int) bool {
	if p.eqAny(k-1, "able", "unable") && p.eqAny(k-2, "will", "be", "would") {
		return false // "will be able to reach"
	}
	if p.pastGovernor(k - 1) {
		return true
	}
	if k >= 3 && p.w[k-1].kind == kWord && hasSuffixFold(p.w[k-1].t, "ing") && (p.cue(k-2) == past || p.cue(k-3) == past && p.eqAny(k-2, "while", "when")) {
		return true // "were detained attempting to enter Texas on Monday"
	}
	if p.eqAny(k-2, "was", "were") && k > 0 && p.w[k-1].kind == kWord {
		// "were quick to offer" is past; a passive "were asked to resubmit"
		// leaves what was asked ahead of the asking
		return !(hasSuffixFold(p.w[k-1].t, "ed") || p.eqAny(k-1, "told", "set", "due", "bound", "sworn", "chosen", "given"))
	}
	return p.eq(k-2, "been") && p.eq(k-3, "had") || p.eq(k-3, "been") && p.eq(k-4, "had")
}

// cue returns the tense word k signals: past, future or 0.
func (p *parser) cue(k int) int {
	w := &p.w[k]
	if w.kind != kWord {
		return 0
	}
	if p.eqAny(k, "scheduled", "set", "slated", "due", "planned", "expected") && p.auxBefore(k) == 2 {
		return future // "the meeting is set for 9 a.m. Monday"
	}
	switch p.pos(k) {
	case "":
	case "MD":
		if p.eqAny(k, "can") {
			return 0
		}
		return future
	case "VBD":
		return past
	case "VBN":
		switch a := p.auxBefore(k); a {
		case 2:
			return 0
		case 0:
			return past
		default:
			return a
		}
	case "VB":
		if b := p.prevWord(k); p.eqAny(k-2, "did") || p.eqAny(k-3, "did") || p.auxIs(b, "did") || p.eqAny(b, "not", "never") && p.auxIs(p.prevWord(b), "did") {
			return past // "did not go", "didn't go", "did go"
		}
		if p.eq(k-1, "to") && p.pastInfinitive(k-1) {
			return past // "tried to argue Sunday", "had been due to expire Friday"
		}
		if k >= 2 && p.eq(k-2, "to") && hasSuffixFold(p.w[k-1].t, "ly") && p.pastInfinitive(k-2) {
			return past // "failed to clearly explain"
		}
		if b := p.prevWord(k); p.auxIs(b, "do", "does") || p.eqAny(b, "not", "never") && p.auxIs(p.prevWord(b), "do", "does") {
			return 0 // "does not stand up": the present, no time of its own
		}
		return future
	case "VBZ", "VBP":
		if p.eqAny(k, "is", "are", "am") && (p.eq(k+1, "to") || p.pos(k+1) == "VBG") {
			return future
		}
		if p.eqAny(k, "has", "have") && p.pos(k+1) == "VBN" {
			return past
		}
		return 0
	default:
		return 0
	}
	e := w.x
	if e != nil {
		switch {
		case e.futureCue:
			if p.eqAny(k, "plans", "plan") && !p.eq(k+1, "to") {
				return 0 // the noun
			}
			if p.eqAny(k-1, "had") {
				return past
			}
			return future
		case e.future:
			return future
		case e.past:
			return past
		case e.present:
			if p.eqAny(k, "is", "are", "am") && (p.eq(k+1, "to") || (k+1 < len(p.w) && strings.HasSuffix(p.w[k+1].t, "ing"))) {
				return future
			}
			return 0
		}
	}
	t := w.t
	if len(t) == 2 && strings.EqualFold(t, "ll") && k > 0 && !w.gap && (p.w[k-1].t == "'" || p.w[k-1].t == "’") {
		return future
	}
	if strings.EqualFold(t, "won") && k+2 < len(p.w) && !p.w[k+1].gap && p.eq(k+2, "t") {
		return future
	}
	if strings.EqualFold(t, "to") && k+1 < len(p.w) {
		n := &p.w[k+1]
		if n.kind == kWord && !n.upper && n.x == nil && !p.eqAny(k+1, "the", "a", "an", "be", "date", "power", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "them", "him", "us", "me", "it") {
			// an infinitive: future, unless it hangs on "had to", "used to",
			// "tried to", "was able to"
			if p.pastInfinitive(k) {
				return past
			}
			return future
		}
	}
	if !w.upper && len(t) >= 5 && strings.HasSuffix(t, "ed") {
		switch a := p.auxBefore(k); a {
		case 2:
			return 0
		case 0:
			return past
		default:
			return a
		}
	}
	return 0
}

// ---- rule families ----

// weekdayVal resolves ISO weekday wd for words [i, j).
func (p *parser) weekdayVal(wd, dir int, strict bool) string {
	if !p.has {
		return "XXXX-WXX-" + strconv.Itoa(wd)
	}
	return day(weekdayDate(p.dct, wd, dir, strict))
}

// partOfDay extends a day match with "morning", "night", … (→ TIME with
// the TIMEX3 part-of-day suffix: "Friday morning" → 1998-08-07TMO).
func (p *parser) partOfDay(m match) match {
	if e := p.x(m.end); e != nil && e.pod != "" && !strings.HasSuffix(strings.ToLower(p.w[m.end].t), "s") {
		m.end++
		m.typ = model.TimeTime
		m.val += "T" + e.pod
	}
	return m
}

func (p *parser) weekday(i int) (match, bool) {
	j := i
	rel := ""
	mod := ""
	switch {
	case p.eqAny(j, "early", "earlier"):
		mod, j = "START", j+1
	case p.eqAny(j, "late", "later"):
		mod, j = "END", j+1
	case p.eq(j, "the") && p.eqAny(j+1, "previous", "following"):
		j++
	}
	if e := p.x(j); e != nil && (e.rel == "last" || e.rel == "next" || e.rel == "this" || e.rel == "past" || e.rel == "coming" || e.rel == "previous" || e.rel == "following") {
		rel = e.rel
		j++
		if rel == "following" && !p.eq(j-2, "the") {
			return match{}, false // "following Tuesday's primaries": a preposition, the day alone is the expression
		}
		if rel == "this" && p.eqAny(j, "coming", "past") {
			rel = strings.ToLower(p.w[j].t)
			j++
		}
	}
	e := p.x(j)
	if e == nil || e.wday == 0 || !p.w[j].upper {
		return match{}, false
	}
	// "Friday, Aug. 7": the explicit date decides.
	k := j + 1
	if p.punct(k, ",") {
		k++
	}
	if m, ok := p.monthDate(k); ok && len(m.val) == 10 && mod == "" {
		m.rule = "weekday-date"
		return m, true
	}
	if pe := p.x(j + 1); pe != nil && pe.pod != "" && mod == "" && rel == "" && len(p.w[j+1].t) > 1 && (p.w[j+1].t[len(p.w[j+1].t)-1] == 's') {
		return match{end: j + 2, typ: model.TimeSet, val: "XXXX-WXX-" + strconv.Itoa(e.wday) + "T" + pe.pod, rule: "set-weekday-nights"}, true
	}
	if mod == "" && rel == "" && p.eqAny(j+1, "and", "or") {
		// "Monday and Tuesday nights": the first day shares the plural
		if e2, pe := p.x(j+2), p.x(j+3); e2 != nil && e2.wday > 0 && p.w[j+2].upper && pe != nil && pe.pod != "" && strings.HasSuffix(p.w[j+3].t, "s") {
			return match{end: j + 1, typ: model.TimeSet, val: "XXXX-WXX-" + strconv.Itoa(e.wday) + "T" + pe.pod, rule: "set-weekday-nights"}, true
		}
	}
	var dir int
	strict := false
	rule := "weekday"
	switch rel {
	case "last", "past", "previous":
		dir, strict, rule = past, true, "weekday-last"
	case "next", "following":
		dir, strict, rule = future, true, "weekday-next"
	case "this", "coming":
		dir, rule = future, "weekday-this"
	default:
		ps := j + 1 // the possessive may follow a part of the day: "Saturday night's debate"
		if pe := p.x(ps); pe != nil && pe.pod != "" {
			ps++
		}
		if (p.punct(ps, "'") || p.punct(ps, "’")) && p.eq(ps+1, "s") && p.has {
			// "Wednesday's ruling": a day up to three days back is that
			// one; further back, the tense decides between it and the
			// coming one ("ahead of Sunday's vote"), and news reports
			// mostly look back ("Friday's bombings" on a Tuesday).
			rule = "weekday-possessive"
			ahead := p.eq(i-1, "of") && p.eqAny(i-2, "ahead", "advance") || p.eq(i-1, "to") && p.eqAny(i-2, "up", "run-up", "lead-up") && p.eqAny(i-3, "lead", "leading", "run", "-")
			d := (isoWeekday(p.dct) - e.wday + 7) % 7
			if ahead && d <= 3 {
				// "in the lead-up to Tuesday's primary" on a Thursday is
				// the coming one, unless the clause looks back ("polls
				// had tightened ahead of Tuesday's vote")
				dir = future
				if c, cued := p.tense(i, j+1, false); cued && c == past {
					dir = past
				}
			} else if d <= 3 {
				dir = past
			} else if ahead || p.eqAny(i-1, "before", "until") {
				dir = future
			} else if c, cued := p.tense(i, j+1, false); cued {
				dir = c
			} else {
				dir = past
			}
			break
		}
		dir = p.dir(i, j+1)
		if p.scheduledPast(i) && p.has {
			dir = past // the nearest: up to three days back, else ahead
			if back := (isoWeekday(p.dct) - e.wday + 7) % 7; back > 3 {
				dir = future
			}
		}
		if dir == past {
			rule = "weekday-past-tense"
		} else {
			rule = "weekday-future"
		}
	}
	m := match{end: j + 1, typ: model.TimeDate, val: p.weekdayVal(e.wday, dir, strict), mod: mod, rule: rule}
	if p.eq(i, "the") && (rel == "previous" || rel == "following") {
		// "the previous Friday": before the day the narrative is at
		if t, g := p.lastAnchor(); g == grainDay {
			m.val, m.rule = day(weekdayDate(t, e.wday, dir, true)), "weekday-narrative"
		}
	}
	return p.partOfDay(m), true
}

// monthAt reads a month name (or "Aug." abbreviation) at i: month, end.
func (p *parser) monthAt(i int, needCue bool) (int, int, bool) {
	e := p.x(i)
	if e == nil || !p.w[i].upper {
		return 0, 0, false
	}
	if e.month > 0 {
		if needCue && (p.eqAny(i, "may", "march")) {
			return e.month, i + 1, false
		}
		return e.month, i + 1, true
	}
	if e.monthAbbr > 0 {
		if p.punct(i+1, ".") && !p.w[i+1].gap {
			return e.monthAbbr, i + 2, true
		}
		if len(p.w[i].t) >= 3 && i+1 < len(p.w) && p.w[i+1].kind == kDigits && p.w[i+1].nd <= 2 {
			return e.monthAbbr, i + 1, true
		}
	}
	return 0, 0, false
}

// dayAt reads a day of the month at i: "7", "7th", "seventh".
func (p *parser) dayAt(i int) (int, int, bool) {
	if i >= len(p.w) {
		return 0, 0, false
	}
	w := &p.w[i]
	switch {
	case w.kind == kDigits && w.nd <= 2 && w.num >= 1 && w.num <= 31:
		return w.num, i + 1, true
	case w.kind == kOrdinal && w.num >= 1 && w.num <= 31:
		return w.num, i + 1, true
	case w.x != nil && w.x.ord > 0:
		return w.x.ord, i + 1, true
	case w.x != nil && (w.x.num == 20 || w.x.num == 30) && p.hyphen(i+1) && p.x(i+2) != nil && p.x(i+2).ord > 0 && p.x(i+2).ord < 10:
		return w.x.num + p.x(i+2).ord, i + 3, true
	}
	return 0, 0, false
}

// spelledYear reads a year in words: "nineteen ninety-six", "nineteen
// eighty", "two thousand (and) one".
func (p *parser) spelledYear(i int) (int, int, bool) {
	switch {
	case p.eqAny(i, "nineteen", "eighteen"):
		c := 1900
		if p.eq(i, "eighteen") {
			c = 1800
		}
		n, end, ok := p.number(i + 1)
		if !ok || n < 10 || n > 99 || p.w[i+1].kind != kWord {
			return 0, 0, false
		}
		return c + n, end, true
	case p.eq(i, "two") && p.eq(i+1, "thousand"):
		end := i + 2
		k := end
		if p.eq(k, "and") {
			k++
		}
		if n, e, ok := p.number(k); ok && n >= 1 && n <= 99 && p.w[k].kind == kWord {
			return 2000 + n, e, true
		}
		return 2000, end, true
	}
	return 0, 0, false
}

// yearAt reads a four-digit year (or ", 1998" after a date) at i.
func (p *parser) yearAt(i int) (int, int, bool) {
	if i >= len(p.w) {
		return 0, 0, false
	}
	if y, end, ok := p.spelledYear(i); ok && (y != 2000 || p.eq(i-1, "year")) {
		return y, end, true
	}
	w := &p.w[i]
	if w.kind == kDigits && w.nd == 4 && w.num >= 1000 && w.num <= 2199 {
		return w.num, i + 1, true
	}
	if (w.t == "'" || w.t == "’") && i+1 < len(p.w) && p.w[i+1].kind == kDigits && p.w[i+1].nd == 2 && !p.w[i+1].gap {
		y := p.w[i+1].num
		if y < 50 {
			return 2000 + y, i + 2, true
		}
		return 1900 + y, i + 2, true
	}
	return 0, 0, false
}

// monthCue reports whether word i-1 lets an ambiguous month ("May") be a month.
func (p *parser) monthCue(i int) bool {
	if e := p.x(i - 1); e != nil && (e.rel != "" || e.pos != "") {
		return true
	}
	if p.eqAny(i-1, "in", "since", "by", "until", "till", "of", "during", "before", "after", "from", "through", "mid", "end", "early", "late", "between", "and", "to") ||
		(p.hyphen(i-1) && p.eq(i-2, "mid")) {
		return true
	}
	// "figures for March" (no one marches for anything; "voted for May"
	// is a person), "a March deficit", "its May report": a determiner
	// before and a common noun after make the month a modifier
	if p.eq(i, "march") && p.eq(i-1, "for") {
		return true
	}
	if n := i + 1; n < len(p.w) && p.w[n].kind == kWord && !p.w[n].upper && p.x(n) == nil && p.w[n].gap &&
		p.eqAny(i-1, "a", "the", "its", "their", "his", "her", "our") {
		t := p.w[n].t
		return !strings.HasSuffix(t, "ed") && !strings.HasSuffix(t, "ing") && !p.eqAny(n, "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "is", "was", "were", "are", "will", "would", "has", "had", "have")
	}
	return false
}

func (p *parser) monthDate(i int) (match, bool) {
	m, j, ok := p.monthAt(i, true)
	if !ok && m == 0 {
		return match{}, false
	}
	// Month Day[, Year]
	if d, k, okd := p.dayAt(j); okd && !(k < len(p.w) && p.x(k) != nil && p.x(k).unit != "") {
		if p.punct(k, ",") {
			if y, k2, oky := p.yearAt(k + 1); oky {
				return match{end: k2, typ: model.TimeDate, val: day(date(y, m, d)), rule: "month-day-year"}, true
			}
		}
		if y, k2, oky := p.yearAt(k); oky {
			return match{end: k2, typ: model.TimeDate, val: day(date(y, m, d)), rule: "month-day-year"}, true
		}
		if y, k2, oky := p.relYear(k); oky {
			return match{end: k2, typ: model.TimeDate, val: day(date(y, m, d)), rule: "month-day-relative-year"}, true
		}
		if m == 9 && d == 11 && p.eqAny(k, "attack", "attacks", "terrorist", "terror", "hijackers", "hijackings", "commission", "victims", "families", "memorial", "anniversary") &&
			(!p.has || p.dct.After(date(2001, 9, 12))) {
			// "the Sept. 11 attacks": the day the name stands for
			return match{end: k, typ: model.TimeDate, val: "2001-09-11", rule: "month-day-named"}, true
		}
		if !p.has {
			return match{end: k, typ: model.TimeDate, val: "XXXX" + day(date(2000, m, d))[4:], rule: "month-day"}, true
		}
		y := p.monthResolve(i, k, m, d)
		return match{end: k, typ: model.TimeDate, val: day(date(y, m, d)), rule: "month-day"}, true
	}
	// "April one" (a cardinal in words as the day, before a break)
	if e := p.x(j); e != nil && e.num >= 1 && e.num <= 31 && p.has && (j+1 >= len(p.w) || p.w[j+1].kind == kPunct || p.eqAny(j+1, "through", "to", "until", "and")) {
		y := p.monthResolve(i, j+1, m, e.num)
		return match{end: j + 1, typ: model.TimeDate, val: day(date(y, m, e.num)), rule: "month-day"}, true
	}
	// Month [of|,] Year
	k := j
	if p.eq(k, "of") || p.punct(k, ",") {
		k++
	}
	if y, k2, oky := p.yearAt(k); oky {
		return match{end: k2, typ: model.TimeDate, val: month(y, m), rule: "month-year"}, true
	}
	if !ok && !p.monthCue(i) {
		return match{}, false
	}
	if ok && len(p.w[i].t) <= 4 && p.x(i).month == 0 {
		// a bare abbreviation without a day or year is too weak
		return match{}, false
	}
	if y, ok := p.pairYear(j, m); ok {
		return match{end: j, typ: model.TimeDate, val: month(y, m), rule: "month-pair-year"}, true
	}
	if y, ok := p.rangeStartYear(i, j, m); ok {
		return match{end: j, typ: model.TimeDate, val: month(y, m), rule: "month-range"}, true
	}
	if !p.has {
		return match{end: j, typ: model.TimeDate, val: "XXXX-" + twoDigits(m), rule: "month"}, true
	}
	if y, k2, ok := p.relYear(j); ok {
		return match{end: k2, typ: model.TimeDate, val: month(y, m), rule: "month-relative-year"}, true
	}
	if y, k2, ok := p.relYear(j + 1); ok && p.eq(j, "of") {
		return match{end: k2, typ: model.TimeDate, val: month(y, m), rule: "month-relative-year"}, true // "April of last year"
	}
	if p.commodityMonth(j) {
		// "December loading", "September corn": a contract or delivery
		// month, the coming one
		return match{end: j, typ: model.TimeDate, val: month(monthYear(p.dct, m, 0, future), m), rule: "month-contract"}, true
	}
	y := p.monthResolve(i, j, m, 0)
	return match{end: j, typ: model.TimeDate, val: month(y, m), rule: "month"}, true
}

// commodityMonth reports whether word k, right after a bare month, makes
// it a contract or delivery month ("December loading", "July crude
// futures", "September corn").
func (p *parser) commodityMonth(k int) bool {
	if p.eqAny(k, "crude", "corn", "wheat", "soybeans", "soybean", "sugar", "cocoa", "coffee", "cotton", "gold", "silver", "copper") {
		k++
	}
	return p.eqAny(k, "loading", "loadings", "delivery", "deliveries", "shipment", "shipments", "futures", "contract", "contracts", "options", "position")
}

// electionNear reports whether the sentence speaks of an election.
func (p *parser) electionNear() bool {
	for k := range p.w {
		if p.eqAny(k, "election", "elections", "reelection", "midterm", "midterms", "ballot") {
			return true
		}
	}
	return false
}

// rangeStartYear gives the year of a bare month m (word i, its words
// ending at k) opening a range of bare months ("exports in January-November
// rose", "trade in April-July rose" in March): when the nearest first month
// is still to come and puts the range's end over two months ahead though
// it could have ended already, and the clause does not look ahead, the
// range is the one gone by (one under way, "November-June" in March,
// stays). ok is false when the usual resolution stands.
func (p *parser) rangeStartYear(i, k, m int) (int, bool) {
	if !p.has || !p.eqAny(k, "to", "through", "until", "till") && !(p.punct(k, "-") || p.punct(k, "–")) {
		return 0, false
	}
	m2, k2, ok := p.monthAt(k+1, false)
	if !ok || m2 == 0 || m2 == m {
		return 0, false
	}
	if _, _, isDay := p.dayAt(k2); isDay {
		return 0, false // "June to July 4": a date ends the range
	}
	y1 := p.monthResolve(i, k, m, 0)
	e := y1
	if m > m2 {
		e++
	}
	now := p.dct.Year()*12 + int(p.dct.Month())
	if y1*12+m > now && e*12+m2-now > 2 && (e-1)*12+m2 <= now {
		if dir, cued := p.tense(i, k, true); !(cued && dir == future) {
			return y1 - 1, true
		}
	}
	return 0, false
}

// pairYear gives the year of a bare month m whose words end at k when a
// second month with a year follows it in a pair or range ("June and July
// of 2009", "from November to February 2010"): that year, or the one
// before when the range crosses the year's end.
func (p *parser) pairYear(k, m int) (int, bool) {
	if !p.eqAny(k, "and", "or", "to", "through", "until", "till") && !(p.punct(k, "-") || p.punct(k, "–")) {
		return 0, false
	}
	m2, k2, ok := p.monthAt(k+1, false)
	if !ok || m2 == 0 {
		return 0, false
	}
	if p.eq(k2, "of") || p.punct(k2, ",") {
		k2++
	}
	y, _, oky := p.yearAt(k2)
	if !oky {
		return 0, false
	}
	if m > m2 && !p.eqAny(k, "and", "or") {
		y--
	}
	return y, true
}

// rangeDay reads the bare day that closes a range opened by a full date
// ("from August 10 to 12", "Aug. 10-12", "on May 3 and 4"): that day of
// the same month, when no unit or noun follows the number.
func (p *parser) rangeDay(i int) (match, bool) {
	w := &p.w[i]
	if w.kind != kDigits || w.nd > 2 || i < 2 || len(p.out) == 0 || !(p.eqAny(i-1, "to", "through", "and", "or", "until") || p.punct(i-1, "-") || p.punct(i-1, "–")) {
		return match{}, false
	}
	prev := p.out[len(p.out)-1]
	b := i - 2 // the last word of the first member
	if p.punct(i-1, "-") && p.eq(i-2, "to") && p.punct(i-3, "-") && i >= 4 {
		b = i - 4 // "the October-to-December quarter"
	}
	if prev.End != p.w[b].e || prev.Type != model.TimeDate || len(prev.Value) != 10 || !strings.HasPrefix(prev.Rule, "month-day") && !strings.HasPrefix(prev.Rule, "day-month") {
		return match{}, false
	}
	d, err := strconv.Atoi(prev.Value[8:])
	if err != nil || w.num <= d || w.num > 31 {
		return match{}, false
	}
	if n := i + 1; n < len(p.w) && p.w[n].kind != kPunct && !p.eqAny(n, "and", "or", "in", "at", "to") {
		if y, end, ok := p.yearAt(n); ok && strings.HasPrefix(prev.Value, year(y)) {
			return match{end: end, typ: model.TimeDate, val: prev.Value[:8] + twoDigits(w.num), rule: "range-day"}, true
		}
		return match{}, false // "August 10 to 12 percent"
	}
	if p.punct(i+1, "%") {
		return match{}, false
	}
	end := i + 1
	if y, e, ok := p.yearAt(i + 2); ok && p.punct(i+1, ",") && strings.HasPrefix(prev.Value, year(y)) {
		end = e // "between March 1 and 5, 1998"
	}
	return match{end: end, typ: model.TimeDate, val: prev.Value[:8] + twoDigits(w.num), rule: "range-day"}, true
}

// relYear reads "this year", "last year", "next year" at i (needs the dct).
func (p *parser) relYear(i int) (int, int, bool) {
	if !p.has || !p.eq(i+1, "year") || p.hyphen(i+2) {
		return 0, 0, false
	}
	e := p.x(i)
	if e == nil || (e.rel != "this" && e.rel != "last" && e.rel != "next") {
		return 0, 0, false
	}
	off, _ := relOffset(e.rel)
	return p.dct.Year() + off, i + 2, true
}

// monthResolve picks the year of month m (day d, 0 = none) mentioned in
// words [i, j): the tense when a cue gives it (reporting verbs aside), else
// the occurrence nearest the publication date.
func (p *parser) monthResolve(i, j, m, d int) int {
	if y, ok := p.rangeYear(i, m); ok {
		return y
	}
	if m == 11 && (d == 0 || d >= 2 && d <= 8) && p.dct.Year()%2 == 0 && p.electionNear() {
		// "re-election in November", "the Nov. 8 election" in an even
		// year: the general election of that year (held between the 2nd
		// and the 8th)
		// (early in the year a past tense may still mean the off-year
		// vote just gone: "won re-election in November" in January)
		if dir, cued := p.tense(i, j, true); !(cued && dir == past && p.dct.Month() <= 2) {
			return p.dct.Year()
		}
	}
	if i > 0 {
		// a verb right before decides ("the year ended Sept. 30"), not an
		// infinitive ("had been set to expire Nov. 6": the nearest still is)
		if c := p.cue(i - 1); c != 0 && !p.eqAny(i-1, "set", "setting", "named", "scheduled", "fixed") && !p.eq(i-2, "to") && !(p.w[i-1].x != nil && p.w[i-1].x.report) {
			return monthYear(p.dct, m, d, c)
		}
	}
	y := p.dct.Year()
	// Within about two months of the publication date the nearest wins,
	// unless a bare month lies two months ahead and the tense is past
	// ("Carter took office in February" in December; a day, as in
	// "payable Jan. 2", keeps the nearest, and so does a month two back
	// under a future: "will welcome the figure for March" in May).
	for _, c := range []int{y - 1, y, y + 1} {
		far, ahead := false, false
		if d > 0 {
			dd := date(c, m, d).Sub(p.dct).Hours() / 24
			if dd <= -62 || dd >= 62 {
				continue
			}
		} else {
			dm := (c*12 + m) - (y*12 + int(p.dct.Month()))
			if dm < -2 || dm > 2 {
				continue
			}
			far, ahead = dm == -2 || dm == 2, dm > 0
		}
		if far && ahead {
			if dir, cued := p.tense(i, j, true); cued && dir == past {
				return monthYear(p.dct, m, d, dir)
			}
		}
		return c
	}
	if dir, cued := p.tense(i, j, true); cued {
		return monthYear(p.dct, m, d, dir)
	}
	// Uncued, news mostly looks back: the past occurrence unless the
	// coming one is over two months nearer ("in March" in October is
	// this year's March, "in January" next year's).
	py := monthYear(p.dct, m, d, past)
	fy := monthYear(p.dct, m, d, future)
	if py == fy {
		return py
	}
	if d > 0 {
		pd := p.dct.Sub(date(py, m, d)).Hours() / 24
		fd := date(fy, m, d).Sub(p.dct).Hours() / 24
		if fd < pd-61 {
			return fy
		}
		return py
	}
	pm := (y*12 + int(p.dct.Month())) - (py*12 + m)
	fm := (fy*12 + m) - (y*12 + int(p.dct.Month()))
	if fm < pm-2 {
		return fy
	}
	return py
}

// rangeYear gives the year of month m at word i when it closes a range or
// a pair whose first member was just resolved ("from June until August",
// "in June and August", "Nov. 14 through Dec. 31"): that year, or the next
// when the range crosses the year's end.
func (p *parser) rangeYear(i, m int) (int, bool) {
	if i < 2 || len(p.out) == 0 || !p.eqAny(i-1, "until", "till", "to", "through", "and", "or") && !p.punct(i-1, "-") {
		return 0, false
	}
	prev := p.out[len(p.out)-1]
	b := i - 2 // the last word of the first member
	if p.punct(i-1, "-") && p.eq(i-2, "to") && p.punct(i-3, "-") && i >= 4 {
		b = i - 4 // "the October-to-December quarter"
	}
	if prev.End != p.w[b].e || prev.Type != model.TimeDate || len(prev.Value) < 7 || prev.Value[4] != '-' ||
		!(strings.HasPrefix(prev.Rule, "month") || strings.HasPrefix(prev.Rule, "day-month") || strings.HasPrefix(prev.Rule, "position-month")) {
		return 0, false // the first member must be a month or a date of one ("Friday to December's figures" is no range)
	}
	y, err1 := strconv.Atoi(prev.Value[:4])
	pm, err2 := strconv.Atoi(prev.Value[5:7])
	if err1 != nil || err2 != nil || pm < 1 || pm > 12 {
		return 0, false
	}
	if m < pm {
		y++
	}
	return y, true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// dayMonth: "7 August 2025", "the 7th of August".
func (p *parser) dayMonth(i int) (match, bool) {
	j := i
	if p.eq(j, "the") {
		j++
	}
	d, k, ok := p.dayAt(j)
	if !ok {
		return match{}, false
	}
	if p.eq(k, "of") {
		k++
	}
	m, k2, okm := p.monthAt(k, false)
	if !okm {
		return match{}, false
	}
	if j > i && p.w[j].kind == kDigits {
		return match{}, false
	}
	if y, k3, oky := p.yearAt(k2); oky {
		return match{end: k3, typ: model.TimeDate, val: day(date(y, m, d)), rule: "day-month-year"}, true
	}
	if !p.has {
		return match{end: k2, typ: model.TimeDate, val: "XXXX" + day(date(2000, m, d))[4:], rule: "day-month"}, true
	}
	y := p.monthResolve(i, k2, m, d)
	return match{end: k2, typ: model.TimeDate, val: day(date(y, m, d)), rule: "day-month"}, true
}

// periodCode: "Q3 2024", "Q3", "H1 2025", "FY2024" (fiscal years are
// given as the calendar year they are named after).
func (p *parser) periodCode(i int) (match, bool) {
	w := &p.w[i]
	if w.kind == kFiscal {
		return match{end: i + 1, typ: model.TimeDate, val: year(w.num), rule: "fiscal-year"}, true
	}
	y, end := 0, i+1
	k := end
	if p.punct(k, ",") || p.punct(k, "/") {
		k++
	}
	if yy, e, ok := p.yearAt(k); ok {
		y, end = yy, e
	} else if k < len(p.w) && p.w[k].kind == kFiscal {
		y, end = p.w[k].num, k+1
	}
	code := "Q"
	if w.kind == kHalf {
		code = "H"
	}
	n := strconv.Itoa(w.num)
	switch {
	case y > 0:
		return match{end: end, typ: model.TimeDate, val: year(y) + "-" + code + n, rule: "period-code"}, true
	case !p.has:
		return match{end: end, typ: model.TimeDate, val: "XXXX-" + code + n, rule: "period-code"}, true
	case w.kind == kQuarter:
		return match{end: end, typ: model.TimeDate, val: quarter(quarterYear(p.dct, w.num, p.dir(i, end)), w.num), rule: "period-code"}, true
	}
	return match{end: end, typ: model.TimeDate, val: year(p.dct.Year()) + "-H" + n, rule: "period-code"}, true
}

// notYear reports whether a four-digit number at i is a count or amount.
func (p *parser) notYear(i int) bool {
	if i > 0 {
		pt := p.w[i-1].t
		if pt == "$" || pt == "£" || pt == "€" || pt == "#" || p.eqAny(i-1, "no", "number", "about", "nearly", "almost", "some", "over", "than", "approximately", "roughly", "around", "only", "just", "least") {
			return true
		}
		if p.w[i-1].kind == kDigits || p.w[i-1].kind == kNum || (p.punct(i-1, ",") && i > 1 && p.w[i-2].kind == kDigits) && !p.w[i-1].gap && !p.yearList(i) {
			return true
		}
		if (pt == "-" || pt == "/" || pt == ":" || pt == ".") && !p.w[i].gap {
			// "2014-2016" is two years, and so is "mid-1998"; "10-2016",
			// "3/2016" are not
			return !(pt == "-" && i > 1 && (p.w[i-2].kind == kDigits && p.w[i-2].nd == 4 || p.eqAny(i-2, "mid", "early", "late")))
		}
	}
	if i+1 < len(p.w) {
		n := &p.w[i+1]
		if p.eqAny(i+1, "hrs", "hours", "GMT", "EST", "EDT", "CST", "PST", "UTC") || (n.x != nil && n.x.zone && n.upper) {
			return true // "by 1530 hrs", "after 1530 EST": a clock time
		}
		if n.t == "%" || (n.kind == kPunct && (n.t == ":" || n.t == "/" || n.t == ".") && !n.gap && i+2 < len(p.w) && p.w[i+2].kind == kDigits) {
			return true
		}
		if n.kind == kWord && !n.upper {
			if p.eqAny(i+1, "percent", "per", "people", "men", "women", "children", "police", "feet", "staff", "personnel", "yen", "tonnes", "metres", "meters", "hectares", "acres", "million", "billion", "km", "kg", "mph") {
				return true
			}
			t := n.t
			if len(t) > 3 && t[len(t)-1] == 's' && !p.eqAny(i+1, "was", "has", "is", "as", "its", "this", "his", "thus", "whereas", "always", "afterwards") && n.x == nil {
				// "their 1987 ranges", "the 1988 elections": after a
				// determiner a year-like number names the year of what
				// follows ("the 1,500 troops" has its comma)
				y := p.w[i].num
				return !(y >= 1900 && y <= 2100 && p.eqAny(i-1, "the", "their", "its", "his", "her", "our", "this", "these", "those"))
			}
		}
	}
	return false
}

// yearList reports whether the four-digit number at i, after a comma,
// continues a list of years ("in 1987, 1988 and 1989"): a space after the
// comma and a year-like number before it.
func (p *parser) yearList(i int) bool {
	if i < 2 || !p.w[i].gap || p.w[i-2].kind != kDigits || p.w[i-2].nd != 4 {
		return false
	}
	a, b := p.w[i-2].num, p.w[i].num
	return a >= 1800 && a <= 2100 && b > a && b-a <= 50
}

// countNoun reports whether word k is a noun that makes the number before
// it a count ("nineteen ninety people"): a known count word or an unknown
// lower-case plural.
func (p *parser) countNoun(k int) bool {
	if k >= len(p.w) || p.w[k].kind != kWord || p.w[k].upper || p.x(k) != nil {
		return false
	}
	if p.eqAny(k, "percent", "per", "people", "men", "women", "children", "police", "feet", "staff", "personnel", "yen", "million", "billion") {
		return true
	}
	t := p.w[k].t
	return len(t) > 3 && t[len(t)-1] == 's' && !p.eqAny(k, "was", "has", "is", "as", "its", "this", "his", "thus", "whereas", "always", "afterwards")
}

func (p *parser) yearExpr(i int) (match, bool) {
	j := i
	rule := "year"
	if p.eq(j, "fiscal") {
		j++
		rule = "fiscal-year"
	}
	if j < len(p.w) && p.w[j].kind == kDecade {
		if j > i {
			return match{}, false
		}
		return p.decade(i, j, "")
	}
	if p.eq(j, "the") && j+1 < len(p.w) && p.w[j+1].kind == kDecade {
		return p.decade(i, j+1, "")
	}
	if p.eq(j, "the") && (p.punct(j+1, "'") || p.punct(j+1, "’")) && j+2 < len(p.w) && p.w[j+2].kind == kDecade {
		return p.decade(i, j+2, "")
	}
	if p.eq(j, "the") && j == i {
		// "the nineties", "the early eighties"
		k, mod := j+1, ""
		if e := p.x(k); e != nil && (p.eqAny(k, "early", "mid", "late")) {
			mod, k = e.pos, k+1
		}
		if e := p.x(k); e != nil && e.decade != "" {
			return match{end: k + 1, typ: model.TimeDate, val: e.decade, mod: mod, rule: "decade-words"}, true
		}
	}
	// "the year two thousand", "in nineteen ninety-six"
	if p.eq(j, "the") && p.eq(j+1, "year") {
		if y, end, ok := p.spelledYear(j + 2); ok {
			return match{end: end, typ: model.TimeDate, val: year(y), rule: "year-words"}, true
		}
		if j+2 < len(p.w) && p.w[j+2].kind == kDigits && p.w[j+2].nd == 4 {
			return match{end: j + 3, typ: model.TimeDate, val: year(p.w[j+2].num), rule: "year"}, true
		}
	}
	if y, end, ok := p.spelledYear(j); ok && (y != 2000 || p.eqAny(i-1, "in", "since", "until", "by")) && !p.countNoun(end) {
		return match{end: end, typ: model.TimeDate, val: year(y), rule: "year-words"}, true
	}
	if j >= len(p.w) || p.w[j].kind != kDigits || p.w[j].nd != 4 {
		return match{}, false
	}
	y := p.w[j].num
	if y < 1000 || y > 2199 || (rule == "year" && p.notYear(j)) {
		return match{}, false
	}
	if rule == "year" && (y < 1800 || y > 2100) && !p.eqAny(i-1, "in", "since", "of", "by", "until", "from", "during", "before", "after") {
		return match{}, false
	}
	return match{end: j + 1, typ: model.TimeDate, val: year(y), rule: rule}, true
}

// decade: "1990s", "the 1990s", "'90s" (word k is the kDecade).
func (p *parser) decade(i, k int, mod string) (match, bool) {
	n := p.w[k].num
	v := ""
	if p.w[k].nd == 4 {
		v = strconv.Itoa(n / 10)
	} else {
		if !(k > 0 && (p.w[k-1].t == "'" || p.w[k-1].t == "’")) && !p.eq(i, "the") {
			return match{}, false
		}
		if n < 30 {
			v = strconv.Itoa(200 + n/10)
		} else {
			v = strconv.Itoa(190 + n/10)
		}
	}
	return match{end: k + 1, typ: model.TimeDate, val: v, mod: mod, rule: "decade"}, true
}

// numeric: "2025-08-07", "2025-08", "8/7/98".
func (p *parser) numeric(i int) (match, bool) {
	w := &p.w[i]
	if w.kind != kDigits {
		return match{}, false
	}
	sep := func(k int, s string) bool {
		return p.punct(k, s) && !p.w[k].gap && k+1 < len(p.w) && !p.w[k+1].gap && p.w[k+1].kind == kDigits
	}
	if w.nd == 4 && sep(i+1, "-") && p.w[i+2].nd == 2 {
		y, m := w.num, p.w[i+2].num
		if m < 1 || m > 12 {
			return match{}, false
		}
		if sep(i+3, "-") && p.w[i+4].nd == 2 {
			d := p.w[i+4].num
			if d < 1 || d > 31 {
				return match{}, false
			}
			return match{end: i + 5, typ: model.TimeDate, val: day(date(y, m, d)), rule: "iso-date"}, true
		}
		return match{}, false
	}
	if w.nd <= 2 && sep(i+1, "/") && p.w[i+2].nd <= 2 && sep(i+3, "/") && (p.w[i+4].nd == 2 || p.w[i+4].nd == 4) {
		m, d, y := w.num, p.w[i+2].num, p.w[i+4].num
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return match{}, false
		}
		if y < 100 {
			if y < 50 {
				y += 2000
			} else {
				y += 1900
			}
		}
		return match{end: i + 5, typ: model.TimeDate, val: day(date(y, m, d)), rule: "numeric-date"}, true
	}
	return match{}, false
}

// clock reads "10:30", "3 p.m.", "3pm", "noon" at i: hour, minute, end.
func (p *parser) clock(i int) (h, mi, end int, ok bool) {
	if i >= len(p.w) {
		return 0, 0, 0, false
	}
	w := &p.w[i]
	if w.kind == kAmPm {
		h = w.num
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		if w.pm && h < 12 {
			h += 12
		} else if !w.pm && h == 12 {
			h = 0
		}
		return h, 0, i + 1, true
	}
	if w.kind != kDigits || w.nd > 2 || w.num > 24 {
		return 0, 0, 0, false
	}
	h, end = w.num, i+1
	hasMin := false
	if p.punct(end, ":") && !p.w[end].gap && end+1 < len(p.w) && p.w[end+1].kind == kDigits && p.w[end+1].nd == 2 && !p.w[end+1].gap {
		mi = p.w[end+1].num
		if mi > 59 {
			return 0, 0, 0, false
		}
		end += 2
		hasMin = true
	}
	// a.m. / p.m. / am / pm
	ampm := ""
	switch {
	case p.eqAny(end, "a", "p") && p.punct(end+1, ".") && p.eq(end+2, "m"):
		ampm = strings.ToLower(p.w[end].t)
		end += 3
		if p.punct(end, ".") && !p.w[end].gap {
			end++
		}
	case p.eqAny(end, "am", "pm") && !p.w[end].upper:
		ampm = strings.ToLower(p.w[end].t)[:1]
		end++
	case p.eq(end, "o") && (p.punct(end+1, "'") || p.punct(end+1, "’")) && p.eq(end+2, "clock"):
		end += 3
		ampm = "o"
	}
	if ampm == "" && !hasMin {
		return 0, 0, 0, false
	}
	if ampm == "p" && h < 12 {
		h += 12
	} else if ampm == "a" && h == 12 {
		h = 0
	}
	if ampm != "" && ampm != "o" && (h > 24 || w.num > 12) {
		return 0, 0, 0, false
	}
	return h, mi, end, true
}

func (p *parser) timeOfDay(i int) (match, bool) {
	j := i
	mod := ""
	if e := p.x(j); e != nil && e.approx == "APPROX" && !p.eq(j, "some") {
		mod = "APPROX"
		j++
	}
	var h, mi, end int
	var ok bool
	rule := "clock"
	switch {
	case p.eq(j, "noon") || p.eq(j, "midday"):
		h, end, ok, rule = 12, j+1, true, "noon"
	case p.eq(j, "midnight"):
		h, end, ok, rule = 24, j+1, true, "midnight"
		if p.eq(end, "tonight") {
			// "midnight tonight": one time, on the publication day
			v := "XXXX-XX-XX"
			if p.has {
				v = day(p.dct)
			}
			return match{end: end + 1, typ: model.TimeTime, val: v + "T24", mod: mod, rule: rule}, true
		}
	default:
		h, mi, end, ok = p.clock(j)
	}
	if !ok {
		return match{}, false
	}
	if e := p.x(end); e != nil && e.zone && p.w[end].upper {
		end++
	}
	// the day it belongs to: ", Friday", "Friday", "today", "Nov. 9"
	k := end
	if p.punct(k, ",") {
		k++
	}
	dateVal := ""
	// "10:30 a.m. local time Friday", "3 p.m. (2000 GMT) Friday": the day
	// after the zone gives the value; the span stays the clock time's.
	if k2 := p.skipZone(k); k2 > k {
		if m, okd := p.weekday(k2); okd && m.typ == model.TimeDate {
			dateVal = m.val
		} else if m, okd := p.monthDate(k2); okd && len(m.val) == 10 {
			dateVal = m.val
		}
	}
	if dateVal == "" {
		var next int
		var named bool
		if dateVal, next, named = p.timeDay(k); named {
			end = next
		} else if i == 0 && p.has {
			// a bare clock time opening its sentence stamps an entry of a
			// running report ("9:45 p.m. Mourners gathered …"): the
			// publication day, not the day the story last named
			dateVal = day(p.dct)
		}
	}
	v := dateVal + "T" + twoDigits(h) + ":" + twoDigits(mi)
	if rule == "midnight" {
		v = dateVal + "T24" // TimeBank writes midnight as hour 24 alone
	}
	return match{end: end, typ: model.TimeTime, val: v, mod: mod, rule: rule}, true
}

// skipZone passes over "local time" and a parenthesised clock time in
// another zone ("(0730 GMT)") at k and returns the word after them (k when
// there is none).
func (p *parser) skipZone(k int) int {
	if p.eq(k, "local") && p.eq(k+1, "time") {
		k += 2
	}
	if p.punct(k, "(") {
		for e := k + 1; e < len(p.w) && e <= k+6; e++ {
			if p.punct(e, ")") {
				return e + 1
			}
		}
	}
	return k
}

// timeDay returns the day a time of day before word k belongs to: a
// weekday, a full date or today/yesterday/tomorrow at k (named, with the
// end of its words); else the day last named within a week of publication;
// else the publication day; else XXXX-XX-XX.
func (p *parser) timeDay(k int) (v string, end int, named bool) {
	if m, ok := p.weekday(k); ok && m.typ == model.TimeDate && m.mod == "" {
		return m.val, m.end, true
	}
	if m, ok := p.monthDate(k); ok && len(m.val) == 10 {
		return m.val, m.end, true
	}
	if e := p.x(k); e != nil && (e.deictic == "today" || e.deictic == "yesterday" || e.deictic == "tomorrow") {
		return p.deicticDay(e.deictic), k + 1, true
	}
	if d, ok := p.lastDay(); ok {
		return d, k, false
	}
	if p.has {
		return day(p.dct), k, false
	}
	return "XXXX-XX-XX", k, false
}

// lastDay is the day last mentioned when it lies within a week of the
// publication date: the day a bare clock time ("at 10:35 a.m.", "until
// Friday at noon") belongs to.
func (p *parser) lastDay() (string, bool) {
	t, g := p.lastAnchor()
	if !p.has || g != grainDay {
		return "", false
	}
	if d := p.dct.Sub(t).Hours() / 24; d < -7 || d > 7 {
		return "", false
	}
	return day(t), true
}

func (p *parser) deicticDay(d string) string {
	if !p.has {
		return "XXXX-XX-XX"
	}
	switch d {
	case "yesterday":
		return day(p.dct.AddDate(0, 0, -1))
	case "tomorrow":
		return day(p.dct.AddDate(0, 0, 1))
	}
	return day(p.dct)
}

func (p *parser) deictic(i int) (match, bool) {
	j := i
	mod := ""
	switch {
	case p.eqAny(j, "early", "earlier"):
		mod, j = "START", j+1
	case p.eqAny(j, "late", "later"):
		mod, j = "END", j+1
	case p.eqAny(j, "right", "just") && p.eq(j+1, "now"), p.eq(j, "more") && p.eq(j+1, "recently"):
		j++
	}
	e := p.x(j)
	if e == nil || e.deictic == "" {
		return match{}, false
	}
	if p.w[j].upper && j > 0 && p.w[j-1].kind == kWord && mod == "" {
		return match{}, false // "USA Today", "the Today programme": a name
	}
	d := e.deictic
	switch d {
	case "today", "yesterday", "tomorrow":
		m := match{end: j + 1, typ: model.TimeDate, val: p.deicticDay(d), mod: mod, rule: "deictic-" + d}
		if mod == "" {
			m = p.partOfDay(m)
		}
		return m, true
	case "tonight":
		return match{end: j + 1, typ: model.TimeTime, val: p.deicticDay("today") + "TNI", rule: "deictic-tonight"}, true
	case "overnight":
		if j+1 < len(p.w) && p.w[j+1].kind == kWord && p.x(j+1) == nil && !p.w[j+1].upper && p.eqAny(j-1, "rose", "fell", "stayed", "remained", "closed") {
			return match{}, false
		}
		if p.eqAny(j-1, "happen", "happens", "happened", "change", "changes", "changed", "disappear", "disappeared", "vanish", "vanished", "evaporate", "evaporated") {
			return match{}, false // "it won't happen overnight": suddenly, no night
		}
		return match{end: j + 1, typ: model.TimeTime, val: p.deicticDay("today") + "TNI", rule: "overnight"}, true
	case "noon", "midnight":
		return match{}, false
	}
	if mod != "" {
		return match{}, false
	}
	return match{end: j + 1, typ: model.TimeDate, val: d, rule: "ref-" + strings.ToLower(d[:strings.IndexByte(d, '_')])}, true
}
