// Package postgres is herald's shared-deployment store on PostgreSQL (pgx
// driver, tsvector full-text search). It is the only package that imports
// pgx. Safe for concurrent use.
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"herald/internal/model"
	"herald/internal/store/sqlstore"
)

// Open connects to the PostgreSQL database at url (postgres://…) and migrates it.
func Open(ctx context.Context, url string) (*sqlstore.DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: open: %w", err)
	}
	db.SetMaxOpenConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: postgres: connect: %w", err)
	}
	// Serialise concurrent migrations of the same database.
	if _, err := db.ExecContext(ctx, `SELECT pg_advisory_lock(7226823)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: postgres: lock: %w", err)
	}
	s, err := sqlstore.Open(ctx, db, dialect{})
	db.ExecContext(ctx, `SELECT pg_advisory_unlock(7226823)`)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	return s, nil
}

type dialect struct{}

func (dialect) Name() string { return "postgres" }

// Rebind turns '?' placeholders outside string literals into $1, $2, ….
func (dialect) Rebind(q string) string {
	var b strings.Builder
	n, inStr := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inStr = !inStr
			b.WriteByte(c)
		case c == '?' && !inStr:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func (dialect) Migrations() []string {
	return []string{sqlstore.CoreSchema("DOUBLE PRECISION", "BYTEA") + "\n-- next\n" + fts, sqlstore.SchemaV2, sqlstore.SchemaV3, sqlstore.SchemaV4}
}

const fts = `ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED
-- next
CREATE INDEX articles_tsv ON articles USING GIN (tsv)
-- next
ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || speaker)) STORED
-- next
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)`

// SearchSQL ranks every match (the window is not applied).
func (dialect) SearchSQL(int) string {
	return `SELECT id, -ts_rank(tsv, q) AS rnk FROM articles, websearch_to_tsquery('english', ?) q WHERE tsv @@ q
		ORDER BY rnk, id LIMIT ? OFFSET ?`
}

func (dialect) QuoteMatch() string          { return `q.tsv @@ websearch_to_tsquery('english', ?)` }
func (dialect) EventMatch() string          { return `LOWER(e.sentence) LIKE ? ESCAPE '\'` }
func (dialect) FTSQuery(text string) string { return text }
func (dialect) ValueList() string {
	return `(SELECT value FROM json_array_elements_text(CAST(? AS json)) AS value)`
}
func (dialect) GroupConcat(expr string) string { return `string_agg(` + expr + `, ',')` }

// Warm does nothing: the server's shared buffers serve every connection.
func (dialect) Warm(context.Context, *sql.DB) error { return nil }

func (dialect) IndexText(context.Context, *sql.Tx, *model.Analysis, []string) error { return nil }
func (dialect) UnindexText(context.Context, *sql.Tx, string) error                  { return nil }
