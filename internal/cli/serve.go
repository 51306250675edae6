package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"herald/internal/app"
	"herald/internal/httpapi"
	"herald/internal/model"
	"herald/internal/server"
	"herald/internal/store"
	"herald/internal/store/sqlite"
	"herald/internal/web"
	"herald/internal/web/demo"
)

// ServeCmd serves the JSON API and the web UI over a store.
type ServeCmd struct {
	dbFlag
	Addr    string        `default:"127.0.0.1:8080" env:"HERALD_ADDR" help:"Listen address (loopback unless told otherwise)."`
	Demo    bool          `help:"Ingest the embedded sample articles into a temporary SQLite store and serve it."`
	Token   string        `env:"HERALD_API_TOKEN" help:"Enable POST /api/v1/articles for requests with this bearer token (default: read-only)."`
	Timeout time.Duration `default:"10s" help:"Longest time one request may take."`
}

// Run serves until interrupted.
func (c *ServeCmd) Run(e *env) error {
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var st store.Store
	var err error
	// Loaded on the first POST only (httpapi calls it once).
	analyzer := func() (*app.Analyzer, error) { return app.NewAnalyzer(app.Config{}) }
	if c.Demo {
		dir, err := os.MkdirTemp("", "herald-demo-")
		if err != nil {
			return fmt.Errorf("serve: demo: %w", err)
		}
		defer os.RemoveAll(dir)
		st, err = OpenDemo(e.ctx, filepath.Join(dir, "demo.db"), e.stdout)
		if err != nil {
			return err
		}
	} else {
		t0 := time.Now()
		if st, err = openServeStore(e.ctx, c.DB); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "herald: opened and warmed %s in %s\n", c.DB, time.Since(t0).Round(time.Millisecond))
	}
	defer st.Close()
	h, err := Handler(st, httpapi.Options{Token: c.Token, Analyzer: analyzer, Logger: log}, log)
	if err != nil {
		return err
	}
	cfg := server.Config{Addr: c.Addr, HandlerTimeout: c.Timeout, Logger: log}
	ln, err := server.Listen(cfg)
	if err != nil {
		return inputError{err} // a bad or busy --addr
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(e.stderr, "herald: serve: listening on %s, reachable from other machines\n", host)
	}
	mode := "read-only"
	if c.Token != "" {
		mode = "ingest enabled with token"
	}
	fmt.Fprintf(e.stdout, "herald: serving http://%s/ (API at /api/v1, %s); Ctrl-C stops\n", ln.Addr(), mode)
	return server.Serve(e.ctx, server.New(h, cfg), ln)
}

// openServeStore opens the store for serving: as for queries, then read
// ahead (store.Warmer) so that the first requests after a start are not the
// slowest.
func openServeStore(ctx context.Context, dsn string) (store.Store, error) {
	st, err := openQueryStore(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if w, ok := st.(store.Warmer); ok {
		if err := w.Warm(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// Handler combines the API (under /api/v1/) and the web UI (everything else).
func Handler(st store.Store, api httpapi.Options, log *slog.Logger) (http.Handler, error) {
	ui, err := web.New(st, web.Options{Logger: log})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle(httpapi.Prefix+"/", httpapi.New(st, api))
	mux.Handle("/", ui)
	return mux, nil
}

// OpenDemo creates a SQLite store at path holding the analysed demo articles.
func OpenDemo(ctx context.Context, path string, out io.Writer) (store.Store, error) {
	arts, err := demo.Articles()
	if err != nil {
		return nil, err
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	an, err := app.NewAnalyzer(app.Config{})
	if err != nil {
		st.Close()
		return nil, err
	}
	// One article at a time, so that one failing article leaves the rest served.
	var total app.IngestSummary
	var failed []string
	for _, art := range arts {
		sum, err := an.Ingest(ctx, st, demo.NewSource([]model.Article{art}), app.IngestConfig{})
		if err == nil && sum.Failed > 0 {
			err = errors.New(strings.Join(sum.Failures, "; "))
		}
		if err != nil {
			if ctx.Err() != nil {
				st.Close()
				return nil, ctx.Err()
			}
			failed = append(failed, fmt.Sprintf("%s: %v", art.ID, err))
			continue
		}
		total.New += sum.New
		total.Updated += sum.Updated
		total.Unchanged += sum.Unchanged
		total.Duplicates += sum.Duplicates
		total.Elapsed += sum.Elapsed
	}
	fmt.Fprintf(out, "herald: demo: %d of %d sample articles stored in %.1fs\n", total.New+total.Updated+total.Unchanged, len(arts), total.Elapsed.Seconds())
	for _, f := range failed {
		fmt.Fprintf(out, "herald: demo: failed: %s\n", f)
	}
	if len(failed) == len(arts) {
		st.Close()
		return nil, fmt.Errorf("serve: demo: no sample article could be stored: %s", failed[0])
	}
	return st, nil
}
