package app

import (
	"context"
	"fmt"
	"time"

	"herald/internal/dedup"
	"herald/internal/model"
	"herald/internal/store"
)

// ReprocessConfig configures Reprocess.
type ReprocessConfig struct {
	StaleOnly bool // only articles analysed by another version or other models
	Workers   int
	Limit     int
}

// Reprocess re-runs the pipeline over stored articles, keeping each one's
// text, blocks, metadata and content hash, and the registry snapshot of now.
func (an *Analyzer) Reprocess(ctx context.Context, st store.Store, cfg ReprocessConfig) (IngestSummary, error) {
	start := time.Now()
	var sum IngestSummary
	var ids []string
	var err error
	if cfg.StaleOnly {
		ids, err = st.Stale(ctx, an.PipelineInfo(), cfg.Limit)
	} else {
		ids, err = st.IDs(ctx, "", cfg.Limit)
	}
	if err != nil {
		return sum, err
	}
	kb, err := LoadKB(ctx, st)
	if err != nil {
		return sum, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		old, err := st.Get(ctx, id)
		if err != nil {
			return sum, err
		}
		hash, _, _, err := st.State(ctx, id)
		if err != nil {
			return sum, err
		}
		group, err := st.DupGroup(ctx, id)
		if err != nil {
			return sum, err
		}
		a := &model.Analysis{Schema: model.Schema, Offsets: model.OffsetsUTF8, Doc: old.Doc, Text: old.Text, Blocks: old.Blocks}
		a.Doc.Pipeline = an.PipelineInfo()
		a.Doc.Pipeline.KB = kb.Snapshot()
		a.KB = kb
		if old.Doc.Published != "" {
			if t, _, err := ParsePublished(old.Doc.Published); err == nil {
				a.PublishedDate = t
			}
		}
		if err := an.pipeline.Run(ctx, a); err != nil {
			return sum, err
		}
		Finish(a)
		for _, r := range a.Runs {
			if r.Error != "" {
				sum.fail(fmt.Sprintf("%s: stage %s: %s", id, r.Stage, r.Error))
			}
		}
		sig := dedup.Sign(bodyText(a))
		if _, err := st.Put(ctx, store.Article{Analysis: a, ContentHash: hash, DupGroup: group, Bands: dedup.BandKeys(&sig), Signature: sig.Bytes(), Replace: true}); err != nil {
			return sum, err
		}
		if err := st.Learn(ctx, id, a.Learned); err != nil {
			return sum, err
		}
		sum.Updated++
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}
