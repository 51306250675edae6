package actors

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

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

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHolders(t *testing.T) {
	d := mustLoad(t)
	cases := []struct {
		country, title, date, want string
	}{
		{"RUS", "President", "2009-06-01", "Dmitry Medvedev"},
		{"RUS", "President", "2025-08-07", "Vladimir Putin"},
		{"RUS", "President", "2008-05-07", "Dmitry Medvedev"}, // the successor's first day
		{"RUS", "President", "2008-05-06", "Vladimir Putin"},
		{"RUS", "Prime Minister", "2010-01-01", "Vladimir Putin"},
		{"RUS", "prime minister", "2025-08-07", "Mikhail Mishustin"},
		{"RUS", "foreign minister", "2025-08-07", "Sergei Lavrov"},
		{"RUS", "defence minister", "2020-01-01", "Sergei Shoigu"},
		{"RUS", "defense minister", "2025-08-07", "Andrei Belousov"},
		{"RUS", "leader", "2025-08-07", "Vladimir Putin"},
		{"RUS", "leader", "2010-01-01", "Dmitry Medvedev"},
		{"USA", "President", "2025-08-07", "Donald Trump"},
		{"USA", "President", "2019-06-01", "Donald Trump"},
		{"USA", "President", "2022-03-01", "Joe Biden"},
		{"USA", "President", "2005-03-01", "George W. Bush"},
		{"USA", "President", "2000-03-01", "Bill Clinton"},
		{"USA", "Secretary of State", "2025-08-07", "Marco Rubio"},
		{"USA", "foreign minister", "2010-01-01", "Hillary Clinton"},
		{"USA", "Secretary of Defense", "2025-08-07", "Pete Hegseth"},
		{"USA", "prime minister", "2025-08-07", "Donald Trump"}, // head of government is the President
		{"USA", "leader", "2025-08-07", "Donald Trump"},
		{"UKR", "President", "2025-08-07", "Volodymyr Zelenskyy"},
		{"UKR", "President", "2015-01-01", "Petro Poroshenko"},
		{"UKR", "Prime Minister", "2025-08-07", "Yulia Svyrydenko"},
		{"UKR", "foreign minister", "2025-08-07", "Andrii Sybiha"},
		{"UKR", "defence minister", "2025-08-07", "Denys Shmyhal"},
		{"GBR", "Prime Minister", "2025-08-07", "Keir Starmer"},
		{"GBR", "leader", "2020-01-01", "Boris Johnson"},
		{"GBR", "King", "2025-08-07", "Charles III"},
		{"GBR", "Foreign Secretary", "2025-08-07", "David Lammy"},
		{"DEU", "Chancellor", "2025-08-07", "Friedrich Merz"},
		{"DEU", "Chancellor", "2010-01-01", "Angela Merkel"},
		{"DEU", "leader", "2024-01-01", "Olaf Scholz"},
		{"FRA", "President", "2025-08-07", "Emmanuel Macron"},
		{"FRA", "Prime Minister", "2025-08-07", "François Bayrou"},
		{"FRA", "foreign minister", "2025-08-07", "Jean-Noël Barrot"},
		{"CHN", "President", "2025-08-07", "Xi Jinping"},
		{"CHN", "Premier", "2025-08-07", "Li Qiang"},
		{"CHN", "foreign minister", "2023-05-01", "Qin Gang"},
		{"ISR", "Prime Minister", "2025-08-07", "Benjamin Netanyahu"},
		{"ISR", "leader", "2022-08-01", "Yair Lapid"},
		{"ISR", "defence minister", "2025-08-07", "Israel Katz"},
		{"IRN", "Supreme Leader", "2025-08-07", "Ali Khamenei"},
		{"IRN", "President", "2025-08-07", "Masoud Pezeshkian"}, // the title beats the kind (HOS)
		{"IRN", "leader", "2025-08-07", "Ali Khamenei"},
		{"IRN", "foreign minister", "2025-08-07", "Abbas Araghchi"},
		{"PSE", "President", "2025-08-07", "Mahmoud Abbas"},
		{"PSE", "President", "2002-01-01", "Yasser Arafat"},
		{"IND", "Prime Minister", "2025-08-07", "Narendra Modi"},
		{"IND", "President", "2025-08-07", "Droupadi Murmu"},
		{"IND", "leader", "2025-08-07", "Narendra Modi"},
		{"IND", "External Affairs Minister", "2025-08-07", "S. Jaishankar"},
		{"JPN", "Prime Minister", "2025-08-07", "Shigeru Ishiba"},
		{"TUR", "President", "2025-08-07", "Recep Tayyip Erdoğan"},
		{"TUR", "leader", "2010-01-01", "Recep Tayyip Erdoğan"},
		{"CAN", "Prime Minister", "2025-08-07", "Mark Carney"},
		{"AUS", "Prime Minister", "2025-08-07", "Anthony Albanese"},
		{"ITA", "Prime Minister", "2025-08-07", "Giorgia Meloni"},
		{"BRA", "President", "2025-08-07", "Luiz Inácio Lula da Silva"},
		{"ARG", "President", "2025-08-07", "Javier Milei"},
		{"MEX", "President", "2025-08-07", "Claudia Sheinbaum"},
		{"IDN", "President", "2025-08-07", "Prabowo Subianto"},
		{"KOR", "President", "2025-08-07", "Lee Jae-myung"},
		{"SAU", "King", "2025-08-07", "Salman bin Abdulaziz"},
		{"ZAF", "President", "2025-08-07", "Cyril Ramaphosa"},
		// Nobody: vacancies, unknown offices, unlisted countries, before 2000.
		{"KOR", "President", "2025-05-01", ""},
		{"RUS", "Queen", "2025-08-07", ""},
		{"FRA", "press secretary", "2025-08-07", ""},
		{"ESP", "Prime Minister", "2025-08-07", ""},
		{"RUS", "President", "1995-01-01", ""},
	}
	for _, c := range cases {
		r := d.Holder(c.country, c.title, day(c.date))
		got := ""
		if r != nil {
			got = r.Name
		}
		if got != c.want {
			t.Errorf("Holder(%s, %q, %s) = %q, want %q", c.country, c.title, c.date, got, c.want)
		}
	}
}

// TestTermsDoNotOverlap checks the data for consistency: within one country
// and kind, no two terms overlap.
func TestTermsDoNotOverlap(t *testing.T) {
	d := mustLoad(t)
	by := map[string][]*Role{}
	for _, r := range d.Roles {
		k := r.Country + " " + r.Kind
		by[k] = append(by[k], r)
	}
	for k, rs := range by {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Start.Before(rs[j].Start) })
		for i := 1; i < len(rs); i++ {
			prev := rs[i-1]
			if prev.End.IsZero() || prev.End.After(rs[i].Start) {
				t.Errorf("%s: %s (line %d) overlaps %s (line %d)", k, prev.Name, prev.Line, rs[i].Name, rs[i].Line)
			}
		}
	}
}

// TestOnlyOfficeHolders enforces the rule that the data files name nobody but
// the holders of the listed offices: every person is a roles.tsv row of kind
// HOS/HOG/FM/DM in an allowed country (the parser rejects others), no
// organisation name is a person's name, and titles/nouns are single words.
func TestOnlyOfficeHolders(t *testing.T) {
	d := mustLoad(t)
	allowed := map[string]bool{}
	for _, c := range RoleCountries {
		allowed[c] = true
	}
	for _, r := range d.Roles {
		if !allowed[r.Country] || (r.Kind != HOS && r.Kind != HOG && r.Kind != FM && r.Kind != DM) {
			t.Errorf("roles.tsv:%d: %s is not a listed office holder", r.Line, r.Name)
		}
		if !r.End.IsZero() && r.End.Before(dateFloor) {
			t.Errorf("roles.tsv:%d: %s left office before 2000", r.Line, r.Name)
		}
	}
	for _, o := range d.Orgs {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if p := d.PersonByName(n); p != nil {
				t.Errorf("orgs.tsv:%d: %q names a person", o.Line, n)
			}
		}
		if o.Type == "PER" {
			t.Errorf("orgs.tsv:%d: a person", o.Line)
		}
	}
	for w := range d.titles {
		if strings.Contains(w, " ") || w != strings.ToLower(w) {
			t.Errorf("titles.tsv: %q is not one lower-case word", w)
		}
	}
	if len(d.People) < 300 {
		t.Errorf("only %d office holders loaded", len(d.People))
	}
}

func TestPeopleIndex(t *testing.T) {
	d := mustLoad(t)
	for _, c := range []struct{ name, want string }{
		{"Volodymyr Zelensky", "Volodymyr Zelenskyy"},
		{"volodymyr zelenskyy", "Volodymyr Zelenskyy"},
		{"Vladimir V. Putin", "Vladimir Putin"},
		{"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"},
		{"Gideon Saar", "Gideon Sa'ar"},
		{"George Bush", ""}, // not George W. Bush
		{"Yuri Ushakov", ""},
	} {
		got := ""
		if p := d.PersonByName(c.name); p != nil {
			got = p.Name
		}
		if got != c.want {
			t.Errorf("PersonByName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if ps := d.PersonsBySurname("Putin"); len(ps) != 1 || ps[0].Name != "Vladimir Putin" {
		t.Errorf("PersonsBySurname(Putin) = %v", ps)
	}
	if ps := d.PersonsBySurname("Singh"); len(ps) < 3 {
		t.Errorf("PersonsBySurname(Singh) = %d people, want several", len(ps))
	}
	p := d.PersonByName("Dmitry Medvedev")
	if p == nil || p.Country() != "RUS" || p.RoleAt(day("2025-08-07")) != nil || !p.HeldBefore(day("2025-08-07")) {
		t.Errorf("Medvedev: %+v", p)
	}
	if r := p.RoleAt(day("2015-01-01")); r == nil || r.Kind != HOG {
		t.Errorf("Medvedev 2015: %+v", r)
	}
	if tw, ok := d.Title("adviser"); !ok || !tw.Head || tw.Sector != "=" {
		t.Errorf("Title(adviser) = %+v %v", tw, ok)
	}
	if tw, ok := d.Title("former"); !ok || !tw.Former {
		t.Errorf("Title(former) = %+v", tw)
	}
	if s, ok := d.Noun("sector", "forces"); !ok || s != "MIL" {
		t.Errorf("Noun(sector, forces) = %q %v", s, ok)
	}
	if k, ok := d.Office("Secretary of State"); !ok || k != FM {
		t.Errorf("Office(Secretary of State) = %q", k)
	}
}

func TestParseErrorsAreLocated(t *testing.T) {
	good := func(name string) []byte {
		b, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name                                string
		orgs, roles, titles, offices, nouns string
		want                                string
	}{
		{name: "person in orgs", orgs: "Yuri Ushakov\tPER\tRUSGOV\tRUS\tGOV\t-\n", want: "orgs.tsv:1:14: type \"PER\""},
		{name: "bad country", orgs: "# c\nKremlin\tORG\tRUSGOV\tRussia\tGOV\t-\n", want: "orgs.tsv:2:"},
		{name: "bad sector", orgs: "Kremlin\tORG\tRUSGOV\tRUS\tXXX\t-\n", want: "orgs.tsv:1:"},
		{name: "short row", orgs: "Kremlin\tORG\n", want: "orgs.tsv:1:"},
		{name: "adviser in roles", roles: "RUS\tADV\tAdviser\tYuri Ushakov\t2012-05-21\t-\t-\t-\n", want: "roles.tsv:1:5: kind \"ADV\""},
		{name: "country outside list", roles: "ESP\tHOG\tPrime Minister\tPedro Sánchez\t2018-06-02\t-\ty\t-\n", want: "roles.tsv:1:1:"},
		{name: "bad date", roles: "RUS\tHOS\tPresident\tVladimir Putin\t2012-5-7\t-\ty\t-\n", want: "roles.tsv:1:"},
		{name: "end before start", roles: "RUS\tHOS\tPresident\tVladimir Putin\t2012-05-07\t2012-01-01\ty\t-\n", want: "roles.tsv:1:"},
		{name: "before 2000", roles: "RUS\tHOS\tPresident\tBoris Yeltsin\t1991-07-10\t1999-12-31\ty\t-\n", want: "term ended before 2000"},
		{name: "bad leader", roles: "RUS\tHOS\tPresident\tVladimir Putin\t2012-05-07\t-\tyes\t-\n", want: "roles.tsv:1:"},
		{name: "title phrase", titles: "press secretary\thead\tGOV\t-\n", want: "titles.tsv:1:1:"},
		{name: "title class", titles: "envoy\tnoun\tGOV\t-\n", want: "titles.tsv:1:"},
		{name: "office kind", offices: "top diplomat\tDIP\n", want: "offices.tsv:1:"},
		{name: "noun class", nouns: "forces\tarmy\tMIL\n", want: "nouns.tsv:1:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pick := func(s, file string) []byte {
				if s == "" {
					return good(file)
				}
				return []byte(s)
			}
			_, err := Parse(pick(c.orgs, "orgs.tsv"), pick(c.roles, "roles.tsv"), pick(c.titles, "titles.tsv"),
				pick(c.offices, "offices.tsv"), pick(c.nouns, "nouns.tsv"))
			var re *resources.Error
			if err == nil || !errors.As(err, &re) {
				t.Fatalf("err = %v, want a located *resources.Error", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %q, want it to contain %q", err, c.want)
			}
		})
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
			t.Fatal("Load returned different data")
		}
	}
}

func FuzzParseRoles(f *testing.F) {
	f.Add([]byte("RUS\tHOS\tPresident\tVladimir Putin\t2012-05-07\t-\ty\tVladimir V. Putin\n"))
	f.Add([]byte("# x\n\nUSA\tFM\tSecretary of State\tMarco Rubio\t2025-01-21\t-\t-\t-"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ParseRoles("roles.tsv", data)
		if err != nil {
			var re *resources.Error
			if !errors.As(err, &re) {
				t.Fatalf("unlocated error %v", err)
			}
			return
		}
		for _, r := range rs {
			if !r.End.IsZero() && !r.End.After(r.Start) {
				t.Fatalf("accepted end before start: %+v", r)
			}
		}
	})
}

// TestOverride checks that a file of the override directory replaces the
// embedded one, and that its errors name the file.
func TestOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
		t.Fatal(err)
	}
	roles := "RUS\tHOS\tPresident\tVladimir Putin\t2012-05-07\t-\ty\t-\n"
	if err := os.WriteFile(filepath.Join(dir, "actors", "roles.tsv"), []byte(roles), 0o644); err != nil {
		t.Fatal(err)
	}
	resources.SetOverrideDir(dir)
	defer resources.SetOverrideDir("")
	d, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Roles) != 1 || d.Holder("USA", "President", day("2025-08-07")) != nil {
		t.Errorf("override not used: %d roles", len(d.Roles))
	}
	if err := os.WriteFile(filepath.Join(dir, "actors", "roles.tsv"), []byte("RUS\tHOS\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(); err == nil || !strings.Contains(err.Error(), "roles.tsv:1:") {
		t.Errorf("err = %v, want a located error", err)
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Gideon Sa'ar", "gideon saar"},
		{"Gideon Sa’ar", "gideon saar"},
		{"U.S.", "us"},
		{"Kramp-Karrenbauer", "kramp karrenbauer"},
		{"  Jean-Noël   Barrot ", "jean noel barrot"},
		{"İsmet Yılmaz", "ismet yilmaz"},
		{"Mevlüt Çavuşoğlu", "mevlut cavusoglu"},
		{"Владимир", "владимир"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGender(t *testing.T) {
	d := mustLoad(t)
	for name, want := range map[string]byte{"Angela Merkel": 'f', "Tony Blair": 'm', "Giorgia Meloni": 'f', "Vladimir Putin": 'm'} {
		if p := d.PersonByName(name); p == nil || p.Gender != want {
			t.Errorf("%s: %+v", name, p)
		}
	}
	raw, err := files.ReadFile("gender.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.parseGender("gender.tsv", raw, true); err != nil {
		t.Errorf("gender.tsv names someone outside roles.tsv: %v", err)
	}
	if err := d.parseGender("gender.tsv", []byte("Karoline Leavitt\tf\n"), true); err == nil || !strings.Contains(err.Error(), "gender.tsv:1:1:") {
		t.Errorf("a name outside roles.tsv: err = %v", err)
	}
}
