package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/metrics"
	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/web"
)

// graphSource is where a server's graph comes from: the corpus read once
// into memory, or Neo4j, followed for new revisions.
type graphSource struct {
	holder  *live.Graph
	metrics *metrics.Metrics
	// follow receives the follower's error when it gives up; it is nil in
	// embedded mode.
	follow <-chan error
	// close stops the follower, waits for it to end, and then closes the
	// driver it uses.
	close func()
}

// openSource loads the corpus, or starts following Neo4j, as cfg says.
func openSource(ctx context.Context, cfg serveConfig, log *slog.Logger) (*graphSource, error) {
	if cfg.neo4j.uri == "" {
		return openEmbedded(cfg, log)
	}
	return openNeo4j(ctx, cfg, log)
}

// openEmbedded parses the seed corpus and --docs into a graph held in memory,
// logging what loaded and every problem of the documents.
func openEmbedded(cfg serveConfig, log *slog.Logger) (*graphSource, error) {
	holder := live.New("embedded")
	res, err := buildCorpus(cfg.corpus)
	if err != nil {
		return nil, err
	}
	if res.failed != nil && cfg.strict {
		return nil, fmt.Errorf("%w\nombudsgraph serve: --strict: not serving a corpus with %d documents that cannot be loaded; fix them or leave them out", res.failed, res.failures())
	}
	if err := holder.Load(res.graph, ""); err != nil {
		return nil, err
	}
	attrs := []any{"source", "embedded", "revision", res.graph.Revision(), "documents", len(res.graph.Documents()), "seed", !cfg.corpus.noSeed, "docs", []string(cfg.corpus.docs),
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
	return &graphSource{holder: holder, metrics: metrics.New(holder, web.Operations()...), close: func() {}}, nil
}

// openNeo4j connects to Neo4j and follows its graph in the background: the
// graph is hydrated once Neo4j answers, and again whenever its revision
// changes. Neo4j that is not reachable yet is retried; a mistake of
// configuration (bad credentials, no such database) is returned.
func openNeo4j(ctx context.Context, cfg serveConfig, log *slog.Logger) (*graphSource, error) {
	n := cfg.neo4j
	if err := cfg.corpus.withoutNeo4j("serve"); err != nil {
		return nil, err
	}
	d, err := n.driver()
	if err != nil {
		return nil, err
	}
	if err := n.check(ctx, d); fatal(err) {
		d.Close(context.Background())
		return nil, err
	} else if err != nil {
		log.Warn("Neo4j is not reachable yet; retrying", "error", err.Error())
	}
	holder := live.New("neo4j " + n.uri + " database " + n.database)
	m := metrics.New(holder, web.Operations()...)
	fctx, stop := context.WithCancel(ctx)
	follow, done := make(chan error, 1), make(chan struct{})
	go func() {
		defer close(done)
		follow <- live.Follow(fctx, holder, neo4jstore.New(d, n.database), live.Options{
			Interval: cfg.refresh, Log: log, Backoff: 500 * time.Millisecond, MaxBackoff: 30 * time.Second,
			Fatal:   func(err error) bool { return fatal(n.classify(err)) },
			OnCheck: m.Refresh,
		})
	}()
	return &graphSource{holder: holder, metrics: m, follow: follow, close: func() {
		stop()
		<-done
		d.Close(context.Background())
	}}, nil
}
