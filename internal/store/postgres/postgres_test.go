package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"herald/internal/store"
	"herald/internal/store/storetest"
)

// serverURL is the local test server; HERALD_TEST_POSTGRES overrides it.
func serverURL() string {
	if u := os.Getenv("HERALD_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// freshDB creates an empty database for one test and drops it afterwards.
// Without a reachable server the test skips, except under CI=true, where it fails.
func freshDB(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", serverURL())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL not reachable at %s (CI=true requires it): %v", serverURL(), err)
		}
		t.Skipf("PostgreSQL not reachable at %s: %v (set HERALD_TEST_POSTGRES)", serverURL(), err)
	}
	name := fmt.Sprintf("herald_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	return fmt.Sprintf("postgres://postgres@127.0.0.1:5432/%s?sslmode=disable", name)
}

func TestConformance(t *testing.T) {
	for _, run := range []func(*testing.T, func(*testing.T) store.Store){storetest.Run, storetest.RunAggregate} {
		run(t, func(t *testing.T) store.Store {
			s, err := Open(context.Background(), freshDB(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	}
}

func TestRebind(t *testing.T) {
	got := dialect{}.Rebind(`SELECT '?' FROM x WHERE a = ? AND b IN (?, ?)`)
	want := `SELECT '?' FROM x WHERE a = $1 AND b IN ($2, $3)`
	if got != want {
		t.Fatalf("Rebind = %q", got)
	}
}
