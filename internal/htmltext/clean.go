package htmltext

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"herald/internal/model"
	"herald/internal/resources"
)

//go:embed boilerplate.txt
var lexiconFS embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("htmltext", lexiconFS)

// lexiconPath is the lexicon's path under the resources override directory
// (HERALD_RESOURCES), where a file of that name replaces the embedded one.
const lexiconPath = "htmltext/boilerplate.txt"

// lexicon is the parsed boilerplate lexicon (see boilerplate.txt).
type lexicon struct {
	exact    map[string]bool
	prefixes []string
	contains []string
	share    map[string]bool
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// loadLexicon reads and parses the lexicon once; it is read-only afterwards.
func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() {
		data, err := resources.Read(lexiconPath, lexiconFS, "boilerplate.txt")
		if err != nil {
			lexErr = fmt.Errorf("htmltext: load lexicon: %w", err)
			return
		}
		lex, lexErr = parseLexicon(lexiconPath, string(data))
	})
	return lex, lexErr
}

// parseLexicon parses a boilerplate lexicon; errors name file:line:col.
func parseLexicon(file, data string) (*lexicon, error) {
	l := &lexicon{exact: map[string]bool{}, share: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		if len(s) < 3 || s[1] != ' ' {
			return nil, fmt.Errorf("htmltext: %s:%d:1: want \"= TEXT\", \"^ TEXT\" or \"~ WORD\"", file, line)
		}
		v := normKey(s[2:])
		if s[0] == '^' || s[0] == '*' {
			v = strings.ReplaceAll(strings.ToLower(collapse(s[2:])), "’", "'")
		}
		if v == "" {
			return nil, fmt.Errorf("htmltext: %s:%d:3: empty entry", file, line)
		}
		switch s[0] {
		case '=':
			l.exact[v] = true
		case '^':
			l.prefixes = append(l.prefixes, v)
		case '*':
			l.contains = append(l.contains, v)
		case '~':
			l.share[v] = true
		default:
			return nil, fmt.Errorf("htmltext: %s:%d:1: unknown kind %q", file, line, s[0])
		}
	}
	return l, sc.Err()
}

// normKey lower-cases s, collapses white space, folds typographic
// apostrophes and drops a final ":", ".", "…", "»", "›" or ">".
func normKey(s string) string {
	s = strings.ToLower(collapse(s))
	s = strings.ReplaceAll(s, "’", "'")
	for {
		t := strings.TrimRight(s, ":.…»›> |")
		if t == s {
			break
		}
		s = t
	}
	return s
}

// boilerplate reports whether a block's text is site furniture.
func (l *lexicon) boilerplate(text string) bool {
	k := normKey(text)
	if k == "" {
		return false
	}
	if l.exact[k] {
		return true
	}
	ws := words(k)
	if len(ws) <= 40 {
		low := strings.ReplaceAll(strings.ToLower(collapse(text)), "’", "'")
		for _, p := range l.prefixes {
			if strings.HasPrefix(low, p) {
				return true
			}
		}
		for _, p := range l.contains {
			if strings.Contains(low, p) {
				return true
			}
		}
		// A furniture label on the first line of a short block ("Tags" and
		// the tags below it).
		if i := strings.IndexByte(text, '\n'); i > 0 && l.exact[normKey(text[:i])] {
			return true
		}
	}
	if len(ws) > 0 && len(ws) <= 12 {
		all := true
		for _, w := range ws {
			if !l.share[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// cleanBlocks drops the headline repeated at the top of the text, blocks of
// site furniture, bare web addresses and a block repeated right after
// itself, and marks as debris the blocks with no letters or digits (a lone
// bracket, a separator).
func cleanBlocks(l *lexicon, ps []piece, title string, m *pageMeta) []piece {
	titles := titleKeys(title, m)
	keep := ps[:0:0]
	lead := true // still at the top of the text, before any long paragraph
	for i, p := range ps {
		t := p.text
		if lead && i < 4 && matchesAny(t, titles) {
			continue
		}
		if isURL(t) {
			continue
		}
		if n := len(keep); n > 0 && keep[n-1].text == t {
			continue // the same block twice in a row
		}
		if l.boilerplate(t) {
			continue
		}
		if !hasWords(t) {
			p.kind = model.BlockDebris
		}
		keep = append(keep, p)
		if p.kind == model.BlockParagraph && len(t) > 200 {
			lead = false
		}
	}
	return keep
}

var xBoiler = true

// isURL reports whether a block is nothing but a web address.
func isURL(s string) bool {
	s = strings.TrimSpace(s)
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \n")
}

var xDebug func(kind, s string)

// titleKeys are the word sequences of the page's headline candidates.
func titleKeys(title string, m *pageMeta) [][]string {
	var out [][]string
	add := func(s string) {
		w := lowerWords(s)
		if len(w) > 0 {
			out = append(out, w)
		}
	}
	add(title)
	if m != nil {
		add(m.ogTitle)
		add(m.h1)
		add(m.ldHeadline)
		add(m.twTitle)
		// "<headline> | Site" and "<headline> - Site"
		for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
			if i := strings.LastIndex(m.title, sep); i > 0 {
				add(m.title[:i])
			}
		}
		add(m.title)
	}
	return out
}

func lowerWords(s string) []string {
	w := words(s)
	for i := range w {
		w[i] = strings.ToLower(w[i])
	}
	return w
}

// matchesAny reports whether the text's words equal one of the keys.
func matchesAny(text string, keys [][]string) bool {
	if len(keys) == 0 || utf8.RuneCountInString(text) > 400 {
		return false
	}
	w := lowerWords(text)
	if len(w) == 0 {
		return false
	}
	for _, k := range keys {
		if equalWords(w, k) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
