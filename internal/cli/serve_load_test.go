package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"herald/internal/httpapi"
	"herald/internal/server"
	"herald/internal/store"
	"herald/internal/store/storetest"
)

// TestServeLoad is the API load test: 50 concurrent clients send at least
// 500 distinct queries seeded from the store (event queries by actor and
// full-text searches, half each) to a server on 127.0.0.1, each query once,
// from a cold start (the store opened as serve opens it, warming included),
// and it reports p50/p95/p99 latency and errors.
//
// Over a real store (bounded to two minutes):
//
//	HERALD_LOADTEST_DB=herald.db go test ./internal/cli -run TestServeLoad -v
//
// Without HERALD_LOADTEST_DB it runs against a small generated store.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test in -short mode")
	}
	ctx := context.Background()
	var st store.Store
	var err error
	if p := os.Getenv("HERALD_LOADTEST_DB"); p != "" {
		st, err = openServeStore(ctx, p)
	} else {
		st, err = openQueryStore(ctx, filepath.Join(t.TempDir(), "load.db"))
		for i := 0; err == nil && i < 60; i++ {
			a := storetest.Sample(fmt.Sprintf("l%03d", i), fmt.Sprintf("2025-08-%02d", 1+i%28), []string{"RUSMIL", "UKRGOV", "USAGOV"}[i%3])
			a.Entities[0].Name = fmt.Sprintf("Actor %d", i)
			_, err = st.Put(ctx, store.Article{Analysis: a, ContentHash: "h"})
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	queries := seedQueries(t, st, 500)
	h, err := Handler(st, httpapi.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(h, server.Config{Addr: ln.Addr().String()})
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	const clients = 50
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	deadline := time.Now().Add(2 * time.Minute)
	type result struct {
		kind string
		d    time.Duration
		err  error
	}
	results := make([]result, len(queries))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	cpu0 := cpuTime()
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(queries) || time.Now().After(deadline) {
					return
				}
				q := queries[k]
				t0 := time.Now()
				res, err := client.Get(base + q)
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						err = fmt.Errorf("%s: status %d", q, res.StatusCode)
					}
				}
				kind := "search"
				if strings.Contains(q, "/events") {
					kind = "events"
				}
				results[k] = result{kind, time.Since(t0), err}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	var errs []error
	by := map[string][]time.Duration{}
	for _, r := range results {
		if r.d == 0 && r.err == nil {
			continue // not sent before the deadline
		}
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		by[r.kind] = append(by[r.kind], r.d)
		by["all"] = append(by["all"], r.d)
	}
	for _, k := range []string{"events", "search", "all"} {
		ds := by[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-6s n=%d p50=%s p95=%s p99=%s", k, len(ds), pct(ds, 50), pct(ds, 95), pct(ds, 99))
	}
	// The first 100 queries meet cold caches; the rest show the steady state.
	var early, late []time.Duration
	for k, r := range results {
		if r.err != nil || r.d == 0 {
			continue
		}
		if k < 100 {
			early = append(early, r.d)
		} else {
			late = append(late, r.d)
		}
	}
	t.Logf("first 100: p50=%s p95=%s; rest: p50=%s p95=%s", pct(sorted(early), 50), pct(sorted(early), 95), pct(sorted(late), 50), pct(sorted(late), 95))
	st2, _ := st.Stats(ctx)
	sent := len(by["all"]) + len(errs)
	t.Logf("load: articles=%d queries=%d clients=%d errors=%d wall=%s cpu_per_query=%s p95_ms=%.1f", st2.Articles, sent, clients, len(errs),
		wall.Round(time.Millisecond), (cpu / time.Duration(max(sent, 1))).Round(time.Microsecond), float64(pct(sorted(by["all"]), 95))/1e6)
	for _, e := range errs[:min(len(errs), 5)] {
		t.Errorf("error: %v", e)
	}
	if len(by["all"]) < len(queries)/2 {
		t.Errorf("only %d of %d queries answered before the deadline", len(by["all"]), len(queries))
	}
}

func sorted(ds []time.Duration) []time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, (len(ds)*p+99)/100-1)].Round(10 * time.Microsecond)
}

// seedQueries builds at least n distinct API queries from what the store
// holds: events by actor (names and codes) and searches for words of actor
// names, varied by page size when the store is too small to give n.
func seedQueries(t *testing.T, st store.Store, n int) []string {
	t.Helper()
	ents, err := st.Entities(context.Background(), store.EntityFilter{Page: store.Page{Limit: 2000}})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var actors, words []string
	for _, e := range ents {
		for _, a := range []string{e.Name, e.Code} {
			if a != "" && !seen["a:"+a] {
				seen["a:"+a] = true
				actors = append(actors, a)
			}
		}
		for _, w := range strings.Fields(e.Name) {
			w = strings.Trim(w, ".,'’\"")
			if len(w) > 2 && !seen["w:"+strings.ToLower(w)] {
				seen["w:"+strings.ToLower(w)] = true
				words = append(words, w)
			}
		}
	}
	if len(actors) == 0 || len(words) == 0 {
		t.Fatal("the store has no entities to seed queries from")
	}
	var qs []string
	dup := map[string]bool{}
	add := func(q string) {
		if !dup[q] {
			dup[q] = true
			qs = append(qs, q)
		}
	}
	for limit := 20; len(qs) < n; limit++ {
		for i := 0; i < max(len(actors), len(words)) && len(qs) < n; i++ {
			add(fmt.Sprintf("/api/v1/events?actor=%s&limit=%d", url.QueryEscape(actors[i%len(actors)]), limit))
			add(fmt.Sprintf("/api/v1/articles?q=%s&limit=%d", url.QueryEscape(words[i%len(words)]), limit))
		}
	}
	return qs
}
