// Package ingest turns source specifications (files, folders, globs, stdin,
// JSONL, WARC, feed URLs) into a stream of model.Article, one at a time,
// never holding a whole input in memory. A bad item yields an error that
// names it (wrapping ErrItem) and the stream goes on.
package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"herald/internal/ingest/jsonl"
	"herald/internal/model"
)

// ErrItem marks an error in one item of a source; the source goes on.
var ErrItem = errors.New("bad item")

// DefaultMaxFile is the largest single-article file read (20 MB).
const DefaultMaxFile = 20 << 20

// Options configure sources.
type Options struct {
	MaxFile int64     // largest single-article file; 0 = DefaultMaxFile
	Stdin   io.Reader // for the "-" source
	Feeds   FeedFetcher
}

// FeedFetcher fetches RSS/Atom feeds and their articles; nil disables URLs.
type FeedFetcher interface {
	Open(url string) (Source, error)
}

// Source yields articles. Next returns io.EOF at the end; an error wrapping
// ErrItem concerns one item only, and Next may be called again.
type Source interface {
	Next() (model.Article, error)
	// Progress returns bytes consumed and the total (0 when unknown).
	Progress() (done, total int64)
	Close() error
}

// Open expands specs into one Source that yields every article in order.
// A spec is "-" (stdin), a URL, a glob, a folder (read recursively) or a file.
func Open(specs []string, opt Options) (Source, error) {
	if opt.MaxFile <= 0 {
		opt.MaxFile = DefaultMaxFile
	}
	var items []string
	for _, s := range specs {
		switch {
		case s == "-" || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
			items = append(items, s)
		case strings.ContainsAny(s, "*?["):
			m, err := filepath.Glob(s)
			if err != nil {
				return nil, fmt.Errorf("ingest: glob %q: %w", s, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("ingest: %s: no file matches", s)
			}
			items = append(items, m...)
		default:
			st, err := os.Stat(s)
			if err != nil {
				return nil, fmt.Errorf("ingest: %w", err)
			}
			if !st.IsDir() {
				items = append(items, s)
				continue
			}
			var files []string
			err = filepath.WalkDir(s, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != s {
					return filepath.SkipDir
				}
				if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
					files = append(files, p)
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("ingest: walk %s: %w", s, err)
			}
			sort.Strings(files)
			items = append(items, files...)
		}
	}
	m := &multi{items: items, opt: opt}
	for _, it := range items {
		if st, err := os.Stat(it); err == nil {
			m.total += st.Size()
		}
	}
	return m, nil
}

// multi chains the sources of several items.
type multi struct {
	items []string
	opt   Options
	cur   Source
	i     int
	total int64
	done  int64 // bytes of finished items
}

func (m *multi) Progress() (int64, int64) {
	d := m.done
	if m.cur != nil {
		cd, _ := m.cur.Progress()
		d += cd
	}
	return d, m.total
}

func (m *multi) Close() error {
	if m.cur != nil {
		return m.cur.Close()
	}
	return nil
}

func (m *multi) Next() (model.Article, error) {
	for {
		if m.cur == nil {
			if m.i >= len(m.items) {
				return model.Article{}, io.EOF
			}
			it := m.items[m.i]
			m.i++
			src, err := openItem(it, m.opt)
			if err != nil {
				return model.Article{}, fmt.Errorf("%w: %v", ErrItem, err)
			}
			m.cur = src
		}
		a, err := m.cur.Next()
		if errors.Is(err, io.EOF) {
			d, _ := m.cur.Progress()
			m.done += d
			m.cur.Close()
			m.cur = nil
			continue
		}
		return a, err
	}
}

func openItem(it string, opt Options) (Source, error) {
	if strings.HasPrefix(it, "http://") || strings.HasPrefix(it, "https://") {
		if opt.Feeds == nil {
			return nil, fmt.Errorf("%s: feed URLs are not enabled", it)
		}
		return opt.Feeds.Open(it)
	}
	if it == "-" {
		r := bufio.NewReaderSize(opt.Stdin, 1<<16)
		head, _ := r.Peek(512)
		if t := strings.TrimSpace(string(head)); strings.HasPrefix(t, "{") {
			return &jsonlSource{r: jsonl.NewReader(r, "stdin"), c: &countReader{}}, nil
		}
		return readOne("stdin", r, opt.MaxFile, 0)
	}
	lower := strings.ToLower(it)
	switch {
	case strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson"):
		f, err := os.Open(it)
		if err != nil {
			return nil, err
		}
		c := &countReader{r: f}
		return &jsonlSource{r: jsonl.NewReader(c, it), c: c, f: f}, nil
	case strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz"):
		return openWARC(it)
	default:
		f, err := os.Open(it)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, _ := f.Stat()
		return readOne(it, f, opt.MaxFile, st.Size())
	}
}

type countReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

type jsonlSource struct {
	r *jsonl.Reader
	c *countReader
	f *os.File
}

func (s *jsonlSource) Next() (model.Article, error) {
	a, err := s.r.Next()
	if errors.Is(err, jsonl.ErrLine) {
		return a, fmt.Errorf("%w: %v", ErrItem, err)
	}
	return a, err
}

func (s *jsonlSource) Progress() (int64, int64) { return s.c.n.Load(), 0 }

func (s *jsonlSource) Close() error {
	if s.f != nil {
		return s.f.Close()
	}
	return nil
}

// one yields a single article read from a file.
type one struct {
	art  model.Article
	err  error
	used bool
	size int64
}

func (o *one) Next() (model.Article, error) {
	if o.used {
		return model.Article{}, io.EOF
	}
	o.used = true
	return o.art, o.err
}

func (o *one) Progress() (int64, int64) {
	if o.used {
		return o.size, o.size
	}
	return 0, o.size
}

func (o *one) Close() error { return nil }

// readOne reads one article file (HTML or text) with a size limit. Errors
// about the content are returned by Next, so they name the file.
func readOne(name string, r io.Reader, max, size int64) (Source, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	o := &one{size: size}
	switch {
	case err != nil:
		o.err = fmt.Errorf("%w: %s: read: %v", ErrItem, name, err)
	case int64(len(data)) > max:
		o.err = fmt.Errorf("%w: %s: larger than %d bytes", ErrItem, name, max)
	default:
		o.art = ArticleFromBytes(name, data)
	}
	return o, nil
}

// ArticleFromBytes makes an article from a file's bytes: HTML when it looks
// like HTML (by name or content), plain text otherwise. Its id is the file name.
func ArticleFromBytes(name string, data []byte) model.Article {
	a := model.Article{ID: "file:" + filepath.ToSlash(filepath.Clean(name)), Origin: name}
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || looksHTML(data) {
		a.HTML = data
	} else {
		a.Text = string(data)
	}
	return a
}

func looksHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	h := strings.ToLower(strings.TrimSpace(string(head)))
	return strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html") || strings.Contains(h, "<body")
}
