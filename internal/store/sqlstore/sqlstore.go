// Package sqlstore implements store.Store over database/sql for every SQL
// dialect; a Dialect supplies what differs (placeholders, migrations,
// full-text search). The DB is safe for concurrent use.
package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"herald/internal/model"
	"herald/internal/store"
)

// Dialect is what differs between SQL databases.
type Dialect interface {
	// Name is the dialect's name for messages ("sqlite", "postgres").
	Name() string
	// Rebind rewrites '?' placeholders into the dialect's form.
	Rebind(query string) string
	// Migrations returns the numbered schema migrations, index 0 = version 1.
	Migrations() []string
	// SearchSQL returns a query over (text, limit, offset) yielding (id,
	// rnk) by relevance (rnk ascending), ranking only the window most
	// recently stored matches when window > 0 (a dialect may rank them all).
	// Snippets are made in Go (see snippet), alike for every dialect.
	SearchSQL(window int) string
	// QuoteMatch returns a condition on quotes alias q with one text placeholder.
	QuoteMatch() string
	// EventMatch returns a condition on events alias e with one text
	// placeholder, a lower-case LIKE pattern escaped with '\'.
	EventMatch() string
	// FTSQuery turns user text into the dialect's full-text query argument.
	FTSQuery(text string) string
	// IndexText adds an article's (and its quotes') text to the full-text index, inside tx.
	IndexText(ctx context.Context, tx *sql.Tx, a *model.Analysis, quoteUIDs []string) error
	// UnindexText removes an article's texts from the full-text index, inside tx.
	UnindexText(ctx context.Context, tx *sql.Tx, docID string) error
	// ValueList returns a subquery yielding one text column, value, with
	// the strings of the JSON array given to its one placeholder, so that
	// a list of any length is one parameter of one statement text.
	ValueList() string
	// GroupConcat returns an aggregate joining the text expr of a group's
	// rows with commas.
	GroupConcat(expr string) string
	// Warm reads what queries read at random (tables' and indexes' b-tree
	// pages) once, on every connection the pool keeps, or does nothing
	// where the server's own cache makes that pointless.
	Warm(ctx context.Context, db *sql.DB) error
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db    *sql.DB
	d     Dialect
	names nameCache
	aggs  aggCache
	stmts stmtCache

	maxBranches, maxNames int // see SetParticipantLimits
}

var _ store.Store = (*DB)(nil)

// Open wraps db, applies pending migrations and checks the schema version.
func Open(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d, maxBranches: maxBranches, maxNames: maxNames}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying database handle.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database.
// Warm reads the store's tables and indexes ahead of the first queries
// (see Dialect.Warm) and loads the participant names.
func (s *DB) Warm(ctx context.Context) error {
	if err := s.d.Warm(ctx, s.db); err != nil {
		return fmt.Errorf("store: warm: %w", err)
	}
	_, err := s.nameSnapshot(ctx) // the first event list by name would wait for it
	return err
}

func (s *DB) Close() error {
	s.closeStmts()
	return s.db.Close()
}

func (s *DB) q(query string) string { return s.d.Rebind(query) }

func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store: %s: create migrations table: %w", s.d.Name(), err)
	}
	var cur int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
		return fmt.Errorf("store: %s: read schema version: %w", s.d.Name(), err)
	}
	ms := s.d.Migrations()
	if cur > len(ms) {
		return fmt.Errorf("%w (database at version %d, herald knows %d)", store.ErrSchema, cur, len(ms))
	}
	for v := cur + 1; v <= len(ms); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: %s: migrate: %w", s.d.Name(), err)
		}
		for _, stmt := range splitSQL(ms[v-1]) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("store: %s: migration %d: %w\n%s", s.d.Name(), v, err, stmt)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), v, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: %s: record migration %d: %w", s.d.Name(), v, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: %s: commit migration %d: %w", s.d.Name(), v, err)
		}
	}
	return nil
}

// splitSQL splits a migration on lines holding only "-- next".
func splitSQL(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "\n-- next\n") {
		if strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

// State returns the stored content hash and pipeline of an article.
func (s *DB) State(ctx context.Context, id string) (string, model.Pipeline, bool, error) {
	var hash string
	var p model.Pipeline
	err := s.db.QueryRowContext(ctx, s.q(`SELECT content_hash, pipeline_version, pipeline_models FROM articles WHERE id = ?`), id).Scan(&hash, &p.Version, &p.Models)
	if errors.Is(err, sql.ErrNoRows) {
		return "", p, false, nil
	}
	if err != nil {
		return "", p, false, fmt.Errorf("store: state %s: %w", id, err)
	}
	return hash, p, true, nil
}

// Put stores or replaces an article and its facts in one transaction.
func (s *DB) Put(ctx context.Context, art store.Article) (store.PutResult, error) {
	a := art.Analysis
	id := a.Doc.ID
	if id == "" {
		return store.Unchanged, fmt.Errorf("%w: article without id", store.ErrQuery)
	}
	hash, p, ok, err := s.State(ctx, id)
	if err != nil {
		return store.Unchanged, err
	}
	if ok && !art.Replace && hash == art.ContentHash && p.Version == a.Doc.Pipeline.Version && p.Models == a.Doc.Pipeline.Models {
		return store.Unchanged, nil
	}
	result := store.Inserted
	if ok {
		result = store.Updated
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return store.Unchanged, fmt.Errorf("store: put %s: %w", id, err)
	}
	defer tx.Rollback()
	keys := map[string]bool{}
	if ok {
		if err := s.deleteFacts(ctx, tx, id, keys); err != nil {
			return store.Unchanged, err
		}
	}
	if err := s.insert(ctx, tx, art, keys); err != nil {
		return store.Unchanged, fmt.Errorf("store: put %s: %w", id, err)
	}
	if err := s.refreshMergeStats(ctx, tx, keys); err != nil {
		return store.Unchanged, fmt.Errorf("store: put %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return store.Unchanged, fmt.Errorf("store: put %s: commit: %w", id, err)
	}
	s.aggs.clear()
	return result, nil
}

var factTables = []string{"event_actors", "event_mentions", "events", "mentions", "entities", "quotes", "times", "places", "bands", "articles"}

// deleteFacts removes every fact of article id, adding the merge keys of its
// events to keys.
func (s *DB) deleteFacts(ctx context.Context, tx *sql.Tx, id string, keys map[string]bool) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT DISTINCT merge_key FROM events WHERE doc_id = ?`), id)
	old, err := scanStrings(rows, err, "merge keys of "+id)
	if err != nil {
		return err
	}
	for _, k := range old {
		keys[k] = true
	}
	if err := s.d.UnindexText(ctx, tx, id); err != nil {
		return fmt.Errorf("store: unindex %s: %w", id, err)
	}
	for _, t := range factTables {
		col := "doc_id"
		if t == "articles" {
			col = "id"
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+t+` WHERE `+col+` = ?`), id); err != nil {
			return fmt.Errorf("store: delete %s of %s: %w", t, id, err)
		}
	}
	return nil
}

func (s *DB) insert(ctx context.Context, tx *sql.Tx, art store.Article, keys map[string]bool) error {
	a := art.Analysis
	id := a.Doc.ID
	saved := *a
	saved.Tokens, saved.Runs = nil, nil
	js, err := json.Marshal(&saved)
	if err != nil {
		return err
	}
	group := art.DupGroup
	if group == "" {
		group = id
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO articles (id, url, title, source, published, language, text, content_hash,
		pipeline_version, pipeline_models, analysis, dup_group, sig, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
		id, a.Doc.URL, a.Doc.Title, a.Doc.Source, datePart(a.Doc.Published), a.Doc.Language, a.Text, art.ContentHash,
		a.Doc.Pipeline.Version, a.Doc.Pipeline.Models, string(js), group, art.Signature, now); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	for _, b := range art.Bands {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO bands (doc_id, band) VALUES (?, ?)`), id, int64(b)); err != nil {
			return fmt.Errorf("insert band: %w", err)
		}
	}
	uids := uidSet{}
	entUID := map[string]string{}
	entByID := map[string]*model.Entity{}
	for i := range a.Entities {
		e := &a.Entities[i]
		start, end := 0, 0
		if len(e.Mentions) > 0 {
			start, end = e.Mentions[0].Start, e.Mentions[0].End
		}
		uid := uids.next(id, "entity", start, end)
		entUID[e.ID], entByID[e.ID] = uid, e
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entities (uid, doc_id, local_id, name, type, country, code, sector, title, confidence, mentions)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`), uid, id, e.ID, e.Name, e.Type, e.Country, e.Code, e.Sector, e.Title, e.Confidence, len(e.Mentions)); err != nil {
			return fmt.Errorf("insert entity: %w", err)
		}
		for _, m := range e.Mentions {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO mentions (uid, doc_id, entity_uid, start_off, end_off, text, role, rule) VALUES (?,?,?,?,?,?,?,?)`),
				uids.next(id, "mention", m.Start, m.End), id, uid, m.Start, m.End, m.Text, m.Role, m.Rule); err != nil {
				return fmt.Errorf("insert mention: %w", err)
			}
		}
	}
	var quoteUIDs []string
	for _, q := range a.Quotes {
		uid := uids.next(id, "quote", q.Start, q.End)
		quoteUIDs = append(quoteUIDs, uid)
		speaker, code := "", ""
		if e := entByID[q.Speaker]; e != nil {
			speaker, code = e.Name, e.Code
		} else if q.SpeakerSpan != nil && q.SpeakerSpan.End <= len(a.Text) && q.SpeakerSpan.Start <= q.SpeakerSpan.End {
			speaker = a.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
		}
		if speaker == "" {
			speaker = q.SourceDescription
		}
		var via []string
		for _, v := range q.Via {
			if e := entByID[v]; e != nil {
				via = append(via, e.Name)
			}
		}
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Lemma
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO quotes (uid, doc_id, local_id, kind, start_off, end_off, text, speaker, speaker_code,
			anonymous, source_description, via, medium, cue, confidence, published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
			uid, id, q.ID, q.Kind, q.Start, q.End, q.Text, speaker, code, q.Anonymous, q.SourceDescription,
			strings.Join(via, "|"), q.Medium, cue, q.Confidence, datePart(a.Doc.Published)); err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
	}
	placeByID := map[string]*model.Place{}
	for i := range a.Places {
		p := &a.Places[i]
		placeByID[p.ID] = p
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO places (uid, doc_id, local_id, start_off, end_off, text, name, feature, country, lat, lon, geonames)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`), uids.next(id, "place", p.Start, p.End), id, p.ID, p.Start, p.End, p.Text, p.Name, p.Feature, p.Country, p.Lat, p.Lon, p.GeoNames); err != nil {
			return fmt.Errorf("insert place: %w", err)
		}
	}
	for _, t := range a.Times {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO times (uid, doc_id, local_id, start_off, end_off, text, type, value, mod) VALUES (?,?,?,?,?,?,?,?,?)`),
			uids.next(id, "time", t.Start, t.End), id, t.ID, t.Start, t.End, t.Text, t.Type, t.Value, t.Mod); err != nil {
			return fmt.Errorf("insert time: %w", err)
		}
	}
	for _, e := range a.Events {
		start, end, trigger, sentence := 0, 0, "", ""
		if len(e.Mentions) > 0 {
			m := e.Mentions[0]
			start, end, trigger = m.Trigger.Start, m.Trigger.End, m.Trigger.Text
			if m.Sentence >= 0 && m.Sentence < len(a.Sentences) {
				sn := a.Sentences[m.Sentence]
				sentence = a.Text[sn.Start:sn.End]
			}
		}
		uid := uids.next(id, "event:"+e.Type, start, end)
		placeName, placeCountry, placeFeature, placeGeo := "", "", "", 0
		var lat, lon any
		if p := placeByID[e.Place]; p != nil {
			placeName, placeCountry, placeFeature, placeGeo = p.Name, p.Country, p.Feature, p.GeoNames
			if p.Lat != 0 || p.Lon != 0 {
				lat, lon = p.Lat, p.Lon
			}
		}
		actors, recips := participants(e.Actors, entByID), participants(e.Recipients, entByID)
		day := e.Date
		if day == "" {
			day = datePart(a.Doc.Published)
		}
		key := MergeKey(e.Type, actors, recips, e.Date, placeName, strings.ToLower(trigger))
		keys[key] = true
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO events (uid, doc_id, local_id, type, mode, cameo, quad, goldstein, intensity, modality,
			date, date_rule, place, place_country, place_lat, place_lon, place_geonames, place_feature, confidence, rule, trigger, sentence, merge_key, published, day)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
			uid, id, e.ID, e.Type, e.Mode, e.CAMEO, e.Quad, e.Goldstein, e.Intensity, e.Modality, e.Date, e.DateRule,
			placeName, placeCountry, lat, lon, placeGeo, placeFeature, e.Confidence, e.Rule, trigger, sentence, key, datePart(a.Doc.Published), day); err != nil {
			return fmt.Errorf("insert event: %w", err)
		}
		for role, list := range map[string][]store.Actor{"a": actors, "r": recips} {
			for _, p := range list {
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO event_actors (event_uid, doc_id, role, name, code, country, sector, title, day, modality)
					VALUES (?,?,?,?,?,?,?,?,?,?)`), uid, id, role, p.Name, p.Code, p.Country, p.Sector, p.Title, day, e.Modality); err != nil {
					return fmt.Errorf("insert event actor: %w", err)
				}
				if p.Code != "" {
					if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO actor_codes (code) VALUES (?) ON CONFLICT (code) DO NOTHING`), p.Code); err != nil {
						return fmt.Errorf("insert actor code: %w", err)
					}
				}
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO actor_names (name) VALUES (?) ON CONFLICT (name) DO NOTHING`), p.Name); err != nil {
					return fmt.Errorf("insert actor name: %w", err)
				}
			}
		}
		for _, m := range e.Mentions {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO event_mentions (uid, event_uid, doc_id, sentence, start_off, end_off, trigger_start, trigger_end, trigger)
				VALUES (?,?,?,?,?,?,?,?,?)`), uids.next(id, "event-mention", m.Trigger.Start, m.Trigger.End), uid, id, m.Sentence, m.Start, m.End,
				m.Trigger.Start, m.Trigger.End, m.Trigger.Text); err != nil {
				return fmt.Errorf("insert event mention: %w", err)
			}
		}
	}
	return s.d.IndexText(ctx, tx, a, quoteUIDs)
}

// refreshMergeStats recounts the mentions, articles and sources of every
// stored event under the given merge keys, inside tx.
func (s *DB) refreshMergeStats(ctx context.Context, tx *sql.Tx, keys map[string]bool) error {
	list := make([]any, 0, len(keys))
	for k := range keys {
		list = append(list, k)
	}
	for len(list) > 0 {
		n := min(len(list), 200)
		part := list[:n]
		list = list[n:]
		in := placeholders(n)
		// Keys left without events go; the others are recounted in one
		// upsert, which concurrent writers (PostgreSQL) can both run.
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM merge_stats WHERE merge_key IN (`+in+`)
			AND NOT EXISTS (SELECT 1 FROM events e WHERE e.merge_key = merge_stats.merge_key)`), part...); err != nil {
			return fmt.Errorf("merge stats: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO merge_stats (merge_key, mentions, articles, sources)
			SELECT e.merge_key, (SELECT COUNT(*) FROM event_mentions m JOIN events x ON x.uid = m.event_uid WHERE x.merge_key = e.merge_key),
				COUNT(DISTINCT e.doc_id), COUNT(DISTINCT a.source)
			FROM events e JOIN articles a ON a.id = e.doc_id WHERE e.merge_key IN (`+in+`) GROUP BY e.merge_key
			ON CONFLICT (merge_key) DO UPDATE SET mentions = excluded.mentions, articles = excluded.articles, sources = excluded.sources`), part...); err != nil {
			return fmt.Errorf("merge stats: %w", err)
		}
	}
	return nil
}

// uidSet makes the global ids of one article's facts, telling apart facts
// of one kind on the same span (two events with one trigger).
type uidSet map[string]bool

func (u uidSet) next(docID, kind string, start, end int) string {
	uid := store.UID(docID, kind, start, end)
	for n := 2; u[uid]; n++ {
		uid = store.UID(docID, kind+"#"+strconv.Itoa(n), start, end)
	}
	u[uid] = true
	return uid
}

func participants(ids []string, ents map[string]*model.Entity) []store.Actor {
	var out []store.Actor
	for _, id := range ids {
		if e := ents[id]; e != nil {
			out = append(out, store.Actor{Name: e.Name, Code: e.Code, Country: e.Country, Sector: e.Sector, Title: e.Title})
		}
	}
	return out
}

// MergeKey identifies events reported by different articles as one: same
// type, actors, recipients, date, place and trigger lemma.
func MergeKey(typ string, actors, recips []store.Actor, date, place, trigger string) string {
	names := func(as []store.Actor) string {
		var n []string
		for _, a := range as {
			k := a.Code
			if k == "" {
				k = strings.ToLower(a.Name)
			}
			n = append(n, k)
		}
		sort.Strings(n)
		return strings.Join(n, ",")
	}
	h := sha256.Sum256([]byte(strings.Join([]string{typ, names(actors), names(recips), date, strings.ToLower(place), trigger}, "\x00")))
	return hex.EncodeToString(h[:10])
}

func datePart(published string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return published
}

// Get returns the stored analysis (without tokens).
func (s *DB) Get(ctx context.Context, id string) (*model.Analysis, error) {
	var js string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT analysis FROM articles WHERE id = ?`), id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: article %q", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: get %s: %w", id, err)
	}
	var a model.Analysis
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		return nil, fmt.Errorf("store: get %s: decode: %w", id, err)
	}
	return &a, nil
}

// Candidates returns the articles sharing a band.
func (s *DB) Candidates(ctx context.Context, bands []uint64) ([]store.Candidate, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	args := make([]any, len(bands))
	for i, b := range bands {
		args[i] = int64(b)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a.id, a.dup_group, a.sig FROM articles a
		WHERE a.id IN (SELECT doc_id FROM bands WHERE band IN (`+placeholders(len(bands))+`)) ORDER BY a.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: candidates: %w", err)
	}
	defer rows.Close()
	var out []store.Candidate
	for rows.Next() {
		var c store.Candidate
		if err := rows.Scan(&c.ID, &c.Group, &c.Signature); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DupGroup returns an article's duplicate group id.
func (s *DB) DupGroup(ctx context.Context, id string) (string, error) {
	var g string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT dup_group FROM articles WHERE id = ?`), id).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%w: article %q", store.ErrNotFound, id)
	}
	return g, err
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Learn adds facts to the actor registry; the first fact for a name wins,
// later ones only count.
func (s *DB) Learn(ctx context.Context, docID string, facts []model.LearnedActor) error {
	if len(facts) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: learn: %w", err)
	}
	defer tx.Rollback()
	for _, f := range facts {
		key := strings.ToLower(strings.TrimSpace(f.Name))
		if key == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO actor_registry (key, name, type, country, sector, title, code, rule, first_doc, seen)
			VALUES (?,?,?,?,?,?,?,?,?,1) ON CONFLICT (key) DO UPDATE SET seen = actor_registry.seen + 1`),
			key, f.Name, f.Type, f.Country, f.Sector, f.Title, f.Code, f.Rule, docID); err != nil {
			return fmt.Errorf("store: learn %q: %w", f.Name, err)
		}
	}
	return tx.Commit()
}

// Registry returns the actor registry ordered by key.
func (s *DB) Registry(ctx context.Context) ([]model.LearnedActor, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, type, country, sector, title, code, rule FROM actor_registry ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("store: registry: %w", err)
	}
	defer rows.Close()
	var out []model.LearnedActor
	for rows.Next() {
		var f model.LearnedActor
		if err := rows.Scan(&f.Name, &f.Type, &f.Country, &f.Sector, &f.Title, &f.Code, &f.Rule); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Stale returns ids analysed by another pipeline.
func (s *DB) Stale(ctx context.Context, p model.Pipeline, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	return s.strings(ctx, "stale", `SELECT id FROM articles WHERE pipeline_version <> ? OR pipeline_models <> ? ORDER BY id LIMIT ?`, p.Version, p.Models, limit)
}

// IDs returns article ids in order after the given one.
func (s *DB) IDs(ctx context.Context, after string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	return s.strings(ctx, "ids", `SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
}

// Stats counts stored rows.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	for _, c := range []struct {
		table string
		dst   *int
	}{{"articles", &st.Articles}, {"entities", &st.Entities}, {"quotes", &st.Quotes}, {"events", &st.Events},
		{"event_mentions", &st.EventMentions}, {"times", &st.Times}, {"places", &st.Places}, {"actor_registry", &st.Registry}} {
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+c.table).Scan(c.dst); err != nil {
			return st, fmt.Errorf("store: count %s: %w", c.table, err)
		}
	}
	return st, nil
}

// cursor encodes an offset as an opaque page cursor.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(offset)))
}

func parseCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || b[0] != 'o' {
		return 0, fmt.Errorf("%w: bad cursor %q", store.ErrQuery, c)
	}
	n, err := strconv.Atoi(string(b[1:]))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: bad cursor %q", store.ErrQuery, c)
	}
	return n, nil
}

func limitOf(p store.Page) int {
	if p.Limit <= 0 || p.Limit > 10000 {
		return 100
	}
	return p.Limit
}
