package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/metrics"
	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// serve loads the corpus into memory and serves it until ctx ends, then
// drains in-flight requests.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := newFlags("serve", stdout)
	var c corpusFlags
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on (also OMBUDSGRAPH_ADDR)")
	origins := fs.String("cors-origins", "", "comma-separated origins browsers may call the API from; empty means any (also OMBUDSGRAPH_CORS_ORIGINS)")
	drain := fs.Duration("shutdown-timeout", 10*time.Second, "how long to let in-flight requests finish on shutdown")
	refresh := fs.Duration("refresh-interval", 5*time.Second, "with Neo4j, how often to check whether the graph changed")
	strict := fs.Bool("strict", false, "refuse to start when any document cannot be loaded, instead of serving the others and reporting it (embedded mode)")
	var lim server.Config
	fs.IntVar(&lim.API.MaxComplexity, "max-complexity", api.DefaultMaxComplexity, "the most an operation may cost: a field costs 1, a list multiplies its items' cost by its page size")
	fs.IntVar(&lim.API.MaxDepth, "max-depth", api.DefaultMaxDepth, "how deeply an operation's selections may nest")
	fs.IntVar(&lim.API.MaxAliases, "max-aliases", api.DefaultMaxAliases, "how many aliased fields an operation may have")
	fs.BoolVar(&lim.API.Introspection, "introspection", true, "answer __schema and __type queries (the playground needs them)")
	persisted := fs.String("persisted-queries", "", "a JSON file of queries known in advance: an array of query texts; clients send their SHA-256 as extensions.persistedQuery")
	fs.BoolVar(&lim.API.PersistedOnly, "persisted-only", false, "run only the queries of --persisted-queries")
	fs.Int64Var(&lim.MaxBody, "max-body", server.DefaultMaxBody, "the largest request body accepted, in bytes (413 beyond)")
	fs.IntVar(&lim.MaxBatch, "max-batch", server.DefaultMaxBatch, "the most operations one batched request (a JSON array) may hold")
	fs.DurationVar(&lim.Timeout, "request-timeout", server.DefaultTimeout, "how long one request may take")
	fs.IntVar(&lim.MaxConcurrent, "max-concurrent", server.DefaultMaxConcurrent(), "how many GraphQL requests run at once; the rest wait their turn, within --request-timeout")
	fs.IntVar(&lim.MaxExport, "max-export-nodes", server.DefaultMaxExport, "the most nodes one download from /export/{format} holds; a larger selection is cut and marked X-Truncated")
	cacheMB := fs.Int("response-cache", server.DefaultResponseCache>>20, "megabytes of whole responses kept for repeated requests, per graph revision; 0 turns the cache off")
	gcPercent := fs.Int("gc-percent", server.DefaultGCPercent, "the Go garbage collector's target percentage (as GOGC); the graph is a large, unchanging heap, so collecting less often saves time for little risk; GOGC, when set, wins")
	var n neo4jFlags
	n.register(fs)
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	c.fromEnv(getenv)
	if err := envDefaults(fs, getenv, "docs", "neo4j-uri", "neo4j-username", "neo4j-database"); err != nil {
		return err
	}
	n.fromEnv(getenv)
	switch {
	case lim.MaxConcurrent < 1:
		return usageError{fmt.Sprintf("ombudsgraph serve: --max-concurrent %d: at least 1 request must be able to run", lim.MaxConcurrent)}
	case lim.MaxExport < 1:
		return usageError{fmt.Sprintf("ombudsgraph serve: --max-export-nodes %d: give at least 1", lim.MaxExport)}
	case *cacheMB < 0:
		return usageError{fmt.Sprintf("ombudsgraph serve: --response-cache %d: give megabytes, or 0 for no cache", *cacheMB)}
	case *cacheMB == 0:
		lim.ResponseCache = -1
	default:
		lim.ResponseCache = *cacheMB << 20
	}
	if getenv("GOGC") == "" {
		debug.SetGCPercent(*gcPercent)
	}
	if *persisted != "" {
		known, err := readPersisted(*persisted)
		if err != nil {
			return err
		}
		lim.API.Persisted = known
	} else if lim.API.PersistedOnly {
		return usageError{"ombudsgraph serve: --persisted-only needs --persisted-queries FILE"}
	}
	log := slog.New(slog.NewJSONHandler(stdout, nil))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var holder *live.Graph
	var m *metrics.Metrics
	follow := make(chan error, 1)
	if n.uri == "" {
		holder = live.New("embedded")
		res, err := buildCorpus(c)
		if err != nil {
			return err
		}
		if res.failed != nil && *strict {
			return fmt.Errorf("%w\nombudsgraph serve: --strict: not serving a corpus with %d documents that cannot be loaded; fix them or leave them out", res.failed, res.failures())
		}
		if err := holder.Load(res.graph, ""); err != nil {
			return err
		}
		attrs := []any{"source", "embedded", "revision", res.graph.Revision(), "documents", len(res.graph.Documents()), "seed", !c.noSeed, "docs", []string(c.docs),
			"failed", res.failures(), "problems", len(res.graph.Problems())}
		for _, k := range res.graph.Counts().Entities {
			attrs = append(attrs, k.Name, k.Count)
		}
		log.Info("loaded", attrs...)
		for _, p := range res.graph.Problems() {
			log.Warn("document problem", "doc", p.Doc, "line", p.Line, "severity", string(p.Severity), "message", p.Message)
		}
		for _, w := range res.graph.Warnings() {
			log.Warn("conflict", "detail", w)
		}
	} else {
		if err := c.withoutNeo4j("serve"); err != nil {
			return err
		}
		d, err := n.driver()
		if err != nil {
			return err
		}
		defer d.Close(context.Background())
		if err := n.check(ctx, d); fatal(err) {
			return err
		} else if err != nil {
			log.Warn("Neo4j is not reachable yet; retrying", "error", err.Error())
		}
		holder = live.New("neo4j " + n.uri + " database " + n.database)
		st := neo4jstore.New(d, n.database)
		m = metrics.New(holder)
		go func() {
			follow <- live.Follow(ctx, holder, st, live.Options{
				Interval: *refresh, Log: log, Backoff: 500 * time.Millisecond, MaxBackoff: 30 * time.Second,
				Fatal:   func(err error) bool { return fatal(n.classify(err)) },
				OnCheck: m.Refresh,
			})
		}()
	}

	if m == nil {
		m = metrics.New(holder)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler: server.New(server.Config{
			Graph:         holder.Current,
			Status:        holder.Status,
			Logger:        log,
			CORSOrigins:   splitList(*origins),
			API:           lim.API,
			Metrics:       m,
			MaxBody:       lim.MaxBody,
			MaxBatch:      lim.MaxBatch,
			Timeout:       lim.Timeout,
			MaxConcurrent: lim.MaxConcurrent,
			MaxExport:     lim.MaxExport,
			ResponseCache: lim.ResponseCache,
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Info("listening", "addr", ln.Addr().String(), "playground", "http://"+ln.Addr().String()+"/", "query", "http://"+ln.Addr().String()+"/query")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var failed error
	select {
	case err := <-errc:
		return err
	case err := <-follow:
		failed = n.classify(err) // a mistake of configuration: stop serving
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", drain.String())
	sctx, cancel := context.WithTimeout(context.Background(), *drain)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Requests still running when the drain's time is up are cut
		// off: that is what --shutdown-timeout promises, not a failure.
		log.Warn("drain timed out; closing the connections still open", "timeout", drain.String(), "error", err.Error())
		if cerr := srv.Close(); cerr != nil {
			log.Warn("closing connections", "error", cerr.Error())
		}
	}
	log.Info("stopped")
	return failed
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readPersisted reads a persisted queries file: a JSON array of query texts,
// known by the hex SHA-256 of each.
func readPersisted(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--persisted-queries: %w", err)
	}
	var queries []string
	if err := json.Unmarshal(data, &queries); err != nil {
		return nil, fmt.Errorf("--persisted-queries %s: want a JSON array of query texts: %w", path, err)
	}
	known := make(map[string]string, len(queries))
	for _, q := range queries {
		sum := sha256.Sum256([]byte(q))
		known[hex.EncodeToString(sum[:])] = q
	}
	return known, nil
}
