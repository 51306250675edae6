package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe starts `herald serve` on an empty store and a free loopback
// port, fetches a page and the API, and stops it through the context.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "serve.db")
	go func() {
		done <- Main(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no banner: %v", err)
	}
	go io.Copy(io.Discard, pr)
	_, rest, ok := strings.Cut(line, "http://")
	if !ok || !strings.HasPrefix(rest, "127.0.0.1:") || !strings.Contains(line, "read-only") {
		t.Fatalf("banner %q", line)
	}
	base := "http://" + strings.Fields(rest)[0]
	for path, want := range map[string]string{"": "Overview", "api/v1/stats": `"articles":0`, "events": "No events match"} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET /%s: %d %.200s", path, res.StatusCode, b)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
