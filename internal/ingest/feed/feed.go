// Package feed reads RSS, Atom and JSON feeds over HTTP and fetches their
// article pages: with timeouts, size limits, capped redirects, a small
// number of concurrent requests per host and conditional GET (ETag and
// Last-Modified remembered in a state file). It is the only package that
// imports the feed parser. A Fetcher is safe for concurrent use.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"herald/internal/ingest"
	"herald/internal/model"
)

// Config configures a Fetcher. Zero values take the defaults.
type Config struct {
	Timeout      time.Duration // per request (default 20s)
	MaxBytes     int64         // per response body (default 20 MB)
	MaxRedirects int           // default 5
	PerHost      int           // concurrent requests per host (default 2)
	UserAgent    string
	StateFile    string // where validators are kept between runs ("" = none)
	Client       *http.Client
}

// ErrNotModified means the feed has not changed since the last fetch.
var ErrNotModified = errors.New("feed: not modified")

// Fetcher fetches feeds and their articles.
type Fetcher struct {
	cfg    Config
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]chan struct{}
	state  map[string]validators
}

type validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// New returns a Fetcher, loading the state file when it exists.
func New(cfg Config) (*Fetcher, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 20 * time.Second
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 20 << 20
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = 5
	}
	if cfg.PerHost <= 0 {
		cfg.PerHost = 2
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "herald (news event extraction)"
	}
	f := &Fetcher{cfg: cfg, hosts: map[string]chan struct{}{}, state: map[string]validators{}}
	c := cfg.Client
	if c == nil {
		c = &http.Client{}
	}
	cc := *c
	cc.Timeout = cfg.Timeout
	cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= cfg.MaxRedirects {
			return fmt.Errorf("more than %d redirects", cfg.MaxRedirects)
		}
		return nil
	}
	f.client = &cc
	if cfg.StateFile != "" {
		data, err := os.ReadFile(cfg.StateFile)
		if err == nil {
			if err := json.Unmarshal(data, &f.state); err != nil {
				return nil, fmt.Errorf("feed: state file %s: %w", cfg.StateFile, err)
			}
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("feed: state file: %w", err)
		}
	}
	return f, nil
}

// get fetches u politely; conditional requests send stored validators.
func (f *Fetcher) get(ctx context.Context, u string, conditional bool) ([]byte, validators, error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
		return nil, validators{}, fmt.Errorf("feed: bad URL %q", u)
	}
	f.mu.Lock()
	sem := f.hosts[pu.Host]
	if sem == nil {
		sem = make(chan struct{}, f.cfg.PerHost)
		f.hosts[pu.Host] = sem
	}
	old := f.state[u]
	f.mu.Unlock()
	sem <- struct{}{}
	defer func() { <-sem }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, validators{}, err
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	if conditional {
		if old.ETag != "" {
			req.Header.Set("If-None-Match", old.ETag)
		}
		if old.LastModified != "" {
			req.Header.Set("If-Modified-Since", old.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, validators{}, fmt.Errorf("feed: get %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, old, ErrNotModified
	}
	if resp.StatusCode != http.StatusOK {
		return nil, validators{}, fmt.Errorf("feed: get %s: HTTP %d", u, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, validators{}, fmt.Errorf("feed: read %s: %w", u, err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, validators{}, fmt.Errorf("feed: %s: larger than %d bytes", u, f.cfg.MaxBytes)
	}
	return body, validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}

// SaveState writes the remembered validators to the state file.
func (f *Fetcher) SaveState() error {
	if f.cfg.StateFile == "" {
		return nil
	}
	f.mu.Lock()
	data, err := json.MarshalIndent(f.state, "", "  ")
	f.mu.Unlock()
	if err != nil {
		return err
	}
	tmp := f.cfg.StateFile + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("feed: save state: %w", err)
	}
	return os.Rename(tmp, f.cfg.StateFile)
}

// Open fetches and parses the feed at u and returns a source of its items'
// article pages, fetched concurrently (politely per host) ahead of reading.
// An unchanged feed yields no articles.
func (f *Fetcher) Open(u string) (ingest.Source, error) {
	ctx := context.Background()
	body, val, err := f.get(ctx, u, true)
	if errors.Is(err, ErrNotModified) {
		return &source{}, nil
	}
	if err != nil {
		return nil, err
	}
	fd, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feed: parse %s: %w", u, err)
	}
	f.mu.Lock()
	f.state[u] = val
	f.mu.Unlock()
	s := &source{results: make(chan result, len(fd.Items))}
	var wg sync.WaitGroup
	for _, it := range fd.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if ref, err := url.Parse(link); err == nil {
			if base, err := url.Parse(u); err == nil {
				link = base.ResolveReference(ref).String()
			}
		}
		art := model.Article{ID: link, URL: link, Title: it.Title, Source: fd.Title, Origin: u + " → " + link}
		if it.PublishedParsed != nil {
			art.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
		} else if it.UpdatedParsed != nil {
			art.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
		}
		wg.Add(1)
		go func(art model.Article) {
			defer wg.Done()
			page, _, err := f.get(ctx, art.URL, false)
			if err != nil {
				s.results <- result{err: fmt.Errorf("%w: %v", ingest.ErrItem, err)}
				return
			}
			art.HTML = page
			s.results <- result{art: art}
		}(art)
	}
	go func() { wg.Wait(); close(s.results) }()
	return s, nil
}

type result struct {
	art model.Article
	err error
}

type source struct {
	results chan result
}

func (s *source) Next() (model.Article, error) {
	if s.results == nil {
		return model.Article{}, io.EOF
	}
	r, ok := <-s.results
	if !ok {
		return model.Article{}, io.EOF
	}
	return r.art, r.err
}

func (s *source) Progress() (int64, int64) { return 0, 0 }
func (s *source) Close() error             { return nil }
