package eval

import (
	"math"
	"strings"
	"testing"
)

// A made-up article in LGL's format (not LGL text): offsets count code
// points, so "Zürich" shifts later byte offsets by one.
const lglFixture = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="12">
    <title>t</title>
    <text><![CDATA[Fans from Zürich met in Paris, Texas.]]></text>
    <toponyms count="3">
      <toponym><start>10</start><end>16</end><phrase>Zürich</phrase>
        <gaztag geonameid="2657896"><name>Zurich</name><fcode>PPLA</fcode><lat>47.3667</lat><lon>8.55</lon></gaztag></toponym>
      <toponym><start>24</start><end>29</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fcode>PPLA2</fcode><lat>33.6609</lat><lon>-95.5555</lon></gaztag></toponym>
      <toponym><start>31</start><end>36</end><phrase>Texas</phrase></toponym>
    </toponyms>
  </article>
  <article docid="13">
    <text><![CDATA[Nothing here.]]></text>
    <toponyms count="0"></toponyms>
  </article>
</articles>`

func TestReadLGL(t *testing.T) {
	docs, err := ReadLGL(strings.NewReader(lglFixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Toponyms) != 3 || len(docs[1].Toponyms) != 0 {
		t.Fatalf("docs = %+v", docs)
	}
	d := docs[0]
	for _, tp := range d.Toponyms {
		if got := d.Text[tp.Start:tp.End]; got != tp.Phrase {
			t.Errorf("span %d-%d = %q, want %q", tp.Start, tp.End, got, tp.Phrase)
		}
	}
	if tp := d.Toponyms[1]; !tp.HasCoord || tp.Lat != 33.6609 || tp.GeoNames != 4717560 || tp.Feature != "PPLA2" {
		t.Errorf("Paris = %+v", tp)
	}
	if d.Toponyms[2].HasCoord {
		t.Error("Texas has no gaztag, so no coordinates")
	}
}

func TestReadLGLErrors(t *testing.T) {
	bad := strings.Replace(lglFixture, "<start>24</start><end>29</end><phrase>Paris", "<start>2</start><end>7</end><phrase>Paris", 1)
	if _, err := ReadLGL(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "article 12") {
		t.Errorf("misplaced span: err = %v", err)
	}
	if _, err := ReadLGL(strings.NewReader("<articles><article>")); err == nil {
		t.Error("truncated XML: no error")
	}
	out := strings.Replace(lglFixture, "<end>36</end>", "<end>360</end>", 1)
	if _, err := ReadLGL(strings.NewReader(out)); err == nil {
		t.Error("offset outside the text: no error")
	}
}

func TestLGLScore(t *testing.T) {
	docs, err := ReadLGL(strings.NewReader(lglFixture))
	if err != nil {
		t.Fatal(err)
	}
	gold := docs[0].Toponyms
	var s LGLScore
	// Resolution: Zürich right, Paris wrong (Paris, France), Texas has no coordinates.
	s.AddResolution(gold, []LGLPlace{
		{Resolved: true, Lat: 47.37, Lon: 8.54},
		{Resolved: true, Lat: 48.8534, Lon: 2.3488},
		{},
	})
	if s.ResN != 2 || s.Res161 != 1 || s.Acc161() != 0.5 {
		t.Errorf("resolution: %+v acc %v", s, s.Acc161())
	}
	if m := s.MedianKm(); m < 3000 || m > 5000 {
		t.Errorf("median km = %v", m)
	}
	// An unresolved span is a miss with the largest error.
	var u LGLScore
	u.AddResolution(gold[:1], []LGLPlace{{}})
	if u.Acc161() != 0 || u.MeanKm() != lglMaxKm {
		t.Errorf("unresolved: acc %v mean %v", u.Acc161(), u.MeanKm())
	}
	// Detection: Zürich overlapped and right, an extra place, Paris missed, Texas overlapped.
	var dt LGLScore
	dt.AddDetection(gold, []LGLPlace{
		{Start: gold[0].Start, End: gold[0].End, Resolved: true, Lat: 47.37, Lon: 8.54},
		{Start: 0, End: 4},
		{Start: gold[2].Start - 1, End: gold[2].End, Resolved: true, Lat: 31, Lon: -100},
	})
	if dt.DetectP() != 2.0/3 || dt.DetectR() != 2.0/3 || math.Abs(dt.DetectF1()-2.0/3) > 1e-9 {
		t.Errorf("detection P %v R %v F1 %v", dt.DetectP(), dt.DetectR(), dt.DetectF1())
	}
	if dt.E2EN != 2 || dt.E2E161 != 1 || dt.E2EAcc161() != 0.5 {
		t.Errorf("e2e %d/%d", dt.E2E161, dt.E2EN)
	}
	// One predicted place matches one gold toponym only.
	var one LGLScore
	one.AddDetection(gold[1:3], []LGLPlace{{Start: gold[1].Start, End: gold[2].End}})
	if one.GoldHit != 1 || one.PredHit != 1 {
		t.Errorf("one-to-one: %+v", one)
	}
}

func TestLGLHalfAndHaversine(t *testing.T) {
	for id, want := range map[string]string{"40450848": "even", "41383749": "odd", "x": ""} {
		if got := LGLHalf(id); got != want {
			t.Errorf("LGLHalf(%q) = %q, want %q", id, got, want)
		}
	}
	if d := Haversine(51.5074, -0.1278, 48.8566, 2.3522); d < 330 || d > 360 {
		t.Errorf("London-Paris = %.0f km", d)
	}
}

func FuzzReadLGL(f *testing.F) {
	f.Add(lglFixture)
	f.Add("<articles><article docid=\"1\"><text>ab</text><toponyms><toponym><start>0</start><end>9</end><phrase>x</phrase></toponym></toponyms></article></articles>")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadLGL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, tp := range d.Toponyms {
				if tp.Start < 0 || tp.End > len(d.Text) || tp.Start > tp.End || d.Text[tp.Start:tp.End] != tp.Phrase {
					t.Fatalf("bad span %+v in %q", tp, d.Text)
				}
			}
		}
	})
}
