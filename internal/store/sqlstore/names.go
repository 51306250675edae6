package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// nameCache holds the distinct event participant names (table actor_names)
// in memory, folded to lower case, so a substring filter ("trump") finds
// its names in microseconds whatever its length. Names are only ever
// added; the cache reloads when their number has changed, checked at most
// once per namesRecheck by one caller while the others go on with the
// snapshot they have, so a name first stored less than that long ago may
// not match yet.
type nameCache struct {
	snap    atomic.Pointer[nameSnapshot]
	refresh sync.Mutex // held by the one caller that checks and reloads
}

// nameSnapshot is one immutable reading of actor_names.
type nameSnapshot struct {
	checked time.Time
	count   int
	names   []string // as stored
	joined  string   // strings.ToLower of every name, each followed by a NUL
	ends    []int    // ends[i]: offset in joined of the NUL after name i
}

const namesRecheck = time.Second

// nameSnapshot returns a current enough snapshot.
func (s *DB) nameSnapshot(ctx context.Context) (*nameSnapshot, error) {
	c := &s.names
	cur := c.snap.Load()
	if cur != nil && time.Since(cur.checked) < namesRecheck {
		return cur, nil
	}
	if cur != nil && !c.refresh.TryLock() {
		return cur, nil // another caller is checking; this one is fresh enough
	}
	if cur == nil {
		c.refresh.Lock() // nothing to go on with: wait for the first reading
	}
	defer c.refresh.Unlock()
	if now := c.snap.Load(); now != cur && now != nil {
		return now, nil // read by the caller that held the lock before
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM actor_names`).Scan(&n); err != nil {
		return nil, fmt.Errorf("store: actor names: %w", err)
	}
	next := &nameSnapshot{checked: time.Now(), count: n}
	if cur != nil && cur.count == n {
		next.names, next.joined, next.ends = cur.names, cur.joined, cur.ends
	} else {
		names, err := s.strings(ctx, "actor names", `SELECT name FROM actor_names`)
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
		next.names, next.joined, next.ends = names, b.String(), ends
	}
	c.snap.Store(next)
	return next, nil
}

// matchNames returns the stored participant names containing v, compared
// in lower case, at most limit+1 of them (so a caller can tell "more than
// limit").
func (s *DB) matchNames(ctx context.Context, v string, limit int) ([]string, error) {
	c, err := s.nameSnapshot(ctx)
	if err != nil {
		return nil, err
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
