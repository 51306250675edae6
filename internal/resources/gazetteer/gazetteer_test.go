package gazetteer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"herald/internal/resources"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Moscow", "moscow"},
		{"St. Louis", "saint louis"},
		{"Ste-Anne", "sainte anne"},
		{"Ft. Worth", "fort worth"},
		{"Mt Vernon", "mount vernon"},
		{"Zaporizhzhia  region", "zaporizhzhia region"},
		{"Côte d’Ivoire", "cote divoire"},
		{"São Paulo", "sao paulo"},
		{"Kraków", "krakow"},
		{"Straße", "strasse"},
		{"Ærøskøbing", "aeroskobing"},
		{"Łódź", "lodz"},
		{"Timișoara", "timisoara"},
		{"U.S.", "us"},
		{"W. Va.", "w va"},
		{"Winston-Salem", "winston salem"},
		{"  Paris, Texas ", "paris texas"},
		{"Москва", "москва"},
		{"", ""},
		{"...", ""},
		{"Stanton", "stanton"}, // "st" only as a whole word
	}
	for _, tc := range tests {
		if got := FoldString(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	n := testing.AllocsPerRun(100, func() { buf = Fold(buf[:0], "St. Louis, Missouri") })
	if n != 0 {
		t.Errorf("Fold allocates %v times", n)
	}
}

const fixtureIndex = "# comment\n" +
	"PPLC\t524901\tMoscow\tRUS\t48\t\t10381222\t55.7522\t37.6156\tMoskva|Moscou\n" +
	"PPL\t4642988\tMoscow\tUSA\tTN\t047\t532\t35.0620\t-89.4040\t\n" +
	"PCLI\t0\tRussia\tRUS\t\t\t0\t61.6993\t99.7276\n" +
	"ADM1\t0\tTennessee\tUSA\tTN\t\t0\t35.8\t-86.3\t\n" +
	"ADM2\t0\tFayette County\tUSA\tTN\t047\t0\t35.2\t-89.4\t\n"

const fixtureAreas = "CONT\tEurope\t\t\t48.69\t9.14\nRGN\tDonbas\tDonbass|the Donbas\tUKR\t48.0\t38.0\n"

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestParseFixture(t *testing.T) {
	for _, idx := range [][]byte{[]byte(fixtureIndex), gz(fixtureIndex)} {
		g, err := Parse(idx, []byte(fixtureAreas), []byte("TN\tTenn.\n"), []byte("March\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Places) != 7 {
			t.Fatalf("%d places, want 7", len(g.Places))
		}
		got := g.Lookup(nil, Fold(nil, "Moscow"))
		if len(got) != 2 {
			t.Fatalf("Moscow: %d candidates, want 2", len(got))
		}
		alt := g.Lookup(nil, Fold(nil, "Moskva"))
		if len(alt) != 1 || !alt[0].Alt || g.Places[alt[0].Place].ID != 524901 {
			t.Errorf("Moskva: %+v", alt)
		}
		if c := g.Lookup(nil, Fold(nil, "the Donbas")); len(c) != 1 || g.Places[c[0].Place].Country != "UKR" {
			t.Errorf("the Donbas: %+v", c)
		}
		if i, ok := g.Country("RUS"); !ok || g.Places[i].Name != "Russia" {
			t.Errorf("Country(RUS) = %d, %v", i, ok)
		}
		if i, ok := g.Admin1("USA", "TN"); !ok || g.Places[i].Name != "Tennessee" {
			t.Errorf("Admin1(USA, TN) = %d, %v", i, ok)
		}
		if _, ok := g.Admin2("USA", "TN", "047"); !ok {
			t.Error("Admin2(USA, TN, 047) missing")
		}
		if st, ok := g.USState(Fold(nil, "Tenn.")); !ok || st != "TN" {
			t.Errorf("USState(Tenn.) = %q, %v", st, ok)
		}
		if !g.NotPlace(Fold(nil, "March")) || g.NotPlace(Fold(nil, "Moscow")) {
			t.Error("NotPlace wrong")
		}
		if len(g.Seats("RUS")) != 1 {
			t.Errorf("Seats(RUS) = %v", g.Seats("RUS"))
		}
		if g.Has(Fold(nil, "Atlantis")) {
			t.Error("Atlantis found")
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name                 string
		index, areas, states string
		file                 string
		line                 int
	}{
		{"short row", "PPL\t1\tX\tUSA\n", "", "", "gazetteer/gazetteer.tsv", 1},
		{"bad latitude", fixtureIndex + "PPL\t1\tX\tUSA\t\t\t0\tnorth\t3\t\n", "", "", "gazetteer/gazetteer.tsv", 7},
		{"area latitude", fixtureIndex, "RGN\tX\t\t\t95\t0\n", "", "gazetteer/areas.tsv", 1},
		{"unknown state", fixtureIndex, "", "TN\tTenn.\nZZ\tZz.\n", "gazetteer/us_states.tsv", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.index), []byte(tc.areas), []byte(tc.states), nil)
			var re *resources.Error
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want *resources.Error", err)
			}
			if re.File != tc.file || re.Line != tc.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", re.File, re.Line, tc.file, tc.line, err)
			}
		})
	}
}

func TestEmbedded(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Places) < 200000 {
		t.Errorf("only %d places", len(g.Places))
	}
	for _, name := range []string{"Zaporizhzhia", "Kyiv", "Kiev", "Moscow", "Paris", "Springfield", "Rapides Parish", "Texas", "Europe", "Donbas"} {
		if !g.Has(Fold(nil, name)) {
			t.Errorf("%s missing", name)
		}
	}
	if i, ok := g.Country("USA"); !ok || g.Places[i].Lat < 35 || g.Places[i].Lat > 45 {
		t.Errorf("USA point: %v %+v", ok, g.Places[i])
	}
	// Every entry has a valid point.
	for _, p := range g.Places {
		if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			t.Fatalf("%+v: point out of range", p)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"St. Louis", "Côte d’Ivoire", "Москва", "a\xffb", "  - ,", "Ste"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(nil, s)
		if !utf8.Valid(k) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, k)
		}
		if bytes.HasPrefix(k, []byte(" ")) || bytes.HasSuffix(k, []byte(" ")) || bytes.Contains(k, []byte("  ")) {
			t.Fatalf("Fold(%q) = %q: stray spaces", s, k)
		}
		if k2 := Fold(nil, string(k)); !bytes.Equal(k, k2) {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, k, k2)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(fixtureIndex), []byte(fixtureAreas))
	f.Add([]byte("PPL\t1\tX"), []byte("RGN\tX"))
	f.Fuzz(func(t *testing.T, index, areas []byte) {
		g, err := Parse(index, areas, nil, nil)
		if err != nil {
			return
		}
		for _, p := range g.Places {
			g.Lookup(nil, Fold(nil, p.Name))
		}
		_ = strings.ToLower
	})
}
