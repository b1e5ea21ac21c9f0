package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// serve loads the corpus into memory, or follows Neo4j, and serves the graph
// until ctx ends, then drains in-flight requests. It parses its
// configuration, builds the graph's source, and runs the HTTP server: three
// steps, each testable on its own.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := parseServe(args, getenv, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if getenv("GOGC") == "" {
		debug.SetGCPercent(cfg.gcPercent) // before the documents are read: see server.DefaultGCPercent
	}
	log := slog.New(slog.NewJSONHandler(stdout, nil))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	src, err := openSource(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer src.close() // after the server has stopped: the follower ends, then the driver closes
	return runServer(ctx, cfg, log, src)
}

// runServer listens on cfg.addr and serves src's graph until ctx ends or the
// Neo4j follower gives up on a mistake of configuration, then drains the
// requests in flight for up to cfg.drain.
func runServer(ctx context.Context, cfg serveConfig, log *slog.Logger, src *graphSource) error {
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", cfg.addr, err)
	}
	cfg.server.Graph, cfg.server.Status = src.holder.Current, src.holder.Status
	cfg.server.Logger, cfg.server.Metrics = log, src.metrics
	srv := &http.Server{Handler: server.New(cfg.server)}
	connectionLimits(srv, cfg.server.Timeout)
	ln = guardConnections(srv, ln, cfg.maxConns)
	log.Info("listening", "addr", ln.Addr().String(), "playground", "http://"+ln.Addr().String()+"/", "query", "http://"+ln.Addr().String()+"/query")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var failed error
	select {
	case err := <-errc:
		return err
	case err := <-src.follow: // nil in embedded mode, so never ready
		failed = cfg.neo4j.classify(err) // a mistake of configuration: stop serving
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", cfg.drain.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.drain)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Requests still running when the drain's time is up are cut
		// off: that is what --shutdown-timeout promises, not a failure.
		log.Warn("drain timed out; closing the connections still open", "timeout", cfg.drain.String(), "error", err.Error())
		if cerr := srv.Close(); cerr != nil {
			log.Warn("closing connections", "error", cerr.Error())
		}
	}
	log.Info("stopped")
	return failed
}

// connectionLimits bounds what one connection may hold: a client must send
// its headers within 10 s and its whole request within the request timeout
// and 5 s more, and must take its answer within the request timeout and
// 30 s more (an export is built before it is sent); a connection idle
// between requests is closed after a minute. So a client that sends or reads
// slowly, or never, frees its request slot and its connection.
func connectionLimits(srv *http.Server, requestTimeout time.Duration) {
	if requestTimeout <= 0 {
		requestTimeout = server.DefaultTimeout
	}
	srv.ReadHeaderTimeout = 10 * time.Second
	srv.ReadTimeout = requestTimeout + 5*time.Second
	srv.WriteTimeout = requestTimeout + 30*time.Second
	srv.IdleTimeout = time.Minute
	srv.MaxHeaderBytes = 64 << 10
}
