package countries

import (
	"fmt"
	"sort"
	"strings"

	"herald/internal/resources"
)

// load builds Data from the files that read returns.
func load(read func(name string) ([]byte, error)) (*Data, error) {
	rows := map[string][]resources.Row{}
	minFields := map[string]int{"countries.tsv": 7, "subdivisions.tsv": 4, "aliases.tsv": 3,
		"subdivision_names.tsv": 2, "demonyms.tsv": 4}
	for _, f := range Files {
		data, err := read(f)
		if err != nil {
			return nil, fmt.Errorf("countries: load: %w", err)
		}
		r, err := resources.TSV(f, data, minFields[f])
		if err != nil {
			return nil, fmt.Errorf("countries: load: %w", err)
		}
		rows[f] = r
	}
	d := &Data{
		byCode:   map[string]*Country{},
		names:    map[string]*Country{},
		abbrevs:  map[string]*Country{},
		capitals: map[string]*Country{},
		demonyms: map[string]Demonym{},
		subs:     map[string][]*Subdivision{},
		subCode:  map[string]*Subdivision{},
		subNames: map[string][]*Subdivision{},
		subBases: map[string][]*Subdivision{},
	}
	if err := d.loadCountries(rows["countries.tsv"]); err != nil {
		return nil, err
	}
	if err := d.loadAliases(rows["aliases.tsv"]); err != nil {
		return nil, err
	}
	d.indexCountries()
	if err := d.loadSubdivisions(rows["subdivisions.tsv"], rows["subdivision_names.tsv"]); err != nil {
		return nil, err
	}
	if err := d.loadDemonyms(rows["demonyms.tsv"]); err != nil {
		return nil, err
	}
	return d, nil
}

func located(err *resources.Error) error { return fmt.Errorf("countries: load: %w", err) }

func isUpperASCII(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (d *Data) loadCountries(rows []resources.Row) error {
	for _, r := range rows {
		c := &Country{Alpha2: r.Fields[0], Alpha3: r.Fields[1], Numeric: r.Fields[2], Name: r.Fields[3],
			Official: r.Fields[4], Common: r.Fields[5], Capital: r.Fields[6]}
		switch {
		case !isUpperASCII(c.Alpha2, 2):
			return located(r.Errorf(0, "alpha-2 code %q is not two capital letters", c.Alpha2))
		case !isUpperASCII(c.Alpha3, 3):
			return located(r.Errorf(1, "alpha-3 code %q is not three capital letters", c.Alpha3))
		case len(c.Numeric) != 3 || strings.Trim(c.Numeric, "0123456789") != "":
			return located(r.Errorf(2, "numeric code %q is not three digits", c.Numeric))
		case c.Name == "":
			return located(r.Errorf(3, "empty name"))
		}
		for i, code := range []string{c.Alpha2, c.Alpha3, c.Numeric} {
			if _, dup := d.byCode[code]; dup {
				return located(r.Errorf(i, "duplicate code %s", code))
			}
			d.byCode[code] = c
		}
		if c.Common == "" {
			c.Common = c.Name
		}
		if c.Capital != "" {
			c.CapitalNames = []string{c.Capital}
		}
		d.all = append(d.all, c)
	}
	sort.Slice(d.all, func(i, j int) bool { return d.all[i].Alpha3 < d.all[j].Alpha3 })
	return nil
}

func (d *Data) country(r resources.Row, i int) (*Country, error) {
	c, ok := d.byCode[r.Fields[i]]
	if !ok || len(r.Fields[i]) != 3 {
		return nil, located(r.Errorf(i, "unknown alpha-3 country code %q", r.Fields[i]))
	}
	return c, nil
}

func (d *Data) loadAliases(rows []resources.Row) error {
	common := map[*Country]bool{}
	for _, r := range rows {
		c, err := d.country(r, 0)
		if err != nil {
			return err
		}
		form := r.Fields[2]
		if Key(form) == "" {
			return located(r.Errorf(2, "empty name"))
		}
		switch r.Fields[1] {
		case "common":
			if common[c] {
				return located(r.Errorf(1, "second common name for %s", c.Alpha3))
			}
			common[c] = true
			c.Common = form
		case "name":
			c.Names = append(c.Names, form)
		case "capital":
			c.CapitalNames = append(c.CapitalNames, form)
		default:
			return located(r.Errorf(1, "unknown kind %q (want common, name or capital)", r.Fields[1]))
		}
	}
	return nil
}

// indexCountries completes Names and fills the name and capital indexes.
// The first country to claim a key keeps it.
func (d *Data) indexCountries() {
	for _, c := range d.all {
		names := []string{c.Common, c.Name}
		if c.Official != "" {
			names = append(names, c.Official)
		}
		c.Names = dedupe(append(names, c.Names...))
		for _, n := range c.Names {
			k := Key(n)
			if isAbbrev(n) {
				if _, ok := d.abbrevs[k]; !ok {
					d.abbrevs[k] = c
				}
				continue
			}
			if _, ok := d.names[k]; !ok {
				d.names[k] = c
			}
		}
		c.CapitalNames = dedupe(c.CapitalNames)
		for _, n := range c.CapitalNames {
			if k := Key(n); k != "" {
				if _, ok := d.capitals[k]; !ok {
					d.capitals[k] = c
				}
			}
		}
	}
}

// dedupe drops empty names and names whose key repeats an earlier one.
func dedupe(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		k := Key(n)
		if isAbbrev(n) {
			k = "\x00" + k // an abbreviation differs from a word with the same key
		}
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

func (d *Data) loadSubdivisions(iso, names []resources.Row) error {
	for _, r := range iso {
		s := &Subdivision{Code: r.Fields[0], Type: r.Fields[2], ISOName: r.Fields[3], Name: r.Fields[3]}
		c, err := d.country(r, 1)
		if err != nil {
			return err
		}
		if len(s.Code) < 4 || s.Code[:2] != c.Alpha2 || s.Code[2] != '-' {
			return located(r.Errorf(0, "subdivision code %q does not start with %s-", s.Code, c.Alpha2))
		}
		if _, dup := d.subCode[s.Code]; dup {
			return located(r.Errorf(0, "duplicate subdivision code %s", s.Code))
		}
		s.Country = c.Alpha3
		s.Names = []string{s.ISOName}
		if alt := r.Field(4); alt != "" {
			s.Names = append(s.Names, alt)
		}
		d.subCode[s.Code] = s
		d.subs[c.Alpha3] = append(d.subs[c.Alpha3], s)
	}
	english := map[*Subdivision]bool{}
	for _, r := range names {
		s, ok := d.subCode[r.Fields[0]]
		if !ok {
			return located(r.Errorf(0, "unknown subdivision code %q", r.Fields[0]))
		}
		if english[s] {
			return located(r.Errorf(0, "subdivision %s listed twice", s.Code))
		}
		english[s] = true
		s.Name = r.Fields[1]
		names := []string{s.Name}
		for _, a := range strings.Split(r.Field(2), "|") {
			if a = strings.TrimSpace(a); a != "" {
				names = append(names, a)
			}
		}
		s.Names = append(names, s.Names...)
	}
	for _, list := range d.subs {
		sort.Slice(list, func(i, j int) bool { return list[i].Code < list[j].Code })
		for _, s := range list {
			s.Names = dedupe(s.Names)
			seenBase := map[string]bool{}
			for _, n := range s.Names {
				k := Key(n)
				d.subNames[k] = appendSub(d.subNames[k], s)
				if b, ok := stripType(k); ok && !seenBase[b] {
					seenBase[b] = true
					d.subBases[b] = appendSub(d.subBases[b], s)
				}
			}
		}
	}
	for _, s := range d.subCode {
		d.allSubs = append(d.allSubs, s)
	}
	sort.Slice(d.allSubs, func(i, j int) bool { return d.allSubs[i].Code < d.allSubs[j].Code })
	sortSubs(d.subNames, english)
	sortSubs(d.subBases, english)
	return nil
}

func appendSub(list []*Subdivision, s *Subdivision) []*Subdivision {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func (d *Data) loadDemonyms(rows []resources.Row) error {
	kinds := []DemonymKind{Adjective, Person, People}
	for _, r := range rows {
		var c *Country
		group := ""
		if code := r.Fields[0]; strings.HasPrefix(code, "@") {
			group = strings.TrimSpace(code[1:])
			if group == "" {
				return located(r.Errorf(0, "empty group name"))
			}
		} else {
			var err error
			if c, err = d.country(r, 0); err != nil {
				return err
			}
		}
		// forms of this row, kinds merged ("Chinese" is all three)
		var order []string
		merged := map[string]*Demonym{}
		for i, kind := range kinds {
			for _, f := range strings.Split(r.Fields[i+1], "|") {
				f = strings.TrimSpace(f)
				if f == "" || f == "-" {
					continue
				}
				k := Key(f)
				if k == "" {
					return located(r.Errorf(i+1, "empty demonym form"))
				}
				if m, ok := merged[k]; ok {
					m.Kind |= kind
					continue
				}
				merged[k] = &Demonym{Form: f, Kind: kind, Country: c, Group: group}
				order = append(order, k)
			}
		}
		for _, k := range order {
			dm := *merged[k]
			d.allDem = append(d.allDem, dm)
			if c != nil {
				c.Demonyms = append(c.Demonyms, dm)
			}
			if _, ok := d.demonyms[k]; !ok {
				d.demonyms[k] = dm
			}
		}
	}
	return nil
}
