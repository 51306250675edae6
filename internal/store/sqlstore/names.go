package sqlstore

import (
	"context"
	"fmt"
	"index/suffixarray"
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
	// index finds a substring of joined without reading all of it (an
	// event list by name asked a linear scan for about half a millisecond
	// on the 33,000 names of the 22,576-article store).
	index *suffixarray.Index
}

const namesRecheck = time.Second

// newNameSnapshot indexes names (checked and count are left to the caller).
func newNameSnapshot(names []string) *nameSnapshot {
	var b strings.Builder
	ends := make([]int, len(names))
	for i, nm := range names {
		b.WriteString(strings.ToLower(strings.ReplaceAll(nm, "\x00", "")))
		ends[i] = b.Len()
		b.WriteByte(0)
	}
	c := &nameSnapshot{names: names, joined: b.String(), ends: ends}
	c.index = suffixarray.New([]byte(c.joined))
	return c
}

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
	var next *nameSnapshot
	if cur != nil && cur.count == n {
		same := *cur
		next = &same
	} else {
		names, err := s.strings(ctx, "actor names", `SELECT name FROM actor_names`)
		if err != nil {
			return nil, err
		}
		next = newNameSnapshot(names)
	}
	next.checked, next.count = time.Now(), n
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
	return c.match(v, limit), nil
}

// match returns the names containing v, compared in lower case, in stored
// order, at most limit+1 of them.
func (c *nameSnapshot) match(v string, limit int) []string {
	v = strings.ToLower(strings.ReplaceAll(v, "\x00", ""))
	if len(v) < minIndexed {
		return c.scan(v, limit)
	}
	// Every occurrence, as names in stored order (a name counts once).
	offs := c.index.Lookup([]byte(v), -1)
	ids := make([]int, 0, len(offs))
	for _, at := range offs {
		i, _ := slices.BinarySearch(c.ends, at)
		ids = append(ids, i)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var out []string
	for _, i := range ids[:min(len(ids), limit+1)] {
		out = append(out, c.names[i])
	}
	return out
}

// minIndexed is the shortest filter looked up in the suffix array; a
// shorter one matches so many names that reading them in order is faster.
const minIndexed = 3

// scan returns the names containing v in stored order, at most limit+1.
func (c *nameSnapshot) scan(v string, limit int) []string {
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
	return out
}
