package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"herald/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("herald-v1.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("herald-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkOutput validates one herald/v1 object against the schema and the
// span invariants: every object with start, end and text has
// text == doc.text[start:end]; lists are sorted by start.
func checkOutput(t *testing.T, schema *jsonschema.Schema, data []byte) *model.Analysis {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("output does not match the herald/v1 schema: %v", err)
	}
	var a model.Analysis
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			s, okS := x["start"].(float64)
			e, okE := x["end"].(float64)
			txt, okT := x["text"].(string)
			_, isQuote := x["content"]
			if okS && okE {
				if s < 0 || e < s || int(e) > len(a.Text) {
					t.Errorf("%s: span [%v,%v) outside text (len %d)", path, s, e, len(a.Text))
				} else if okT && !isQuote && a.Text[int(s):int(e)] != txt {
					t.Errorf("%s: text %q != text[%v:%v] %q", path, txt, s, e, a.Text[int(s):int(e)])
				}
			}
			for k, c := range x {
				if path == "" && k == "text" {
					continue
				}
				walk(c, path+"."+k)
			}
		case []any:
			for _, c := range x {
				walk(c, path+"[]")
			}
		}
	}
	var generic any
	json.Unmarshal(data, &generic)
	walk(generic, "")
	sorted := func(name string, starts []int) {
		for i := 1; i < len(starts); i++ {
			if starts[i] < starts[i-1] {
				t.Errorf("%s not sorted by start at %d", name, i)
			}
		}
	}
	var bs, ss, ts, ps, qs []int
	for _, b := range a.Blocks {
		bs = append(bs, b.Start)
	}
	for _, s := range a.Sentences {
		ss = append(ss, s.Start)
	}
	for _, x := range a.Times {
		ts = append(ts, x.Start)
	}
	for _, x := range a.Places {
		ps = append(ps, x.Start)
	}
	for _, x := range a.Quotes {
		qs = append(qs, x.Start)
	}
	sorted("blocks", bs)
	sorted("sentences", ss)
	sorted("times", ts)
	sorted("places", ps)
	sorted("quotes", qs)
	return &a
}

// TestSeedGolden runs herald extract on the seed article and compares the
// output with the reviewed golden file; two runs must be byte-identical.
func TestSeedGolden(t *testing.T) {
	schema := compileSchema(t)
	args := []string{"extract", "--published", "2025-08-07", "--id", "seed", "--pretty", "--tokens", "testdata/seed.txt"}
	code, out1, errs := run(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, out2, _ := run(t, "", args...)
	if out1 != out2 {
		t.Fatal("two runs gave different output")
	}
	a := checkOutput(t, schema, []byte(out1))
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -run Golden -update)", err)
	}
	if string(want) != out1 {
		t.Errorf("output differs from %s; review and run with -update", golden)
	}
	if a.Doc.Published != "2025-08-07" || a.Doc.Language != "en" || a.Doc.ID != "seed" {
		t.Errorf("doc = %+v", a.Doc)
	}
}

func TestExtractOffsets(t *testing.T) {
	schema := compileSchema(t)
	for _, enc := range []string{"utf8", "codepoint", "utf16"} {
		code, out, errs := run(t, "", "extract", "--offsets", enc, "testdata/seed.txt")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", enc, code, errs)
		}
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err := schema.Validate(inst); err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		var a model.Analysis
		json.Unmarshal([]byte(out), &a)
		if a.Offsets != enc {
			t.Errorf("offsets = %q, want %q", a.Offsets, enc)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01"))
	empty := write("empty.txt", nil)
	big := write("big.txt", bytes.Repeat([]byte("word "), 1000))
	nothtml := write("nav.html", []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"binary", []string{"extract", bin}, "photo.jpg: binary input"},
		{"empty", []string{"extract", empty}, "empty.txt: empty input"},
		{"too large", []string{"extract", "--max-bytes", "100", big}, "big.txt: input larger than the size limit"},
		{"missing", []string{"extract", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"no article", []string{"extract", nothtml}, "nav.html: no article text"},
		{"bad date", []string{"extract", "--published", "someday", "testdata/seed.txt"}, "unreadable publication date"},
	}
	for _, tc := range tests {
		code, out, errs := run(t, "", tc.args...)
		if code != ExitInput {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, code, ExitInput, errs)
		}
		if out != "" {
			t.Errorf("%s: printed output %q", tc.name, out)
		}
		if !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%s: stderr %q, want one line containing %q", tc.name, errs, tc.want)
		}
	}
}

func TestExtractRepairsUTF8(t *testing.T) {
	code, out, errs := run(t, "Kyiv said on Monday that talks had begun.\xff\xfe It was a long day in the capital for everyone involved.\n", "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "invalid UTF-8 repaired") {
		t.Errorf("no warning: %q", errs)
	}
	if !strings.Contains(out, "\uFFFD") {
		t.Errorf("not repaired: %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, _ := run(t, "", "frobnicate"); code != ExitInput {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, errs := run(t, "", "eval", "nosuchset", "x"); code != ExitInput || !strings.Contains(errs, "unknown set") {
		t.Errorf("unknown eval set: exit %d %q", code, errs)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "herald ") {
		t.Errorf("version: %d %q", code, out)
	}
}
