package geo

import (
	"math"
	"slices"
	"strings"

	"herald/internal/model"
	"herald/internal/resources/gazetteer"
)

// cand is one possible referent of a name.
type cand struct {
	idx     int32 // gazetteer entry
	name    string
	feature string
	country string
	admin1  string
	lat     float64
	lon     float64
	gid     uint32
	prior   float64
	co      int    // other names of the article with a reading within coKm
	adm     string // "USA.TX": the first-level subdivision it lies in, "" for countries
	alt     bool   // found under an alternate name
}

// Scoring weights. Feature priors put areas a name most often means in news
// (countries, states, continents) above towns; population orders towns.
// Evidence terms saturate (see sat): the first mentions of a country or
// state count most.
const (
	wPop     = 1.1  // per decade of population
	wAlt     = -1.0 // matched an alternate name (towns under 100,000 people)
	wCountry = 3.0  // times sat(the article's evidence for the candidate's country)
	wAdmin1  = 4.0  // times sat(the article's evidence for its first-level subdivision)
	wNear    = 2.0  // within nearKm of another name's chosen town (second pass)
	nearKm   = 120.0
	wCo      = 2.0 // per other name with a reading within coKm (at most coMax)
	coKm     = 50.0
	coMax    = 2
	coGap    = 4.5 // a reading supports others when its prior is within coGap of its name's best
	admGap   = 2.5 // the same, for support of a first-level subdivision by its places
	wTyped   = 4.0 // "X region" and a subdivision, "X counties" and a county
	// per sibling in a list ("New South Wales, Victoria and Western
	// Australia") whose choice has the candidate's feature and country (at
	// most sibMax), for subdivisions found under their own name: a list of
	// states or provinces keeps to one country
	wSibling = 2.0
	sibMax   = 2
)

func featurePrior(f string) float64 {
	switch f {
	case "PCLI":
		return 9.5
	case "CONT":
		return 8
	case "ADM1":
		return 6.5
	case "RGN":
		return 6
	case "ADM2":
		return 4
	case "PPLC":
		return 2.5
	case "PPLA":
		return 1.2
	case "PPLA2":
		return 0.6
	case "PPLA3", "PPLA4", "PPL", "PPLF", "PPLS", "PPLL", "STLMT", "PPLR", "PPLG", "PPLA5", "PPLCH":
		return 0
	case "PPLX":
		return -1.5
	}
	return 0
}

// candidates lists the possible referents of mention m.
func (d *doc) candidates(m *mention) []cand {
	k := d.k
	if m.rule == ruleFeature {
		return nil
	}
	name := d.a.Text[m.ns:m.ne]
	base := len(d.slab)
	out := d.slab[base:] // candidates go to the article's slab: one allocation for all names
	addIdx := func(i int32, nm, feat string, prior float64) {
		for _, c := range out {
			if c.idx == i {
				return
			}
		}
		p := &k.g.Places[i]
		if nm == "" {
			nm = p.Name
		}
		if feat == "" {
			feat = p.Feature
		}
		out = append(out, cand{idx: i, name: nm, feature: feat, country: p.Country, admin1: p.Admin1,
			lat: round4(p.Lat), lon: round4(p.Lon), gid: p.ID, prior: prior, adm: d.k.admKey(i, feat)})
	}
	countryDone := map[string]bool{}
	if c, ok := k.c.LookupName(name); ok {
		if i, ok := k.g.Country(c.Alpha3); ok {
			addIdx(i, c.Common, "PCLI", featurePrior("PCLI"))
			countryDone[c.Alpha3] = true
		}
	}
	if len(out) == 0 {
		if dm, ok := k.c.LookupDemonym(name); ok && dm.Country != nil {
			if i, ok := k.g.Country(dm.Country.Alpha3); ok {
				addIdx(i, dm.Country.Common, "PCLI", featurePrior("PCLI"))
				countryDone[dm.Country.Alpha3] = true
			}
		}
	}
	if strings.IndexByte(name, '.') > 0 || len(name) == 2 && name == strings.ToUpper(name) {
		d.buf = gazetteer.Fold(d.buf[:0], name)
		if st, ok := k.g.USState(d.buf); ok {
			if i, ok := k.g.Admin1("USA", st); ok {
				addIdx(i, "", "", featurePrior("ADM1")+2)
			}
		}
	}
	subName := name
	if m.typed == typeRegion {
		subName = d.a.Text[m.ns:m.end]
	}
	subs := k.c.LookupSubdivisions(subName)
	for n, s := range subs {
		if n == 6 {
			break
		}
		i, ok := k.sub[s.Code]
		if !ok {
			continue
		}
		pr := featurePrior("ADM1")
		if m.typed == typeRegion {
			pr += wTyped
		}
		if n > 0 {
			pr -= 0.5
		}
		if p := &k.g.Places[i]; p.Feature == "ADM1" {
			addIdx(i, s.Name, "ADM1", pr)
		} else {
			addIdx(i, "", "", pr-1) // the subdivision's seat stands for it
		}
	}
	d.buf = gazetteer.Fold(d.buf[:0], name)
	d.cbuf = k.g.Lookup(d.cbuf[:0], d.buf)
	if m.typed == typeCounty && m.ne == m.end {
		// "Wilkin" in "Grant and Wilkin counties": Wilkin County.
		n := len(d.buf)
		d.cbuf = k.g.Lookup(d.cbuf, append(d.buf, " county"...))
		d.cbuf = k.g.Lookup(d.cbuf, append(d.buf[:n], " parish"...))
		d.buf = d.buf[:n]
	}
	for _, c := range d.cbuf {
		p := &k.g.Places[c.Place]
		if p.Feature == "PCLI" && countryDone[p.Country] {
			continue
		}
		if p.Feature == "ADM1" && p.Name == "" {
			continue
		}
		if len(name) <= 3 && name == strings.ToUpper(name) && p.Name != name {
			continue // "EU" is not Eu, France
		}
		pr := featurePrior(p.Feature) + wPop*math.Log10(1+float64(p.Pop))
		if c.Alt && p.Pop < 100000 {
			pr += wAlt // large cities are often named by an exonym ("Geneva" for Genève)
		}
		if m.typed == typeRegion && p.Feature != "ADM1" {
			pr -= wTyped
		}
		if m.typed == typeCounty && p.Feature == "ADM2" {
			pr += wTyped
		}
		addIdx(c.Place, "", "", pr)
		if c.Alt && len(out) > 0 && out[len(out)-1].idx == c.Place {
			out[len(out)-1].alt = true
		}
	}
	// A bare name shared by a subdivision and its seat ("Geneva", "Kyiv")
	// is more often the city.
	if m.typed == typeNone {
		for i := range out {
			if out[i].feature != "ADM1" || out[i].adm == "" {
				continue
			}
			for j := range out {
				if f := out[j].feature; (f == "PPLA" || f == "PPLC") && out[j].adm == out[i].adm {
					out[i].prior -= 3
					break
				}
			}
		}
	}
	// Qualifiers restrict the candidates when any fits.
	if m.qualState != "" || m.qualCtry != "" {
		var fit []cand
		for _, c := range out {
			if m.qualState != "" && c.country == "USA" && c.admin1 == m.qualState && c.feature != "ADM1" ||
				m.qualCtry != "" && c.country == m.qualCtry && c.feature != "PCLI" {
				fit = append(fit, c)
			}
		}
		if len(fit) > 0 {
			out = fit
		}
	}
	if len(out) > 0 && base+len(out) <= cap(d.slab) && &d.slab[base : base+1][0] == &out[0] {
		d.slab = d.slab[:base+len(out)] // out lives in the slab: keep it there
	}
	return out[:len(out):len(out)]
}

func round4(f float32) float64 { return math.Round(float64(f)*1e4) / 1e4 }

// group is all mentions sharing one key (one sense per name per article).
type group struct {
	key    string
	ments  []int
	cands  []cand
	best   int // index into cands, -1 when none
	scores []float64
}

// resolve chooses a referent for every mention and returns the places.
func (d *doc) resolve() []model.Place {
	groups := make([]*group, 0, len(d.ments))
	byKey := make(map[string]*group, len(d.ments))
	for i := range d.ments {
		m := &d.ments[i]
		g := byKey[m.key]
		if g == nil {
			g = &group{key: m.key, best: -1}
			g.cands = d.candidates(m)
			byKey[m.key] = g
			groups = append(groups, g)
		}
		g.ments = append(g.ments, i)
	}
	colocate(groups)
	sibs := d.siblings(byKey)
	// Evidence from names with one country or one subdivision among their candidates.
	ctry := map[string]float64{}
	adm := map[string]float64{}
	for k, v := range d.ctry {
		ctry[k] += v
	}
	for k, v := range d.adm {
		adm[k] += v
	}
	for _, g := range groups {
		if len(g.cands) == 0 {
			continue
		}
		c0, a0 := g.cands[0].country, admKey(g.cands[0])
		oneC, oneA := true, true
		for _, c := range g.cands[1:] {
			oneC = oneC && c.country == c0
			oneA = oneA && admKey(c) == a0
		}
		if oneC && c0 != "" {
			ctry[c0] += 1
		}
		if oneA && a0 != "" {
			adm[a0] += 1
		}
	}
	// Pass 1: priors and explicit evidence.
	for _, g := range groups {
		g.best = d.pick(g, ctry, adm, nil, nil, nil)
	}
	// Pass 2: the other names' choices as evidence (leave-one-out), and nearness.
	ctry2 := map[string]float64{}
	adm2 := map[string]float64{}
	for k, v := range ctry {
		ctry2[k] = v
	}
	for k, v := range adm {
		adm2[k] = v
	}
	for _, g := range groups {
		if g.best >= 0 {
			c := g.cands[g.best]
			ctry2[c.country] += float64(len(g.ments))
			if a := admKey(c); a != "" {
				adm2[a] += float64(len(g.ments))
			}
		}
	}
	var anchors []anchor
	for _, o := range groups {
		if o.best < 0 {
			continue
		}
		switch oc := &o.cands[o.best]; oc.feature {
		case "PCLI", "CONT", "RGN", "ADM1":
		default:
			anchors = append(anchors, anchor{oc.lat, oc.lon, o})
		}
	}
	for _, g := range groups {
		if len(g.cands) < 2 {
			continue
		}
		var self *cand
		if g.best >= 0 {
			self = &g.cands[g.best]
			ctry2[self.country] -= float64(len(g.ments))
			if a := admKey(*self); a != "" {
				adm2[a] -= float64(len(g.ments))
			}
		}
		best := d.pick(g, ctry2, adm2, anchors, g, sibs[g])
		if self != nil {
			ctry2[self.country] += float64(len(g.ments))
			if a := admKey(*self); a != "" {
				adm2[a] += float64(len(g.ments))
			}
		}
		g.best = best
	}
	out := make([]model.Place, 0, len(d.ments))
	for _, g := range groups {
		for _, mi := range g.ments {
			m := &d.ments[mi]
			p := model.Place{Start: m.start, End: m.end, Text: d.a.Text[m.start:m.end], Rule: m.rule}
			if m.rule == ruleFeature {
				p.Name, p.Feature = p.Text, m.feature // known by its type word only: no point
			} else if g.best < 0 {
				if m.rule != ruleGiven {
					continue // no referent: not a place we can map
				}
			} else {
				c := g.cands[g.best]
				p.Name, p.Feature, p.Country, p.Lat, p.Lon, p.GeoNames = c.name, c.feature, c.country, c.lat, c.lon, int(c.gid)
			}
			out = append(out, p)
		}
	}
	d.linkEntities(out)
	number(out)
	return out
}

// linkEntities sets Place.Entity to the actor stage's entity one of whose
// mentions has the place's name span.
func (d *doc) linkEntities(ps []model.Place) {
	if len(d.a.Entities) == 0 || len(ps) == 0 {
		return
	}
	at := map[model.Span]string{}
	for _, e := range d.a.Entities {
		for _, m := range e.Mentions {
			at[model.Span{Start: m.Start, End: m.End}] = e.ID
		}
	}
	for i := range ps {
		if id, ok := at[model.Span{Start: ps[i].Start, End: ps[i].End}]; ok {
			ps[i].Entity = id
		}
	}
}

func admKey(c cand) string { return c.adm }

// admOf returns the key of the first-level subdivision a place lies in.
func admOf(country, admin1, feature string) string {
	if admin1 == "" || feature == "PCLI" {
		return ""
	}
	return country + "." + admin1
}

// local reports whether a candidate is a town or a county found under its
// own name: a reading that co-location can support. (An alternate name of
// a small town near a big city is no evidence: "Athens" for Lemont,
// Illinois, near Chicago.)
func local(c *cand) bool {
	if c.alt {
		return false
	}
	switch c.feature {
	case "PCLI", "CONT", "RGN", "ADM1":
		return false
	}
	return true
}

// colocate counts, for every local candidate, the other names that have a
// local reading within coKm: "Paris" and "Henry County" in one article are
// Paris, Tennessee and Henry County, Tennessee. A grid of half-degree cells
// keeps it near linear.
func colocate(groups []*group) {
	const cell = 0.5
	type pt struct {
		g        int
		lat, lon float64
	}
	key := func(lat, lon float64) int64 {
		return int64(math.Floor(lat/cell))<<32 ^ int64(int32(math.Floor(lon/cell)))
	}
	grid := map[int64][]pt{}
	multi := false
	top := make([]float64, len(groups)) // best prior of each name
	for gi, g := range groups {
		top[gi] = math.Inf(-1)
		for ci := range g.cands {
			top[gi] = math.Max(top[gi], g.cands[ci].prior)
		}
	}
	for gi, g := range groups {
		multi = multi || len(g.cands) > 1
		for ci := range g.cands {
			// Only readings not far below the name's best support others.
			if c := &g.cands[ci]; local(c) && c.prior >= top[gi]-coGap {
				k := key(c.lat, c.lon)
				grid[k] = append(grid[k], pt{gi, c.lat, c.lon})
			}
		}
	}
	if !multi {
		return
	}
	// Which names have a local reading inside each first-level subdivision.
	inAdm := map[string][]int{}
	for gi, g := range groups {
		for ci := range g.cands {
			if c := &g.cands[ci]; local(c) && c.adm != "" && c.prior >= top[gi]-admGap && !slices.Contains(inAdm[c.adm], gi) {
				inAdm[c.adm] = append(inAdm[c.adm], gi)
			}
		}
	}
	var seen []int
	for gi, g := range groups {
		if len(g.cands) < 2 {
			continue
		}
		for ci := range g.cands {
			c := &g.cands[ci]
			if c.feature == "ADM1" && c.adm != "" {
				// A state or province is supported by the names with a
				// reading inside it ("Indiana" with Muncie and Kokomo).
				n := 0
				for _, o := range inAdm[c.adm] {
					if o != gi {
						n++
					}
				}
				c.co = n
				continue
			}
			if !local(c) {
				continue
			}
			seen = seen[:0]
			la, lo := math.Floor(c.lat/cell), math.Floor(c.lon/cell)
			for dy := -1.0; dy <= 1; dy++ {
				for dx := -1.0; dx <= 1; dx++ {
					for _, p := range grid[int64(la+dy)<<32^int64(int32(lo+dx))] {
						if p.g == gi || slices.Contains(seen, p.g) {
							continue
						}
						if km(c.lat, c.lon, p.lat, p.lon) < coKm {
							seen = append(seen, p.g)
						}
					}
				}
			}
			c.co = len(seen)
		}
	}
}

// anchor is a group's chosen town or county, for nearness.
type anchor struct {
	lat, lon float64
	g        *group
}

// nearDeg is nearKm in degrees of latitude, a quick bound before km.
const nearDeg = nearKm / 111.0

// pick returns the best candidate of g under the evidence; with anchors
// set, nearness to the other groups' choices counts too.
func (d *doc) pick(g *group, ctry, adm map[string]float64, anchors []anchor, self *group, sibs []*group) int {
	if len(g.cands) == 0 {
		return -1
	}
	best, bestS := -1, math.Inf(-1)
	for i, c := range g.cands {
		s := c.prior + wCo*float64(min(c.co, coMax))
		if c.country != "" {
			s += wCountry * sat(ctry[c.country])
		}
		if a := admKey(c); a != "" {
			s += wAdmin1 * sat(adm[a])
		}
		if anchors != nil && local(&c) {
			for _, o := range anchors {
				if o.g == self {
					continue
				}
				if dl := c.lat - o.lat; dl > nearDeg || dl < -nearDeg {
					continue
				}
				if km(c.lat, c.lon, o.lat, o.lon) < nearKm {
					s += wNear
					break
				}
			}
		}
		n := 0
		for _, o := range sibs {
			if o.best >= 0 && n < sibMax && !c.alt && (c.feature == "ADM1" || c.feature == "ADM2") {
				if oc := &o.cands[o.best]; oc.country == c.country && oc.feature == c.feature {
					s += wSibling
					n++
				}
			}
		}
		if s > bestS {
			best, bestS = i, s
		}
	}
	return best
}

// siblings links the groups of names listed together ("A, B and C",
// "A (AB) and B"): such names are mostly places of one kind in one country.
func (d *doc) siblings(byKey map[string]*group) map[*group][]*group {
	order := make([]int, 0, len(d.ments))
	for i := range d.ments {
		if d.ments[i].rule != ruleFeature {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return d.ments[a].start - d.ments[b].start })
	var out map[*group][]*group
	for k := 1; k < len(order); k++ {
		a, b := &d.ments[order[k-1]], &d.ments[order[k]]
		if a.end > b.start || a.qualState != "" || a.qualCtry != "" || !listGap(d.a.Text[a.end:b.start]) {
			continue
		}
		ga, gb := byKey[a.key], byKey[b.key]
		if ga == nil || gb == nil || ga == gb {
			continue
		}
		if out == nil {
			out = map[*group][]*group{}
		}
		if !slices.Contains(out[ga], gb) {
			out[ga] = append(out[ga], gb)
			out[gb] = append(out[gb], ga)
		}
	}
	return out
}

// listGap reports whether the text between two names joins them in a
// list: a comma, "and", "or" or "&", after an optional short parenthesis
// ("New South Wales (NSW), Victoria").
func listGap(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		i := strings.IndexByte(s, ')')
		if i < 0 || i > 12 {
			return false
		}
		s = strings.TrimSpace(s[i+1:])
	}
	switch s {
	case ",", "and", "or", "&", ", and", ", or":
		return true
	}
	return false
}

// sat maps evidence ≥ 0 to [0, 1), saturating: 1 → 0.5, 3 → 0.75.
func sat(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x / (x + 1)
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
