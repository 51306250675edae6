package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	in := `{"id": 7, "title": "A", "date": "2025-08-07", "text": "Hello."}

not json
{"id": "x", "html": "<p>Hi</p>", "source": "S"}
{"id": "empty"}
{"id": "last", "text": "no newline"}`
	r := NewReader(strings.NewReader(in), "in.jsonl")
	var ids []string
	var bad []string
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !errors.Is(err, ErrLine) {
				t.Fatal(err)
			}
			bad = append(bad, err.Error())
			continue
		}
		ids = append(ids, a.ID)
		if a.ID == "7" && (a.Published != "2025-08-07" || a.Title != "A" || a.Origin != "in.jsonl:1") {
			t.Errorf("article 7: %+v", a)
		}
		if a.ID == "x" && string(a.HTML) != "<p>Hi</p>" {
			t.Errorf("html: %+v", a)
		}
	}
	if strings.Join(ids, ",") != "7,x,last" {
		t.Errorf("ids = %v", ids)
	}
	if len(bad) != 2 || !strings.Contains(bad[0], "in.jsonl:3") || !strings.Contains(bad[1], "in.jsonl:5") {
		t.Errorf("bad = %v", bad)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"id":1,"text":"a"}` + "\n" + `{"html":"<p>"}`))
	f.Add([]byte("\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)), "fuzz")
		for i := 0; i < 10000; i++ {
			if _, err := r.Next(); errors.Is(err, io.EOF) {
				return
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
