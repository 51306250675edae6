package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"herald/internal/store/sqlite"
)

// TestMain lets the test binary act as the herald command: with
// HERALD_TEST_MAIN=1 it runs cli.Main on its arguments and exits.
func TestMain(m *testing.M) {
	if os.Getenv("HERALD_TEST_MAIN") == "1" {
		os.Exit(Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// heraldCmd returns a command running this test binary as herald.
func heraldCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HERALD_TEST_MAIN=1")
	return cmd
}

// writeCorpus writes n distinct synthetic articles as JSONL.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cities := []string{"Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Moscow", "Warsaw", "Berlin"}
	enc := json.NewEncoder(f)
	for i := 0; i < n; i++ {
		c := cities[i%len(cities)]
		text := fmt.Sprintf("Officials in %s said on Monday that %d people were evacuated after report number %d. "+
			"The mayor of %s told reporters that repairs would take %d days. \"We are working around the clock,\" he said. "+
			"Item %d also notes that talks with the regional council, case %d, will continue next week.", c, i+3, i, c, i%9+2, i, i*7)
		enc.Encode(map[string]string{"id": fmt.Sprintf("doc-%04d", i), "title": fmt.Sprintf("Update %d from %s", i, c), "date": "2025-08-07", "text": text})
	}
}

// TestIngestSurvivesSIGKILL kills herald ingest at random points several
// times, then lets it finish: the database must be intact, hold every
// article exactly once, and every article must have all of its facts.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs herald several times")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	db := filepath.Join(dir, "herald.db")
	const n = 400
	writeCorpus(t, corpus, n)
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 4; round++ {
		cmd := heraldCmd("ingest", "--db", db, "--quiet", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(200+rng.Intn(1200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	out, err := heraldCmd("ingest", "--db", db, "--quiet", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	again, err := heraldCmd("ingest", "--db", db, "--quiet", corpus).CombinedOutput()
	if err != nil || !strings.Contains(string(again), "0 new") || !strings.Contains(string(again), fmt.Sprintf("%d unchanged", n)) {
		t.Fatalf("re-ingest changed something: %v\n%s", err, again)
	}
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	var articles, distinct int
	raw.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT id) FROM articles`).Scan(&articles, &distinct)
	if articles != n || distinct != n {
		t.Fatalf("articles %d (distinct %d), want %d", articles, distinct, n)
	}
	// Every stored article has exactly the facts its analysis lists.
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, _ := raw.Query(`SELECT a.id, (SELECT COUNT(*) FROM entities e WHERE e.doc_id = a.id), (SELECT COUNT(*) FROM times x WHERE x.doc_id = a.id),
		(SELECT COUNT(*) FROM quotes q WHERE q.doc_id = a.id), (SELECT COUNT(*) FROM articles_fts f WHERE f.doc_id = a.id) FROM articles a`)
	defer rows.Close()
	for rows.Next() {
		var id string
		var ents, times, quotes, fts int
		rows.Scan(&id, &ents, &times, &quotes, &fts)
		a, err := st.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if ents != len(a.Entities) || times != len(a.Times) || quotes != len(a.Quotes) || fts != 1 {
			t.Fatalf("%s: rows entities %d/%d times %d/%d quotes %d/%d fts %d", id, ents, len(a.Entities), times, len(a.Times), quotes, len(a.Quotes), fts)
		}
	}
}

// TestIngestOrderIndependent ingests one corpus in two orders into two
// stores (in two batches each, so the registry changes between batches),
// reprocesses with the final registry, and compares the stored events and
// entities.
func TestIngestOrderIndependent(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 60)
	data, _ := os.ReadFile(corpus)
	lines := strings.SplitAfter(strings.TrimSpace(string(data)), "\n")
	rev := make([]string, len(lines))
	for i, l := range lines {
		rev[len(lines)-1-i] = strings.TrimSuffix(l, "\n") + "\n"
	}
	fwd := make([]string, len(lines))
	for i, l := range lines {
		fwd[i] = strings.TrimSuffix(l, "\n") + "\n"
	}
	dump := func(name string, order []string) string {
		db := filepath.Join(dir, name+".db")
		half := len(order) / 2
		for i, part := range [][]string{order[:half], order[half:]} {
			p := filepath.Join(dir, fmt.Sprintf("%s-%d.jsonl", name, i))
			os.WriteFile(p, []byte(strings.Join(part, "")), 0o644)
			if code, _, errs := run(t, "", "ingest", "--db", db, "--quiet", p); code != 0 {
				t.Fatalf("ingest %s: %s", p, errs)
			}
		}
		// What later batches learned reaches the earlier ones through reprocess.
		if code, _, errs := run(t, "", "reprocess", "--db", db); code != 0 {
			t.Fatalf("reprocess: %s", errs)
		}
		_, ev, _ := run(t, "", "export", "--db", db, "--format", "csv", "--all")
		_, ents, _ := run(t, "", "entities", "--db", db, "--format", "csv", "--limit", "10000")
		return ev + ents
	}
	a, b := dump("forward", fwd), dump("reverse", rev)
	if a != b {
		t.Fatalf("different stores for different orders:\n%s\n---\n%s", a, b)
	}
}
