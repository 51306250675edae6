package archtest

import (
	"os"
	"strings"
	"testing"
)

// TestLayering checks herald's own tree.
func TestLayering(t *testing.T) {
	wd, _ := os.Getwd()
	root, err := moduleRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := Check(root, "herald")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Error(v)
	}
}

// TestLayeringFlagsBadTree proves the check can fail: the fixture module
// has a stage importing a stage, model importing up, and one dependency
// with two owners.
func TestLayeringFlagsBadTree(t *testing.T) {
	vs, err := Check("testdata/bad", "bad")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.String())
	}
	want := []string{
		"internal/htmltext, internal/lang imports github.com/example/heavy",
		"internal/model imports bad/internal/nlp/actor",
		"internal/nlp/quote imports bad/internal/nlp/actor",
	}
	if len(got) != len(want) {
		t.Fatalf("violations:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("violation %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}
