package web

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"herald/internal/store"
)

// Rect is one bar of a chart.
type Rect struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// Label is a text label of a chart.
type Label struct {
	X, Y   float64
	Text   string
	Anchor string
}

// Chart is a stacked bar chart over days, drawn as SVG by the templates.
type Chart struct {
	Width, Height float64
	Bars          []Rect
	Labels        []Label
	Legend        []Label
	LegendClass   []string
	AxisY         float64
	Max           int
	Empty         bool
}

// Timeline builds a stacked bar chart of counts per day; keys are drawn in
// the order given (keyOrder), each with class "k-"+key. Ranges longer than
// 120 days are bucketed by month.
func Timeline(rows []store.DayCount, keyOrder []string, keyLabel func(string) string) Chart {
	const width, height, left, bottom, top = 760.0, 230.0, 40.0, 30.0, 26.0
	c := Chart{Width: width, Height: height, AxisY: height - bottom}
	if len(rows) == 0 {
		c.Empty = true
		return c
	}
	var days []time.Time
	for _, r := range rows {
		if t, err := time.Parse("2006-01-02", r.Day); err == nil {
			days = append(days, t)
		}
	}
	if len(days) == 0 {
		c.Empty = true
		return c
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	first, last := days[0], days[len(days)-1]
	monthly := last.Sub(first) > 120*24*time.Hour
	bucket := func(t time.Time) string {
		if monthly {
			return t.Format("2006-01")
		}
		return t.Format("2006-01-02")
	}
	var buckets []string
	for t := first; !t.After(last); {
		buckets = append(buckets, bucket(t))
		if monthly {
			t = time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		} else {
			t = t.AddDate(0, 0, 1)
		}
	}
	idx := map[string]int{}
	for i, b := range buckets {
		idx[b] = i
	}
	counts := make([]map[string]int, len(buckets))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	for _, r := range rows {
		t, err := time.Parse("2006-01-02", r.Day)
		if err != nil {
			continue
		}
		counts[idx[bucket(t)]][r.Key] += r.Count
	}
	for _, m := range counts {
		n := 0
		for _, v := range m {
			n += v
		}
		c.Max = max(c.Max, n)
	}
	plotH := height - bottom - top
	bw := (width - left - 10) / float64(len(buckets))
	scale := plotH / float64(c.Max)
	for i, m := range counts {
		x := left + float64(i)*bw
		y := height - bottom
		for _, k := range keyOrder {
			v := m[k]
			if v == 0 {
				continue
			}
			h := float64(v) * scale
			y -= h
			c.Bars = append(c.Bars, Rect{X: round1(x + bw*0.1), Y: round1(y), W: round1(math.Max(bw*0.8, 1)), H: round1(h),
				Class: "k-" + k, Title: fmt.Sprintf("%s: %d %s", buckets[i], v, keyLabel(k))})
		}
	}
	// Axis labels: at most 8 along x, max on y.
	step := max(1, len(buckets)/8)
	for i := 0; i < len(buckets); i += step {
		c.Labels = append(c.Labels, Label{X: round1(left + float64(i)*bw + bw/2), Y: height - bottom + 16, Text: buckets[i], Anchor: "middle"})
	}
	c.Labels = append(c.Labels, Label{X: left - 6, Y: top + 4, Text: fmt.Sprint(c.Max), Anchor: "end"},
		Label{X: left - 6, Y: height - bottom, Text: "0", Anchor: "end"})
	for i, k := range keyOrder {
		c.Legend = append(c.Legend, Label{X: left + float64(i)*150, Y: 12, Text: keyLabel(k)})
		c.LegendClass = append(c.LegendClass, "k-"+k)
	}
	return c
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// QuadLabel names a quad.
func QuadLabel(k string) string {
	switch k {
	case "1":
		return "verbal cooperation"
	case "2":
		return "material cooperation"
	case "3":
		return "verbal conflict"
	case "4":
		return "material conflict"
	}
	return "quad " + k
}

//go:embed static/world.tsv
var worldTSV []byte

// Country is one country shape of the world map.
type Country struct {
	Code, Name, D string
}

var (
	worldOnce sync.Once
	world     []Country
)

// World returns the embedded country shapes (ISO alpha-3, name, SVG path in
// an equirectangular 720×360 frame: x = 2·(lon+180), y = 2·(90−lat)).
func World() []Country {
	worldOnce.Do(func() {
		sc := bufio.NewScanner(bytes.NewReader(worldTSV))
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.SplitN(line, "\t", 3)
			if len(f) == 3 {
				world = append(world, Country{f[0], f[1], f[2]})
			}
		}
	})
	return world
}

// MapCountry is a country of the choropleth with its count and class.
type MapCountry struct {
	Country
	Count int
	Class string
}

// Choropleth colours every country by its event count in five classes.
func Choropleth(counts []store.CountryCount) (cs []MapCountry, maxCount int) {
	m := map[string]int{}
	for _, c := range counts {
		m[c.Country] += c.Count
		maxCount = max(maxCount, m[c.Country])
	}
	for _, w := range World() {
		n := m[w.Code]
		cls := "c0"
		if n > 0 {
			// log scale into 1..5
			k := 1 + int(4*math.Log1p(float64(n))/math.Log1p(float64(maxCount))+0.0001)
			cls = fmt.Sprintf("c%d", min(k, 5))
		}
		cs = append(cs, MapCountry{Country: w, Count: n, Class: cls})
	}
	return cs, maxCount
}

// Node is an actor of the network chart.
type Node struct {
	X, Y, R float64
	Name    string
	Href    string
	Count   int
	LabelX  float64
	Anchor  string
	Class   string
}

// Edge is a dyad of the network chart.
type Edge struct {
	X1, Y1, X2, Y2, W float64
	Class             string
	Title             string
}

// Network lays the actors of the dyads on a circle, most active first, with
// edges as wide as their counts; class "hostile" marks mean intensity < 0.
func Network(dyads []store.Dyad, maxNodes int) (nodes []Node, edges []Edge) {
	count := map[string]int{}
	for _, d := range dyads {
		count[d.Actor.Name] += d.Count
		count[d.Recipient.Name] += d.Count
	}
	var names []string
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) > maxNodes {
		names = names[:maxNodes]
	}
	const cx, cy, rad = 380.0, 260.0, 190.0
	pos := map[string]int{}
	maxC := 1
	for _, n := range names {
		maxC = max(maxC, count[n])
	}
	for i, n := range names {
		a := 2*math.Pi*float64(i)/float64(len(names)) - math.Pi/2
		x, y := cx+rad*math.Cos(a), cy+rad*math.Sin(a)
		nd := Node{X: round1(x), Y: round1(y), R: round1(4 + 10*math.Sqrt(float64(count[n])/float64(maxC))), Name: n, Href: ActorHref(n), Count: count[n]}
		if math.Cos(a) >= 0 {
			nd.LabelX, nd.Anchor = round1(x+nd.R+4), "start"
		} else {
			nd.LabelX, nd.Anchor = round1(x-nd.R-4), "end"
		}
		pos[n] = len(nodes)
		nodes = append(nodes, nd)
	}
	maxD := 1
	for _, d := range dyads {
		maxD = max(maxD, d.Count)
	}
	for _, d := range dyads {
		i, ok1 := pos[d.Actor.Name]
		j, ok2 := pos[d.Recipient.Name]
		if !ok1 || !ok2 {
			continue
		}
		cls := "coop"
		if d.MeanIntensity < 0 {
			cls = "hostile"
		}
		// From the rim of the actor's circle to just before the recipient's.
		a, b := nodes[i], nodes[j]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l < 1 {
			continue
		}
		ux, uy := dx/l, dy/l
		edges = append(edges, Edge{X1: round1(a.X + ux*a.R), Y1: round1(a.Y + uy*a.R), X2: round1(b.X - ux*(b.R+2)), Y2: round1(b.Y - uy*(b.R+2)),
			W: round1(1 + 5*float64(d.Count)/float64(maxD)), Class: cls,
			Title: fmt.Sprintf("%s → %s: %d events, mean intensity %.1f", d.Actor.Name, d.Recipient.Name, d.Count, d.MeanIntensity)})
	}
	return nodes, edges
}
