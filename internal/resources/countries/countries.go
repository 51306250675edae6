// Package countries is herald's one source of country knowledge: ISO 3166-1
// countries (alpha-2, alpha-3 and numeric codes, ISO, official and common
// English names, other names such as "US", "Britain" or "Ivory Coast"),
// capitals, demonyms ("Russian", "Russians", "Briton") and ISO 3166-2
// first-level subdivisions with English names and other spellings
// ("Zaporizhzhia Oblast", "Zaporizhzhia region", "Zaporozhye").
//
// The data are embedded TSV files, each replaceable through the resources
// override directory (path "countries/<file>"):
//
//	countries.tsv          generated (gen/): ISO 3166-1 from Debian iso-codes, capitals
//	subdivisions.tsv       generated (gen/): ISO 3166-2 first-level subdivisions
//	aliases.tsv            hand-written: other country names, the common name, capital spellings
//	demonyms.tsv           hand-written: adjective, person and people forms
//	subdivision_names.tsv  hand-written: English subdivision names and spellings
//
// Regenerate the generated files with `go run ./internal/resources/countries/gen`
// (needs Debian's iso-codes; see gen/). A bad entry is reported as file:line:col. Load reads the files once per
// process; the returned *Data is immutable and safe for concurrent use.
//
// Name lookups are insensitive to case, punctuation, apostrophes and Latin
// diacritics (see Key), except that abbreviations written in capitals in the
// data ("US", "U.S.", "UK", "UAE") only match text written in capitals, so
// that the pronoun "us" is not the United States.
package countries

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"herald/internal/resources"
)

//go:embed *.tsv
var embedded embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("countries", embedded)

// Files lists the data files of the package, in load order.
var Files = []string{"countries.tsv", "subdivisions.tsv", "aliases.tsv", "subdivision_names.tsv", "demonyms.tsv"}

// Country is one ISO 3166-1 entry.
type Country struct {
	Alpha2   string // "RU"
	Alpha3   string // "RUS"
	Numeric  string // "643"
	Name     string // ISO 3166-1 name: "Russian Federation", "Korea, Republic of"
	Official string // official name, "" when ISO gives none
	Common   string // short English name used in news: "Russia", "South Korea", "United States"
	Capital  string // "Moscow"; "" when unknown
	// Names are all the names LookupName matches for this country, Common first.
	Names []string
	// CapitalNames are the capital and its other spellings ("Kyiv", "Kiev").
	CapitalNames []string
	// Demonyms are the country's adjective, person and people forms.
	Demonyms []Demonym
}

// DemonymKind says how a demonym form is used; a form may have several kinds.
type DemonymKind uint8

// Demonym kinds.
const (
	Adjective DemonymKind = 1 << iota // "Russian troops", "British"
	Person                            // "a Russian", "a Briton"
	People                            // "Russians", "Britons", "the British"
)

// Has reports whether k includes all of kinds.
func (k DemonymKind) Has(kinds DemonymKind) bool { return k&kinds == kinds }

// String returns the kinds joined with "|": "adjective|person".
func (k DemonymKind) String() string {
	var parts []string
	for _, x := range []struct {
		k DemonymKind
		s string
	}{{Adjective, "adjective"}, {Person, "person"}, {People, "people"}} {
		if k&x.k != 0 {
			parts = append(parts, x.s)
		}
	}
	return strings.Join(parts, "|")
}

// Demonym is one form naming a nationality or group.
type Demonym struct {
	Form    string      // as written in demonyms.tsv: "Russians"
	Kind    DemonymKind // Adjective, Person and/or People
	Country *Country    // the country; nil for a group that is not one country
	Group   string      // the group ("Europe", "Kurds") when Country is nil
}

// Subdivision is one ISO 3166-2 first-level subdivision.
type Subdivision struct {
	Code    string // ISO 3166-2 code: "UA-23"
	Country string // alpha-3 code of the country: "UKR"
	Type    string // ISO type: "Region", "Province", "State", "Republic", …
	Name    string // English name when known ("Zaporizhzhia Oblast"), else ISOName
	ISOName string // ISO 3166-2 name ("Zaporizka oblast")
	// Names are all the names LookupSubdivision matches, Name first.
	Names []string
}

// Data is the loaded country knowledge. It is immutable and safe for
// concurrent use.
type Data struct {
	all      []*Country // sorted by Alpha3
	byCode   map[string]*Country
	names    map[string]*Country // key → country
	abbrevs  map[string]*Country // key of a capitals-only abbreviation → country
	capitals map[string]*Country // key of a capital name → country
	demonyms map[string]Demonym  // key → demonym
	subs     map[string][]*Subdivision
	subCode  map[string]*Subdivision
	subNames map[string][]*Subdivision // full key → subdivisions
	subBases map[string][]*Subdivision // key without type word → subdivisions
	allDem   []Demonym                 // every form, in file order
	allSubs  []*Subdivision            // sorted by code
}

var (
	once     sync.Once
	loaded   *Data
	errLoad  error
	readFile = func(name string) ([]byte, error) {
		return resources.Read("countries/"+name, embedded, name)
	}
)

// Load returns the country data, reading the embedded files (or their
// overrides) on the first call; later calls return the same *Data or error.
func Load() (*Data, error) {
	once.Do(func() { loaded, errLoad = load(readFile) })
	return loaded, errLoad
}

// LoadFS reads the data files (see Files) from fsys, without the override
// directory or caching. It is meant for tests and tools.
func LoadFS(fsys fs.FS) (*Data, error) {
	return load(func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
}

// All returns every country, sorted by alpha-3 code. The slice must not be modified.
func (d *Data) All() []*Country { return d.all }

// Demonyms returns every demonym form, of countries and of groups, in the
// order of demonyms.tsv. The slice must not be modified.
func (d *Data) Demonyms() []Demonym { return d.allDem }

// AllSubdivisions returns every first-level subdivision, sorted by code.
// The slice must not be modified.
func (d *Data) AllSubdivisions() []*Subdivision { return d.allSubs }

// ByCode returns the country with an ISO 3166-1 alpha-2 ("RU"), alpha-3
// ("RUS") or numeric ("643") code, in any case.
func (d *Data) ByCode(code string) (*Country, bool) {
	c, ok := d.byCode[code]
	if !ok {
		c, ok = d.byCode[strings.ToUpper(code)]
	}
	return c, ok
}

// LookupName returns the country a name refers to: its ISO, official or
// common name or an alias ("Russia", "Russian Federation", "the UK",
// "Côte d'Ivoire", "Ivory Coast", "U.S."). Abbreviations match only when s
// has no lower-case letter; a possessive ending is ignored ("Russia’s").
// Demonyms and capitals are not names: see
// LookupDemonym and LookupCapital.
func (d *Data) LookupName(s string) (*Country, bool) {
	var buf [64]byte
	k := appendKey(buf[:0], s)
	if c, ok := d.names[string(k)]; ok {
		return c, true
	}
	if capsOnly(s) {
		if c, ok := d.abbrevs[string(k)]; ok {
			return c, true
		}
	}
	if t, ok := trimPossessive(s); ok {
		return d.LookupName(t) // "Russia’s", "the US'"
	}
	return nil, false
}

// trimPossessive removes a final "'s", "’s" or "'" from s.
func trimPossessive(s string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "'S", "’S", "'", "’"} {
		if len(s) > len(suf) && strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)], true
		}
	}
	return s, false
}

// LookupDemonym returns the demonym a form is ("Russian", "Russians",
// "Briton", "Emirati", "Europeans"), matched insensitively to case and
// diacritics. When two countries share a form ("Dominican") the first in
// demonyms.tsv wins.
func (d *Data) LookupDemonym(s string) (Demonym, bool) {
	var buf [64]byte
	dm, ok := d.demonyms[string(appendKey(buf[:0], s))]
	return dm, ok
}

// Capital returns the capital of the country with the given code (any form
// ByCode accepts); ok is false when the country or its capital is unknown.
func (d *Data) Capital(code string) (string, bool) {
	c, ok := d.ByCode(code)
	if !ok || c.Capital == "" {
		return "", false
	}
	return c.Capital, true
}

// LookupCapital returns the country whose capital s names ("Moscow",
// "Kyiv", "Kiev", "Washington").
func (d *Data) LookupCapital(s string) (*Country, bool) {
	var buf [64]byte
	c, ok := d.capitals[string(appendKey(buf[:0], s))]
	if !ok {
		if t, trimmed := trimPossessive(s); trimmed {
			return d.LookupCapital(t)
		}
	}
	return c, ok
}

// Subdivisions returns the first-level subdivisions of a country (any code
// form ByCode accepts), sorted by code. The slice must not be modified.
func (d *Data) Subdivisions(country string) []*Subdivision {
	c, ok := d.ByCode(country)
	if !ok {
		return nil
	}
	return d.subs[c.Alpha3]
}

// SubdivisionByCode returns the subdivision with an ISO 3166-2 code ("UA-23").
func (d *Data) SubdivisionByCode(code string) (*Subdivision, bool) {
	s, ok := d.subCode[strings.ToUpper(code)]
	return s, ok
}

// LookupSubdivision returns the subdivision a name refers to, within
// country (any code form ByCode accepts; "" for any country). A type word
// may follow or precede the name ("Zaporizhzhia region", "Zaporizhzhia
// Oblast", "Province of Idlib"): then a subdivision of that name with a type
// is preferred to a city of the same name ("Kyiv region" is UA-32, "Kyiv"
// UA-30). Among several candidates, English names from
// subdivision_names.tsv come first, then ISO names by code.
func (d *Data) LookupSubdivision(name, country string) (*Subdivision, bool) {
	cands := d.LookupSubdivisions(name)
	if country == "" {
		if len(cands) > 0 {
			return cands[0], true
		}
		return nil, false
	}
	c, ok := d.ByCode(country)
	if !ok {
		return nil, false
	}
	for _, s := range cands {
		if s.Country == c.Alpha3 {
			return s, true
		}
	}
	return nil, false
}

// LookupSubdivisions returns every subdivision a name may refer to, best
// first (see LookupSubdivision). The slice must not be modified.
func (d *Data) LookupSubdivisions(name string) []*Subdivision {
	var buf [64]byte
	k := appendKey(buf[:0], name)
	base, typed := stripType(string(k))
	if typed {
		if s := d.subNames[string(k)]; len(s) > 0 {
			return s
		}
		if s := d.subBases[base]; len(s) > 0 {
			return s
		}
		return d.subNames[base]
	}
	if s := d.subNames[string(k)]; len(s) > 0 {
		return s
	}
	return d.subBases[string(k)]
}

// typeWords are the subdivision type words that may follow (or, for the
// first group, precede) a subdivision's name, as keys.
var typeWords = []string{
	"autonomous okrug", "autonomous district", "autonomous region", "autonomous republic",
	"oblast", "region", "province", "state", "governorate", "prefecture", "county",
	"district", "department", "republic", "respublika", "krai", "kray", "okrug", "territory",
	"municipality", "emirate", "canton", "voivodeship", "parish", "sheng", "shi", "zizhiqu", "do",
}

// stripType removes one type word from the end ("zaporizhzhia oblast") or
// a "<type> of" prefix ("province of idlib", "republic of dagestan") of a
// key and reports whether it did.
func stripType(k string) (string, bool) {
	for _, w := range typeWords {
		if len(k) > len(w)+1 && k[len(k)-len(w)-1] == ' ' && k[len(k)-len(w):] == w {
			return k[:len(k)-len(w)-1], true
		}
		if len(k) > len(w)+4 && k[:len(w)] == w && k[len(w):len(w)+4] == " of " {
			return k[len(w)+4:], true
		}
	}
	return k, false
}

// sortSubs orders candidates: English-named first, then by code.
func sortSubs(m map[string][]*Subdivision, english map[*Subdivision]bool) {
	for _, list := range m {
		sort.SliceStable(list, func(i, j int) bool {
			if english[list[i]] != english[list[j]] {
				return english[list[i]]
			}
			return list[i].Code < list[j].Code
		})
	}
}
