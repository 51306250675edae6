// Package resources gives every stage its embedded lexicons, gazetteers and
// models, with a user override directory, located errors for bad entries and
// a fingerprint of everything loaded (recorded as doc.pipeline.models).
//
// Data lives in subpackages, one per domain (countries, actors, …), each of
// which embeds its own files and reads them through Read, so that a file of
// the same relative path under the override directory replaces the embedded
// one. Everything here is safe for concurrent use.
package resources

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// EnvDir names the environment variable that sets the override directory.
const EnvDir = "HERALD_RESOURCES"

var (
	mu         sync.Mutex
	override   = os.Getenv(EnvDir)
	registered = map[string]fs.FS{}  // name → embedded files
	notes      = map[string]string{} // name → sha256 of data given to Note
	cached     string                // Fingerprint, computed once per override dir
)

// Register declares a package's embedded files under name (its folder
// under internal/resources, e.g. "countries"), so that they enter the
// fingerprint whether or not they have been loaded yet. Call it from a
// package-level var or init.
func Register(name string, fsys fs.FS) bool {
	mu.Lock()
	registered[name] = fsys
	cached = ""
	mu.Unlock()
	return true
}

// SetOverrideDir sets the directory whose files replace embedded ones. It
// must be called before the first load of the files it should affect.
func SetOverrideDir(dir string) {
	mu.Lock()
	override = dir
	cached = ""
	mu.Unlock()
}

// Read returns the bytes of the resource at path (slash-separated, relative
// to internal/resources, e.g. "countries/countries.tsv"): the override
// directory's file when it exists, else name inside embedded. The bytes used
// enter the fingerprint.
func Read(path string, embedded fs.FS, name string) ([]byte, error) {
	mu.Lock()
	dir := override
	mu.Unlock()
	var data []byte
	var err error
	if dir != "" {
		data, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("resources: read override %s: %w", path, err)
		}
	}
	if data == nil {
		data, err = fs.ReadFile(embedded, name)
		if err != nil {
			return nil, fmt.Errorf("resources: read %s: %w", path, err)
		}
	}
	return data, nil
}

// Note records data under name in the fingerprint, for knowledge that is not
// an embedded file (a table compiled into Go). Call it at package
// initialisation, not on first use, so the fingerprint never depends on
// which articles were analysed first.
func Note(name string, data []byte) {
	sum := sha256.Sum256(data)
	mu.Lock()
	notes[name] = hex.EncodeToString(sum[:])
	cached = ""
	mu.Unlock()
}

// Fingerprint returns "sha256:…" over every registered embedded file, every
// noted table and every file of the override directory: what herald's
// analyses depend on. It does not depend on what has been loaded so far.
func Fingerprint() string {
	mu.Lock()
	defer mu.Unlock()
	if cached != "" {
		return cached
	}
	h := sha256.New()
	names := make([]string, 0, len(registered))
	for n := range registered {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fs.WalkDir(registered[n], ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(registered[n], p)
			if err != nil {
				return nil
			}
			sum := sha256.Sum256(data)
			fmt.Fprintf(h, "embed %s/%s %x\n", n, p, sum)
			return nil
		})
	}
	keys := make([]string, 0, len(notes))
	for k := range notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "note %s %s\n", k, notes[k])
	}
	if override != "" {
		filepath.WalkDir(override, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(override, p)
			sum := sha256.Sum256(data)
			fmt.Fprintf(h, "override %s %x\n", filepath.ToSlash(rel), sum)
			return nil
		})
	}
	cached = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return cached
}

// Error is a bad entry in a resource file, located by file, line and column (1-based).
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}
