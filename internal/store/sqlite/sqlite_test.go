package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"herald/internal/store"
	"herald/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	for _, run := range []func(*testing.T, func(*testing.T) store.Store){storetest.Run, storetest.RunAggregate} {
		run(t, func(t *testing.T) store.Store {
			s, err := Open(context.Background(), filepath.Join(t.TempDir(), "herald.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, store.Article{Analysis: storetest.Sample("r1", "2025-08-01", "RUS"), ContentHash: "h"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, _ := s.Stats(ctx); st.Articles != 1 {
		t.Fatalf("after reopen: %+v", st)
	}
}
