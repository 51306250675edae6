package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWrapHeadersAndLimits(t *testing.T) {
	h := Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/panic":
			panic("boom")
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
				return
			}
		case "/body":
			if _, err := io.ReadAll(r.Body); err != nil {
				http.Error(w, "too big", http.StatusRequestEntityTooLarge)
				return
			}
		}
		io.WriteString(w, "ok")
	}), Config{HandlerTimeout: 100 * time.Millisecond, MaxBodyBytes: 10, MaxURLBytes: 64})
	do := func(method, target, body string, chunked bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		if chunked {
			req.ContentLength = -1
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, tc := range []struct {
		name, method, target, body string
		chunked                    bool
		status                     int
		bodyHas                    string
	}{
		{"ok", "GET", "/", "", false, 200, "ok"},
		{"panic", "GET", "/panic", "", false, 500, "internal error"},
		{"timeout", "GET", "/slow", "", false, 503, `"code":"timeout"`},
		{"long uri", "GET", "/" + strings.Repeat("a", 100), "", false, 414, `"code":"too_long"`},
		{"big body", "POST", "/body", strings.Repeat("x", 11), false, 413, `"code":"too_large"`},
		{"big chunked body", "POST", "/body", strings.Repeat("x", 11), true, 413, "too big"},
		{"small body", "POST", "/body", "hello", false, 200, "ok"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(tc.method, tc.target, tc.body, tc.chunked)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.bodyHas) {
				t.Fatalf("%d %q, want %d %q", rec.Code, rec.Body.String(), tc.status, tc.bodyHas)
			}
			hd := rec.Header()
			if hd.Get("Content-Security-Policy") != CSP || hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("X-Frame-Options") != "DENY" {
				t.Errorf("security headers missing: %v", hd)
			}
		})
	}
	if strings.Contains(CSP, "unsafe-inline") || !strings.Contains(CSP, "default-src 'none'") || strings.Contains(CSP, "script-src") {
		t.Errorf("CSP allows scripts: %s", CSP)
	}
}

func TestDefaultsBindLoopback(t *testing.T) {
	if c := (Config{}).withDefaults(); c.Addr != "127.0.0.1:8080" {
		t.Fatalf("default address %q", c.Addr)
	}
}

func TestServeShutsDown(t *testing.T) {
	cfg := Config{Addr: "127.0.0.1:0"}
	ln, err := Listen(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hi") }), cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, srv, ln) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "hi" || res.Header.Get("Content-Security-Policy") == "" {
		t.Fatalf("served %q %v", b, res.Header)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}

// TestInFlightGateServesInOrder: with one request in flight at a time, the
// waiting requests are handled in the order they came, and one that waits
// longer than the handler timeout gets 503 busy.
func TestInFlightGateServesInOrder(t *testing.T) {
	release := make(chan struct{})
	var order []string
	var mu sync.Mutex
	h := Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		order = append(order, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/first" {
			<-release
		}
		io.WriteString(w, "ok")
	}), Config{MaxInFlight: 1, HandlerTimeout: 5 * time.Second})
	do := func(path string) <-chan int {
		done := make(chan int, 1)
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			done <- rec.Code
		}()
		return done
	}
	first := do("/first")
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(order) == 1 })
	var rest []<-chan int
	for _, p := range []string{"/a", "/b", "/c"} {
		rest = append(rest, do(p))
		time.Sleep(20 * time.Millisecond) // let each queue up before the next
	}
	mu.Lock()
	if len(order) != 1 {
		t.Errorf("requests handled while the gate was full: %v", order)
	}
	mu.Unlock()
	close(release)
	for _, c := range append([]<-chan int{first}, rest...) {
		if code := <-c; code != 200 {
			t.Errorf("status %d", code)
		}
	}
	if got := strings.Join(order, " "); got != "/first /a /b /c" {
		t.Errorf("handled in order %s, want /first /a /b /c", got)
	}

	block := make(chan struct{})
	defer close(block)
	busy := Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hold" {
			<-block
		}
	}), Config{MaxInFlight: 1, HandlerTimeout: 50 * time.Millisecond})
	// Two requests hold the one slot in turn, each until its 50 ms timeout;
	// the third, queued behind them, waits its own 50 ms and is told busy.
	for range 2 {
		go busy.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/hold", nil))
		time.Sleep(10 * time.Millisecond)
	}
	rec := httptest.NewRecorder()
	busy.ServeHTTP(rec, httptest.NewRequest("GET", "/next", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"code":"busy"`) || rec.Header().Get("Retry-After") == "" {
		t.Errorf("waiting request: %d %q, want 503 busy", rec.Code, rec.Body.String())
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 500; i++ {
		if cond() {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("condition not reached")
}
