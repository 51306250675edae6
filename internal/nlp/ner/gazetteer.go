package ner

import (
	"sync"

	"herald/internal/resources/countries"
)

// CountryGazetteer is the Gazetteer over herald's country data: country
// names, capitals, demonyms and first-level subdivisions.
type CountryGazetteer struct{ D *countries.Data }

// Kind implements Gazetteer.
func (g CountryGazetteer) Kind(p string) string {
	if _, ok := g.D.LookupName(p); ok {
		return "country"
	}
	if _, ok := g.D.LookupCapital(p); ok {
		return "capital"
	}
	if dm, ok := g.D.LookupDemonym(p); ok {
		if dm.Kind.Has(countries.People) && !dm.Kind.Has(countries.Adjective) {
			return "people"
		}
		return "demonym"
	}
	if len(g.D.LookupSubdivisions(p)) > 0 {
		return "region"
	}
	return ""
}

var (
	gzOnce sync.Once
	gz     Gazetteer
	gzErr  error
)

// DefaultGazetteer returns the gazetteer over the embedded country data, loaded once.
func DefaultGazetteer() (Gazetteer, error) {
	gzOnce.Do(func() {
		d, err := countries.Load()
		if err != nil {
			gzErr = err
			return
		}
		gz = CountryGazetteer{d}
	})
	return gz, gzErr
}
