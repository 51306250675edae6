package sqlstore

import (
	"context"
	"fmt"
	"regexp"
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
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a.id, a.title, a.url, a.source, a.published, m.snippet FROM (`+s.d.SearchSQL()+`) m
		JOIN articles a ON a.id = m.id ORDER BY m.rnk, a.id`), s.d.FTSQuery(q.Text), limit, off)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var out []store.ArticleHit
	for rows.Next() {
		var h store.ArticleHit
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Source, &h.Published, &h.Snippet); err != nil {
			return nil, err
		}
		off++
		h.Cursor = cursor(off)
		out = append(out, h)
	}
	return out, rows.Err()
}

// Events returns events matching f, newest first, with merge statistics.
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	c, err := eventConds(eventQuery{Actor: f.Actor, Recipient: f.Recipient, Country: f.Country, Type: f.Type, Quad: f.Quad,
		Modality: f.Modality, All: f.AllModalities, Since: f.Since, Until: f.Until}, `COALESCE(NULLIF(e.date, ''), e.published)`)
	if err != nil {
		return nil, err
	}
	add := c.add
	if f.Mode != "" {
		add(`e.mode = ?`, strings.ToLower(f.Mode))
	}
	if f.Place != "" {
		add(`LOWER(e.place) LIKE ?`, "%"+strings.ToLower(f.Place)+"%")
	}
	if f.MinConfidence > 0 {
		add(`e.confidence >= ?`, f.MinConfidence)
	}
	if f.DocID != "" {
		add(`e.doc_id = ?`, f.DocID)
	}
	if f.Text != "" {
		add(s.d.EventMatch(), "%"+strings.ToLower(f.Text)+"%")
	}
	cond := ""
	if len(c.where) > 0 {
		cond = "WHERE " + strings.Join(c.where, " AND ")
	}
	args := append(c.args, limitOf(f.Page), off)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT e.uid, e.doc_id, e.local_id, e.type, e.mode, e.cameo, e.modality, e.date, e.date_rule, e.place,
		e.place_country, e.place_feature, e.place_lat, e.place_lon, e.place_geonames, e.quad, e.goldstein, e.intensity, e.confidence,
		e.trigger, e.sentence, e.rule, e.merge_key, a.source, a.url, a.title, a.published, a.language
		FROM events e JOIN articles a ON a.id = e.doc_id `+cond+`
		ORDER BY COALESCE(NULLIF(e.date, ''), e.published) DESC, e.uid LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		var r store.EventRow
		if err := rows.Scan(&r.UID, &r.DocID, &r.LocalID, &r.Type, &r.Mode, &r.CAMEO, &r.Modality, &r.Date, &r.DateRule, &r.Place,
			&r.PlaceCountry, &r.PlaceFeature, &r.PlaceLat, &r.PlaceLon, &r.PlaceGeoNames, &r.Quad, &r.Goldstein, &r.Intensity, &r.Confidence,
			&r.Trigger, &r.Sentence, &r.Rule, &r.MergeKey, &r.Source, &r.URL, &r.Title, &r.Published, &r.Language); err != nil {
			return nil, err
		}
		off++
		r.Cursor = cursor(off)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := s.mergeStats(ctx, out); err != nil {
		return nil, err
	}
	if err := s.eventActors(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// mergeStats fills the mention, article and source counts of a page of
// events, over every stored event with the same merge key.
func (s *DB) mergeStats(ctx context.Context, rows []store.EventRow) error {
	if len(rows) == 0 {
		return nil
	}
	keys := make([]any, 0, len(rows))
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.MergeKey] {
			seen[r.MergeKey] = true
			keys = append(keys, r.MergeKey)
		}
	}
	type stat struct{ mentions, articles, sources int }
	st := map[string]*stat{}
	for k := range seen {
		st[k] = &stat{}
	}
	q1, err := s.db.QueryContext(ctx, s.q(`SELECT e.merge_key, COUNT(DISTINCT e.doc_id), COUNT(DISTINCT a.source) FROM events e JOIN articles a ON a.id = e.doc_id
		WHERE e.merge_key IN (`+placeholders(len(keys))+`) GROUP BY e.merge_key`), keys...)
	if err != nil {
		return fmt.Errorf("store: merge stats: %w", err)
	}
	for q1.Next() {
		var k string
		var n, src int
		if err := q1.Scan(&k, &n, &src); err != nil {
			q1.Close()
			return err
		}
		st[k].articles, st[k].sources = n, src
	}
	q1.Close()
	q2, err := s.db.QueryContext(ctx, s.q(`SELECT e.merge_key, COUNT(*) FROM event_mentions m JOIN events e ON e.uid = m.event_uid
		WHERE e.merge_key IN (`+placeholders(len(keys))+`) GROUP BY e.merge_key`), keys...)
	if err != nil {
		return fmt.Errorf("store: merge stats: %w", err)
	}
	defer q2.Close()
	for q2.Next() {
		var k string
		var n int
		if err := q2.Scan(&k, &n); err != nil {
			return err
		}
		st[k].mentions = n
	}
	for i := range rows {
		x := st[rows[i].MergeKey]
		rows[i].NumMentions, rows[i].NumArticles, rows[i].NumSources = x.mentions, x.articles, x.sources
	}
	return q2.Err()
}

// eventActors fills the actors and recipients of a page of events in one query.
func (s *DB) eventActors(ctx context.Context, rows []store.EventRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]any, len(rows))
	at := map[string]int{}
	for i, r := range rows {
		ids[i] = r.UID
		at[r.UID] = i
	}
	q, err := s.db.QueryContext(ctx, s.q(`SELECT event_uid, role, name, code, country, sector, title FROM event_actors
		WHERE event_uid IN (`+placeholders(len(ids))+`) ORDER BY event_uid, role, name`), ids...)
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
		add(`(LOWER(q.speaker) LIKE ? OR q.speaker_code LIKE ?)`, "%"+strings.ToLower(f.Speaker)+"%", strings.ToUpper(f.Speaker)+"%")
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

// Entities returns actors aggregated by name, type and country, most mentioned first.
func (s *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntityRow, error) {
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Name != "" {
		add(`LOWER(name) LIKE ?`, "%"+strings.ToLower(f.Name)+"%")
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
	for _, d := range [][2]string{{"since", q.Since}, {"until", q.Until}} {
		if err := checkDate(d[0], d[1]); err != nil {
			return nil, err
		}
	}
	if q.Quad < 0 || q.Quad > 4 {
		return nil, fmt.Errorf("%w: quad %d (want 1–4)", store.ErrQuery, q.Quad)
	}
	c := &conds{}
	actor := func(role, v string) {
		r := ""
		if role != "" {
			r = "role = '" + role + "' AND "
		}
		if isCode(v) {
			u := strings.ToUpper(v)
			c.add(`e.uid IN (SELECT event_uid FROM event_actors WHERE `+r+`(code >= ? AND code < ? OR country = ?))`, u, u+"~", u)
			return
		}
		c.add(`e.uid IN (SELECT event_uid FROM event_actors WHERE `+r+`name IN (SELECT name FROM actor_names WHERE LOWER(name) LIKE ?))`, "%"+strings.ToLower(v)+"%")
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
	switch {
	case q.Modality != "":
		c.add(`e.modality = ?`, strings.ToLower(q.Modality))
	case !q.All:
		c.add(`e.modality = 'asserted'`)
	}
	if q.Since != "" {
		c.add(day+` >= ?`, q.Since)
	}
	if q.Until != "" {
		c.add(day+` <= ?`, q.Until+"~")
	}
	return c, nil
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
