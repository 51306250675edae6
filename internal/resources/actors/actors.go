// Package actors holds herald's actor knowledge as embedded, user-overridable
// data files (see internal/resources):
//
//   - orgs.tsv: international organisations, the main government bodies of
//     major states and news agencies, with type, CAMEO-style code, country and
//     sector;
//   - roles.tsv: dated office holders (heads of state and government, foreign
//     and defence ministers of the G20 states, Ukraine, Israel, Iran and the
//     Palestinian Authority from 2000 on) — nobody else;
//   - titles.tsv: the words titles of office are made of;
//   - offices.tsv: office phrases that name a role kind ("foreign minister");
//   - nouns.tsv: nouns that turn a country or leader into a collective actor;
//   - gender.tsv: the women among the office holders (for pronouns).
//
// Load parses them once (errors located by file:line:col) and returns a
// read-only *Data that is safe for concurrent use.
package actors

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"herald/internal/resources"
)

//go:embed *.tsv
var files embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("actors", files)

// Role kinds.
const (
	HOS    = "HOS"    // head of state
	HOG    = "HOG"    // head of government
	FM     = "FM"     // foreign minister
	DM     = "DM"     // defence minister
	Leader = "LEADER" // offices.tsv only: whoever roles.tsv marks as the country's leader
)

// RoleCountries are the states whose office holders roles.tsv may list: the
// G20 states, Ukraine, Israel, Iran and the Palestinian Authority.
var RoleCountries = []string{
	"ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN",
	"KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF", "UKR", "ISR", "IRN", "PSE",
}

// Org is a named organisation of orgs.tsv.
type Org struct {
	Name    string
	Type    string // ORG, GPE or NORP
	Code    string // CAMEO-style actor code
	Country string // ISO alpha-3, "" for international bodies
	Sector  string
	Aliases []string // other names (Name not included)
	Line    int      // line in orgs.tsv
}

// Role is one term of office of roles.tsv.
type Role struct {
	Country string
	Kind    string // HOS, HOG, FM, DM
	Title   string // "President", "Foreign Secretary", …
	Name    string
	Start   time.Time
	End     time.Time // zero while in office; the successor's first day otherwise
	Leader  bool      // "the <country> leader" means this office
	Aliases []string
	Line    int
}

// Active reports whether the term covers day t: Start <= t < End.
func (r *Role) Active(t time.Time) bool {
	return !t.Before(r.Start) && (r.End.IsZero() || t.Before(r.End))
}

// Person is one office holder with all of their terms.
type Person struct {
	Name    string
	Aliases []string
	Roles   []*Role // in file order
	Gender  byte    // 'f' when gender.tsv lists the person, else 'm'
}

// Country returns the country of the person's latest term.
func (p *Person) Country() string {
	best := p.Roles[0]
	for _, r := range p.Roles[1:] {
		if r.Start.After(best.Start) {
			best = r
		}
	}
	return best.Country
}

// RoleAt returns the person's term on day t, preferring HOS, HOG, FM, DM; nil if none.
func (p *Person) RoleAt(t time.Time) *Role {
	var best *Role
	for _, r := range p.Roles {
		if r.Active(t) && (best == nil || kindRank(r.Kind) < kindRank(best.Kind)) {
			best = r
		}
	}
	return best
}

// HeldBefore reports whether the person held any listed office before day t.
func (p *Person) HeldBefore(t time.Time) bool {
	for _, r := range p.Roles {
		if r.Start.Before(t) {
			return true
		}
	}
	return false
}

func kindRank(k string) int {
	switch k {
	case HOS:
		return 0
	case HOG:
		return 1
	case FM:
		return 2
	}
	return 3
}

// TitleWord describes one word of titles.tsv.
type TitleWord struct {
	Head, Mod, Former, Drop bool
	Sector                  string // "=" to inherit from the possessor or organisation
	Gender                  byte   // 'm', 'f' or 0
}

// Data is the parsed actor knowledge. It is read-only and safe for concurrent use.
type Data struct {
	Orgs    []Org
	Roles   []*Role
	People  []*Person
	byName  map[string]*Person   // folded name or alias → person
	bySur   map[string][]*Person // folded surname or one-word alias → people
	titles  map[string]TitleWord
	offices map[string]string // folded phrase → kind
	nouns   map[string]map[string]string
}

var (
	once    sync.Once
	loaded  *Data
	loadErr error
)

// Load parses the embedded (or overridden) data files once and returns the result.
func Load() (*Data, error) {
	once.Do(func() { loaded, loadErr = load() })
	return loaded, loadErr
}

func load() (*Data, error) {
	read := func(name string) ([]byte, error) {
		b, err := resources.Read("actors/"+name, files, name)
		if err != nil {
			return nil, fmt.Errorf("actors: load: %w", err)
		}
		return b, nil
	}
	var raw [6][]byte
	for i, n := range []string{"orgs.tsv", "roles.tsv", "titles.tsv", "offices.tsv", "nouns.tsv", "gender.tsv"} {
		b, err := read(n)
		if err != nil {
			return nil, err
		}
		raw[i] = b
	}
	d, err := Parse(raw[0], raw[1], raw[2], raw[3], raw[4])
	if err != nil {
		return nil, err
	}
	if err := d.parseGender("gender.tsv", raw[5], false); err != nil {
		return nil, err
	}
	return d, nil
}

// Parse builds Data from the contents of orgs.tsv, roles.tsv, titles.tsv,
// offices.tsv and nouns.tsv. Errors are *resources.Error located by file:line:col.
func Parse(orgs, roles, titles, offices, nouns []byte) (*Data, error) {
	d := &Data{
		byName:  map[string]*Person{},
		bySur:   map[string][]*Person{},
		titles:  map[string]TitleWord{},
		offices: map[string]string{},
		nouns:   map[string]map[string]string{},
	}
	var err error
	if d.Orgs, err = ParseOrgs("orgs.tsv", orgs); err != nil {
		return nil, err
	}
	if d.Roles, err = ParseRoles("roles.tsv", roles); err != nil {
		return nil, err
	}
	if err := d.parseTitles("titles.tsv", titles); err != nil {
		return nil, err
	}
	if err := d.parseOffices("offices.tsv", offices); err != nil {
		return nil, err
	}
	if err := d.parseNouns("nouns.tsv", nouns); err != nil {
		return nil, err
	}
	d.index()
	return d, nil
}

func splitAliases(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func isUpperCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isAlpha3(s string) bool {
	return len(s) == 3 && isUpperCode(s)
}

// Sectors are the sector codes the data files may use.
var Sectors = map[string]bool{
	"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true, "PTY": true,
	"REB": true, "OPP": true, "IGO": true, "NGO": true, "JRN": true, "MED": true, "BUS": true,
	"CVL": true, "ELI": true, "EDU": true, "REL": true, "LAB": true, "CRM": true, "REF": true,
	"PRM": true, "UAF": true, "AGR": true, "HLH": true,
}

// ParseOrgs parses orgs.tsv.
func ParseOrgs(file string, data []byte) ([]Org, error) {
	rows, err := resources.TSV(file, data, 6)
	if err != nil {
		return nil, err
	}
	out := make([]Org, 0, len(rows))
	for _, r := range rows {
		o := Org{Name: r.Fields[0], Type: r.Fields[1], Code: r.Fields[2], Country: r.Fields[3],
			Sector: r.Fields[4], Aliases: splitAliases(r.Fields[5]), Line: r.Line}
		switch o.Type {
		case "ORG", "GPE", "NORP":
		default:
			return nil, r.Errorf(1, "type %q: want ORG, GPE or NORP (persons belong in roles.tsv)", o.Type)
		}
		if !isUpperCode(o.Code) {
			return nil, r.Errorf(2, "code %q: want upper-case letters", o.Code)
		}
		if o.Country == "-" {
			o.Country = ""
		} else if !isAlpha3(o.Country) {
			return nil, r.Errorf(3, "country %q: want ISO alpha-3 or -", o.Country)
		}
		if !Sectors[o.Sector] {
			return nil, r.Errorf(4, "unknown sector %q", o.Sector)
		}
		if o.Name == "" {
			return nil, r.Errorf(0, "empty name")
		}
		out = append(out, o)
	}
	return out, nil
}

var dateFloor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseRoles parses roles.tsv. Every row must be a HOS, HOG, FM or DM term of
// one of RoleCountries that ran on or after 2000-01-01.
func ParseRoles(file string, data []byte) ([]*Role, error) {
	rows, err := resources.TSV(file, data, 8)
	if err != nil {
		return nil, err
	}
	allowed := map[string]bool{}
	for _, c := range RoleCountries {
		allowed[c] = true
	}
	out := make([]*Role, 0, len(rows))
	for _, r := range rows {
		ro := &Role{Country: r.Fields[0], Kind: r.Fields[1], Title: r.Fields[2], Name: r.Fields[3],
			Aliases: splitAliases(r.Fields[7]), Line: r.Line}
		if !allowed[ro.Country] {
			return nil, r.Errorf(0, "country %q: roles.tsv lists only the G20 states, UKR, ISR, IRN and PSE", ro.Country)
		}
		switch ro.Kind {
		case HOS, HOG, FM, DM:
		default:
			return nil, r.Errorf(1, "kind %q: want HOS, HOG, FM or DM (nobody else belongs in roles.tsv)", ro.Kind)
		}
		if ro.Title == "" || ro.Name == "" {
			return nil, r.Errorf(2, "empty title or name")
		}
		if ro.Start, err = time.Parse("2006-01-02", r.Fields[4]); err != nil {
			return nil, r.Errorf(4, "start %q: want YYYY-MM-DD", r.Fields[4])
		}
		if r.Fields[5] != "-" {
			if ro.End, err = time.Parse("2006-01-02", r.Fields[5]); err != nil {
				return nil, r.Errorf(5, "end %q: want YYYY-MM-DD or -", r.Fields[5])
			}
			if !ro.End.After(ro.Start) {
				return nil, r.Errorf(5, "end %s is not after start %s", r.Fields[5], r.Fields[4])
			}
			if ro.End.Before(dateFloor) {
				return nil, r.Errorf(5, "term ended before 2000")
			}
		}
		switch r.Fields[6] {
		case "y":
			ro.Leader = true
		case "-":
		default:
			return nil, r.Errorf(6, "leader %q: want y or -", r.Fields[6])
		}
		out = append(out, ro)
	}
	return out, nil
}

func (d *Data) parseTitles(file string, data []byte) error {
	rows, err := resources.TSV(file, data, 4)
	if err != nil {
		return err
	}
	for _, r := range rows {
		w := r.Fields[0]
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			return r.Errorf(0, "word %q: want one lower-case word", w)
		}
		t := d.titles[w]
		switch r.Fields[1] {
		case "head":
			t.Head = true
			switch s := r.Fields[2]; {
			case s == "=" || Sectors[s]:
				t.Sector = s
			default:
				return r.Errorf(2, "sector %q: want a sector code or =", s)
			}
		case "mod":
			t.Mod = true
		case "former":
			t.Former = true
		case "drop":
			t.Drop = true
		default:
			return r.Errorf(1, "class %q: want head, mod, former or drop", r.Fields[1])
		}
		switch r.Fields[3] {
		case "m", "f":
			t.Gender = r.Fields[3][0]
		case "-":
		default:
			return r.Errorf(3, "gender %q: want m, f or -", r.Fields[3])
		}
		d.titles[w] = t
	}
	return nil
}

func (d *Data) parseOffices(file string, data []byte) error {
	rows, err := resources.TSV(file, data, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		switch r.Fields[1] {
		case HOS, HOG, FM, DM, Leader:
		default:
			return r.Errorf(1, "kind %q: want HOS, HOG, FM, DM or LEADER", r.Fields[1])
		}
		d.offices[Fold(r.Fields[0])] = r.Fields[1]
	}
	return nil
}

// parseGender reads gender.tsv. A name that is no office holder is an
// error when strict, else skipped (roles.tsv may be overridden alone).
func (d *Data) parseGender(file string, data []byte, strict bool) error {
	rows, err := resources.TSV(file, data, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		p := d.byName[Fold(r.Fields[0])]
		if r.Fields[1] != "f" {
			return r.Errorf(1, "gender %q: want f", r.Fields[1])
		}
		if p == nil || p.Name != r.Fields[0] {
			if strict {
				return r.Errorf(0, "%q is not a name of roles.tsv", r.Fields[0])
			}
			continue
		}
		p.Gender = 'f'
	}
	return nil
}

func (d *Data) parseNouns(file string, data []byte) error {
	rows, err := resources.TSV(file, data, 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		switch r.Fields[1] {
		case "office", "sector", "place", "generic", "orghead":
		default:
			return r.Errorf(1, "class %q: want office, sector, place, generic or orghead", r.Fields[1])
		}
		s := r.Fields[2]
		if s != "-" && !Sectors[s] {
			return r.Errorf(2, "unknown sector %q", s)
		}
		m := d.nouns[r.Fields[1]]
		if m == nil {
			m = map[string]string{}
			d.nouns[r.Fields[1]] = m
		}
		m[strings.ToLower(r.Fields[0])] = s
	}
	return nil
}

// index groups roles into people and builds the name indexes.
func (d *Data) index() {
	for _, r := range d.Roles {
		k := Fold(r.Name)
		p := d.byName[k]
		if p == nil {
			p = &Person{Name: r.Name, Gender: 'm'}
			d.People = append(d.People, p)
			d.byName[k] = p
		}
		p.Roles = append(p.Roles, r)
		for _, a := range r.Aliases {
			if !containsFold(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
		}
	}
	for _, p := range d.People {
		surs := map[string]bool{Surname(p.Name): true}
		for _, a := range p.Aliases {
			ka := Fold(a)
			if _, ok := d.byName[ka]; !ok {
				d.byName[ka] = p
			}
			if !strings.Contains(ka, " ") {
				surs[ka] = true
			} else {
				surs[Surname(ka)] = true
			}
		}
		keys := make([]string, 0, len(surs))
		for s := range surs {
			keys = append(keys, s)
		}
		sort.Strings(keys)
		for _, s := range keys {
			d.bySur[s] = append(d.bySur[s], p)
		}
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if Fold(x) == Fold(s) {
			return true
		}
	}
	return false
}

// Surname returns the folded last word of a folded or unfolded name.
func Surname(name string) string {
	k := Fold(name)
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		return k[i+1:]
	}
	return k
}

// PersonByName returns the office holder whose name or alias folds to name's fold.
func (d *Data) PersonByName(name string) *Person { return d.byName[Fold(name)] }

// PersonsBySurname returns the office holders whose surname (or one-word alias) is s.
func (d *Data) PersonsBySurname(s string) []*Person { return d.bySur[Fold(s)] }

// Title returns what titles.tsv says about a lower-case word.
func (d *Data) Title(word string) (TitleWord, bool) {
	t, ok := d.titles[word]
	return t, ok
}

// Office returns the role kind an office phrase names ("foreign minister" → FM).
func (d *Data) Office(phrase string) (string, bool) {
	k, ok := d.offices[Fold(phrase)]
	return k, ok
}

// Noun returns the sector of a lower-case noun of the given class
// ("office", "sector", "place", "generic") and whether it is listed.
func (d *Data) Noun(class, word string) (string, bool) {
	s, ok := d.nouns[class][word]
	return s, ok
}

// Holder returns who held the office named by title (a roles.tsv title such as
// "President", or an offices.tsv phrase such as "foreign minister") in country
// on day t, or nil. An exact title match wins over the office kind, so "the
// Iranian President" is Iran's President, not its Supreme Leader.
func (d *Data) Holder(country, title string, t time.Time) *Role {
	ft := Fold(title)
	for _, r := range d.Roles {
		if r.Country == country && r.Active(t) && Fold(r.Title) == ft {
			return r
		}
	}
	kind, ok := d.offices[ft]
	if !ok {
		return nil
	}
	if kind == Leader {
		return d.LeaderOf(country, t)
	}
	for _, r := range d.Roles {
		if r.Country == country && r.Kind == kind && r.Active(t) {
			return r
		}
	}
	if kind == HOG { // a president who heads the government too
		for _, r := range d.Roles {
			if r.Country == country && r.Kind == HOS && r.Leader && r.Active(t) {
				return r
			}
		}
	}
	return nil
}

// LeaderOf returns the holder of the office roles.tsv marks as country's leader on day t.
func (d *Data) LeaderOf(country string, t time.Time) *Role {
	for _, r := range d.Roles {
		if r.Country == country && r.Leader && r.Active(t) {
			return r
		}
	}
	return nil
}

// Fold returns the comparison key of a name: lower case, Latin diacritics
// folded ("Erdoğan" → "erdogan"), apostrophes and full stops dropped
// ("Sa'ar" → "saar", "U.S." → "us"), every other run of punctuation or space
// turned into one space ("Kramp-Karrenbauer" → "kramp karrenbauer").
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ':
			continue
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
			if f, ok := foldMap[r]; ok {
				if space && len(b) > 0 {
					b = append(b, ' ')
				}
				space = false
				b = append(b, f...)
				continue
			}
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// foldMap maps lower-case Latin letters with diacritics to ASCII.
var foldMap = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range [][2]string{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"},
		{"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"},
		{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"},
	} {
		for _, r := range p[0] {
			m[r] = p[1]
		}
	}
	return m
}()
