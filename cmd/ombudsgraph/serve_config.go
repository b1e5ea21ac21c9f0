package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// serveConfig is everything `serve` is told by its flags and environment.
// Its server field is the one server.Config: the flags fill it in place, and
// the parts built later (the graph, the logger, the metrics) are set on it,
// so no field is copied, and none can be forgotten.
type serveConfig struct {
	corpus    corpusFlags
	neo4j     neo4jFlags
	addr      string
	drain     time.Duration // how long in-flight requests may finish on shutdown
	refresh   time.Duration // with Neo4j, how often to look for a new revision
	strict    bool          // refuse to start when a document cannot be loaded
	gcPercent int
	maxConns  int // connections held open at once
	server    server.Config
}

// parseServe parses serve's flags and environment into a configuration, and
// checks it. It returns flag.ErrHelp when help was asked for.
func parseServe(args []string, getenv func(string) string, stdout io.Writer) (serveConfig, error) {
	var c serveConfig
	fs := newFlags("serve", stdout)
	c.corpus.register(fs)
	c.registerServe(fs)
	persisted := fs.String("persisted-queries", "", "a JSON file of queries known in advance: an array of query texts; clients send their SHA-256 as extensions.persistedQuery")
	origins := fs.String("cors-origins", "", "comma-separated origins browsers may call the API from; empty means any (also OMBUDSGRAPH_CORS_ORIGINS)")
	cacheMB := fs.Int("response-cache", server.DefaultResponseCache>>20, "megabytes of whole responses kept for repeated requests, per graph revision; 0 turns the cache off")
	c.neo4j.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return c, err
	}
	c.corpus.fromEnv(getenv)
	if err := envDefaults(fs, getenv, "docs", "neo4j-uri", "neo4j-username", "neo4j-database"); err != nil {
		return c, err
	}
	c.neo4j.fromEnv(getenv)
	c.server.CORSOrigins = splitList(*origins)
	if err := c.setCache(*cacheMB); err != nil {
		return c, err
	}
	if err := c.check(); err != nil {
		return c, err
	}
	if *persisted != "" {
		known, err := readPersisted(*persisted)
		if err != nil {
			return c, err
		}
		c.server.API.Persisted = known
	} else if c.server.API.PersistedOnly {
		return c, usageError{"ombudsgraph serve: --persisted-only needs --persisted-queries FILE"}
	}
	return c, nil
}

// registerServe defines the flags that fill c directly.
func (c *serveConfig) registerServe(fs *flag.FlagSet) {
	lim := &c.server
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "the address to listen on (also OMBUDSGRAPH_ADDR)")
	fs.DurationVar(&c.drain, "shutdown-timeout", 10*time.Second, "how long to let in-flight requests finish on shutdown")
	fs.DurationVar(&c.refresh, "refresh-interval", 5*time.Second, "with Neo4j, how often to check whether the graph changed")
	fs.BoolVar(&c.strict, "strict", false, "refuse to start when any document cannot be loaded, instead of serving the others and reporting it (embedded mode)")
	fs.IntVar(&c.gcPercent, "gc-percent", server.DefaultGCPercent, "the Go garbage collector's target percentage (as GOGC); the graph is a large, unchanging heap, so collecting less often saves time for little risk; GOGC, when set, wins")
	fs.IntVar(&lim.API.MaxComplexity, "max-complexity", api.DefaultMaxComplexity, "the most an operation may cost: a field costs 1, a list multiplies its items' cost by its page size")
	fs.IntVar(&lim.API.MaxDepth, "max-depth", api.DefaultMaxDepth, "how deeply an operation's selections may nest")
	fs.IntVar(&lim.API.MaxAliases, "max-aliases", api.DefaultMaxAliases, "how many aliased fields an operation may have")
	fs.IntVar(&lim.API.MaxTokens, "max-tokens", api.DefaultMaxTokens, "how many tokens (names, punctuation, values) a request's GraphQL document may have; read before the other limits")
	fs.BoolVar(&lim.API.Introspection, "introspection", true, "answer __schema and __type queries (the playground needs them)")
	fs.BoolVar(&lim.API.PersistedOnly, "persisted-only", false, "run only the queries of --persisted-queries")
	fs.Int64Var(&lim.MaxBody, "max-body", server.DefaultMaxBody, "the largest request body accepted, in bytes (413 beyond)")
	fs.IntVar(&lim.MaxBatch, "max-batch", server.DefaultMaxBatch, "the most operations one batched request (a JSON array) may hold")
	fs.DurationVar(&lim.Timeout, "request-timeout", server.DefaultTimeout, "how long one request may take")
	fs.IntVar(&lim.MaxConcurrent, "max-concurrent", server.DefaultMaxConcurrent(), "how many GraphQL requests run at once; the rest wait their turn, within --request-timeout")
	fs.IntVar(&lim.MaxExport, "max-export-nodes", server.DefaultMaxExport, "the most nodes one download from /export/{format} holds; a larger selection is cut and marked X-Truncated")
	fs.IntVar(&c.maxConns, "max-connections", DefaultMaxConnections, "how many connections are held open at once; past three quarters of them, idle keep-alive connections are closed first")
}

// setCache sets the response cache's budget from --response-cache.
func (c *serveConfig) setCache(megabytes int) error {
	switch {
	case megabytes < 0:
		return usageError{fmt.Sprintf("ombudsgraph serve: --response-cache %d: give megabytes, or 0 for no cache", megabytes)}
	case megabytes == 0:
		c.server.ResponseCache = -1
	default:
		c.server.ResponseCache = megabytes << 20
	}
	return nil
}

// check refuses limits that would leave nothing able to run.
func (c serveConfig) check() error {
	switch {
	case c.server.MaxConcurrent < 1:
		return usageError{fmt.Sprintf("ombudsgraph serve: --max-concurrent %d: at least 1 request must be able to run", c.server.MaxConcurrent)}
	case c.server.MaxExport < 1:
		return usageError{fmt.Sprintf("ombudsgraph serve: --max-export-nodes %d: give at least 1", c.server.MaxExport)}
	case c.maxConns < 4:
		return usageError{fmt.Sprintf("ombudsgraph serve: --max-connections %d: give at least 4", c.maxConns)}
	}
	return nil
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
