package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"herald/internal/app"
	"herald/internal/model"
)

// ExtractCmd analyses one article.
type ExtractCmd struct {
	File      string   `arg:"" help:"Article file (plain text or HTML), or - for standard input."`
	Published string   `help:"Publication date (YYYY-MM-DD or RFC 3339); relative dates resolve against it."`
	URL       string   `name:"url" help:"The article's URL."`
	Title     string   `help:"Headline; becomes the first block of the text."`
	ID        string   `name:"id" help:"Document id (default: a hash of the text)."`
	Tokens    bool     `help:"Include tokens in the output."`
	Offsets   string   `default:"utf8" enum:"utf8,codepoint,utf16" help:"Offset units: utf8 (bytes), codepoint, utf16."`
	Pretty    bool     `help:"Indent the JSON."`
	Timings   bool     `help:"Include per-stage timings (runs) in the output."`
	MaxBytes  int64    `default:"20971520" help:"Largest input accepted, in bytes."`
	Format    string   `default:"auto" enum:"auto,text,html" help:"Input format: auto-detect, text or html."`
	Stages    []string `help:"Run only these stages (and what they need)."`
}

// Run analyses the article and prints herald/v1 JSON.
func (c *ExtractCmd) Run(e *env) error {
	name := c.File
	var r io.Reader
	if c.File == "-" {
		name, r = "stdin", e.stdin
	} else {
		f, err := os.Open(c.File)
		if err != nil {
			return inputError{fmt.Errorf("extract: %w", err)}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return inputError{fmt.Errorf("extract: %s: is a directory", c.File)}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, c.MaxBytes+1))
	if err != nil {
		return inputError{fmt.Errorf("extract: read %s: %w", name, err)}
	}
	if int64(len(data)) > c.MaxBytes {
		return fmt.Errorf("extract: %s: %w (limit %d bytes)", name, app.ErrTooLarge, c.MaxBytes)
	}
	an, err := app.NewAnalyzer(app.Config{MaxBytes: c.MaxBytes, Stages: c.Stages})
	if err != nil {
		return err
	}
	art := model.Article{ID: c.ID, URL: c.URL, Title: c.Title, Published: c.Published, Origin: name}
	isHTML := c.Format == "html" || (c.Format == "auto" && app.LooksLikeHTML(data))
	if isHTML {
		art.HTML = data
	} else {
		art.Text = string(data)
	}
	a, err := an.Analyze(e.ctx, art)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	for _, n := range a.Doc.Notes {
		fmt.Fprintf(e.stderr, "herald: warning: %s: %s\n", name, n)
	}
	for _, run := range a.Runs {
		if run.Error != "" {
			fmt.Fprintf(e.stderr, "herald: warning: %s: stage %s failed: %s\n", name, run.Stage, run.Error)
		}
	}
	return writeAnalysis(e.stdout, a, outputOptions{Tokens: c.Tokens, Offsets: c.Offsets, Pretty: c.Pretty, Timings: c.Timings})
}

type outputOptions struct {
	Tokens, Pretty, Timings bool
	Offsets                 string
}

// writeAnalysis prints a as one herald/v1 JSON object followed by a newline.
// It modifies a (offsets, tokens, runs) for output.
func writeAnalysis(w io.Writer, a *model.Analysis, o outputOptions) error {
	if !o.Tokens {
		a.Tokens = nil
	}
	if !o.Timings {
		var kept []model.StageRun
		for _, r := range a.Runs {
			if r.Error != "" || r.Skipped != "" {
				r.Nanos = 0
				kept = append(kept, r)
			}
		}
		a.Runs = kept
	}
	if err := a.ConvertOffsets(o.Offsets); err != nil {
		return inputError{err}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if o.Pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("extract: encode: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
