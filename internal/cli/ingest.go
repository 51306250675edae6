package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"herald/internal/app"
	"herald/internal/ingest"
	"herald/internal/ingest/feed"
	"herald/internal/store"
	"herald/internal/store/postgres"
	"herald/internal/store/sqlite"
)

// DefaultDB is the default store: a SQLite file in the working directory.
const DefaultDB = "herald.db"

// dbFlag is the --db option shared by every store command.
type dbFlag struct {
	DB string `name:"db" default:"herald.db" env:"HERALD_DB" help:"Store: a SQLite file path or a postgres:// URL."`
}

// openStore opens the store named by dsn: postgres:// or postgresql:// URLs
// choose PostgreSQL, anything else is a SQLite file path, opened with opts.
func openStore(ctx context.Context, dsn string, opts ...sqlite.Option) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn, opts...)
}

// openQueryStore opens the store for a command that mostly reads (serve,
// search and the other queries): a SQLite file is memory-mapped.
func openQueryStore(ctx context.Context, dsn string) (store.Store, error) {
	return openStore(ctx, dsn, sqlite.Mapped)
}

// IngestCmd ingests sources into the store.
type IngestCmd struct {
	dbFlag
	Sources   []string `arg:"" help:"Files, folders (recursive), globs, - for stdin, .jsonl, .warc(.gz)."`
	Workers   int      `help:"Analysis goroutines (default: all cores)."`
	Force     bool     `help:"Re-analyse unchanged articles too."`
	MaxBytes  int64    `default:"20971520" help:"Largest single article accepted, in bytes."`
	Quiet     bool     `short:"q" help:"No progress bar."`
	FeedState string   `help:"File keeping feed ETag/Last-Modified between runs (default: next to the SQLite file, or herald-feeds.json)."`
}

// Run ingests and prints a closing summary.
func (c *IngestCmd) Run(e *env) error {
	st, err := openStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	state := c.FeedState
	if state == "" {
		state = "herald-feeds.json"
		if !strings.Contains(c.DB, "://") {
			state = c.DB + ".feeds.json"
		}
	}
	feeds, err := feed.New(feed.Config{StateFile: state, MaxBytes: c.MaxBytes})
	if err != nil {
		return err
	}
	src, err := ingest.Open(c.Sources, ingest.Options{MaxFile: c.MaxBytes, Stdin: e.stdin, Feeds: feeds})
	if err != nil {
		return inputError{err}
	}
	defer src.Close()
	defer feeds.SaveState()
	an, err := app.NewAnalyzer(app.Config{MaxBytes: c.MaxBytes})
	if err != nil {
		return err
	}
	cfg := app.IngestConfig{Workers: c.Workers, Force: c.Force}
	if !c.Quiet && isTerminal(e.stderr) {
		cfg.Progress = func(p app.IngestProgress) { printProgress(e.stderr, p) }
	}
	sum, err := an.Ingest(e.ctx, st, src, cfg)
	if cfg.Progress != nil {
		fmt.Fprintln(e.stderr)
	}
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "herald: ingest: %s\n", f)
	}
	if sum.Failed > len(sum.Failures) {
		fmt.Fprintf(e.stderr, "herald: ingest: … and %d more failures\n", sum.Failed-len(sum.Failures))
	}
	secs := sum.Elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	done := sum.New + sum.Updated
	fmt.Fprintf(e.stdout, "ingest: %s in %.1fs (%.1f articles/s, %.0f tokens/s) into %s\n",
		sum, sum.Elapsed.Seconds(), float64(done)/secs, float64(sum.Tokens)/secs, c.DB)
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func printProgress(w io.Writer, p app.IngestProgress) {
	rate := float64(p.Done) / p.Elapsed.Seconds()
	line := fmt.Sprintf("\r%d articles  %.1f/s  %s", p.Done, rate, p.Elapsed.Round(time.Second))
	if p.BytesTotal > 0 && p.BytesDone > 0 {
		frac := float64(p.BytesDone) / float64(p.BytesTotal)
		if frac > 1 {
			frac = 1
		}
		const width = 30
		n := int(frac * width)
		eta := time.Duration(float64(p.Elapsed) * (1 - frac) / frac).Round(time.Second)
		line = fmt.Sprintf("\r[%s%s] %3.0f%%  %d articles  %.1f/s  ETA %s ", strings.Repeat("#", n), strings.Repeat(".", width-n), 100*frac, p.Done, rate, eta)
	}
	fmt.Fprint(w, line)
}

// ReprocessCmd re-runs extraction on stored articles.
type ReprocessCmd struct {
	dbFlag
	Stale   bool `help:"Only articles analysed by another herald version or other models."`
	Workers int  `help:"Analysis goroutines (default: all cores)."`
	Limit   int  `help:"At most N articles (0 = all)."`
}

// Run reprocesses.
func (c *ReprocessCmd) Run(e *env) error {
	st, err := openStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := app.NewAnalyzer(app.Config{})
	if err != nil {
		return err
	}
	sum, err := an.Reprocess(e.ctx, st, app.ReprocessConfig{StaleOnly: c.Stale, Workers: c.Workers, Limit: c.Limit})
	fmt.Fprintf(e.stdout, "reprocess: %d articles re-analysed, %d failed in %.1fs\n", sum.Updated, sum.Failed, sum.Elapsed.Seconds())
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "herald: reprocess: %s\n", f)
	}
	return err
}
