package ingest

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"herald/internal/model"
)

// warcMaxPage is the largest HTML payload taken from a WARC record.
const warcMaxPage = 20 << 20

// warcSource yields the HTML pages of a WARC file's response records
// (HTTP 200, text/html) as articles; other records are skipped.
type warcSource struct {
	name string
	r    *gowarc.WarcFileReader
	size int64
	off  int64
	dead bool
}

func openWARC(name string) (Source, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	r, err := gowarc.NewWarcFileReader(name, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore), gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(warcMaxPage))
	if err != nil {
		return nil, fmt.Errorf("%s: open WARC: %w", name, err)
	}
	return &warcSource{name: name, r: r, size: st.Size()}, nil
}

func (w *warcSource) Progress() (int64, int64) { return w.off, w.size }

func (w *warcSource) Close() error { return w.r.Close() }

func (w *warcSource) Next() (model.Article, error) {
	for {
		if w.dead {
			return model.Article{}, io.EOF
		}
		rec, err := w.r.Next()
		if errors.Is(err, io.EOF) {
			w.off = w.size
			return model.Article{}, io.EOF
		}
		if err != nil {
			// A truncated or corrupt record: the rest of the file cannot be
			// framed reliably, so report it and end this file.
			w.dead = true
			off := w.off
			w.off = w.size
			return model.Article{}, fmt.Errorf("%w: %s: WARC record at byte %d: %v", ErrItem, w.name, off, err)
		}
		w.off = rec.Offset + rec.Size
		art, ok, err := w.article(rec)
		rec.Close()
		if err != nil {
			return model.Article{}, fmt.Errorf("%w: %s: record at byte %d: %v", ErrItem, w.name, rec.Offset, err)
		}
		if ok {
			return art, nil
		}
	}
}

func (w *warcSource) article(rec gowarc.Record) (model.Article, bool, error) {
	wr := rec.WarcRecord
	if wr.Type() != gowarc.Response {
		return model.Article{}, false, nil
	}
	blk, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || blk.HttpStatusCode() != 200 {
		return model.Article{}, false, nil
	}
	if h := blk.HttpHeader(); h != nil {
		if ct := h.Get("Content-Type"); ct != "" {
			mt, _, _ := mime.ParseMediaType(ct)
			if mt != "text/html" && mt != "application/xhtml+xml" {
				return model.Article{}, false, nil
			}
		}
	}
	pr, err := blk.PayloadBytes()
	if err != nil {
		return model.Article{}, false, err
	}
	data, err := io.ReadAll(io.LimitReader(pr, warcMaxPage+1))
	if err != nil {
		return model.Article{}, false, err
	}
	if len(data) > warcMaxPage {
		return model.Article{}, false, fmt.Errorf("page larger than %d bytes", warcMaxPage)
	}
	url := strings.Trim(wr.WarcHeader().Get("WARC-Target-URI"), "<>")
	return model.Article{ID: url, URL: url, HTML: data, Origin: fmt.Sprintf("%s@%d", w.name, rec.Offset)}, true, nil
}
