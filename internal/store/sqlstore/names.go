package sqlstore

import (
	"context"
	"fmt"
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
	lower   []string // strings.ToLower of names
}

const namesRecheck = time.Second

// matchNames returns the stored participant names containing v, compared
// in lower case, at most limit+1 of them (so a caller can tell "more than
// limit").
func (s *DB) matchNames(ctx context.Context, v string, limit int) ([]string, error) {
	c := &s.names
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) >= namesRecheck {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM actor_names`).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: actor names: %w", err)
		}
		if n != c.count || c.names == nil {
			names, err := s.strings(ctx, `SELECT name FROM actor_names`)
			if err != nil {
				return nil, err
			}
			c.names, c.lower, c.count = names, make([]string, len(names)), n
			for i, nm := range names {
				c.lower[i] = strings.ToLower(nm)
			}
		}
		c.checked = time.Now()
	}
	v = strings.ToLower(v)
	var out []string
	for i, l := range c.lower {
		if strings.Contains(l, v) {
			out = append(out, c.names[i])
			if len(out) > limit {
				break
			}
		}
	}
	return out, nil
}
