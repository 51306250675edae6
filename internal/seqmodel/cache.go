package seqmodel

import (
	"fmt"
	"sync"
)

type once[T any] struct {
	once sync.Once
	v    T
	err  error
}

var (
	cacheMu  sync.Mutex
	modelC   = map[string]*once[*Model]{}
	clusterC = map[string]*once[*Clusters]{}
)

func cached[T any](m map[string]*once[T], name string, read func(string) ([]byte, error), parse func([]byte) (T, error)) (T, error) {
	cacheMu.Lock()
	o := m[name]
	if o == nil {
		o = &once[T]{}
		m[name] = o
	}
	cacheMu.Unlock()
	o.once.Do(func() {
		b, err := read(name)
		if err != nil {
			o.err = err
			return
		}
		o.v, o.err = parse(b)
		if o.err != nil {
			o.err = fmt.Errorf("seqmodel: %s: %w", name, o.err)
		}
	})
	return o.v, o.err
}

// SharedModel returns the model read by read(name), loaded once per process
// and shared read-only by every caller.
func SharedModel(name string, read func(string) ([]byte, error)) (*Model, error) {
	return cached(modelC, name, read, Load)
}

// SharedClusters returns the clusters read by read(name), loaded once per
// process and shared read-only by every caller.
func SharedClusters(name string, read func(string) ([]byte, error)) (*Clusters, error) {
	return cached(clusterC, name, read, LoadClusters)
}
