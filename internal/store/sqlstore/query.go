package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"herald/internal/store"
)

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func checkDate(name, v string) error {
	if v != "" && !dateRE.MatchString(v) {
		return fmt.Errorf("%w: %s %q is not a date (YYYY-MM-DD)", store.ErrQuery, name, v)
	}
	return nil
}

// Search runs a full-text search over titles and texts, best first.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.ArticleHit, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, fmt.Errorf("%w: empty search text", store.ErrQuery)
	}
	off, err := parseCursor(q.After)
	if err != nil {
		return nil, err
	}
	limit := limitOf(q.Page)
	window := store.SearchWindow
	if q.Exhaustive {
		window = 0
	}
	rows, err := s.query(ctx, `SELECT a.id, a.title, a.url, a.source, a.published, a.text FROM (`+s.d.SearchSQL(window)+`) m
		JOIN articles a ON a.id = m.id ORDER BY m.rnk, a.id`, s.d.FTSQuery(q.Text), limit, off)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	defer rows.Close()
	terms := queryTerms(q.Text)
	var out []store.ArticleHit
	for rows.Next() {
		var h store.ArticleHit
		var text string
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Source, &h.Published, &text); err != nil {
			return nil, err
		}
		h.Snippet = snippet(text, terms)
		off++
		h.Cursor = cursor(off)
		out = append(out, h)
	}
	return out, rows.Err()
}

// eventColumns are the columns an EventRow is scanned from (events e, articles a).
const eventColumns = `e.uid, e.doc_id, e.local_id, e.type, e.mode, e.cameo, e.modality, e.date, e.date_rule, e.place,
		e.place_country, e.place_feature, e.place_lat, e.place_lon, e.place_geonames, e.quad, e.goldstein, e.intensity, e.confidence,
		e.trigger, e.sentence, e.rule, e.merge_key, a.source, a.url, a.title, a.published, a.language,
		COALESCE(ms.mentions, 0), COALESCE(ms.articles, 0), COALESCE(ms.sources, 0)`

// eventTables joins an event (e) to its article (a) and its merge
// statistics (ms, kept up to date at ingest).
const eventTables = `events e JOIN articles a ON a.id = e.doc_id LEFT JOIN merge_stats ms ON ms.merge_key = e.merge_key`

func scanEvent(rows *sql.Rows, r *store.EventRow) error {
	return rows.Scan(&r.UID, &r.DocID, &r.LocalID, &r.Type, &r.Mode, &r.CAMEO, &r.Modality, &r.Date, &r.DateRule, &r.Place,
		&r.PlaceCountry, &r.PlaceFeature, &r.PlaceLat, &r.PlaceLon, &r.PlaceGeoNames, &r.Quad, &r.Goldstein, &r.Intensity, &r.Confidence,
		&r.Trigger, &r.Sentence, &r.Rule, &r.MergeKey, &r.Source, &r.URL, &r.Title, &r.Published, &r.Language,
		&r.NumMentions, &r.NumArticles, &r.NumSources)
}

// listConds builds the conditions (over events alias e) of an event list
// for q plus the list-only filters of f.
func (s *DB) listConds(f store.EventFilter, q eventQuery) (*conds, error) {
	c, err := eventConds(q, `e.day`)
	if err != nil {
		return nil, err
	}
	if f.Mode != "" {
		c.add(`e.mode = ?`, strings.ToLower(f.Mode))
	}
	if f.Place != "" {
		c.add(`LOWER(e.place) LIKE ? ESCAPE '\'`, containsLike(f.Place))
	}
	if f.MinConfidence > 0 {
		c.add(`e.confidence >= ?`, f.MinConfidence)
	}
	if f.DocID != "" {
		c.add(`e.doc_id = ?`, f.DocID)
	}
	if f.Text != "" {
		c.add(s.d.EventMatch(), containsLike(f.Text))
	}
	return c, nil
}

// Events returns events matching f, newest first (by day, the event's date
// or else its article's publication date, then uid descending), with the
// merge statistics of their merge keys. A filter by actor or recipient walks the participant indexes
// (see eventsByParticipant); anything else scans events by day.
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	q := eventQuery{Actor: f.Actor, Recipient: f.Recipient, Country: f.Country, Type: f.Type, Quad: f.Quad,
		Modality: f.Modality, All: f.AllModalities, Since: f.Since, Until: f.Until, Walk: true}
	limit := limitOf(f.Page)
	uids, ok, err := s.eventsByParticipant(ctx, f, q, off+limit)
	if err != nil {
		return nil, err
	}
	var out []store.EventRow
	if ok {
		if off < len(uids) {
			out, err = s.eventsByUID(ctx, uids[off:], off)
		}
	} else {
		out, err = s.eventsScan(ctx, f, q, limit, off)
	}
	if err != nil {
		return nil, err
	}
	if err := s.eventActors(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// eventsScan lists a page of events matching f by a scan in day order.
func (s *DB) eventsScan(ctx context.Context, f store.EventFilter, q eventQuery, limit, off int) ([]store.EventRow, error) {
	c, err := s.listConds(f, q)
	if err != nil {
		return nil, err
	}
	cond := ""
	if len(c.where) > 0 {
		cond = "WHERE " + strings.Join(c.where, " AND ")
	}
	args := append(c.args, limit, off)
	rows, err := s.query(ctx, `SELECT `+eventColumns+`
		FROM `+eventTables+` `+cond+`
		ORDER BY e.day DESC, e.uid DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		var r store.EventRow
		if err := scanEvent(rows, &r); err != nil {
			return nil, err
		}
		off++
		r.Cursor = cursor(off)
		out = append(out, r)
	}
	return out, rows.Err()
}

// eventsByUID reads the events with the given uids, in that order; off is
// the offset of the first in the whole list (for cursors).
func (s *DB) eventsByUID(ctx context.Context, uids []string, off int) ([]store.EventRow, error) {
	at := make(map[string]int, len(uids))
	for i, u := range uids {
		at[u] = i
	}
	list, err := valueList(uids)
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT `+eventColumns+`
		FROM `+eventTables+` WHERE e.uid IN `+s.d.ValueList(), list)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	out := make([]store.EventRow, len(uids))
	found := 0
	for rows.Next() {
		var r store.EventRow
		if err := scanEvent(rows, &r); err != nil {
			return nil, err
		}
		i := at[r.UID]
		r.Cursor = cursor(off + i + 1)
		out[i] = r
		found++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if found != len(uids) { // an article replaced between the two reads
		kept := out[:0]
		for _, r := range out {
			if r.UID != "" {
				kept = append(kept, r)
			}
		}
		out = kept
	}
	return out, nil
}

// Default limits of the participant index walks: up to maxBranches
// participant keys are walked one by one and merged; up to maxNames keys are
// read as one set from the participant index and sorted; a filter matching
// more walks every event in day order instead (such a filter matches often,
// so the walk stops early).
const (
	maxBranches = 60
	maxNames    = 5000
)

// SetParticipantLimits changes the limits of event lists by participant
// (see maxBranches and maxNames), so tests can take every path on a small
// store. Not safe while queries run.
func (s *DB) SetParticipantLimits(branches, names int) {
	s.maxBranches, s.maxNames = branches, names
}

// eventsByParticipant answers event lists filtered by actor (else
// recipient) from the participant indexes: one index walk per matching
// participant key (each stored name containing the filter, or each code it
// prefixes and its country) in day order, stopping at n events each, merged
// newest first. It returns the first n matching uids and true, or false when
// the filter is absent or matches too many names.
func (s *DB) eventsByParticipant(ctx context.Context, f store.EventFilter, q eventQuery, n int) ([]string, bool, error) {
	role, v := "a", q.Actor
	if v == "" {
		role, v = "r", q.Recipient
		q.Recipient = ""
	} else {
		q.Actor = ""
	}
	if v == "" {
		return nil, false, nil
	}
	// The participant keys to walk, by column of the participant index.
	var cols []string
	keys := map[string][]string{}
	if isCode(v) {
		u := strings.ToUpper(v)
		codes, err := s.strings(ctx, "actor codes", `SELECT code FROM actor_codes WHERE code >= ? AND code < ? LIMIT ?`, u, u+"~", s.maxNames+1)
		if err != nil {
			return nil, false, err
		}
		cols, keys["country"], keys["code"] = []string{"country", "code"}, []string{u}, codes
	} else {
		names, err := s.matchNames(ctx, v, s.maxNames)
		if err != nil {
			return nil, false, err
		}
		cols, keys["name"] = []string{"name"}, names
	}
	nkeys := 0
	for _, c := range cols {
		nkeys += len(keys[c])
	}
	if nkeys > s.maxNames {
		return nil, false, nil
	}
	if nkeys == 0 {
		return nil, true, nil
	}
	// Conditions on the participant row itself ride on its index; the rest
	// need the event.
	var pc conds
	if err := modalityAndDays(&pc, q, "ea", "ea.day"); err != nil {
		return nil, false, err
	}
	q.Modality, q.All, q.Since, q.Until = "", true, "", ""
	ec, err := s.listConds(f, q)
	if err != nil {
		return nil, false, err
	}
	join := ""
	if len(ec.where) > 0 {
		join = " JOIN events e ON e.uid = ea.event_uid"
	}
	rest := append(pc.where, ec.where...)
	restArgs := append(pc.args, ec.args...)
	if nkeys > s.maxBranches {
		// One set: every matching row of the participant index, sorted.
		var in []string
		var args []any
		for _, c := range cols {
			if len(keys[c]) > 0 {
				list, err := valueList(keys[c])
				if err != nil {
					return nil, false, err
				}
				in = append(in, `ea.`+c+` IN `+s.d.ValueList())
				args = append(args, list)
			}
		}
		where := append([]string{`(` + strings.Join(in, " OR ") + `)`, `ea.role = ?`}, rest...)
		args = append(append(append(args, role), restArgs...), n)
		rows, err := s.query(ctx, `SELECT DISTINCT ea.event_uid AS uid, ea.day AS day FROM event_actors ea`+join+
			` WHERE `+strings.Join(where, " AND ")+` ORDER BY day DESC, uid DESC LIMIT ?`, args...)
		if err != nil {
			return nil, false, fmt.Errorf("store: events by participant: %w", err)
		}
		defer rows.Close()
		var uids []string
		for rows.Next() {
			var uid, day string
			if err := rows.Scan(&uid, &day); err != nil {
				return nil, false, err
			}
			if len(uids) == 0 || uids[len(uids)-1] != uid {
				uids = append(uids, uid)
			}
		}
		return uids, true, rows.Err()
	}
	// Few keys: the newest n of each key, read by one statement per column
	// (one index walk per key, each row its uid followed by its day; uids
	// are 20 hex digits), merged newest first here.
	var walked []dayUID
	for _, c := range cols {
		if len(keys[c]) == 0 {
			continue
		}
		list, err := valueList(keys[c])
		if err != nil {
			return nil, false, err
		}
		where := append([]string{`ea.` + c + ` = k.value`, `ea.role = ?`}, rest...)
		args := append(append([]any{role}, restArgs...), n, list)
		rows, err := s.query(ctx, `SELECT (SELECT `+s.d.GroupConcat(`b.uid || b.day`)+` FROM (SELECT ea.event_uid AS uid, ea.day AS day
			FROM event_actors ea`+join+` WHERE `+strings.Join(where, " AND ")+`
			ORDER BY ea.day DESC, ea.event_uid DESC LIMIT ?) b) FROM `+s.d.ValueList()+` k`, args...)
		if err != nil {
			return nil, false, fmt.Errorf("store: events by participant: %w", err)
		}
		walked, err = scanWalks(rows, walked)
		if err != nil {
			return nil, false, err
		}
	}
	slices.SortFunc(walked, func(a, b dayUID) int {
		if c := strings.Compare(b.day, a.day); c != 0 {
			return c
		}
		return strings.Compare(b.uid, a.uid)
	})
	var uids []string
	for _, w := range walked {
		if len(uids) == n {
			break
		}
		if len(uids) == 0 || uids[len(uids)-1] != w.uid {
			uids = append(uids, w.uid)
		}
	}
	return uids, true, nil
}

// dayUID is one event of a participant walk.
type dayUID struct{ day, uid string }

// uidLen is the length of every fact uid (see store.UID).
const uidLen = 20

// scanWalks appends the events of rows of comma-joined uid+day entries (one
// row per walked key, NULL when it has none) to dst, and closes rows.
func scanWalks(rows *sql.Rows, dst []dayUID) ([]dayUID, error) {
	defer rows.Close()
	for rows.Next() {
		var joined sql.NullString
		if err := rows.Scan(&joined); err != nil {
			return nil, err
		}
		for e := range strings.SplitSeq(joined.String, ",") {
			if len(e) < uidLen {
				continue
			}
			dst = append(dst, dayUID{day: e[uidLen:], uid: e[:uidLen]})
		}
	}
	return dst, rows.Err()
}

// strings runs a query yielding one text column; what names it in errors.
func (s *DB) strings(ctx context.Context, what, query string, args ...any) ([]string, error) {
	rows, err := s.query(ctx, query, args...)
	return scanStrings(rows, err, what)
}

// scanStrings reads the one text column of rows (the result of a query
// that failed with err when err is not nil) and closes them.
func scanStrings(rows *sql.Rows, err error, what string) ([]string, error) {
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// eventActors fills the actors and recipients of a page of events in one query.
func (s *DB) eventActors(ctx context.Context, rows []store.EventRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]string, len(rows))
	at := map[string]int{}
	for i, r := range rows {
		ids[i] = r.UID
		at[r.UID] = i
	}
	list, err := valueList(ids)
	if err != nil {
		return err
	}
	q, err := s.query(ctx, `SELECT event_uid, role, name, code, country, sector, title FROM event_actors
		WHERE event_uid IN `+s.d.ValueList()+` ORDER BY event_uid, role, name`, list)
	if err != nil {
		return fmt.Errorf("store: event actors: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var uid, role string
		var a store.Actor
		if err := q.Scan(&uid, &role, &a.Name, &a.Code, &a.Country, &a.Sector, &a.Title); err != nil {
			return err
		}
		r := &rows[at[uid]]
		if role == "a" {
			r.Actors = append(r.Actors, a)
		} else {
			r.Recipients = append(r.Recipients, a)
		}
	}
	return q.Err()
}

// isCode reports whether v looks like an actor code or country code
// (upper-case letters only, 3 to 9 of them).
func isCode(v string) bool {
	if len(v) < 3 || len(v) > 9 {
		return false
	}
	for _, c := range v {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// Quotes returns quotes matching f, newest first.
func (s *DB) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRow, error) {
	for _, d := range [][2]string{{"since", f.Since}, {"until", f.Until}} {
		if err := checkDate(d[0], d[1]); err != nil {
			return nil, err
		}
	}
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Speaker != "" {
		add(`(LOWER(q.speaker) LIKE ? ESCAPE '\' OR q.speaker_code LIKE ? ESCAPE '\')`, containsLike(f.Speaker), likeEscape(strings.ToUpper(f.Speaker))+"%")
	}
	if f.Text != "" {
		add(s.d.QuoteMatch(), s.d.FTSQuery(f.Text))
	}
	if f.Since != "" {
		add(`q.published >= ?`, f.Since)
	}
	if f.Until != "" {
		add(`q.published <= ?`, f.Until+"~")
	}
	if f.DocID != "" {
		add(`q.doc_id = ?`, f.DocID)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limitOf(f.Page), off)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT q.uid, q.doc_id, q.local_id, q.kind, q.text, q.speaker, q.speaker_code, q.source_description,
		q.medium, q.cue, q.published, a.title, q.via, q.anonymous, q.confidence
		FROM quotes q JOIN articles a ON a.id = q.doc_id `+cond+` ORDER BY q.published DESC, q.uid LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	defer rows.Close()
	var out []store.QuoteRow
	for rows.Next() {
		var r store.QuoteRow
		var via string
		if err := rows.Scan(&r.UID, &r.DocID, &r.LocalID, &r.Kind, &r.Text, &r.Speaker, &r.SpeakerCode, &r.SourceDescription,
			&r.Medium, &r.Cue, &r.Published, &r.Title, &via, &r.Anonymous, &r.Confidence); err != nil {
			return nil, err
		}
		if via != "" {
			r.Via = strings.Split(via, "|")
		}
		off++
		r.Cursor = cursor(off)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Entities returns actors aggregated by name, type and country, most
// mentioned first. It reads every stored entity, so it is cached like the
// aggregates (see aggCache).
func (s *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntityRow, error) {
	return cachedAgg(&s.aggs, func() ([]store.EntityRow, error) { return s.entities(ctx, f) }, "entities", f)
}

func (s *DB) entities(ctx context.Context, f store.EntityFilter) ([]store.EntityRow, error) {
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Name != "" {
		add(`LOWER(name) LIKE ? ESCAPE '\'`, containsLike(f.Name))
	}
	if f.Country != "" {
		add(`country = ?`, strings.ToUpper(f.Country))
	}
	if f.Type != "" {
		add(`type = ?`, strings.ToUpper(f.Type))
	}
	if f.Sector != "" {
		add(`sector = ?`, strings.ToUpper(f.Sector))
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limitOf(f.Page), off)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT name, type, country, MAX(code), MAX(sector), MAX(title), COUNT(DISTINCT doc_id), SUM(mentions)
		FROM entities `+cond+` GROUP BY name, type, country ORDER BY SUM(mentions) DESC, name LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	var out []store.EntityRow
	for rows.Next() {
		var r store.EntityRow
		if err := rows.Scan(&r.Name, &r.Type, &r.Country, &r.Code, &r.Sector, &r.Title, &r.Articles, &r.Mentions); err != nil {
			return nil, err
		}
		off++
		r.Cursor = cursor(off)
		out = append(out, r)
	}
	return out, rows.Err()
}

// eventQuery is what event lists and aggregates filter on alike.
type eventQuery struct {
	Actor, Recipient, Country, Type, Modality, Since, Until string
	Participant                                             string // actor or recipient
	Quad                                                    int
	All                                                     bool // every modality (default: asserted only)
	// Walk asks for name conditions checked per event, for a walk of events
	// in day order that stops at the page, rather than a set built first.
	Walk bool
}

// likeEscape escapes LIKE's wildcards in v (for "LIKE ? ESCAPE '\'").
func likeEscape(v string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(v)
}

// containsLike is the pattern of "contains v, in lower case" for LIKE ?
// ESCAPE '\' over a LOWER(…) column. (SQL LOWER folds ASCII letters only
// in SQLite; names of other scripts match in their stored case.)
func containsLike(v string) string {
	return "%" + likeEscape(strings.ToLower(v)) + "%"
}

// conds collects the conditions and arguments of a WHERE clause.
type conds struct {
	where []string
	args  []any
}

func (c *conds) add(cond string, a ...any) {
	c.where = append(c.where, cond)
	c.args = append(c.args, a...)
}

// eventConds builds the conditions (over events alias e) of q; day is the
// SQL expression of the date that since/until compare with. An actor given
// as a code or country ("RUS", "RUSGOV") uses the indexes on event_actors;
// anything else matches names.
func eventConds(q eventQuery, day string) (*conds, error) {
	if q.Quad < 0 || q.Quad > 4 {
		return nil, fmt.Errorf("%w: quad %d (want 1–4)", store.ErrQuery, q.Quad)
	}
	c := &conds{}
	actor := func(role, v string) {
		// onRole is the role condition on participants aliased x.
		onRole := ""
		if role != "" {
			onRole = "x.role = '" + role + "' AND "
		}
		if isCode(v) {
			u := strings.ToUpper(v)
			c.add(`e.uid IN (SELECT x.event_uid FROM event_actors x WHERE `+onRole+`(x.code >= ? AND x.code < ? OR x.country = ?))`, u, u+"~", u)
			return
		}
		if q.Walk {
			c.add(`EXISTS (SELECT 1 FROM event_actors x WHERE x.event_uid = e.uid AND `+onRole+`LOWER(x.name) LIKE ? ESCAPE '\')`, containsLike(v))
			return
		}
		c.add(`e.uid IN (SELECT x.event_uid FROM event_actors x WHERE `+onRole+`x.name IN (SELECT name FROM actor_names WHERE LOWER(name) LIKE ? ESCAPE '\'))`, containsLike(v))
	}
	if q.Actor != "" {
		actor("a", q.Actor)
	}
	if q.Recipient != "" {
		actor("r", q.Recipient)
	}
	if q.Participant != "" {
		actor("", q.Participant)
	}
	if q.Country != "" {
		u := strings.ToUpper(q.Country)
		c.add(`(e.place_country = ? OR e.uid IN (SELECT event_uid FROM event_actors WHERE country = ?))`, u, u)
	}
	if q.Type != "" {
		c.add(`e.type = ?`, strings.ToUpper(q.Type))
	}
	if q.Quad != 0 {
		c.add(`e.quad = ?`, q.Quad)
	}
	if err := modalityAndDays(c, q, "e", day); err != nil {
		return nil, err
	}
	return c, nil
}

// modalityAndDays adds q's modality condition on alias.modality and its
// date range on the day expression to c.
func modalityAndDays(c *conds, q eventQuery, alias, day string) error {
	for _, d := range [][2]string{{"since", q.Since}, {"until", q.Until}} {
		if err := checkDate(d[0], d[1]); err != nil {
			return err
		}
	}
	switch {
	case q.Modality != "":
		c.add(alias+`.modality = ?`, strings.ToLower(q.Modality))
	case !q.All:
		c.add(alias + `.modality = 'asserted'`)
	}
	if q.Since != "" {
		c.add(day+` >= ?`, q.Since)
	}
	if q.Until != "" {
		c.add(day+` <= ?`, q.Until+"~")
	}
	return nil
}

// Mentions lists event mentions matching f, in article and text order.
func (s *DB) Mentions(ctx context.Context, f store.MentionFilter) ([]store.MentionRow, error) {
	if f.EventUID == "" && f.MergeKey == "" && f.DocID == "" {
		return nil, fmt.Errorf("%w: mentions need an event uid, a merge key or a document id", store.ErrQuery)
	}
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	c := &conds{}
	if f.EventUID != "" {
		c.add(`m.event_uid = ?`, f.EventUID)
	}
	if f.MergeKey != "" {
		c.add(`e.merge_key = ?`, f.MergeKey)
	}
	if f.DocID != "" {
		c.add(`m.doc_id = ?`, f.DocID)
	}
	args := append(c.args, limitOf(f.Page), off)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT m.uid, m.event_uid, m.doc_id, e.type, m.trigger, m.start_off, m.end_off, m.trigger_start, m.trigger_end,
		a.text, a.source, a.published, a.title
		FROM event_mentions m JOIN events e ON e.uid = m.event_uid JOIN articles a ON a.id = m.doc_id
		WHERE `+strings.Join(c.where, " AND ")+` ORDER BY a.published, m.doc_id, m.start_off, m.uid LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: mentions: %w", err)
	}
	defer rows.Close()
	var out []store.MentionRow
	for rows.Next() {
		var r store.MentionRow
		var text string
		if err := rows.Scan(&r.UID, &r.EventUID, &r.DocID, &r.Type, &r.Trigger, &r.Start, &r.End, &r.TriggerStart, &r.TriggerEnd,
			&text, &r.Source, &r.Published, &r.Title); err != nil {
			return nil, err
		}
		if r.Start >= 0 && r.End <= len(text) && r.Start <= r.End {
			r.Sentence = text[r.Start:r.End]
		}
		off++
		r.Cursor = cursor(off)
		out = append(out, r)
	}
	return out, rows.Err()
}
