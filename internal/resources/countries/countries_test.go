package countries

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"herald/internal/resources"
)

func mustLoad(t testing.TB) *Data {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"U.S.", "us"},
		{"United States", "united states"},
		{"Côte d'Ivoire", "cote divoire"},
		{"Côte d’Ivoire", "cote divoire"},
		{"  The  Gambia ", "gambia"},
		{"Bosnia-Herzegovina", "bosnia herzegovina"},
		{"Türkiye", "turkiye"},
		{"Trinidad & Tobago", "trinidad and tobago"},
		{"Ḩalab", "halab"},
		{"São Tomé", "sao tome"},
		{"Москва", "москва"},
		{"", ""},
		{"the", "the"},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAppendKeyNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	if got := string(AppendKey(buf, "Côte d'Ivoire")); got != "cote divoire" {
		t.Errorf("AppendKey = %q", got)
	}
	if got := string(AppendKey([]byte("x|"), "U.S.")); got != "x|us" {
		t.Errorf("AppendKey after a prefix = %q", got)
	}
	allocs := testing.AllocsPerRun(100, func() { buf = AppendKey(buf[:0], "The United States of America") })
	if allocs != 0 {
		t.Errorf("AppendKey allocates %.0f times", allocs)
	}
}

func TestLookupName(t *testing.T) {
	d := mustLoad(t)
	for _, tc := range []struct{ in, want string }{
		{"US", "USA"},
		{"U.S.", "USA"},
		{"USA", "USA"},
		{"United States", "USA"},
		{"the United States", "USA"},
		{"United States of America", "USA"},
		{"America", "USA"},
		{"UK", "GBR"},
		{"U.K.", "GBR"},
		{"Britain", "GBR"},
		{"Great Britain", "GBR"},
		{"United Kingdom", "GBR"},
		{"Russia", "RUS"},
		{"Russian Federation", "RUS"},
		{"RUSSIA", "RUS"},
		{"Ivory Coast", "CIV"},
		{"Côte d'Ivoire", "CIV"},
		{"Cote d’Ivoire", "CIV"},
		{"Czechia", "CZE"},
		{"Czech Republic", "CZE"},
		{"Türkiye", "TUR"},
		{"Turkey", "TUR"},
		{"Ukraine", "UKR"},
		{"the Ukraine", "UKR"},
		{"South Korea", "KOR"},
		{"North Korea", "PRK"},
		{"DPRK", "PRK"},
		{"Iran", "IRN"},
		{"Syria", "SYR"},
		{"UAE", "ARE"},
		{"DR Congo", "COD"},
		{"Palestine", "PSE"},
		{"Viet Nam", "VNM"},
		{"Vietnam", "VNM"},
		{"Holy See", "VAT"},
		{"The Netherlands", "NLD"},
		{"India", "IND"},
		{"Israel", "ISR"},
		{"Russia’s", "RUS"},
		{"Ukraine's", "UKR"},
		{"US'", "USA"},
	} {
		c, ok := d.LookupName(tc.in)
		if !ok || c.Alpha3 != tc.want {
			got := "none"
			if ok {
				got = c.Alpha3
			}
			t.Errorf("LookupName(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, in := range []string{"us", "Us", "uk", "uae", "Russian", "Moscow", "", "States", "in", "IN", "'s", "us'"} {
		if c, ok := d.LookupName(in); ok {
			t.Errorf("LookupName(%q) = %s, want none", in, c.Alpha3)
		}
	}
}

func TestByCodeAndCapital(t *testing.T) {
	d := mustLoad(t)
	for _, code := range []string{"RU", "RUS", "rus", "643"} {
		c, ok := d.ByCode(code)
		if !ok || c.Alpha3 != "RUS" || c.Common != "Russia" || c.Name != "Russian Federation" {
			t.Errorf("ByCode(%q) = %+v %v", code, c, ok)
		}
	}
	if _, ok := d.ByCode("XX"); ok {
		t.Error("ByCode(XX) found a country")
	}
	if got, ok := d.Capital("UKR"); !ok || got != "Kyiv" {
		t.Errorf("Capital(UKR) = %q %v", got, ok)
	}
	if got, ok := d.Capital("US"); !ok || got != "Washington" {
		t.Errorf("Capital(US) = %q %v", got, ok)
	}
	for _, tc := range []struct{ in, want string }{
		{"Moscow", "RUS"}, {"Moscow's", "RUS"}, {"Kyiv", "UKR"}, {"Kiev", "UKR"}, {"Washington", "USA"}, {"Nay Pyi Taw", "MMR"},
	} {
		c, ok := d.LookupCapital(tc.in)
		if !ok || c.Alpha3 != tc.want {
			t.Errorf("LookupCapital(%q) = %v %v, want %s", tc.in, c, ok, tc.want)
		}
	}
	if n := len(d.All()); n < 245 {
		t.Errorf("All() has %d countries", n)
	}
}

func TestLookupDemonym(t *testing.T) {
	d := mustLoad(t)
	for _, tc := range []struct {
		in      string
		country string // alpha-3, or @group
		kind    DemonymKind
	}{
		{"Russian", "RUS", Adjective | Person},
		{"Russians", "RUS", People},
		{"Ukrainian", "UKR", Adjective | Person},
		{"American", "USA", Adjective | Person},
		{"Americans", "USA", People},
		{"British", "GBR", Adjective | People},
		{"Briton", "GBR", Person},
		{"Britons", "GBR", People},
		{"Israeli", "ISR", Adjective | Person},
		{"Palestinians", "PSE", People},
		{"Emirati", "ARE", Adjective | Person},
		{"Chinese", "CHN", Adjective | Person | People},
		{"Ivorian", "CIV", Adjective},
		{"Dominican", "DOM", Adjective},
		{"european", "@Europe", Adjective | Person},
		{"Kurds", "@Kurds", People},
	} {
		dm, ok := d.LookupDemonym(tc.in)
		if !ok {
			t.Errorf("LookupDemonym(%q): none", tc.in)
			continue
		}
		got := "@" + dm.Group
		if dm.Country != nil {
			got = dm.Country.Alpha3
		}
		if got != tc.country || !dm.Kind.Has(tc.kind) {
			t.Errorf("LookupDemonym(%q) = %s %s, want %s %s", tc.in, got, dm.Kind, tc.country, tc.kind)
		}
	}
	for _, in := range []string{"Russia", "us", "the", ""} {
		if dm, ok := d.LookupDemonym(in); ok {
			t.Errorf("LookupDemonym(%q) = %+v, want none", in, dm)
		}
	}
	groups := 0
	for _, dm := range d.Demonyms() {
		if dm.Country == nil {
			groups++
		}
	}
	if len(d.Demonyms()) < 500 || groups < 50 {
		t.Errorf("Demonyms() has %d forms, %d of groups", len(d.Demonyms()), groups)
	}
	c, _ := d.ByCode("RUS")
	if len(c.Demonyms) == 0 || c.Demonyms[0].Form != "Russian" {
		t.Errorf("RUS demonyms = %+v", c.Demonyms)
	}
}

func TestSubdivisions(t *testing.T) {
	d := mustLoad(t)
	if n := len(d.Subdivisions("UKR")); n != 27 {
		t.Errorf("Subdivisions(UKR) has %d entries, want 27", n)
	}
	if all := d.AllSubdivisions(); len(all) < 3500 || all[0].Code > all[1].Code {
		t.Errorf("AllSubdivisions() has %d entries", len(all))
	}
	if n := len(d.Subdivisions("US")); n < 50 {
		t.Errorf("Subdivisions(US) has %d entries", n)
	}
	s, ok := d.SubdivisionByCode("ua-23")
	if !ok || s.Name != "Zaporizhzhia Oblast" || s.ISOName != "Zaporizka oblast" || s.Country != "UKR" {
		t.Errorf("SubdivisionByCode(ua-23) = %+v", s)
	}
	for _, tc := range []struct{ name, country, want string }{
		{"Zaporizhzhia Oblast", "", "UA-23"},
		{"Zaporizhzhia region", "UKR", "UA-23"},
		{"Zaporizhzhia", "UA", "UA-23"},
		{"Zaporozhye", "", "UA-23"},
		{"Zaporizka oblast", "", "UA-23"},
		{"Kyiv", "", "UA-30"},
		{"Kyiv region", "", "UA-32"},
		{"Kiev Oblast", "", "UA-32"},
		{"Crimea", "", "UA-43"},
		{"Donetsk", "UKR", "UA-14"},
		{"Belgorod region", "RUS", "RU-BEL"},
		{"Kursk", "", "RU-KRS"},
		{"Province of Idlib", "", "SY-ID"},
		{"California", "US", "US-CA"},
		{"Texas", "", "US-TX"},
		{"Bavaria", "", "DE-BY"},
		{"Guangdong", "", "CN-GD"},
		{"Guangdong Province", "CHN", "CN-GD"},
		{"Scotland", "GB", "GB-SCT"},
	} {
		s, ok := d.LookupSubdivision(tc.name, tc.country)
		if !ok || s.Code != tc.want {
			got := "none"
			if ok {
				got = s.Code
			}
			t.Errorf("LookupSubdivision(%q, %q) = %s, want %s", tc.name, tc.country, got, tc.want)
		}
	}
	for _, tc := range []struct{ name, country string }{
		{"Zaporizhzhia", "RUS"}, {"Atlantis", ""}, {"region", ""}, {"Texas", "XX"},
	} {
		if s, ok := d.LookupSubdivision(tc.name, tc.country); ok {
			t.Errorf("LookupSubdivision(%q, %q) = %s, want none", tc.name, tc.country, s.Code)
		}
	}
}

// fixture returns a small valid data set, with file f replaced by data.
func fixture(f, data string) fstest.MapFS {
	fs := fstest.MapFS{
		"countries.tsv":         {Data: []byte("RU\tRUS\t643\tRussian Federation\t\tRussian Federation\tMoscow\nUA\tUKR\t804\tUkraine\t\tUkraine\tKyiv\n")},
		"subdivisions.tsv":      {Data: []byte("UA-23\tUKR\tRegion\tZaporizka oblast\n")},
		"aliases.tsv":           {Data: []byte("RUS\tcommon\tRussia\nUKR\tcapital\tKiev\n")},
		"subdivision_names.tsv": {Data: []byte("UA-23\tZaporizhzhia Oblast\tZaporozhye\n")},
		"demonyms.tsv":          {Data: []byte("RUS\tRussian\tRussian\tRussians\n")},
	}
	if f != "" {
		fs[f] = &fstest.MapFile{Data: []byte(data)}
	}
	return fs
}

func TestLoadFSFixture(t *testing.T) {
	d, err := LoadFS(fixture("", ""))
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := d.LookupName("russia"); !ok || c.Common != "Russia" {
		t.Errorf("LookupName(russia) = %v %v", c, ok)
	}
	if s, ok := d.LookupSubdivision("Zaporozhye region", "UKR"); !ok || s.Code != "UA-23" {
		t.Errorf("LookupSubdivision = %v %v", s, ok)
	}
}

func TestLoadErrorsAreLocated(t *testing.T) {
	for _, tc := range []struct{ file, data, want string }{
		{"countries.tsv", "RU\tRUS\t643\tRussia\t\tRussia\tMoscow\nUA\tukr\t804\tUkraine\t\tUkraine\tKyiv\n", "countries.tsv:2:4:"},
		{"countries.tsv", "RU\tRUS\t643\tRussia\t\tRussia\tMoscow\nUA\tRUS\t804\tUkraine\t\tUkraine\tKyiv\n", "countries.tsv:2:4:"},
		{"countries.tsv", "RU\tRUS\t64x\tRussia\t\tRussia\tMoscow\n", "countries.tsv:1:8:"},
		{"countries.tsv", "RU\tRUS\n", "countries.tsv:1:4:"},
		{"aliases.tsv", "# c\nRUS\tcommon\tRussia\nXYZ\tname\tFoo\n", "aliases.tsv:3:1:"},
		{"aliases.tsv", "RUS\tnickname\tRussia\n", "aliases.tsv:1:5:"},
		{"aliases.tsv", "RUS\tcommon\tRussia\nRUS\tcommon\tRus\n", "aliases.tsv:2:5:"},
		{"subdivisions.tsv", "UA-23\tRUS\tRegion\tZaporizka oblast\n", "subdivisions.tsv:1:1:"},
		{"subdivision_names.tsv", "UA-99\tNowhere Oblast\n", "subdivision_names.tsv:1:1:"},
		{"demonyms.tsv", "RUS\tRussian\tRussian\tRussians\nRUX\tA\tB\tC\n", "demonyms.tsv:2:1:"},
		{"demonyms.tsv", "@\tA\tB\tC\n", "demonyms.tsv:1:1:"},
	} {
		_, err := LoadFS(fixture(tc.file, tc.data))
		var re *resources.Error
		if err == nil || !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: err = %v, want %s", tc.file, tc.data, err, tc.want)
		}
	}
	if _, err := LoadFS(fstest.MapFS{}); err == nil {
		t.Error("LoadFS of an empty FS: no error")
	}
}

func TestLoadConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Data, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = Load()
		}()
	}
	wg.Wait()
	for _, d := range got {
		if d == nil || d != got[0] {
			t.Fatal("Load returned different or nil data")
		}
		if _, ok := d.LookupName("Russia"); !ok {
			t.Fatal("lookup failed")
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"U.S.", "Côte d'Ivoire", "Trinidad & Tobago", "\xff\xfe", "the the"} {
		f.Add(s)
	}
	d, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k && !strings.HasPrefix(k, "the ") {
			t.Errorf("Key not idempotent: %q → %q → %q", s, k, Key(k))
		}
		d.LookupName(s)
		d.LookupDemonym(s)
		d.LookupSubdivisions(s)
	})
}

func BenchmarkLookupName(b *testing.B) {
	d := mustLoad(b)
	words := strings.Fields("The Kremlin confirmed Thursday that Russia and the United States US Ukraine Côte d'Ivoire")
	for b.Loop() {
		for _, w := range words {
			d.LookupName(w)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFS(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLoadFS feeds arbitrary bytes as each data file: loading must return
// data or an error, never panic.
func FuzzLoadFS(f *testing.F) {
	f.Add(0, []byte("RU\tRUS\t643\tRussia\t\tRussia\tMoscow\n"))
	f.Add(2, []byte("RUS\tname\tU.S.\nRUS\tcapital\t\n"))
	f.Add(3, []byte("UA-23\tZaporizhzhia Oblast\t|Zaporozhye||\n"))
	f.Add(4, []byte("@\tA|B\t-\t\n@X\t|\t|\t|\n"))
	f.Fuzz(func(t *testing.T, which int, data []byte) {
		file := Files[uint(which)%uint(len(Files))]
		d, err := LoadFS(fixture(file, string(data)))
		if err == nil {
			d.LookupName("Russia")
			d.LookupSubdivision("Zaporizhzhia region", "UKR")
			d.LookupDemonym("Russians")
		}
	})
}
