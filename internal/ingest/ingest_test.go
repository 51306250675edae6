package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// drain reads a source to the end, returning article ids and item errors.
func drain(t *testing.T, src Source) (ids []string, errs []string) {
	t.Helper()
	for i := 0; i < 10000; i++ {
		a, err := src.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if !errors.Is(err, ErrItem) {
				t.Fatalf("fatal error: %v", err)
			}
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, a.ID)
	}
	t.Fatal("source never ended")
	return
}

// warcRecord builds one WARC response record holding an HTTP response.
func warcRecord(uri, contentType string, status int, body string) string {
	http := fmt.Sprintf("HTTP/1.1 %d OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-08-07T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		uri, fmt.Sprintf("%08d-0000-0000-0000-000000000000", len(uri)+status), len(http), http)
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestOpenFilesFoldersJSONLAndWARC(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a/one.txt", []byte("Plain text article."))
	write("a/two.html", []byte("<html><body><p>HTML article.</p></body></html>"))
	write("a/.hidden.txt", []byte("skipped"))
	write("b/feed.jsonl", []byte(`{"id":"j1","text":"x"}`+"\n"+`broken`+"\n"+`{"id":"j2","html":"<p>y</p>"}`+"\n"))
	page := "<html><body><article><p>WARC article body.</p></article></body></html>"
	warc := warcRecord("https://example.org/news/1", "text/html; charset=utf-8", 200, page) +
		warcRecord("https://example.org/logo.png", "image/png", 200, "PNG") +
		warcRecord("https://example.org/missing", "text/html", 404, "gone") +
		warcRecord("https://example.org/news/2", "text/html", 200, page)
	write("c/crawl.warc.gz", append(gz(warcRecord("https://example.org/news/1", "text/html", 200, page)), gz(warcRecord("https://example.org/news/2", "text/html", 200, page))...))
	write("c/plain.warc", []byte(warc))
	write("c/truncated.warc.gz", gz(warc)[:200])

	src, err := Open([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b", "*.jsonl"), filepath.Join(dir, "c")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids, errs := drain(t, src)
	got := strings.Join(ids, " ")
	want := strings.Join([]string{"file:" + filepath.ToSlash(filepath.Join(dir, "a/one.txt")), "file:" + filepath.ToSlash(filepath.Join(dir, "a/two.html")),
		"j1", "j2", "https://example.org/news/1", "https://example.org/news/2", "https://example.org/news/1", "https://example.org/news/2"}, " ")
	if got != want {
		t.Errorf("ids:\n got %s\nwant %s", got, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "feed.jsonl:2") || !strings.Contains(errs[1], "truncated.warc.gz") {
		t.Errorf("item errors: %q", errs)
	}
	done, total := src.Progress()
	if total == 0 || done != total {
		t.Errorf("progress %d/%d", done, total)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open([]string{"/no/such/file.txt"}, Options{}); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := Open([]string{"/no/such/*.jsonl"}, Options{}); err == nil {
		t.Error("glob without match accepted")
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("a "), 600), 0o644)
	src, err := Open([]string{big}, Options{MaxFile: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := drain(t, src); len(errs) != 1 || !strings.Contains(errs[0], "big.txt: larger than 1000 bytes") {
		t.Errorf("size limit: %q", errs)
	}
	src, _ = Open([]string{"https://example.org/feed.xml"}, Options{})
	if _, errs := drain(t, src); len(errs) != 1 || !strings.Contains(errs[0], "feed URLs are not enabled") {
		t.Errorf("feed without fetcher: %q", errs)
	}
}

func TestStdin(t *testing.T) {
	src, _ := Open([]string{"-"}, Options{Stdin: strings.NewReader(`{"id":"s1","text":"a"}` + "\n" + `{"id":"s2","text":"b"}`)})
	if ids, _ := drain(t, src); strings.Join(ids, ",") != "s1,s2" {
		t.Errorf("jsonl stdin: %v", ids)
	}
	src, _ = Open([]string{"-"}, Options{Stdin: strings.NewReader("Just one plain article.")})
	if ids, _ := drain(t, src); len(ids) != 1 || ids[0] != "file:stdin" {
		t.Errorf("text stdin: %v", ids)
	}
}

func FuzzWARC(f *testing.F) {
	page := "<html><body><p>Body.</p></body></html>"
	f.Add([]byte(warcRecord("https://example.org/a", "text/html", 200, page)))
	f.Add(gz(warcRecord("https://example.org/a", "text/html", 200, page)))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999\r\n\r\nshort"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.warc")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := openWARC(p)
		if err != nil {
			return
		}
		defer src.Close()
		for i := 0; i < 1000; i++ {
			if _, err := src.Next(); errors.Is(err, io.EOF) {
				return
			}
		}
		t.Fatal("WARC source did not end")
	})
}
