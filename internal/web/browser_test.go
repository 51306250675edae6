package web_test

// Real-browser tests with chromedp and Debian's chromium (installed by
// .ci/setup). With CI=true a missing browser fails; otherwise it skips.
//
// Screenshots (the seed's article view, an actor page, the events explorer,
// and the other pages) are written to out/screenshots/ by:
//
//	go test ./internal/web -run Browser -v

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"herald/internal/cli"
	"herald/internal/httpapi"
	"herald/internal/server"
	"herald/internal/store"
	"herald/internal/web"
)

func browserPath(t *testing.T) string {
	for _, p := range []string{os.Getenv("HERALD_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium found (CI=true requires it: .ci/setup installs it)")
	}
	t.Skip("no chromium found; install it with `apt-get install chromium` (or run .ci/setup)")
	return ""
}

// startServer serves st (API and UI, with the production middleware) on a
// loopback port and returns its base URL.
func startServer(t *testing.T, st store.Store) string {
	t.Helper()
	h, err := cli.Handler(st, httpapi.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(h, server.Config{Addr: ln.Addr().String()})
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func newBrowser(t *testing.T) (context.Context, string) {
	t.Helper()
	exe := browserPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-default-browser-check", true),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancel3)
	dir := filepath.Join(repoRoot(t), "out", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return ctx, dir
}

func repoRoot(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

func shot(dir, name string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	})
}

// TestBrowserDemo opens the demo, searches, opens the seed article, checks
// its highlighted quotes and events, clicks through to an actor page and
// saves screenshots of every page.
func TestBrowserDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	ctx, dir := newBrowser(t)
	st, err := cli.OpenDemo(context.Background(), filepath.Join(t.TempDir(), "demo.db"), testWriter{t})
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("demo store: %v", err)
		}
		t.Skipf("no demo store (pipeline not loading or failing): %v", err)
	}
	defer st.Close()
	base := startServer(t, st)

	var title, h1 string
	var quotes, triggers, entities int
	var actorHref, actorH1, profile string
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("header.top", chromedp.ByQuery),
		chromedp.Title(&title),
		shot(dir, "home"),
		// Search from the header box.
		chromedp.SetValue(`header form.qs input[name="q"]`, "Ushakov summit", chromedp.ByQuery),
		chromedp.Submit(`header form.qs input[name="q"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`ol.hits`, chromedp.ByQuery),
		chromedp.Text("main h1", &h1, chromedp.ByQuery),
		shot(dir, "search"),
		// Open the seed article from the results.
		chromedp.Click(`ol.hits a[href="/articles/demo/kremlin-summit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`article.doc .text`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll(".text .quote").length`, &quotes),
		chromedp.Evaluate(`document.querySelectorAll(".text .ann.trigger").length`, &triggers),
		chromedp.Evaluate(`document.querySelectorAll(".text a.ann.ent").length`, &entities),
		chromedp.Focus(`.text .ann.trigger`, chromedp.ByQuery),
		shot(dir, "article"),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "article-top.png"), buf, 0o644)
		}),
		// Click through to the first person mentioned.
		chromedp.Evaluate(`(document.querySelector(".text a.ann.ent.per") || document.querySelector(".text a.ann.ent")).getAttribute("href")`, &actorHref),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "Overview") || !strings.Contains(h1, "Ushakov summit") {
		t.Errorf("title %q, search heading %q", title, h1)
	}
	if quotes == 0 || triggers == 0 || entities == 0 {
		t.Errorf("seed article highlights: %d quotes, %d event triggers, %d entity links", quotes, triggers, entities)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(fmt.Sprintf(`.text a.ann.ent[href=%q]`, actorHref), chromedp.ByQuery),
		chromedp.WaitVisible(`dl.profile`, chromedp.ByQuery),
		chromedp.Text("main h1", &actorH1, chromedp.ByQuery),
		chromedp.Text("dl.profile", &profile, chromedp.ByQuery),
		shot(dir, "actor"),
		chromedp.Navigate(base+"/events?modality=all"),
		chromedp.WaitVisible(`svg.chart, p.empty`, chromedp.ByQuery),
		shot(dir, "events"),
		chromedp.Navigate(base+"/quotes"),
		chromedp.WaitVisible(`main h1`, chromedp.ByQuery),
		shot(dir, "quotes"),
		chromedp.Navigate(base+"/map?modality=all"),
		chromedp.WaitVisible(`svg.map`, chromedp.ByQuery),
		shot(dir, "map"),
		chromedp.Navigate(base+"/network?modality=all"),
		chromedp.WaitVisible(`main h1`, chromedp.ByQuery),
		shot(dir, "network"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if actorH1 == "" || !strings.Contains(profile, "Type") {
		t.Errorf("actor page %q: profile %q", actorH1, profile)
	}
	t.Logf("screenshots in %s; actor page %s", dir, actorHref)
}

// TestBrowserNoScriptRuns loads every page over an article full of script,
// quote and attribute-breaking payloads and checks in the browser that none
// ran and that the page has no script element.
func TestBrowserNoScriptRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	ctx, dir := newBrowser(t)
	base := startServer(t, web.FixtureStore(t))
	for _, p := range []string{"/articles/xss", "/events?modality=all", "/quotes", "/search?q=window", "/network?modality=all", "/"} {
		var ran bool
		var scripts int
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+p),
			chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Sleep(150*time.Millisecond),
			chromedp.Evaluate(`window.__xss !== undefined`, &ran),
			chromedp.Evaluate(`document.querySelectorAll("script, iframe, object, embed, [onerror], [onload], [onmouseover]").length`, &scripts),
		)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if ran || scripts != 0 {
			t.Errorf("%s: payload ran=%v, live elements=%d", p, ran, scripts)
		}
		if p == "/articles/xss" {
			chromedp.Run(ctx, shot(dir, "xss-article"))
		}
	}
	// The CSP header forbids inline script even if markup slipped through.
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
