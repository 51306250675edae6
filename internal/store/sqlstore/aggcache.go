package sqlstore

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// aggCache keeps aggregate results for aggTTL. Aggregates read whole tables
// (a second or more on a store of tens of thousands of articles), and the
// pages that show them (home, map, network) ask for the same ones again and
// again. A Put through this DB empties it; an ingest by another process
// shows in aggregates after at most aggTTL.
type aggCache struct {
	mu  sync.Mutex
	m   map[string]aggEntry
	gen uint64 // counts clears: a result computed across one is not kept
}

type aggEntry struct {
	at time.Time
	v  any
}

const (
	aggTTL     = 30 * time.Second
	aggEntries = 256
)

func (c *aggCache) clear() {
	c.mu.Lock()
	c.m = nil
	c.gen++
	c.mu.Unlock()
}

// cachedAgg returns a copy of the cached result for the key made of parts,
// else computes, caches and returns it. Errors are not cached.
func cachedAgg[S ~[]E, E any](c *aggCache, compute func() (S, error), parts ...any) (S, error) {
	key := fmt.Sprintf("%#v", parts)
	c.mu.Lock()
	e, ok := c.m[key]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(e.at) < aggTTL {
		return slices.Clone(e.v.(S)), nil
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen { // no Put since compute began
		if c.m == nil || len(c.m) >= aggEntries {
			c.m = map[string]aggEntry{}
		}
		c.m[key] = aggEntry{time.Now(), v}
	}
	c.mu.Unlock()
	return slices.Clone(v), nil
}
