package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"herald/internal/app"
	"herald/internal/ingest/jsonl"
	"herald/internal/model"
)

// BenchCmd measures throughput and memory.
type BenchCmd struct {
	Corpus  string   `arg:"" help:"JSONL corpus (id, title, date, text or html per line)." type:"existingfile"`
	Limit   int      `help:"Analyse only the first N articles (0 = all)."`
	Stages  []string `help:"Run only these stages (and what they need)."`
	Workers int      `default:"1" help:"Parallel workers; throughput is reported per core."`
}

type benchResult struct {
	articles, failed int
	tokens           int64
	stageNanos       map[string]int64
	order            []string
}

// Run analyses the corpus and prints per-stage costs and the closing figures.
func (c *BenchCmd) Run(e *env) error {
	an, err := app.NewAnalyzer(app.Config{Stages: c.Stages, Clock: app.ThreadCPU})
	if err != nil {
		return err
	}
	f, err := os.Open(c.Corpus)
	if err != nil {
		return inputError{fmt.Errorf("bench: %w", err)}
	}
	defer f.Close()
	workers := c.Workers
	if workers < 1 {
		workers = 1
	}
	jobs := make(chan model.Article, 4*workers)
	res := benchResult{stageNanos: map[string]int64{}}
	for _, s := range an.Pipeline().Stages() {
		res.order = append(res.order, s.Name())
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr []string
	start := time.Now()
	cpu0 := cpuTime()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Stage timings read this thread's CPU clock.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			for art := range jobs {
				a, err := an.Analyze(e.ctx, art)
				mu.Lock()
				if err != nil {
					res.failed++
					if len(firstErr) < 5 {
						firstErr = append(firstErr, err.Error())
					}
					mu.Unlock()
					continue
				}
				res.articles++
				res.tokens += int64(len(a.Tokens))
				for _, r := range a.Runs {
					res.stageNanos[r.Stage] += r.Nanos
				}
				mu.Unlock()
			}
		}()
	}
	r := jsonl.NewReader(f, c.Corpus)
	n := 0
	var readErr error
	for c.Limit == 0 || n < c.Limit {
		art, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, jsonl.ErrLine) {
			fmt.Fprintf(e.stderr, "herald: bench: %v\n", err)
			continue
		}
		if err != nil {
			readErr = err
			break
		}
		if e.ctx.Err() != nil {
			break
		}
		jobs <- art
		n++
	}
	close(jobs)
	wg.Wait()
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	if readErr != nil {
		return readErr
	}
	for _, m := range firstErr {
		fmt.Fprintf(e.stderr, "herald: bench: %s\n", m)
	}
	printBench(e.stdout, res, wall, cpu, workers)
	return nil
}

// printBench prints the report. Throughput per core is tokens per second of
// process CPU time, so it stays true when other processes share the machine.
func printBench(w io.Writer, res benchResult, wall, cpu time.Duration, workers int) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	var total int64
	for _, ns := range res.stageNanos {
		total += ns
	}
	fmt.Fprintf(bw, "articles %d (failed %d), tokens %d, wall %.2fs, workers %d\n\n", res.articles, res.failed, res.tokens, wall.Seconds(), workers)
	fmt.Fprintf(bw, "%-10s %12s %8s %14s\n", "stage", "ns/token", "share", "tokens/s/core")
	tok := float64(res.tokens)
	if tok == 0 {
		tok = 1
	}
	var extra []string
	for _, s := range res.order {
		ns := res.stageNanos[s]
		share := 0.0
		if total > 0 {
			share = float64(ns) / float64(total)
		}
		rate := 0.0
		if ns > 0 {
			rate = float64(res.tokens) / (float64(ns) / 1e9)
		}
		fmt.Fprintf(bw, "%-10s %12.1f %7.1f%% %14.0f\n", s, float64(ns)/tok, 100*share, rate)
		extra = append(extra, fmt.Sprintf("%s_tokens/s=%.0f", s, rate))
	}
	secs := wall.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	cpuSecs := cpu.Seconds()
	if cpuSecs <= 0 {
		cpuSecs = secs * float64(workers)
	}
	perCore := float64(res.tokens) / cpuSecs
	arts := float64(res.articles) / secs
	peak := peakMB()
	fmt.Fprintf(bw, "\nthroughput: %.0f tokens/s per core (%.1fs CPU), %.1f articles/s (%.1fs wall), peak memory %.0f MB (GOMAXPROCS %d)\n",
		perCore, cpuSecs, arts, secs, peak, runtime.GOMAXPROCS(0))
	sort.Strings(extra)
	fmt.Fprintf(bw, "bench: tokens/s=%.0f articles/s=%.1f peak_MB=%.0f %s\n", perCore, arts, peak, strings.Join(extra, " "))
}

// cpuTime returns the process' user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakMB returns the process' peak resident memory in MB (VmHWM on Linux),
// or the Go runtime's obtained memory where /proc is unavailable.
func peakMB() float64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				f := strings.Fields(line)
				if len(f) >= 2 {
					if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
						return kb / 1024
					}
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.Sys) / (1 << 20)
}
