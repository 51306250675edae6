package eval

// Scoring for the article-extraction benchmark (set "zyte"): HTML main text
// against a ground-truth articleBody, with the benchmark's own measure.
//
// A text is split into tokens, runs of word characters (the benchmark's regex
// `\w+` with Python's Unicode meaning: letters, numbers, underscore; case is
// kept). Every run of 4 consecutive tokens is a shingle, a text of 1 to 3
// tokens is one shingle, an empty text has none. Per page, tp is the size of
// the multiset intersection of true and predicted shingles, fp the predicted
// ones left over and fn the true ones left over. Precision and recall are each
// the mean over pages of tp/(tp+fp) and tp/(tp+fn), leaving out pages where the
// denominator is zero; F1 is the harmonic mean of those two means.
//
// Everything here is pure and safe for concurrent use.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ZyteShingleSize is the number of tokens in one shingle.
const ZyteShingleSize = 4

// ZyteTokens returns the word-character runs of text, in order.
func ZyteTokens(text string) []string {
	var toks []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, text[start:])
	}
	return toks
}

// isWordRune reports whether r matches Python's Unicode `\w`.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// ZyteShingles returns the multiset of shingles of text (shingle → count).
func ZyteShingles(text string) map[string]int {
	toks := ZyteTokens(text)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	n := max(1, len(toks)-ZyteShingleSize+1)
	for i := 0; i < n; i++ {
		m[strings.Join(toks[i:min(i+ZyteShingleSize, len(toks))], " ")]++
	}
	return m
}

// ZyteCounts are one page's shingle overlaps.
type ZyteCounts struct {
	TP, FP, FN int
}

// ZyteMatch compares a predicted text with the true one.
func ZyteMatch(truth, pred string) ZyteCounts {
	t, p := ZyteShingles(truth), ZyteShingles(pred)
	var c ZyteCounts
	for s, np := range p {
		nt := t[s]
		common := min(nt, np)
		c.TP += common
		c.FP += np - common
	}
	for s, nt := range t {
		if np := p[s]; nt > np {
			c.FN += nt - np
		}
	}
	return c
}

// Precision is tp/(tp+fp); ok is false when there are no predicted shingles.
func (c ZyteCounts) Precision() (p float64, ok bool) {
	if c.TP+c.FP == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FP), true
}

// Recall is tp/(tp+fn); ok is false when there are no true shingles.
func (c ZyteCounts) Recall() (r float64, ok bool) {
	if c.TP+c.FN == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FN), true
}

// ZyteResult is the benchmark's figures over a set of pages.
type ZyteResult struct {
	Pages      int     // pages scored
	P, R, F1   float64 // mean precision, mean recall, harmonic mean of the two
	PN, RN     int     // pages that entered the precision and recall means
	Empty      int     // pages with no predicted shingles
	TP, FP, FN int     // summed counts, for information
}

// ZyteAggregate computes the benchmark's figures over per-page counts.
func ZyteAggregate(pages []ZyteCounts) ZyteResult {
	res := ZyteResult{Pages: len(pages)}
	var sp, sr float64
	for _, c := range pages {
		res.TP += c.TP
		res.FP += c.FP
		res.FN += c.FN
		if p, ok := c.Precision(); ok {
			sp += p
			res.PN++
		} else {
			res.Empty++
		}
		if r, ok := c.Recall(); ok {
			sr += r
			res.RN++
		}
	}
	if res.PN > 0 {
		res.P = sp / float64(res.PN)
	}
	if res.RN > 0 {
		res.R = sr / float64(res.RN)
	}
	res.F1 = harmonic(res.P, res.R)
	return res
}

// ZyteHalf returns 0 for pages whose id (a sha256 in hex) starts with an even
// hex digit (0 2 4 6 8 a c e) and 1 for the rest: the two halves used to
// tune on one and check on the other.
func ZyteHalf(id string) int {
	if id == "" {
		return 1
	}
	c := id[0]
	var v int
	switch {
	case '0' <= c && c <= '9':
		v = int(c - '0')
	case 'a' <= c && c <= 'f':
		v = int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		v = int(c-'A') + 10
	default:
		return 1
	}
	return v % 2
}

// ZytePage is one page of the gold set.
type ZytePage struct {
	ID          string // sha256 of the page, the key in ground-truth.json
	URL         string
	ArticleBody string
	HTMLPath    string // path to the page's html.gz (or .html) file; "" when missing
}

// ReadZyteGold reads dir/ground-truth.json and locates each page's HTML file
// in dir/html. Pages are returned sorted by id.
func ReadZyteGold(dir string) ([]ZytePage, error) {
	name := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("eval: read zyte gold: %w", err)
	}
	var raw map[string]struct {
		URL         string `json:"url"`
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("eval: parse %s: %w", name, err)
	}
	pages := make([]ZytePage, 0, len(raw))
	for id, r := range raw {
		p := ZytePage{ID: id, URL: r.URL, ArticleBody: r.ArticleBody}
		for _, ext := range []string{".html.gz", ".html"} {
			f := filepath.Join(dir, "html", id+ext)
			if _, err := os.Stat(f); err == nil {
				p.HTMLPath = f
				break
			}
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// ReadZytePredictions reads a benchmark output file ({id: {articleBody}}, with
// or without an enclosing {"output": …}) and returns id → predicted text.
func ReadZytePredictions(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: read zyte predictions: %w", err)
	}
	type item struct {
		ArticleBody string `json:"articleBody"`
	}
	var wrapped struct {
		Output map[string]item `json:"output"`
	}
	var flat map[string]item
	if err := json.Unmarshal(data, &wrapped); err == nil && wrapped.Output != nil {
		flat = wrapped.Output
	} else if err := json.Unmarshal(data, &flat); err != nil {
		return nil, fmt.Errorf("eval: parse %s: %w", path, err)
	}
	out := make(map[string]string, len(flat))
	for id, it := range flat {
		out[id] = it.ArticleBody
	}
	return out, nil
}

// ZyteScore scores predictions (id → text) against the gold pages, a missing
// prediction counting as empty. It returns the figures for the whole set and
// for the two halves (see ZyteHalf), and the per-page counts in pages' order.
func ZyteScore(pages []ZytePage, pred map[string]string) (all ZyteResult, halves [2]ZyteResult, per []ZyteCounts) {
	per = make([]ZyteCounts, len(pages))
	var h [2][]ZyteCounts
	for i, p := range pages {
		per[i] = ZyteMatch(p.ArticleBody, pred[p.ID])
		k := ZyteHalf(p.ID)
		h[k] = append(h[k], per[i])
	}
	return ZyteAggregate(per), [2]ZyteResult{ZyteAggregate(h[0]), ZyteAggregate(h[1])}, per
}
