// Package models embeds herald's trained sequence models (POS, chunk, NER),
// the word clusters they use and the NER type lexicon (ner_types.tsv,
// written by hand). The models are rebuilt, byte for byte, from the repo root:
//
//	herald train clusters ../shared/data/news
//	herald train pos ../shared/data/conll2003
//	herald train chunk ../shared/data/conll2003
//	herald train ner ../shared/data/conll2003
//
// (seed 1, the default; clusters first, as the others use them; settings in
// internal/cli/train_tag.go). Files are read through resources.Read, so
// HERALD_RESOURCES/models/<name> overrides them. Safe for concurrent use.
package models

import (
	"embed"
	"fmt"

	"herald/internal/resources"
)

//go:embed *.model clusters.tsv ner_types.tsv
var files embed.FS

// Its files enter the pipeline fingerprint (doc.pipeline.models).
var _ = resources.Register("models", files)

// Names of the embedded files.
const (
	POS      = "pos.model"
	POS2     = "pos2.model" // stacked second POS stage (optional)
	Chunk    = "chunk.model"
	NER      = "ner.model"
	NER2     = "ner2.model" // stacked second NER stage (optional)
	Clusters = "clusters.tsv"
	Types    = "ner_types.tsv"
)

// Read returns the bytes of the named model file.
func Read(name string) ([]byte, error) {
	b, err := resources.Read("models/"+name, files, name)
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	return b, nil
}
