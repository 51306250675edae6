package ner

import (
	"syscall"
	"testing"
	"time"

	"herald/internal/nlp/tag"
	"herald/internal/resources/countries"
	"herald/internal/resources/models"
	"herald/internal/seqmodel"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestLoadTime loads every model of the tag and ner stages once, as a
// process does on its first article. The budget is 300 ms on an idle
// machine; it is measured in CPU time (test machines are shared) and checked
// loosely.
func TestLoadTime(t *testing.T) {
	c0 := cpu()
	for _, name := range []string{models.POS, models.Chunk, models.NER, models.NER2} {
		if _, err := seqmodel.SharedModel(name, models.Read); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := seqmodel.SharedClusters(models.Clusters, models.Read); err != nil {
		t.Fatal(err)
	}
	c1 := cpu()
	if _, err := countries.Load(); err != nil {
		t.Fatal(err)
	}
	c2 := cpu()
	if _, err := tag.Default(); err != nil {
		t.Fatal(err)
	}
	if _, err := Default(); err != nil {
		t.Fatal(err)
	}
	c3 := cpu()
	t.Logf("CPU: model files %v, country data %v, taggers (word cache, lexicons) %v", c1-c0, c2-c1, c3-c2)
	if c3-c0 > 3*time.Second {
		t.Errorf("loading took %v of CPU", c3-c0)
	}
}
