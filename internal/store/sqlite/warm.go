package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// Warm walks every b-tree of the database (tables by row, each index by its
// first column) on each connection the pool keeps open, at once. With
// Mapped, a page's first touch on a connection costs a page fault, and the
// queries of a freshly started server touch their pages at random: on the
// 22,576-article store that made the first queries 4–5 times slower than
// the same queries later (measured on event lists by uid). A walk touches the
// pages in file order and costs about half a second on that store.
// Overflow pages (article texts, analyses) are not read.
func (dialect) Warm(ctx context.Context, db *sql.DB) error {
	queries, err := warmQueries(ctx, db)
	if err != nil {
		return err
	}
	n := db.Stats().MaxOpenConnections
	if n <= 0 || n > 8 {
		n = 8
	}
	conns := make([]*sql.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n { // held together, so each is a different connection
		c, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(conns))
	for i, c := range conns {
		wg.Go(func() {
			for _, q := range queries {
				var n int64
				if err := c.QueryRowContext(ctx, q).Scan(&n); err != nil {
					errs[i] = fmt.Errorf("%s: %w", q, err)
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// warmQueries returns one counting query per table (NOT INDEXED, so the
// table's own b-tree is walked) and per index (a range over its first
// column, INDEXED BY it); virtual tables are left out (their shadow tables
// are walked).
func warmQueries(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.type, m.name, m.tbl_name, COALESCE((SELECT i.name FROM pragma_index_info(m.name) i WHERE i.seqno = 0), '')
		FROM sqlite_schema m WHERE m.type IN ('table', 'index') AND m.name NOT LIKE 'sqlite_stat%'
		AND COALESCE(m.sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY m.rootpage`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var typ, name, table, col string
		if err := rows.Scan(&typ, &name, &table, &col); err != nil {
			return nil, err
		}
		switch {
		case typ == "table":
			out = append(out, `SELECT count(*) FROM `+ident(name)+` NOT INDEXED`)
		case col != "":
			out = append(out, `SELECT count(*) FROM `+ident(table)+` INDEXED BY `+ident(name)+` WHERE `+ident(col)+` IS NOT NULL`)
		}
	}
	return out, rows.Err()
}

// ident quotes an SQL identifier.
func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
