package feed

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"herald/internal/ingest"
)

func TestFeedFetch(t *testing.T) {
	var feedHits, notModified atomic.Int32
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>%[1]s/a/1</link><pubDate>Thu, 07 Aug 2025 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/a/2</link></item>
<item><title>Gone</title><link>%[1]s/missing</link></item>
<item><title>Loop</title><link>%[1]s/loop</link></item>
<item><title>Huge</title><link>%[1]s/huge</link></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<html><body><article><p>Article %s.</p></article></body></html>", r.URL.Path)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 5000))) })

	state := filepath.Join(t.TempDir(), "feeds.json")
	f, err := New(Config{StateFile: state, MaxBytes: 4000})
	if err != nil {
		t.Fatal(err)
	}
	src, err := f.Open(srv.URL + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	var titles, errs []string
	for {
		a, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !errors.Is(err, ingest.ErrItem) {
				t.Fatal(err)
			}
			errs = append(errs, err.Error())
			continue
		}
		titles = append(titles, a.Title)
		if a.Title == "One" && (a.Published != "2025-08-07T10:00:00Z" || !strings.Contains(string(a.HTML), "/a/1") || a.Source != "Wire") {
			t.Errorf("article One: %+v", a)
		}
	}
	if len(titles) != 2 || len(errs) != 3 {
		t.Fatalf("titles %v errs %v", titles, errs)
	}
	joined := strings.Join(errs, "\n")
	for _, want := range []string{"HTTP 404", "redirects", "larger than 4000 bytes"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error %q in %s", want, joined)
		}
	}
	if err := f.SaveState(); err != nil {
		t.Fatal(err)
	}
	// A second run with the saved validators gets 304 and yields nothing.
	g, _ := New(Config{StateFile: state})
	src, err = g.Open(srv.URL + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Next(); !errors.Is(err, io.EOF) || notModified.Load() != 1 {
		t.Fatalf("conditional GET: %v, 304s %d", err, notModified.Load())
	}
}

func FuzzFeedParse(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><link>http://x/a</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/feed" {
				w.Write(data)
				return
			}
			w.WriteHeader(http.StatusNotFound)
		}))
		defer srv.Close()
		fe, _ := New(Config{})
		src, err := fe.Open(srv.URL + "/feed")
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			if _, err := src.Next(); errors.Is(err, io.EOF) {
				return
			}
		}
	})
}
