package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// A 2×2 square from (10, 20) and a 1×1 one far east: the centroid is the
// big square's centre, in lat/lon.
const topoFixture = `{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
"arcs":[[[0,0],[2,0],[0,2],[-2,0],[0,-2]],[[100,0],[1,0],[0,1],[-1,0],[0,-1]]],
"objects":{"x":{"geometries":[{"type":"MultiPolygon","id":"840","properties":{"name":"Sq"},"arcs":[[[0]],[[1]]]}]}}}`

func TestCentroid(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.json")
	if err := os.WriteFile(p, []byte(topoFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	tp, err := readTopo(p)
	if err != nil {
		t.Fatal(err)
	}
	lat, lon, ok := tp.centroid(tp.Objects["x"].Geometries[0])
	if !ok || math.Abs(lat-21) > 1e-9 || math.Abs(lon-11) > 1e-9 {
		t.Errorf("centroid = %v, %v, %v; want 21, 11", lat, lon, ok)
	}
}

func TestAlternates(t *testing.T) {
	got := alternates("Zaporizhzhya", "Zaporizhzhya", "Zaporizhzhia,ZAP,zha bo luo re,Запоріжжя,Zaporozhye,Zaporizhzhia")
	want := []string{"Zaporizhzhia", "Zaporozhye"}
	b1, _ := json.Marshal(got)
	b2, _ := json.Marshal(want)
	if string(b1) != string(b2) {
		t.Errorf("alternates = %s, want %s", b1, b2)
	}
}
