package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"herald/internal/eval"
	"herald/internal/model"
	"herald/internal/nlp/ner"
	"herald/internal/nlp/tag"
	"herald/internal/seqmodel"
)

func init() {
	registerEval("conll", "CoNLL-2003 NER (conlleval), POS accuracy and chunk F1 on the file's own tokens", runCoNLL)
}

// conllAnalysis builds the Analysis of one gold document on its own tokens:
// one sentence per line, tokens separated by one space, one paragraph block.
func conllAnalysis(d seqmodel.Doc) *model.Analysis {
	a := &model.Analysis{Doc: model.Doc{Language: "en"}}
	var sb strings.Builder
	for si, s := range d.Sentences {
		st := sb.Len()
		t0 := len(a.Tokens)
		for i, w := range s.Words {
			if i > 0 {
				sb.WriteByte(' ')
			}
			a.Tokens = append(a.Tokens, model.Token{Start: sb.Len(), End: sb.Len() + len(w), Sentence: si})
			sb.WriteString(w)
		}
		a.Sentences = append(a.Sentences, model.Sentence{Start: st, End: sb.Len(), Block: 0, TokenStart: t0, TokenEnd: len(a.Tokens)})
		sb.WriteByte('\n')
	}
	a.Text = sb.String()
	a.Blocks = []model.Block{{Start: 0, End: len(a.Text), Kind: model.BlockParagraph}}
	return a
}

func runCoNLL(ctx context.Context, r EvalRequest) error {
	p := r.Path
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		p = filepath.Join(p, "dev.txt")
	}
	f, err := os.Open(p)
	if err != nil {
		return inputError{fmt.Errorf("eval conll: %w", err)}
	}
	docs, err := eval.ReadCoNLL(f, p)
	f.Close()
	if err != nil {
		return inputError{err}
	}
	if r.Limit > 0 && r.Limit < len(docs) {
		docs = docs[:r.Limit]
	}
	tagStage, nerStage := tag.New(), ner.New()
	// load the models before timing
	if _, err := tag.Default(); err != nil {
		return err
	}
	if _, err := ner.Default(); err != nil {
		return err
	}
	nerScore := eval.NewCoNLLScore()
	chunkScore := eval.NewCoNLLScore()
	posRight, ntok := 0, 0
	var elapsed, cpu time.Duration
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := conllAnalysis(d)
		t0, c0 := time.Now(), cpuTime()
		if err := tagStage.Process(ctx, a); err != nil {
			return err
		}
		if err := nerStage.Process(ctx, a); err != nil {
			return err
		}
		elapsed += time.Since(t0)
		cpu += cpuTime() - c0
		for _, s := range a.Sentences {
			toks := a.Tokens[s.TokenStart:s.TokenEnd]
			gold := d.Sentences[toks[0].Sentence]
			pred := make([]string, len(toks))
			chunk := make([]string, len(toks))
			for i, t := range toks {
				pred[i] = eval.ToCoNLLLabel(t.NER)
				chunk[i] = t.Chunk
				if t.POS == gold.POS[i] {
					posRight++
				}
				ntok++
			}
			nerScore.Add(gold.NER, pred)
			chunkScore.Add(gold.Chunk, chunk)
			if r.Verbose {
				for i, t := range toks {
					if pred[i] != gold.NER[i] {
						fmt.Fprintf(r.Stdout, "  %s\tgold %s\tpred %s\n", a.Text[t.Start:t.End], gold.NER[i], pred[i])
					}
				}
			}
		}
	}
	fmt.Fprintf(r.Stdout, "CoNLL-2003 %s: %d documents, %d tokens\n\nnamed entities (exact span and type):\n", p, len(docs), ntok)
	nerScore.Report(r.Stdout, "type")
	fmt.Fprintf(r.Stdout, "\nchunks:\n")
	chunkScore.Report(r.Stdout, "chunk")
	posAcc := float64(posRight) / float64(max(ntok, 1))
	// tokens/s counts CPU time (the process's, GC included), so that a busy
	// machine does not lower it; the wall-clock rate is printed beside it.
	tps := float64(ntok) / max(cpu.Seconds(), 1e-9)
	fmt.Fprintf(r.Stdout, "\nPOS accuracy %.4f\ntag+ner stages (POS, chunk, lemma, clauses, NER), one goroutine: %.0f tokens per CPU second, %.0f tokens/s wall clock\n",
		posAcc, tps, float64(ntok)/max(elapsed.Seconds(), 1e-9))
	fmt.Fprintf(r.Stdout, "conll: NER_F1=%.4f POS_ACC=%.4f CHUNK_F1=%.4f tokens/s=%.0f\n", nerScore.All.F1(), posAcc, chunkScore.All.F1(), tps)
	return nil
}
