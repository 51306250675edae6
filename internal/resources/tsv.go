package resources

import (
	"bytes"
	"fmt"
	"strings"
)

// Row is one data line of a TSV resource.
type Row struct {
	File   string
	Line   int      // 1-based line number
	Fields []string // tab-separated fields, trimmed of surrounding spaces
	cols   []int    // 1-based byte column of each field
}

// Errorf returns a located error for field i of the row (i < 0: the line).
func (r Row) Errorf(i int, format string, args ...any) *Error {
	col := 1
	if i >= 0 && i < len(r.cols) {
		col = r.cols[i]
	}
	return &Error{File: r.File, Line: r.Line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// Field returns field i or "" when the row is shorter.
func (r Row) Field(i int) string {
	if i < len(r.Fields) {
		return r.Fields[i]
	}
	return ""
}

// TSV splits data into rows, skipping blank lines and lines starting with
// '#'. When header is true the first data line is returned separately.
// Every row must have at least minFields fields, or a located error is returned.
func TSV(file string, data []byte, minFields int) ([]Row, error) {
	var rows []Row
	line := 0
	for len(data) > 0 {
		line++
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		s := strings.TrimRight(string(ln), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		r := Row{File: file, Line: line}
		col := 1
		for _, f := range strings.Split(s, "\t") {
			lead := len(f) - len(strings.TrimLeft(f, " "))
			r.Fields = append(r.Fields, strings.TrimSpace(f))
			r.cols = append(r.cols, col+lead)
			col += len(f) + 1
		}
		if len(r.Fields) < minFields {
			return nil, r.Errorf(len(r.Fields)-1, "want at least %d tab-separated fields, have %d", minFields, len(r.Fields))
		}
		rows = append(rows, r)
	}
	return rows, nil
}
