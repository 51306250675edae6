package eval

// Scoring for the Local-Global Lexicon geoparsing set (set "lgl"): LGL-format
// XML (<articles><article docid=…><text>…</text><toponyms><toponym><start>
// <end><phrase><gaztag geonameid=…><fcode><lat><lon>…). Gold offsets are
// character (code point) offsets; ReadLGL turns them into UTF-8 byte offsets
// and checks each against its phrase.
//
// Three measures: resolution of the gold spans (accuracy within 161 km, the
// usual 100 miles, with mean and median error in km; a span left unresolved
// counts as a miss with the largest possible error, 20,038 km), detection
// (precision, recall and F1, a predicted span matching a gold span when they
// overlap, one to one), and end to end (a gold toponym with coordinates is
// right when an overlapping predicted place lies within 161 km).
//
// Everything here is pure and safe for concurrent use.

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// LGLKm is the distance within which a resolution is right.
const LGLKm = 161.0

// lglMaxKm is the error of an unresolved toponym: half the Earth's circumference.
const lglMaxKm = 20038.0

// LGLDoc is one article of an LGL file.
type LGLDoc struct {
	ID       string
	Text     string
	Toponyms []LGLToponym
}

// LGLToponym is one gold toponym; Start and End are byte offsets into Text.
type LGLToponym struct {
	Start, End int
	Phrase     string
	HasCoord   bool
	Lat, Lon   float64
	GeoNames   int
	Feature    string
}

type lglXML struct {
	Articles []struct {
		DocID    string `xml:"docid,attr"`
		Text     string `xml:"text"`
		Toponyms []struct {
			Start  int    `xml:"start"`
			End    int    `xml:"end"`
			Phrase string `xml:"phrase"`
			Gaztag *struct {
				ID    string `xml:"geonameid,attr"`
				FCode string `xml:"fcode"`
				Lat   string `xml:"lat"`
				Lon   string `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// ReadLGL parses an LGL-format file. Toponyms whose offsets do not match
// their phrase are looked for near the given offset; those not found are
// an error naming the article.
func ReadLGL(r io.Reader) ([]LGLDoc, error) {
	var x lglXML
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("eval: read lgl: %w", err)
	}
	docs := make([]LGLDoc, 0, len(x.Articles))
	for _, a := range x.Articles {
		d := LGLDoc{ID: a.DocID, Text: a.Text}
		byteAt := charToByte(a.Text)
		for _, t := range a.Toponyms {
			tp := LGLToponym{Phrase: t.Phrase}
			if t.Start < 0 || t.End < t.Start || t.End >= len(byteAt) {
				return nil, fmt.Errorf("eval: read lgl: article %s: toponym %q: offsets %d-%d outside the text", a.DocID, t.Phrase, t.Start, t.End)
			}
			tp.Start, tp.End = byteAt[t.Start], byteAt[t.End]
			if a.Text[tp.Start:tp.End] != t.Phrase {
				s, ok := findNear(a.Text, t.Phrase, tp.Start)
				if !ok {
					return nil, fmt.Errorf("eval: read lgl: article %s: toponym %q not found near offset %d", a.DocID, t.Phrase, t.Start)
				}
				tp.Start, tp.End = s, s+len(t.Phrase)
			}
			if g := t.Gaztag; g != nil {
				lat, err1 := strconv.ParseFloat(strings.TrimSpace(g.Lat), 64)
				lon, err2 := strconv.ParseFloat(strings.TrimSpace(g.Lon), 64)
				if err1 == nil && err2 == nil {
					tp.HasCoord, tp.Lat, tp.Lon = true, lat, lon
				}
				tp.GeoNames, _ = strconv.Atoi(g.ID)
				tp.Feature = strings.TrimSpace(g.FCode)
			}
			d.Toponyms = append(d.Toponyms, tp)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// charToByte maps each code point offset (and the end) to its byte offset.
func charToByte(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

func findNear(text, phrase string, at int) (int, bool) {
	best, bestD := -1, math.MaxInt
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			break
		}
		p := i + j
		d := p - at
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = p, d
		}
		i = p + 1
		if i >= len(text) {
			break
		}
	}
	return best, best >= 0 && bestD <= 20
}

// LGLPlace is a predicted place: a span and, when resolved, a point.
type LGLPlace struct {
	Start, End int
	Resolved   bool
	Lat, Lon   float64
}

// LGLScore accumulates the three measures.
type LGLScore struct {
	Docs int
	// Resolution of gold spans.
	ResN, Res161 int
	ResErrs      []float64
	// Detection.
	Gold, Pred, GoldHit, PredHit int
	// End to end.
	E2EN, E2E161 int
}

// AddResolution scores predictions for the gold toponyms of one document,
// pred[i] answering gold[i]. Gold toponyms without coordinates are skipped.
func (s *LGLScore) AddResolution(gold []LGLToponym, pred []LGLPlace) {
	for i, g := range gold {
		if !g.HasCoord {
			continue
		}
		s.ResN++
		e := lglMaxKm
		if i < len(pred) && pred[i].Resolved {
			e = Haversine(g.Lat, g.Lon, pred[i].Lat, pred[i].Lon)
		}
		if e <= LGLKm {
			s.Res161++
		}
		s.ResErrs = append(s.ResErrs, e)
	}
}

// AddDetection scores one document's detected places against its gold
// toponyms: detection by one-to-one span overlap, and end to end.
func (s *LGLScore) AddDetection(gold []LGLToponym, pred []LGLPlace) {
	s.Docs++
	s.Gold += len(gold)
	s.Pred += len(pred)
	used := make([]bool, len(pred))
	for _, g := range gold {
		hit := -1
		for j, p := range pred {
			if !used[j] && p.Start < g.End && g.Start < p.End {
				hit = j
				break
			}
		}
		if g.HasCoord {
			s.E2EN++
		}
		if hit < 0 {
			continue
		}
		used[hit] = true
		s.GoldHit++
		p := pred[hit]
		if g.HasCoord && p.Resolved && Haversine(g.Lat, g.Lon, p.Lat, p.Lon) <= LGLKm {
			s.E2E161++
		}
	}
	for _, u := range used {
		if u {
			s.PredHit++
		}
	}
}

// Acc161 is the share of gold spans resolved within 161 km.
func (s *LGLScore) Acc161() float64 { return ratio(s.Res161, s.ResN) }

// MeanKm is the mean resolution error.
func (s *LGLScore) MeanKm() float64 {
	if len(s.ResErrs) == 0 {
		return 0
	}
	t := 0.0
	for _, e := range s.ResErrs {
		t += e
	}
	return t / float64(len(s.ResErrs))
}

// MedianKm is the median resolution error.
func (s *LGLScore) MedianKm() float64 {
	if len(s.ResErrs) == 0 {
		return 0
	}
	e := append([]float64(nil), s.ResErrs...)
	sort.Float64s(e)
	n := len(e)
	if n%2 == 1 {
		return e[n/2]
	}
	return (e[n/2-1] + e[n/2]) / 2
}

// DetectP, DetectR and DetectF1 are the detection figures.
func (s *LGLScore) DetectP() float64 { return ratio(s.PredHit, s.Pred) }

// DetectR is the share of gold toponyms overlapped by a predicted place.
func (s *LGLScore) DetectR() float64 { return ratio(s.GoldHit, s.Gold) }

// DetectF1 is the harmonic mean of DetectP and DetectR.
func (s *LGLScore) DetectF1() float64 { return harmonic(s.DetectP(), s.DetectR()) }

// E2EAcc161 is the share of gold toponyms with coordinates that a detected
// place overlaps and puts within 161 km.
func (s *LGLScore) E2EAcc161() float64 { return ratio(s.E2E161, s.E2EN) }

// Haversine is the great-circle distance in km between two points in degrees.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// LGLHalf says which half an article belongs to: "even" or "odd" by the
// parity of its numeric docid's last digit ("" when the id has no digit).
func LGLHalf(docid string) string {
	for i := len(docid) - 1; i >= 0; i-- {
		c := docid[i]
		if c >= '0' && c <= '9' {
			if (c-'0')%2 == 0 {
				return "even"
			}
			return "odd"
		}
	}
	return ""
}
