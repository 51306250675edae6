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
	mu       sync.Mutex
	override = os.Getenv(EnvDir)
	loaded   = map[string]string{} // path → sha256 of the bytes used
)

// SetOverrideDir sets the directory whose files replace embedded ones. It
// must be called before the first load of the files it should affect.
func SetOverrideDir(dir string) {
	mu.Lock()
	override = dir
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
	Note(path, data)
	return data, nil
}

// Note records data under path in the fingerprint, for resources not read
// through Read (e.g. generated tables).
func Note(path string, data []byte) {
	sum := sha256.Sum256(data)
	mu.Lock()
	loaded[path] = hex.EncodeToString(sum[:])
	mu.Unlock()
}

// Fingerprint returns "sha256:…" over the paths and contents of every
// resource loaded so far. Load all stages before asking for it.
func Fingerprint() string {
	mu.Lock()
	defer mu.Unlock()
	keys := make([]string, 0, len(loaded))
	for k := range loaded {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%s %s\n", k, loaded[k])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
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
