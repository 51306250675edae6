// Package cli is herald's command line: subcommands, flags and exit codes.
// Exit codes: 0 success, 1 failure of herald itself, 2 bad input or usage.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/alecthomas/kong"

	"herald/internal/app"
	"herald/internal/model"
	"herald/internal/resources"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitInput   = 2
)

// env is what every command's Run receives.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// inputError marks an error caused by the user's input (exit code 2).
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// isInputError reports whether err comes from bad input rather than from herald.
func isInputError(err error) bool {
	var ie inputError
	if errors.As(err, &ie) {
		return true
	}
	for _, s := range []error{app.ErrEmpty, app.ErrBinary, app.ErrTooLarge, app.ErrNoText, app.ErrDate, os.ErrNotExist} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

type globals struct {
	Resources  string `help:"Directory whose files override the embedded lexicons and models." env:"HERALD_RESOURCES" type:"path"`
	CPUProfile string `name:"cpuprofile" help:"Write a CPU profile of the command to this file (for go tool pprof)." type:"path"`
}

type root struct {
	globals
	Extract   ExtractCmd   `cmd:"" help:"Analyse one article (text or HTML) and print herald/v1 JSON."`
	Ingest    IngestCmd    `cmd:"" help:"Analyse and store articles from files, folders, JSONL, WARC or stdin."`
	Search    SearchCmd    `cmd:"" help:"Full-text search over stored articles."`
	Events    EventsCmd    `cmd:"" help:"List stored events."`
	Quotes    QuotesCmd    `cmd:"" help:"List stored quotations."`
	Entities  EntitiesCmd  `cmd:"" help:"List stored actors."`
	Mentions  MentionsCmd  `cmd:"" help:"List the mentions of stored events (by event, merge key or document)."`
	Export    ExportCmd    `cmd:"" help:"Export the store: jsonl, csv, gdelt or polecat."`
	Reprocess ReprocessCmd `cmd:"" help:"Re-run extraction on stored articles."`
	Bench     BenchCmd     `cmd:"" help:"Measure pipeline throughput and memory on a JSONL corpus."`
	Eval      EvalCmd      `cmd:"" help:"Score herald on a gold data set."`
	Train     TrainCmd     `cmd:"" help:"Rebuild an embedded model from data."`
	Schema    SchemaCmd    `cmd:"" help:"Print the JSON Schema of the herald/v1 output."`
	Version   VersionCmd   `cmd:"" help:"Print herald's version."`
	Serve     ServeCmd     `cmd:"" help:"Serve the JSON API and web UI (--demo: over embedded sample articles)."`
}

// exitPanic carries kong's exit request out of Parse.
type exitPanic struct{ code int }

// Main runs herald with args (without the program name) and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	var cli root
	parser, err := kong.New(&cli,
		kong.Name("herald"),
		kong.Description("herald turns news articles into a dated, searchable record of who did what to whom, who said what, when and where."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(c int) { panic(exitPanic{c}) }),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Vars{"evalsets": evalNames(), "trainmodels": trainNames()},
	)
	if err != nil {
		fmt.Fprintf(stderr, "herald: %v\n", err)
		return ExitFailure
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(exitPanic); ok {
				code = e.code
				if code != 0 {
					code = ExitInput
				}
				return
			}
			panic(r)
		}
	}()
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(stderr, "herald: %v\n", err)
		return ExitInput
	}
	if cli.Resources != "" {
		resources.SetOverrideDir(cli.Resources)
	}
	if cli.CPUProfile != "" {
		f, err := os.Create(cli.CPUProfile)
		if err != nil {
			fmt.Fprintf(stderr, "herald: cpuprofile: %v\n", err)
			return ExitInput
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "herald: cpuprofile: %v\n", err)
			return ExitFailure
		}
		defer pprof.StopCPUProfile()
	}
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if err := kctx.Run(e); err != nil {
		fmt.Fprintf(stderr, "herald: %s\n", strings.TrimSpace(err.Error()))
		if isInputError(err) {
			return ExitInput
		}
		return ExitFailure
	}
	return ExitOK
}

// SchemaCmd prints the herald/v1 JSON Schema.
type SchemaCmd struct{}

// Run prints the schema.
func (SchemaCmd) Run(e *env) error {
	_, err := e.stdout.Write(model.JSONSchema)
	return err
}

// VersionCmd prints the version.
type VersionCmd struct{}

// Run prints herald's version.
func (VersionCmd) Run(e *env) error {
	_, err := fmt.Fprintf(e.stdout, "herald %s\n", app.Version)
	return err
}
