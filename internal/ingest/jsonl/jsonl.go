// Package jsonl reads articles from JSON Lines: one object per line with the
// fields id, url, source, title, date (or published), text or html. It
// streams: memory use is bounded by the longest line, whatever the file size.
package jsonl

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"herald/internal/model"
)

// MaxLine is the longest line accepted (bytes); longer lines are skipped with an error.
const MaxLine = 64 << 20

// ErrLine marks a bad line; the reader goes on with the next one.
var ErrLine = errors.New("bad line")

type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Title     string          `json:"title"`
	Date      string          `json:"date"`
	Published string          `json:"published"`
	Language  string          `json:"language"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
}

// Reader yields the articles of a JSONL stream one at a time. Not safe for concurrent use.
type Reader struct {
	name string
	br   *bufio.Reader
	line int
}

// NewReader reads from r; name identifies the input in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{name: name, br: bufio.NewReaderSize(r, 1<<20)}
}

// Next returns the next article. At the end it returns io.EOF. A bad line
// gives an error wrapping ErrLine that names the input and line; calling Next
// again continues with the following line.
func (r *Reader) Next() (model.Article, error) {
	for {
		line, err := r.readLine()
		if err != nil {
			return model.Article{}, err
		}
		r.line++
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		origin := fmt.Sprintf("%s:%d", r.name, r.line)
		if line == nil {
			return model.Article{}, fmt.Errorf("jsonl: %s: %w: longer than %d bytes", origin, ErrLine, MaxLine)
		}
		var rec record
		if err := json.Unmarshal(line, &rec); err != nil {
			return model.Article{}, fmt.Errorf("jsonl: %s: %w: %v", origin, ErrLine, err)
		}
		art := model.Article{
			ID: idString(rec.ID), URL: rec.URL, Source: rec.Source, Title: rec.Title,
			Published: rec.Published, Language: rec.Language, Text: rec.Text, Origin: origin,
		}
		if art.Published == "" {
			art.Published = rec.Date
		}
		if rec.HTML != "" {
			art.HTML = []byte(rec.HTML)
		}
		if rec.Text == "" && rec.HTML == "" {
			return model.Article{}, fmt.Errorf("jsonl: %s: %w: neither text nor html", origin, ErrLine)
		}
		return art, nil
	}
}

// readLine returns the next line without its newline; a line over MaxLine
// is consumed and returned as nil with a nil error.
func (r *Reader) readLine() ([]byte, error) {
	var buf []byte
	over := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !over {
			if len(buf)+len(chunk) > MaxLine {
				over, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			if over {
				return nil, nil
			}
			return buf[:len(buf)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if over {
				return nil, nil
			}
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return buf, nil
		default:
			return nil, fmt.Errorf("jsonl: read %s: %w", r.name, err)
		}
	}
}

func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
