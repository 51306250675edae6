// Package archtest enforces herald's package layering (DESIGN.md § Layout and
// layering): imports point only down the layer table, stage packages never
// import each other, and each third-party dependency has exactly one owner.
//
// The layer order differs from DESIGN.md's table in one place: the runner
// package internal/nlp sits below the stage packages, because stages
// implement nlp.Stage and return nlp.ErrSkip while the runner never imports
// a stage.
package archtest

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// layers lists package path prefixes (relative to the module) from the top
// down. A package may import packages of lower layers, and packages of its
// own root (the matched prefix plus one path element, e.g. internal/nlp/tag
// and internal/nlp/tag/lemma). Longest prefix wins.
var layers = []struct {
	prefix string
	rank   int
	// stage: each direct child of the prefix is its own root.
	perChild bool
}{
	{"cmd", 0, true},
	{"internal/cli", 1, false},
	{"internal/server", 2, false},
	{"internal/httpapi", 2, false},
	{"internal/web", 2, false},
	{"internal/app", 3, false},
	{"internal/ingest", 4, false},
	{"internal/htmltext", 5, false},
	{"internal/lang", 5, false},
	{"internal/nlp", 6, true}, // internal/nlp/<stage>/...
	{"internal/nlp", 7, false},
	{"internal/dedup", 8, false},
	{"internal/store", 9, false},
	{"internal/eval", 10, false},
	{"internal/seqmodel", 11, false},
	{"internal/resources", 12, true},
	{"internal/resources", 13, false}, // the resources root package itself
	{"internal/model", 14, false},
	{"internal/archtest", 15, false},
}

// shared lists third-party import paths any package may use.
var shared = []string{"golang.org/x/", "gopkg.in/yaml.v3"}

// Violation is one import against the rules.
type Violation struct {
	Pkg, Import, Why string
}

func (v Violation) String() string { return fmt.Sprintf("%s imports %s: %s", v.Pkg, v.Import, v.Why) }

type pkgInfo struct {
	rank int
	root string
}

func classify(rel string) (pkgInfo, bool) {
	for i := range layers {
		l := layers[i]
		if l.perChild {
			if strings.HasPrefix(rel, l.prefix+"/") {
				child := strings.SplitN(strings.TrimPrefix(rel, l.prefix+"/"), "/", 2)[0]
				return pkgInfo{l.rank, l.prefix + "/" + child}, true
			}
			continue
		}
		if rel == l.prefix || strings.HasPrefix(rel, l.prefix+"/") {
			return pkgInfo{l.rank, l.prefix}, true
		}
	}
	return pkgInfo{}, false
}

// Check walks the Go packages under root (a module named module), ignoring
// testdata, hidden folders, nested modules and _test.go files, and returns
// every violation.
func Check(root, module string) ([]Violation, error) {
	imports := map[string]map[string]bool{} // package rel path → imports
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "node_modules") {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // a module of its own (bench/prose), not part of the binary
				}
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return fmt.Errorf("archtest: parse %s: %w", path, err)
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if imports[rel] == nil {
			imports[rel] = map[string]bool{}
		}
		for _, im := range f.Imports {
			imports[rel][strings.Trim(im.Path.Value, `"`)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Violation
	owners := map[string][]string{} // third-party module path → importing packages
	for rel, ims := range imports {
		me, known := classify(rel)
		for im := range ims {
			switch {
			case im == module || strings.HasPrefix(im, module+"/"):
				target := strings.TrimPrefix(strings.TrimPrefix(im, module), "/")
				if !known {
					out = append(out, Violation{rel, im, "package is not in the layer table"})
					continue
				}
				them, ok := classify(target)
				if !ok {
					out = append(out, Violation{rel, im, "imported package is not in the layer table"})
					continue
				}
				if them.root == me.root {
					continue
				}
				if them.rank <= me.rank {
					out = append(out, Violation{rel, im, fmt.Sprintf("imports up or across the layers (%s, rank %d → %s, rank %d)", me.root, me.rank, them.root, them.rank)})
				}
			case isStdlib(im):
			default:
				if isShared(im) {
					continue
				}
				owners[modulePath(im)] = appendUnique(owners[modulePath(im)], rel)
			}
		}
	}
	for mod, pkgs := range owners {
		if len(pkgs) > 1 {
			sort.Strings(pkgs)
			out = append(out, Violation{strings.Join(pkgs, ", "), mod, "a third-party dependency must have exactly one owner package"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, nil
}

func isStdlib(path string) bool {
	first := strings.SplitN(path, "/", 2)[0]
	return !strings.Contains(first, ".")
}

func isShared(path string) bool {
	for _, p := range shared {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// modulePath groups an import path by its repository (host/owner/name).
func modulePath(im string) string {
	parts := strings.Split(im, "/")
	n := 3
	if strings.HasPrefix(im, "gopkg.in/") || strings.HasPrefix(im, "modernc.org/") {
		n = 2
	}
	if len(parts) < n {
		return im
	}
	return strings.Join(parts[:n], "/")
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// moduleRoot finds the directory holding go.mod above dir.
func moduleRoot(dir string) (string, error) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("archtest: no go.mod above %s", dir)
		}
		dir = parent
	}
}
