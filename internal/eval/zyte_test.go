package eval

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestZyteTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,.; ", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"U.S. troops' 3.5km snake_case", []string{"U", "S", "troops", "3", "5km", "snake_case"}},
		{"Kyiv—Київ naïve", []string{"Kyiv", "Київ", "naïve"}},
		{"don’t", []string{"don", "t"}},
		{"½ x²", []string{"½", "x²"}}, // Unicode numbers are word characters, as in Python
		{"東京は晴れ。明日", []string{"東京は晴れ", "明日"}},
	}
	for _, tt := range tests {
		if got := ZyteTokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ZyteTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestZyteShingles(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]int
	}{
		{"", map[string]int{}},
		{"one", map[string]int{"one": 1}},
		{"one two three", map[string]int{"one two three": 1}},
		{"a b c d", map[string]int{"a b c d": 1}},
		{"a b c d e", map[string]int{"a b c d": 1, "b c d e": 1}},
		{"a b c d a b c d", map[string]int{"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}},
		{"A b c d", map[string]int{"A b c d": 1}}, // case kept
	}
	for _, tt := range tests {
		if got := ZyteShingles(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ZyteShingles(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestZyteMatch(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		want              ZyteCounts
	}{
		{"identical", "a b c d e", "a b c d e", ZyteCounts{TP: 2}},
		{"punctuation and case of spacing ignored", "a, b. c d e", "a b\n\nc d e", ZyteCounts{TP: 2}},
		{"extra text", "a b c d", "a b c d e", ZyteCounts{TP: 1, FP: 1}},
		{"missing text", "a b c d e f", "a b c d", ZyteCounts{TP: 1, FN: 2}},
		{"empty prediction", "a b c d e", "", ZyteCounts{FN: 2}},
		{"empty truth", "", "a b c d", ZyteCounts{FP: 1}},
		{"multiset: repeated shingle counted once when predicted once", "x y z w x y z w", "x y z w", ZyteCounts{TP: 1, FN: 4}},
		{"case differs", "A b c d", "a b c d", ZyteCounts{FP: 1, FN: 1}},
	}
	for _, tt := range tests {
		if got := ZyteMatch(tt.truth, tt.pred); got != tt.want {
			t.Errorf("%s: ZyteMatch = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestZyteAggregate(t *testing.T) {
	pages := []ZyteCounts{
		{TP: 3, FP: 1, FN: 0}, // P 0.75 R 1
		{TP: 1, FP: 0, FN: 1}, // P 1 R 0.5
		{TP: 0, FP: 0, FN: 4}, // nothing predicted: left out of P, R 0
		{TP: 0, FP: 2, FN: 0}, // no truth: P 0, left out of R
	}
	res := ZyteAggregate(pages)
	wantP := (0.75 + 1 + 0) / 3
	wantR := (1 + 0.5 + 0) / 3
	wantF := 2 * wantP * wantR / (wantP + wantR)
	if res.Pages != 4 || res.PN != 3 || res.RN != 3 || res.Empty != 1 {
		t.Errorf("counts = %+v", res)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"P", res.P, wantP}, {"R", res.R, wantR}, {"F1", res.F1, wantF}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if z := ZyteAggregate(nil); z.P != 0 || z.R != 0 || z.F1 != 0 {
		t.Errorf("empty aggregate = %+v", z)
	}
}

func TestZyteHalf(t *testing.T) {
	tests := map[string]int{
		"0abc": 0, "1abc": 1, "2": 0, "9": 1, "a": 0, "b": 1, "c": 0, "d": 1, "e": 0, "f": 1, "E": 0, "": 1, "zz": 1,
	}
	for id, want := range tests {
		if got := ZyteHalf(id); got != want {
			t.Errorf("ZyteHalf(%q) = %d, want %d", id, got, want)
		}
	}
}

func TestZyteReadAndScore(t *testing.T) {
	dir := t.TempDir()
	gold := `{"2aa": {"url": "https://example.test/a", "articleBody": "one two three four five"},
	          "3bb": {"url": "https://example.test/b", "articleBody": "six seven eight nine"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "html", "2aa.html.gz"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := ReadZyteGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "2aa" || pages[1].ID != "3bb" {
		t.Fatalf("pages = %+v", pages)
	}
	if pages[0].HTMLPath == "" || pages[1].HTMLPath != "" {
		t.Errorf("html paths = %q, %q", pages[0].HTMLPath, pages[1].HTMLPath)
	}
	for _, content := range []string{
		`{"output": {"2aa": {"articleBody": "one two three four five"}}}`,
		`{"2aa": {"articleBody": "one two three four five"}}`,
	} {
		f := filepath.Join(dir, "pred.json")
		if err := os.WriteFile(f, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		pred, err := ReadZytePredictions(f)
		if err != nil {
			t.Fatal(err)
		}
		all, halves, per := ZyteScore(pages, pred)
		if per[0] != (ZyteCounts{TP: 2}) || per[1] != (ZyteCounts{FN: 1}) {
			t.Errorf("per = %+v", per)
		}
		if all.P != 1 || all.R != 0.5 || halves[0].F1 != 1 || halves[1].R != 0 || halves[1].PN != 0 {
			t.Errorf("all = %+v halves = %+v", all, halves)
		}
	}
	if _, err := ReadZyteGold(filepath.Join(dir, "missing")); err == nil {
		t.Error("ReadZyteGold on a missing dir: want error")
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{not json"), 0o644)
	if _, err := ReadZytePredictions(bad); err == nil {
		t.Error("ReadZytePredictions on bad JSON: want error")
	}
}

func BenchmarkZyteMatch(b *testing.B) {
	para := "The harbour council voted on Wednesday night to build a tidal flood barrier across the mouth of the old port, ending a debate that has divided the town. "
	truth, pred := "", ""
	for i := 0; i < 40; i++ {
		truth += para
		if i%5 != 0 {
			pred += para
		}
	}
	for b.Loop() {
		ZyteMatch(truth, pred)
	}
}
