package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"herald/internal/store"
)

var _ store.Aggregator = (*DB)(nil)

// aggDay is the date an aggregate counts an event on: the event's date when it
// names a day, else its article's publication date.
const aggDay = `(CASE WHEN e.date LIKE '____-__-__%' THEN e.date ELSE e.published END)`

// aggWhere builds the WHERE clause (over events alias e) of an aggregate.
func aggWhere(f store.AggFilter) (string, []any, error) {
	c, err := eventConds(eventQuery{Participant: f.Actor, Country: f.Country, Type: f.Type, Quad: f.Quad, Modality: f.Modality,
		All: f.AllModalities, Since: f.Since, Until: f.Until}, aggDay)
	if err != nil {
		return "", nil, err
	}
	if len(c.where) == 0 {
		return "TRUE", nil, nil
	}
	return strings.Join(c.where, " AND "), c.args, nil
}

// Daily counts events per day and type or quad (cached, see aggCache).
func (s *DB) Daily(ctx context.Context, f store.AggFilter, by string) ([]store.DayCount, error) {
	return cachedAgg(&s.aggs, func() ([]store.DayCount, error) { return s.daily(ctx, f, by) }, "daily", f, by)
}

func (s *DB) daily(ctx context.Context, f store.AggFilter, by string) ([]store.DayCount, error) {
	var key string
	switch by {
	case store.ByType, "":
		key = "e.type"
	case store.ByQuad:
		key = "e.quad"
	default:
		return nil, fmt.Errorf("%w: aggregate by %q (want type or quad)", store.ErrQuery, by)
	}
	cond, args, err := aggWhere(f)
	if err != nil {
		return nil, err
	}
	day := `SUBSTR(` + aggDay + `, 1, 10)`
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+day+` AS d, `+key+` AS k, COUNT(*) FROM events e WHERE `+cond+
		` AND `+day+` LIKE '____-__-__' GROUP BY d, k ORDER BY d, k`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: daily aggregate: %w", err)
	}
	defer rows.Close()
	var out []store.DayCount
	for rows.Next() {
		var r store.DayCount
		var k any
		if err := rows.Scan(&r.Day, &k, &r.Count); err != nil {
			return nil, fmt.Errorf("store: daily aggregate: %w", err)
		}
		switch v := k.(type) {
		case int64:
			r.Key = strconv.FormatInt(v, 10)
		case []byte:
			r.Key = string(v)
		case string:
			r.Key = v
		default:
			r.Key = fmt.Sprint(v)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Dyads returns actor pairs, most frequent first (cached, see aggCache).
func (s *DB) Dyads(ctx context.Context, f store.AggFilter, limit int) ([]store.Dyad, error) {
	return cachedAgg(&s.aggs, func() ([]store.Dyad, error) { return s.dyads(ctx, f, limit) }, "dyads", f, limit)
}

func (s *DB) dyads(ctx context.Context, f store.AggFilter, limit int) ([]store.Dyad, error) {
	if limit <= 0 || limit > 10000 {
		limit = 100
	}
	cond, args, err := aggWhere(f)
	if err != nil {
		return nil, err
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a.name, a.code, a.country, r.name, r.code, r.country, COUNT(DISTINCT e.uid), AVG(e.intensity)
		FROM events e JOIN event_actors a ON a.event_uid = e.uid AND a.role = 'a' JOIN event_actors r ON r.event_uid = e.uid AND r.role = 'r'
		WHERE `+cond+` AND a.name <> r.name
		GROUP BY a.name, a.code, a.country, r.name, r.code, r.country
		ORDER BY COUNT(DISTINCT e.uid) DESC, a.name, r.name LIMIT ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: dyads: %w", err)
	}
	defer rows.Close()
	var out []store.Dyad
	for rows.Next() {
		var d store.Dyad
		if err := rows.Scan(&d.Actor.Name, &d.Actor.Code, &d.Actor.Country, &d.Recipient.Name, &d.Recipient.Code, &d.Recipient.Country,
			&d.Count, &d.MeanIntensity); err != nil {
			return nil, fmt.Errorf("store: dyads: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Countries counts events per country (cached, see aggCache).
func (s *DB) Countries(ctx context.Context, f store.AggFilter) ([]store.CountryCount, error) {
	return cachedAgg(&s.aggs, func() ([]store.CountryCount, error) { return s.countries(ctx, f) }, "countries", f)
}

func (s *DB) countries(ctx context.Context, f store.AggFilter) ([]store.CountryCount, error) {
	cond, args, err := aggWhere(f)
	if err != nil {
		return nil, err
	}
	all := append(append([]any{}, args...), args...)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT c, COUNT(DISTINCT uid) FROM (
		SELECT e.uid AS uid, e.place_country AS c FROM events e WHERE `+cond+` AND e.place_country <> ''
		UNION
		SELECT e.uid AS uid, x.country AS c FROM events e JOIN event_actors x ON x.event_uid = e.uid
		WHERE `+cond+` AND e.place_country = '' AND x.country <> ''
	) t GROUP BY c ORDER BY COUNT(DISTINCT uid) DESC, c`), all...)
	if err != nil {
		return nil, fmt.Errorf("store: country counts: %w", err)
	}
	defer rows.Close()
	var out []store.CountryCount
	for rows.Next() {
		var c store.CountryCount
		if err := rows.Scan(&c.Country, &c.Count); err != nil {
			return nil, fmt.Errorf("store: country counts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Aliases returns the distinct mention texts of the entities named name.
func (s *DB) Aliases(ctx context.Context, name string, limit int) ([]string, error) {
	if limit <= 0 || limit > 1000 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT m.text, COUNT(*) FROM entities en JOIN mentions m ON m.entity_uid = en.uid
		WHERE en.name = ? GROUP BY m.text ORDER BY COUNT(*) DESC, m.text LIMIT ?`), name, limit)
	if err != nil {
		return nil, fmt.Errorf("store: aliases: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("store: aliases: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
