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
	for _, d := range [][2]string{{"since", f.Since}, {"until", f.Until}} {
		if err := checkDate(d[0], d[1]); err != nil {
			return nil, err
		}
	}
	if f.Quad < 0 || f.Quad > 4 {
		return nil, fmt.Errorf("%w: quad %d (want 1–4)", store.ErrQuery, f.Quad)
	}
	off, err := parseCursor(f.After)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	actorCond := func(role, v string) {
		add(`EXISTS (SELECT 1 FROM event_actors x WHERE x.event_uid = e.uid AND x.role = '`+role+`' AND (x.code LIKE ? OR x.country = ? OR LOWER(x.name) LIKE ?))`,
			strings.ToUpper(v)+"%", strings.ToUpper(v), "%"+strings.ToLower(v)+"%")
	}
	if f.Actor != "" {
		actorCond("a", f.Actor)
	}
	if f.Recipient != "" {
		actorCond("r", f.Recipient)
	}
	if f.Country != "" {
		c := strings.ToUpper(f.Country)
		add(`(e.place_country = ? OR EXISTS (SELECT 1 FROM event_actors x WHERE x.event_uid = e.uid AND x.country = ?))`, c, c)
	}
	if f.Type != "" {
		add(`e.type = ?`, strings.ToUpper(f.Type))
	}
	if f.Mode != "" {
		add(`e.mode = ?`, strings.ToLower(f.Mode))
	}
	if f.Quad != 0 {
		add(`e.quad = ?`, f.Quad)
	}
	switch {
	case f.Modality != "":
		add(`e.modality = ?`, strings.ToLower(f.Modality))
	case !f.AllModalities:
		add(`e.modality = 'asserted'`)
	}
	if f.Place != "" {
		add(`LOWER(e.place) LIKE ?`, "%"+strings.ToLower(f.Place)+"%")
	}
	if f.Since != "" {
		add(`COALESCE(NULLIF(e.date, ''), e.published) >= ?`, f.Since)
	}
	if f.Until != "" {
		add(`COALESCE(NULLIF(e.date, ''), e.published) <= ?`, f.Until+"~")
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
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	limit := limitOf(f.Page)
	args = append(args, limit, off)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT e.uid, e.doc_id, e.local_id, e.type, e.mode, e.cameo, e.modality, e.date, e.date_rule, e.place,
		e.place_country, e.place_feature, e.place_lat, e.place_lon, e.place_geonames, e.quad, e.goldstein, e.intensity, e.confidence,
		e.trigger, e.sentence, e.rule, e.merge_key, a.source, a.url, a.title, a.published, a.language,
		(SELECT COUNT(*) FROM event_mentions m JOIN events e2 ON e2.uid = m.event_uid WHERE e2.merge_key = e.merge_key),
		(SELECT COUNT(DISTINCT e2.doc_id) FROM events e2 WHERE e2.merge_key = e.merge_key),
		(SELECT COUNT(DISTINCT a2.source) FROM events e2 JOIN articles a2 ON a2.id = e2.doc_id WHERE e2.merge_key = e.merge_key)
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
			&r.Trigger, &r.Sentence, &r.Rule, &r.MergeKey, &r.Source, &r.URL, &r.Title, &r.Published, &r.Language, &r.NumMentions, &r.NumArticles, &r.NumSources); err != nil {
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
	for i := range out {
		if err := s.eventActors(ctx, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *DB) eventActors(ctx context.Context, r *store.EventRow) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT role, name, code, country, sector, title FROM event_actors WHERE event_uid = ? ORDER BY role, name`), r.UID)
	if err != nil {
		return fmt.Errorf("store: event actors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var role string
		var a store.Actor
		if err := rows.Scan(&role, &a.Name, &a.Code, &a.Country, &a.Sector, &a.Title); err != nil {
			return err
		}
		if role == "a" {
			r.Actors = append(r.Actors, a)
		} else {
			r.Recipients = append(r.Recipients, a)
		}
	}
	return rows.Err()
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
