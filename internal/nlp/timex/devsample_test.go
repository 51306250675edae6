package timex_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"herald/internal/app"
	"herald/internal/model"
)

// TestDevSample lists the time expressions herald finds in a JSON-lines file
// of dated articles ({"id","date","text"}), one tab-separated line each, for
// checking by hand. It runs only when HERALD_TIMEX_DEV names the file; the
// listing goes to HERALD_TIMEX_DEV_OUT (default standard output).
func TestDevSample(t *testing.T) {
	path := os.Getenv("HERALD_TIMEX_DEV")
	if path == "" {
		t.Skip("HERALD_TIMEX_DEV not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := os.Stdout
	if p := os.Getenv("HERALD_TIMEX_DEV_OUT"); p != "" {
		if out, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer out.Close()
	}
	an, err := app.NewAnalyzer(app.Config{Stages: []string{"tag", "timex"}})
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct{ ID, Date, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		a, err := an.Analyze(context.Background(), model.Article{ID: d.ID, Text: d.Text, Published: d.Date, Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range a.Times {
			lo, hi := max(0, x.Start-70), min(len(a.Text), x.End+50)
			for lo > 0 && a.Text[lo]&0xC0 == 0x80 {
				lo--
			}
			for hi < len(a.Text) && a.Text[hi]&0xC0 == 0x80 {
				hi++
			}
			ctx := strings.Join(strings.Fields(a.Text[lo:x.Start]+"[["+x.Text+"]]"+a.Text[x.End:hi]), " ")
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.Date, x.Text, x.Type, x.Value, x.Mod, x.Rule, ctx)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
