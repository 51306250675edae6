package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"herald/internal/eval"
	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/nlp/actor"
	"herald/internal/nlp/geo"
	"herald/internal/nlp/ner"
	"herald/internal/nlp/segment"
	"herald/internal/nlp/tag"
)

func init() {
	registerEval("lgl", "LGL geoparsing XML: toponym resolution (acc@161 km), detection F1, end to end (issue 8)", runLGL)
}

// runLGL scores herald on an LGL-format file: (a) resolution of the gold
// toponym spans in their document (geo.Resolve), (b) detection and (c) end
// to end with the full pipeline, for the whole file and for the articles
// with even and odd docid.
func runLGL(ctx context.Context, r EvalRequest) error {
	f, err := os.Open(r.Path)
	if err != nil {
		return inputError{fmt.Errorf("eval lgl: %w", err)}
	}
	docs, err := eval.ReadLGL(f)
	f.Close()
	if err != nil {
		return inputError{err}
	}
	if r.Limit > 0 && r.Limit < len(docs) {
		docs = docs[:r.Limit]
	}
	analyze, err := lglAnalyzer(r)
	if err != nil {
		return err
	}
	scores := map[string]*eval.LGLScore{"all": {}, "even": {}, "odd": {}}
	var spent time.Duration
	skipped := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		half := eval.LGLHalf(d.ID)
		// (a) Resolution of the gold spans.
		spans := make([]model.Span, len(d.Toponyms))
		for i, t := range d.Toponyms {
			spans[i] = model.Span{Start: t.Start, End: t.End}
		}
		res, err := geo.Resolve(&model.Analysis{Text: d.Text}, spans)
		if err != nil {
			return err
		}
		pred := make([]eval.LGLPlace, len(res))
		for i, p := range res {
			pred[i] = lglPlace(p)
		}
		scores["all"].AddResolution(d.Toponyms, pred)
		if s := scores[half]; s != nil {
			s.AddResolution(d.Toponyms, pred)
		}
		if r.Verbose {
			for i, t := range d.Toponyms {
				if t.HasCoord {
					e := -1.0
					if pred[i].Resolved {
						e = eval.Haversine(t.Lat, t.Lon, pred[i].Lat, pred[i].Lon)
					}
					if e < 0 || e > eval.LGLKm {
						fmt.Fprintf(r.Stdout, "%s\tresolve\t%q\tgold=%s(%.2f,%.2f)\tpred=%s/%s/%s(%.2f,%.2f)\t%.0f km\n", d.ID, t.Phrase, t.Feature, t.Lat, t.Lon,
							res[i].Name, res[i].Feature, res[i].Country, res[i].Lat, res[i].Lon, e)
					}
				}
			}
		}
		// (b) and (c) with the pipeline.
		t0 := time.Now()
		a, err := analyze(ctx, model.Article{ID: d.ID, Text: d.Text, Language: "en", Origin: r.Path + "#" + d.ID})
		spent += time.Since(t0)
		if err != nil {
			return fmt.Errorf("eval lgl: article %s: %w", d.ID, err)
		}
		for _, run := range a.Runs {
			if run.Error != "" {
				fmt.Fprintf(r.Stderr, "eval lgl: article %s: stage %s: %s\n", d.ID, run.Stage, run.Error)
			}
		}
		if a.Text != d.Text {
			skipped++
			fmt.Fprintf(r.Stderr, "eval lgl: article %s: analysed text differs from the gold text; detection not scored\n", d.ID)
			continue
		}
		det := make([]eval.LGLPlace, len(a.Places))
		for i, p := range a.Places {
			det[i] = lglPlace(p)
		}
		scores["all"].AddDetection(d.Toponyms, det)
		if s := scores[half]; s != nil {
			s.AddDetection(d.Toponyms, det)
		}
		if r.Verbose {
			lglDetectionDiff(r.Stdout, d, a.Places)
		}
	}
	rate := 0.0
	if spent > 0 {
		rate = float64(scores["all"].Docs) / spent.Seconds()
	}
	w := r.Stdout
	fmt.Fprintf(w, "LGL %s: %d articles", r.Path, len(docs))
	if skipped > 0 {
		fmt.Fprintf(w, " (%d not scored for detection: text changed)", skipped)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-5s %6s %6s %9s %9s %7s %7s %7s %7s %7s\n", "part", "docs", "gold", "acc161", "mean_km", "med_km", "det_P", "det_R", "det_F1", "e2e161")
	for _, k := range []string{"all", "even", "odd"} {
		s := scores[k]
		fmt.Fprintf(w, "%-5s %6d %6d %9.3f %9.1f %7.1f %7.3f %7.3f %7.3f %7.3f\n", k, s.Docs, s.ResN, s.Acc161(), s.MeanKm(), s.MedianKm(),
			s.DetectP(), s.DetectR(), s.DetectF1(), s.E2EAcc161())
	}
	s := scores["all"]
	fmt.Fprintf(w, "lgl: acc161=%.3f detect_F1=%.3f e2e_acc161=%.3f mean_km=%.1f docs/s=%.1f\n", s.Acc161(), s.DetectF1(), s.E2EAcc161(), s.MeanKm(), rate)
	return nil
}

func lglPlace(p model.Place) eval.LGLPlace {
	return eval.LGLPlace{Start: p.Start, End: p.End, Resolved: p.Name != "", Lat: p.Lat, Lon: p.Lon}
}

// lglDetectionDiff prints the gold toponyms no place overlaps and the places
// no gold toponym overlaps.
func lglDetectionDiff(w io.Writer, d eval.LGLDoc, places []model.Place) {
	for _, t := range d.Toponyms {
		hit := false
		for _, p := range places {
			hit = hit || p.Start < t.End && t.Start < p.End
		}
		if !hit {
			fmt.Fprintf(w, "%s\tmissed\t%q\n", d.ID, t.Phrase)
		}
	}
	for _, p := range places {
		hit := false
		for _, t := range d.Toponyms {
			hit = hit || p.Start < t.End && t.Start < p.End
		}
		if !hit {
			fmt.Fprintf(w, "%s\textra\t%q\t%s/%s/%s\t%s\n", d.ID, p.Text, p.Name, p.Feature, p.Country, p.Rule)
		}
	}
}

// lglAnalyzer returns the analysis function: the default pipeline when it
// runs geo, else segment, tag, ner, actor and geo (without ner's labels when its
// model cannot be loaded, so that detection rests on the gazetteer alone).
func lglAnalyzer(r EvalRequest) (func(context.Context, model.Article) (*model.Analysis, error), error) {
	an, err := r.Analyzer()
	if err != nil {
		return nil, err
	}
	if hasStage(an.Pipeline(), geo.Name) {
		return an.Analyze, nil
	}
	g, err := geo.New()
	if err != nil {
		return nil, err
	}
	var nerStage nlp.Stage = ner.New()
	if _, err := ner.Default(); err != nil {
		fmt.Fprintf(r.Stderr, "eval lgl: no NER model (%v); detection from the gazetteer alone\n", err)
		nerStage = noNER{}
	}
	as, err := actor.New()
	if err != nil {
		return nil, err
	}
	p, err := nlp.New(segment.New(), tag.New(), nerStage, as, g)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(r.Stderr, "eval lgl: the default pipeline has no geo stage; running segment+tag+ner+actor+geo")
	return func(ctx context.Context, art model.Article) (*model.Analysis, error) {
		a, err := an.Prepare(art)
		if err != nil {
			return nil, err
		}
		return a, p.Run(ctx, a)
	}, nil
}

// noNER stands in for the ner stage when its model is missing: it labels nothing.
type noNER struct{}

func (noNER) Name() string                                   { return "ner" }
func (noNER) Requires() []string                             { return []string{"tag"} }
func (noNER) Process(context.Context, *model.Analysis) error { return nil }
