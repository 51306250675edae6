package eval

import (
	"bytes"
	"strings"
	"testing"
)

// A made-up TimeML document (not from any corpus).
const tmlFixture = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-08-07T10:00" temporalFunction="false" functionInDocument="CREATION_TIME">Aug. 7, 2025</TIMEX3></DCT>
<TITLE>Café talks</TITLE>
<TEXT>
The café &amp; bar <EVENT eid="e1">closed</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-08-06">Wednesday</TIMEX3>, and reopens in <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
Prices rose <TIMEX3 tid="t3" type="DATE" value="2025-07" mod="END">late July</TIMEX3>.
</TEXT>
</TimeML>
`

func TestReadTML(t *testing.T) {
	doc, err := ReadTML([]byte(tmlFixture), "fixture.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != "TEST0001" || doc.DCT != "2025-08-07T10:00" || doc.DCTDate() != "2025-08-07" {
		t.Errorf("id %q dct %q date %q", doc.ID, doc.DCT, doc.DCTDate())
	}
	if strings.Contains(doc.Text, "<") || !strings.Contains(doc.Text, "café & bar closed Wednesday") {
		t.Errorf("text not stripped and decoded: %q", doc.Text)
	}
	want := []TimexSpan{
		{Text: "Wednesday", Type: "DATE", Value: "2025-08-06"},
		{Text: "two weeks", Type: "DURATION", Value: "P2W"},
		{Text: "late July", Type: "DATE", Value: "2025-07", Mod: "END"},
	}
	if len(doc.Gold) != len(want) {
		t.Fatalf("gold = %+v", doc.Gold)
	}
	for i, g := range doc.Gold {
		w := want[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || g.Mod != w.Mod {
			t.Errorf("gold[%d] = %+v, want %+v", i, g, w)
		}
		// offsets are UTF-8 byte offsets ("café" is 5 bytes)
		if doc.Text[g.Start:g.End] != g.Text {
			t.Errorf("gold[%d] span %d-%d = %q", i, g.Start, g.End, doc.Text[g.Start:g.End])
		}
	}
}

func TestReadTMLErrors(t *testing.T) {
	if _, err := ReadTML([]byte(`<TimeML><TEXT>x </TIMEX3></TEXT></TimeML>`), "bad.tml"); err == nil || !strings.Contains(err.Error(), "bad.tml") {
		t.Errorf("want a located error, got %v", err)
	}
}

func TestTempEvalScore(t *testing.T) {
	gold := []TimexSpan{
		{Start: 0, End: 9, Type: "DATE", Value: "2025-08-06"},
		{Start: 20, End: 29, Type: "DURATION", Value: "P2W"},
		{Start: 40, End: 49, Type: "DATE", Value: "2025-07", Mod: "END"},
		{Start: 60, End: 64, Type: "DATE", Value: "PRESENT_REF"},
	}
	pred := []TimexSpan{
		{Start: 0, End: 9, Type: "DATE", Value: "2025-08-06"},   // strict, right value
		{Start: 16, End: 29, Type: "DURATION", Value: "P2W"},    // relaxed only
		{Start: 40, End: 49, Type: "TIME", Value: "2025-07-31"}, // strict, wrong type and value
		{Start: 70, End: 75, Type: "DATE", Value: "2025"},       // spurious
	}
	var c TempEvalCounts
	diffs := c.Add(gold, pred)
	f := c.Figures()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(f.StrictP, 2.0/4) || !near(f.StrictR, 2.0/4) || !near(f.RelaxedP, 3.0/4) || !near(f.RelaxedR, 3.0/4) {
		t.Errorf("span figures %+v", f)
	}
	if !near(f.TypeAcc, 2.0/3) || !near(f.ValueAcc, 2.0/3) || !near(f.ValueF1, 0.75*2.0/3) {
		t.Errorf("attribute figures %+v", f)
	}
	kinds := map[string]int{}
	for _, d := range diffs {
		kinds[d.Kind]++
	}
	if kinds["miss"] != 1 || kinds["spurious"] != 1 || kinds["span"] != 1 || kinds["type"] != 1 || kinds["value"] != 1 {
		t.Errorf("diffs %v", kinds)
	}
	var out bytes.Buffer
	c.Report(&out, 1, 2.5)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if last != "tempeval: strict_F1=0.500 relaxed_F1=0.750 type_acc=0.667 value_acc=0.667 value_F1=0.500 docs/s=2.5" {
		t.Errorf("closing line %q", last)
	}
}

func TestDCTPublished(t *testing.T) {
	for _, c := range []struct{ dct, want string }{
		{"1998-02-13T14:35:00", "1998-02-13T14:35:00"},
		{"1990-08-15T13:37", "1990-08-15T13:37"},
		{"1998-01-08", "1998-01-08"},
		{"1998-01-08T10:00:00Z", "1998-01-08"}, // unknown form: the date part
		{"1998-01-08Tab:cd", "1998-01-08"},
		{"19980108", ""},
		{"", ""},
	} {
		if got := (TMLDoc{DCT: c.dct}).DCTPublished(); got != c.want {
			t.Errorf("DCTPublished(%q) = %q, want %q", c.dct, got, c.want)
		}
	}
}

func TestReportRules(t *testing.T) {
	var c TempEvalCounts
	c.Add([]TimexSpan{{Start: 0, End: 5, Value: "a"}, {Start: 6, End: 10, Value: "b"}, {Start: 11, End: 15, Value: "c"}},
		[]TimexSpan{{Start: 0, End: 5, Value: "a", Rule: "r1"}, {Start: 6, End: 10, Value: "x", Rule: "r1"}, {Start: 11, End: 15, Value: "c", Rule: "r2"}})
	var out bytes.Buffer
	c.ReportRules(&out)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "r1") || !strings.HasSuffix(lines[1], "0.500") ||
		!strings.HasPrefix(lines[2], "r2") || !strings.HasSuffix(lines[2], "1.000") {
		t.Errorf("rules report:\n%s", out.String())
	}
}

// One prediction cannot match two gold expressions.
func TestTempEvalOneToOne(t *testing.T) {
	var c TempEvalCounts
	c.Add([]TimexSpan{{Start: 0, End: 5}, {Start: 6, End: 10}}, []TimexSpan{{Start: 0, End: 10}})
	if c.Relaxed != 1 {
		t.Errorf("relaxed matches %d, want 1", c.Relaxed)
	}
}

func FuzzReadTML(f *testing.F) {
	f.Add([]byte(tmlFixture))
	f.Add([]byte(`<TEXT>a <TIMEX3 type="DATE" value="1998">1998</TIMEX3> b</TEXT>`))
	f.Add([]byte(`<TEXT><TIMEX3><TIMEX3>x</TIMEX3></TEXT>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadTML(data, "fuzz.tml")
		if err != nil {
			return
		}
		for _, g := range doc.Gold {
			if g.Start < 0 || g.Start > g.End || g.End > len(doc.Text) || doc.Text[g.Start:g.End] != g.Text {
				t.Fatalf("bad span %+v in %d bytes", g, len(doc.Text))
			}
		}
	})
}
