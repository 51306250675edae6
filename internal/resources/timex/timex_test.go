package timex

import "testing"

func TestRows(t *testing.T) {
	rows, err := Rows()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Class+":"+r.Word] = true
	}
	for _, want := range []string{"month:january", "weekday:friday", "number:twenty", "unit:years", "deictic:yesterday"} {
		if !seen[want] {
			t.Errorf("lexicon lacks %s", want)
		}
	}
}
