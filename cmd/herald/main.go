// Command herald turns news articles into a dated, searchable record of who
// did what to whom, who said what, when and where. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"herald/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
