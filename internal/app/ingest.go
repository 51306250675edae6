package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"herald/internal/dedup"
	"herald/internal/ingest"
	"herald/internal/model"
	"herald/internal/store"
)

// IngestConfig configures Ingest.
type IngestConfig struct {
	Workers int // analysis goroutines; 0 = GOMAXPROCS
	// Progress, when set, is called about once a second and at the end.
	Progress func(p IngestProgress)
	// Force re-analyses articles whose content and pipeline are unchanged.
	Force bool
}

// IngestProgress is a snapshot of a running ingest.
type IngestProgress struct {
	Done       int
	Elapsed    time.Duration
	BytesDone  int64
	BytesTotal int64
}

// IngestSummary counts what an ingest did.
type IngestSummary struct {
	New, Updated, Unchanged, Duplicates, NonEnglish, Failed int
	Tokens                                                  int64
	Failures                                                []string // first failures, with reasons
	Elapsed                                                 time.Duration
}

// MaxFailuresKept bounds IngestSummary.Failures.
const MaxFailuresKept = 50

// fail counts one failure and keeps its reason among the first MaxFailuresKept.
func (s *IngestSummary) fail(reason string) {
	s.Failed++
	if len(s.Failures) < MaxFailuresKept {
		s.Failures = append(s.Failures, reason)
	}
}

func (s IngestSummary) String() string {
	return fmt.Sprintf("%d new (%d duplicates of earlier articles), %d updated, %d unchanged, %d non-English, %d failed",
		s.New, s.Duplicates, s.Updated, s.Unchanged, s.NonEnglish, s.Failed)
}

type ingestJob struct {
	seq  int
	art  model.Article
	hash string
	err  error
}

type ingestResult struct {
	seq       int
	a         *model.Analysis
	hash      string
	sig       dedup.Signature
	err       error
	unchanged bool
}

// ContentHash identifies an article's input content, to tell changed
// articles from re-ingested ones.
func ContentHash(art model.Article) string {
	h := sha256.New()
	for _, s := range []string{art.URL, art.Title, art.Published, art.Source, art.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(art.HTML)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Ingest reads every article of src, analyses new and changed ones on all
// cores, groups near-duplicates and stores everything in st. Results are
// written in input order by one writer, so the outcome does not depend on
// thread timing. The actor knowledge used is the registry as it was when
// Ingest started (one snapshot per batch); what this batch learns is stored
// for the next. A bad article is counted and reported; the rest goes on.
func (an *Analyzer) Ingest(ctx context.Context, st store.Store, src ingest.Source, cfg IngestConfig) (IngestSummary, error) {
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	kb, err := LoadKB(ctx, st)
	if err != nil {
		return IngestSummary{}, err
	}
	var sum IngestSummary
	jobs := make(chan ingestJob, 2*workers)
	results := make(chan ingestResult, 2*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Reader: one source, in order.
	var readErr error
	ids := runIDs{}
	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			art, err := src.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil && !errors.Is(err, ingest.ErrItem) {
				readErr = err
				return
			}
			j := ingestJob{seq: seq, art: art, err: err}
			if err == nil {
				j.hash = ContentHash(art)
				j.art.ID = ids.claim(articleID(art, j.hash), j.hash)
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Workers: analyse what is new or changed.
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := ingestResult{seq: j.seq, hash: j.hash, err: j.err}
				if r.err == nil {
					r.a, r.sig, r.unchanged, r.err = an.ingestOne(ctx, st, kb, j.art, j.hash, cfg.Force)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Writer: in input order.
	pending := map[int]ingestResult{}
	next := 0
	lastTick := time.Now()
	var writeErr error
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := an.store(ctx, st, r, &sum); err != nil {
				writeErr = err
				cancel()
				break
			}
		}
		if writeErr != nil {
			break
		}
		if cfg.Progress != nil && time.Since(lastTick) > time.Second {
			lastTick = time.Now()
			d, t := src.Progress()
			cfg.Progress(IngestProgress{Done: next, Elapsed: time.Since(start), BytesDone: d, BytesTotal: t})
		}
	}
	for range results {
	}
	sum.Elapsed = time.Since(start)
	if cfg.Progress != nil {
		d, t := src.Progress()
		cfg.Progress(IngestProgress{Done: next, Elapsed: sum.Elapsed, BytesDone: d, BytesTotal: t})
	}
	if writeErr != nil {
		return sum, writeErr
	}
	if readErr != nil {
		return sum, fmt.Errorf("app: ingest: %w", readErr)
	}
	return sum, ctx.Err()
}

// articleID is the id an article is stored under: its own, else its URL,
// else a hash of its content.
func articleID(art model.Article, hash string) string {
	switch {
	case art.ID != "":
		return art.ID
	case art.URL != "":
		return art.URL
	default:
		return "sha256:" + hash
	}
}

// runIDs tells apart different articles that one input gives the same id
// (a corpus where several articles are "basil/empty"): the first keeps the
// id, each later one with other content gets the id plus a hash of its
// content. So a run is idempotent and no article overwrites another.
type runIDs map[string]string // id → content hash of its first article

func (r runIDs) claim(id, hash string) string {
	first, seen := r[id]
	switch {
	case !seen:
		r[id] = hash
		return id
	case first == hash:
		return id
	default:
		alt := id + "#" + hash[:12]
		r[alt] = hash
		return alt
	}
}

func (an *Analyzer) ingestOne(ctx context.Context, st store.Store, kb model.ActorKB, art model.Article, hash string, force bool) (*model.Analysis, dedup.Signature, bool, error) {
	if !force {
		old, p, ok, err := st.State(ctx, art.ID)
		if err != nil {
			return nil, dedup.Signature{}, false, err
		}
		if ok && old == hash && SamePipeline(p, an.PipelineInfo()) {
			return nil, dedup.Signature{}, true, nil
		}
	}
	a, err := an.AnalyzeWithKB(ctx, art, kb)
	if err != nil {
		return nil, dedup.Signature{}, false, err
	}
	return a, dedup.Sign(bodyText(a)), false, nil
}

// bodyText is the analysed text without the title block, for duplicate detection.
func bodyText(a *model.Analysis) string {
	if len(a.Blocks) > 0 && a.Blocks[0].Kind == model.BlockTitle {
		return a.Text[a.Blocks[0].End:]
	}
	return a.Text
}

func (an *Analyzer) store(ctx context.Context, st store.Store, r ingestResult, sum *IngestSummary) error {
	switch {
	case r.err != nil:
		sum.fail(r.err.Error())
		return nil
	case r.unchanged:
		sum.Unchanged++
		return nil
	}
	a := r.a
	if a.Doc.Language != "en" {
		sum.NonEnglish++
	}
	sum.Tokens += int64(len(a.Tokens))
	bands := dedup.BandKeys(&r.sig)
	group, err := duplicateGroup(ctx, st, a.Doc.ID, &r.sig, bands)
	if err != nil {
		return err
	}
	res, err := st.Put(ctx, store.Article{Analysis: a, ContentHash: r.hash, DupGroup: group, Bands: bands, Signature: r.sig.Bytes()})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("app: store %s: %w", a.Doc.ID, err)
		}
		// One article that cannot be stored fails alone; Put is atomic, so
		// nothing of it is left behind and the batch goes on.
		sum.fail(fmt.Sprintf("%s: %v", a.Doc.ID, err))
		return nil
	}
	switch res {
	case store.Inserted:
		sum.New++
		if group != "" && group != a.Doc.ID {
			sum.Duplicates++
		}
	case store.Updated:
		sum.Updated++
	default:
		sum.Unchanged++
	}
	if err := st.Learn(ctx, a.Doc.ID, a.Learned); err != nil {
		return err
	}
	return nil
}

// duplicateGroup finds the stored article that a is a near-copy of and returns its group.
func duplicateGroup(ctx context.Context, st store.Store, id string, sig *dedup.Signature, bands []uint64) (string, error) {
	cands, err := st.Candidates(ctx, bands)
	if err != nil {
		return "", err
	}
	best, group, bestSim := "", "", 0.0
	for _, c := range cands {
		other, ok := dedup.ParseSignature(c.Signature)
		if c.ID == id || !ok {
			continue
		}
		if s, copyOf := dedup.Score(sig, &other); copyOf && (s > bestSim || s == bestSim && c.ID < best) {
			best, group, bestSim = c.ID, c.Group, s
		}
	}
	return group, nil
}

// registryKB is a read-only snapshot of the store's actor registry.
type registryKB struct {
	snapshot string
	by       map[string]model.LearnedActor
}

func (k *registryKB) Snapshot() string { return k.snapshot }

func (k *registryKB) Lookup(name string) (model.LearnedActor, bool) {
	f, ok := k.by[strings.ToLower(strings.TrimSpace(name))]
	return f, ok
}

// LoadKB snapshots the store's actor registry for one batch.
func LoadKB(ctx context.Context, st store.Store) (model.ActorKB, error) {
	reg, err := st.Registry(ctx)
	if err != nil {
		return nil, err
	}
	sort.Slice(reg, func(i, j int) bool { return strings.ToLower(reg[i].Name) < strings.ToLower(reg[j].Name) })
	h := sha256.New()
	k := &registryKB{by: map[string]model.LearnedActor{}}
	for _, f := range reg {
		fmt.Fprintf(h, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Name, f.Type, f.Country, f.Sector, f.Title, f.Code)
		k.by[strings.ToLower(f.Name)] = f
	}
	k.snapshot = "sha256:" + hex.EncodeToString(h.Sum(nil)[:12])
	return k, nil
}

// AnalyzeWithKB is Analyze with the actor knowledge kb (may be nil).
func (an *Analyzer) AnalyzeWithKB(ctx context.Context, art model.Article, kb model.ActorKB) (*model.Analysis, error) {
	a, err := an.Prepare(art)
	if err != nil {
		return nil, err
	}
	a.KB = kb
	if kb != nil {
		a.Doc.Pipeline.KB = kb.Snapshot()
	}
	if err := an.pipeline.Run(ctx, a); err != nil {
		return nil, err
	}
	Finish(a)
	return a, nil
}

// SamePipeline reports whether two analyses came from the same herald
// version and models (the actor registry snapshot is not compared).
func SamePipeline(a, b model.Pipeline) bool { return a.Version == b.Version && a.Models == b.Models }
