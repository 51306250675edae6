// Package sqlite is herald's default store: one SQLite file (pure Go driver,
// WAL journal, FTS5 full-text search over article texts and quotes). It is the
// only package that imports the SQLite driver. Safe for concurrent use.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"

	"herald/internal/model"
	"herald/internal/store/sqlstore"
)

// Option changes how Open opens a database.
type Option func(pragmas []string) []string

// Mapped makes reads go through a memory map of the file (up to 2 GB): no
// read call and no page copy per page, which serves concurrent queries
// faster (measured with the serve load test). The mapped pages count in
// the process's resident memory, so bulk ingest does without it.
func Mapped(pragmas []string) []string { return append(pragmas, "mmap_size(2147483648)") }

// Open opens (creating if needed) the SQLite database at path and migrates it.
func Open(ctx context.Context, path string, opts ...Option) (*sqlstore.DB, error) {
	q := url.Values{}
	pragmas := []string{"journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(10000)", "foreign_keys(ON)"}
	for _, o := range opts {
		pragmas = o(pragmas)
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	// Two connections kept open: on a two-core machine more connections only
	// contend, and closing idle ones throws their caches away (each measured
	// with TestServeLoad).
	db.SetMaxOpenConns(2)
	db.SetMaxIdleConns(2)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	s, err := sqlstore.Open(ctx, db, dialect{})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	return s, nil
}

type dialect struct{}

func (dialect) Name() string           { return "sqlite" }
func (dialect) Rebind(q string) string { return q }
func (dialect) QuoteMatch() string {
	return `q.uid IN (SELECT uid FROM quotes_fts WHERE quotes_fts MATCH ?)`
}
func (dialect) EventMatch() string             { return `LOWER(e.sentence) LIKE ? ESCAPE '\'` }
func (dialect) ValueList() string              { return `(SELECT value FROM json_each(?))` }
func (dialect) GroupConcat(expr string) string { return `group_concat(` + expr + `, ',')` }
func (dialect) Migrations() []string {
	return []string{sqlstore.CoreSchema("REAL", "BLOB") + "\n-- next\n" + fts, sqlstore.SchemaV2, sqlstore.SchemaV3, sqlstore.SchemaV4}
}

// SearchSQL ranks by BM25. With a window it ranks only the matches at or
// after the window-th newest one (full-text rowids grow as articles are
// stored); finding that rowid reads the match list alone, without ranking.
func (dialect) SearchSQL(window int) string {
	cond := ""
	if window > 0 {
		cond = fmt.Sprintf(` AND rowid >= COALESCE((SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
			ORDER BY rowid DESC LIMIT 1 OFFSET %d), 0)`, window-1)
	}
	return `SELECT doc_id AS id, rank AS rnk FROM articles_fts
		WHERE articles_fts MATCH ?1` + cond + ` ORDER BY rank LIMIT ?2 OFFSET ?3`
}

const fts = `CREATE VIRTUAL TABLE articles_fts USING fts5(doc_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')
-- next
CREATE VIRTUAL TABLE quotes_fts USING fts5(uid UNINDEXED, doc_id UNINDEXED, text, speaker, tokenize = 'porter unicode61 remove_diacritics 2')`

// FTSQuery turns free text into an FTS5 query of quoted terms (all must
// match), so user input can never be FTS5 syntax.
func (dialect) FTSQuery(text string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '\'' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	}) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	if len(terms) == 0 {
		return `""`
	}
	return strings.Join(terms, " ")
}

func (dialect) IndexText(ctx context.Context, tx *sql.Tx, a *model.Analysis, quoteUIDs []string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (doc_id, title, text) VALUES (?, ?, ?)`, a.Doc.ID, a.Doc.Title, a.Text); err != nil {
		return fmt.Errorf("index article: %w", err)
	}
	for i, q := range a.Quotes {
		speaker := q.SourceDescription
		for _, e := range a.Entities {
			if e.ID == q.Speaker {
				speaker = e.Name
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (uid, doc_id, text, speaker) VALUES (?, ?, ?, ?)`, quoteUIDs[i], a.Doc.ID, q.Text, speaker); err != nil {
			return fmt.Errorf("index quote: %w", err)
		}
	}
	return nil
}

func (dialect) UnindexText(ctx context.Context, tx *sql.Tx, docID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE doc_id = ?`, docID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM quotes_fts WHERE doc_id = ?`, docID)
	return err
}
