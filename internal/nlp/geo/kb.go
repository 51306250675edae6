package geo

import (
	"fmt"
	"strings"
	"sync"

	"herald/internal/resources/countries"
	"herald/internal/resources/gazetteer"
)

// kb is the read-only knowledge the stage uses: the gazetteer, the country
// data and the link from ISO 3166-2 subdivisions to gazetteer points.
type kb struct {
	g *gazetteer.Gazetteer
	c *countries.Data
	// sub maps an ISO 3166-2 code to the gazetteer entry standing for it:
	// the subdivision's ADM1 point when found, else its seat.
	sub map[string]int32
	// names holds the folded country and subdivision names (and
	// subdivision names without their type word), for fast detection;
	// abbrev the folded forms of country abbreviations matched only in capitals.
	names  map[string]bool
	abbrev map[string]bool
	// adm holds the "USA.TX" keys of first-level subdivisions, one string each.
	adm map[[2]string]string
}

// admKey returns the first-level subdivision key of gazetteer entry i read
// as feature, without allocating.
func (k *kb) admKey(i int32, feature string) string {
	p := &k.g.Places[i]
	if p.Admin1 == "" || feature == "PCLI" {
		return ""
	}
	if s, ok := k.adm[[2]string{p.Country, p.Admin1}]; ok {
		return s
	}
	return admOf(p.Country, p.Admin1, feature)
}

var (
	kbOnce sync.Once
	kbVal  *kb
	kbErr  error
)

// loadKB loads the gazetteer and country data once per process.
func loadKB() (*kb, error) {
	kbOnce.Do(func() {
		g, err := gazetteer.Load()
		if err != nil {
			kbErr = fmt.Errorf("geo: load: %w", err)
			return
		}
		c, err := countries.Load()
		if err != nil {
			kbErr = fmt.Errorf("geo: load: %w", err)
			return
		}
		kbVal = newKB(g, c)
	})
	return kbVal, kbErr
}

func newKB(g *gazetteer.Gazetteer, c *countries.Data) *kb {
	k := &kb{g: g, c: c, sub: map[string]int32{}, names: map[string]bool{}, abbrev: map[string]bool{}, adm: map[[2]string]string{}}
	for _, p := range g.Places {
		if p.Feature == "ADM1" && p.Admin1 != "" {
			k.adm[[2]string{p.Country, p.Admin1}] = admOf(p.Country, p.Admin1, "ADM1")
		}
	}
	var buf []byte
	for _, ct := range c.All() {
		for _, n := range ct.Names {
			f := gazetteer.FoldString(n)
			if _, ok := c.LookupName(strings.ToLower(n)); ok {
				k.names[f] = true
			} else {
				k.abbrev[f] = true
			}
		}
		for _, s := range c.Subdivisions(ct.Alpha3) {
			for _, n := range s.Names {
				k.names[gazetteer.FoldString(n)] = true
				k.names[gazetteer.FoldString(stripTypeWord(n))] = true
			}
		}
	}
	for _, ct := range c.All() {
		seats := g.Seats(ct.Alpha3)
		for _, s := range c.Subdivisions(ct.Alpha3) {
			if ct.Alpha3 == "USA" {
				if i, ok := g.Admin1("USA", strings.TrimPrefix(s.Code, "US-")); ok {
					k.sub[s.Code] = i
				}
				continue
			}
			// Find the seat named like the subdivision ("Zaporizhzhia
			// Oblast" → the city Zaporizhzhya, admin1 26) and take the
			// point of that seat's first-level subdivision.
			best := int32(-1)
			for _, n := range s.Names {
				buf = gazetteer.Fold(buf[:0], stripTypeWord(n))
				for _, si := range seats {
					if seatMatches(g, si, buf) {
						best = si
						break
					}
				}
				if best >= 0 {
					break
				}
			}
			if best < 0 {
				continue
			}
			p := g.Places[best]
			if s.Type == "City" || s.Type == "Municipality" && p.Feature == "PPLC" {
				k.sub[s.Code] = best
			} else if i, ok := g.Admin1(p.Country, p.Admin1); ok {
				k.sub[s.Code] = i
			} else {
				k.sub[s.Code] = best
			}
		}
	}
	return k
}

// seatMatches reports whether the seat's name or an alternate folds to key.
func seatMatches(g *gazetteer.Gazetteer, seat int32, key []byte) bool {
	if len(key) < 3 {
		return false
	}
	var cands [64]gazetteer.Candidate
	for _, c := range g.Lookup(cands[:0], key) {
		if c.Place == seat {
			return true
		}
	}
	return false
}

// typeWords are subdivision type words that may follow a name in text.
var typeWords = []string{"oblast", "region", "province", "state", "governorate", "prefecture",
	"district", "department", "krai", "kray", "okrug", "territory", "republic", "county", "parish", "voivodeship", "canton"}

// stripTypeWord removes a trailing type word: "Zaporizhzhia Oblast" → "Zaporizhzhia".
func stripTypeWord(n string) string {
	i := strings.LastIndexByte(n, ' ')
	if i <= 0 {
		return n
	}
	w := strings.ToLower(n[i+1:])
	for _, t := range typeWords {
		if w == t {
			return n[:i]
		}
	}
	return n
}
