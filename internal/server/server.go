// Package server is herald's HTTP server: it wraps a handler with security
// headers (a Content-Security-Policy without inline scripts, nosniff, no
// framing, no referrer), request size limits, a per-request timeout and panic
// recovery, and serves it on a loopback address unless told otherwise, with a
// graceful shutdown. Handlers built by Wrap are safe for concurrent use.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"
)

// CSP is the Content-Security-Policy of every response: everything from the
// server itself only, no script at all, no framing, forms posting only back.
const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; " +
	"frame-ancestors 'none'; base-uri 'none'"

// Config configures the server. Zero fields take the defaults below.
type Config struct {
	Addr           string        // listen address; default 127.0.0.1:8080
	HandlerTimeout time.Duration // longest time one request may take; default 10s
	ReadTimeout    time.Duration // default 15s
	WriteTimeout   time.Duration // default twice HandlerTimeout (a wait at the gate, then the handler) + 5s
	IdleTimeout    time.Duration // default 60s
	MaxBodyBytes   int64         // largest request body; default 6 MiB
	MaxHeaderBytes int           // default 64 KiB
	MaxURLBytes    int           // longest request URI; default 4096
	// MaxInFlight is how many requests are handled at once; the others wait
	// their turn first come, first served (for at most HandlerTimeout). The
	// default, twice GOMAXPROCS, keeps every core busy while a burst of
	// clients queues in order instead of sharing the cores, which would let
	// each request take as long as the whole burst.
	MaxInFlight int
	Logger      *slog.Logger
}

// DefaultAddr binds the loopback interface only.
const DefaultAddr = "127.0.0.1:8080"

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.HandlerTimeout <= 0 {
		c.HandlerTimeout = 10 * time.Second
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = 15 * time.Second
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 2*c.HandlerTimeout + 5*time.Second
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = 60 * time.Second
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 6 << 20
	}
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = 64 << 10
	}
	if c.MaxURLBytes <= 0 {
		c.MaxURLBytes = 4096
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 2 * runtime.GOMAXPROCS(0)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

const timeoutBody = `{"error":{"code":"timeout","message":"the request took too long; narrow it"}}`

const busyBody = `{"error":{"code":"busy","message":"the server is busy; try again shortly"}}`

// Wrap returns h with security headers, limits, a timeout and panic recovery.
func Wrap(h http.Handler, cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	inner := http.TimeoutHandler(h, cfg.HandlerTimeout, timeoutBody)
	// Senders blocked on a full channel are woken in arrival order, so the
	// channel is a first-come, first-served gate.
	gate := make(chan struct{}, cfg.MaxInFlight)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", CSP)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		if len(r.RequestURI) > cfg.MaxURLBytes {
			hd.Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestURITooLong)
			fmt.Fprintf(w, `{"error":{"code":"too_long","message":"request URI longer than %d bytes"}}`+"\n", cfg.MaxURLBytes)
			return
		}
		if r.ContentLength > cfg.MaxBodyBytes {
			hd.Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			fmt.Fprintf(w, `{"error":{"code":"too_large","message":"request body larger than %d bytes"}}`+"\n", cfg.MaxBodyBytes)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, cfg.MaxBodyBytes)
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				cfg.Logger.Error("server: panic", "path", r.URL.Path, "panic", v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		select {
		case gate <- struct{}{}:
		default:
			t := time.NewTimer(cfg.HandlerTimeout)
			select {
			case gate <- struct{}{}:
				t.Stop()
			case <-r.Context().Done():
				t.Stop()
				return
			case <-t.C:
				hd.Set("Content-Type", "application/json")
				hd.Set("Retry-After", "1")
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintln(w, busyBody)
				return
			}
		}
		defer func() { <-gate }()
		inner.ServeHTTP(w, r)
	})
}

// New returns an http.Server for h (already wrapped or not: New wraps it).
func New(h http.Handler, cfg Config) *http.Server {
	cfg = cfg.withDefaults()
	return &http.Server{
		Addr:              cfg.Addr,
		Handler:           Wrap(h, cfg),
		ReadTimeout:       cfg.ReadTimeout,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    cfg.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}
}

// Listen opens the server's address.
func Listen(cfg Config) (net.Listener, error) {
	cfg = cfg.withDefaults()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("server: listen %s: %w", cfg.Addr, err)
	}
	return ln, nil
}

// Serve serves srv on ln until ctx is done, then shuts down gracefully
// (waiting at most 5 seconds for requests in flight).
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("server: serve: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			return fmt.Errorf("server: shutdown: %w", err)
		}
		return nil
	}
}
