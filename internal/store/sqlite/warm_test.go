package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWarmQueries: one walk per table and per index, none of a virtual
// table, each one the database accepts with the named index.
func TestWarmQueries(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "w.db"), Mapped)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	qs, err := warmQueries(ctx, s.SQL())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`SELECT count(*) FROM "events" NOT INDEXED`,
		`SELECT count(*) FROM "event_actors" INDEXED BY "event_actors_name" WHERE "name" IS NOT NULL`,
		`SELECT count(*) FROM "events" INDEXED BY "sqlite_autoindex_events_1" WHERE "uid" IS NOT NULL`,
		`SELECT count(*) FROM "articles_fts_data" NOT INDEXED`,
	} {
		if !slices.Contains(qs, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, q := range qs {
		if strings.Contains(q, `"articles_fts"`) || strings.Contains(q, `"quotes_fts"`) {
			t.Errorf("walks a virtual table: %s", q)
		}
	}
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
}
