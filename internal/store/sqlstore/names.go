package sqlstore

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// nameCache holds the distinct event participant names (table actor_names)
// in memory, folded to lower case, so a substring filter ("trump") finds
// its names in microseconds whatever its length. Names are only ever
// added; the cache reloads when their number has changed, checked at most
// once per namesRecheck, so a name first stored less than that long ago
// may not match yet.
type nameCache struct {
	mu      sync.Mutex
	checked time.Time
	count   int
	names   []string // as stored
	joined  string   // strings.ToLower of every name, each followed by a NUL
	ends    []int    // ends[i]: offset in joined of the NUL after name i
}

const namesRecheck = time.Second

// matchNames returns the stored participant names containing v, compared
// in lower case, at most limit+1 of them (so a caller can tell "more than
// limit"). It reads through db, the caller's connection, so a caller that
// holds one never waits for another.
func (s *DB) matchNames(ctx context.Context, db querier, v string, limit int) ([]string, error) {
	c := &s.names
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) >= namesRecheck {
		counts, err := s.strings(ctx, db, "actor names", `SELECT CAST(COUNT(*) AS TEXT) FROM actor_names`)
		if err != nil {
			return nil, err
		}
		n, _ := strconv.Atoi(counts[0])
		if n != c.count || c.names == nil {
			names, err := s.strings(ctx, db, "actor names", `SELECT name FROM actor_names`)
			if err != nil {
				return nil, err
			}
			var b strings.Builder
			ends := make([]int, len(names))
			for i, nm := range names {
				b.WriteString(strings.ToLower(strings.ReplaceAll(nm, "\x00", "")))
				ends[i] = b.Len()
				b.WriteByte(0)
			}
			c.names, c.joined, c.ends, c.count = names, b.String(), ends, n
		}
		c.checked = time.Now()
	}
	v = strings.ToLower(strings.ReplaceAll(v, "\x00", ""))
	var out []string
	for at := 0; at < len(c.joined) && len(out) <= limit; {
		j := strings.Index(c.joined[at:], v)
		if j < 0 {
			break
		}
		i, _ := slices.BinarySearch(c.ends, at+j) // the name the match starts in
		out = append(out, c.names[i])
		at = c.ends[i] + 1 // next name
	}
	return out, nil
}
