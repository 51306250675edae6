// Package demo holds the sample articles that `herald serve --demo` ingests:
// the seed article and a handful of short news stories written for herald
// (original text). Each file is a small header ("key: value" lines: title,
// source, published, url), a blank line, then the plain-text body.
package demo

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"herald/internal/model"
)

//go:embed *.txt
var files embed.FS

// Articles returns the demo articles, ordered by file name; ids are
// "demo/<file name without .txt>".
func Articles() ([]model.Article, error) { return Parse(files) }

// Parse reads every *.txt file of fsys as a demo article.
func Parse(fsys fs.FS) ([]model.Article, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []model.Article
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("demo: read %s: %w", n, err)
		}
		art, err := ParseArticle(n, string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, art)
	}
	return out, nil
}

// ParseArticle reads one demo file: header lines, a blank line, the body.
func ParseArticle(name, s string) (model.Article, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	head, body, ok := strings.Cut(s, "\n\n")
	if !ok {
		return model.Article{}, fmt.Errorf("demo: %s: no blank line after the header", name)
	}
	art := model.Article{ID: "demo/" + strings.TrimSuffix(name, ".txt"), Origin: "demo:" + name, Language: "en"}
	for i, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return model.Article{}, fmt.Errorf("demo: %s:%d: want \"key: value\"", name, i+1)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			art.Title = v
		case "source":
			art.Source = v
		case "published":
			art.Published = v
		case "url":
			art.URL = v
		default:
			return model.Article{}, fmt.Errorf("demo: %s:%d: unknown key %q", name, i+1, k)
		}
	}
	art.Text = strings.TrimSpace(body) + "\n"
	return art, nil
}

// Source yields articles one at a time (an ingest.Source).
type Source struct {
	arts []model.Article
	i    int
}

// NewSource returns a source over arts.
func NewSource(arts []model.Article) *Source { return &Source{arts: arts} }

// Next returns the next article, or io.EOF.
func (s *Source) Next() (model.Article, error) {
	if s.i >= len(s.arts) {
		return model.Article{}, io.EOF
	}
	s.i++
	return s.arts[s.i-1], nil
}

// Progress reports no byte counts.
func (s *Source) Progress() (int64, int64) { return 0, 0 }

// Close does nothing.
func (s *Source) Close() error { return nil }
