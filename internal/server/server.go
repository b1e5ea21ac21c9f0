// Package server is ombudsgraph's HTTP surface: the GraphQL endpoint, the
// playground, health and readiness, CORS and request logging. It serves
// whatever graph its caller currently holds and knows nothing of where that
// graph came from.
package server

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/rs/cors"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/metrics"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/web"
)

// Config configures the server's handler.
type Config struct {
	// Graph returns the graph to answer from and its search index, or nils
	// while none is loaded.
	Graph func() (*graph.Graph, *search.Index)
	// Status returns the state /readyz reports.
	Status func() live.Status
	// Logger receives one line per request, and internal errors.
	Logger *slog.Logger
	// CORSOrigins lists the origins browsers may call the API from; empty
	// means any origin. Credentials are never allowed.
	CORSOrigins []string
	// API bounds what one operation may ask.
	API api.Options
	// Metrics, if not nil, counts requests and is served at /metrics.
	Metrics *metrics.Metrics
	// MaxBody, MaxBatch and Timeout bound a request: the bytes of its body,
	// the operations in a batch, and its time. Zero takes the defaults.
	MaxBody  int64
	MaxBatch int
	Timeout  time.Duration
	// MaxConcurrent is how many GraphQL requests run at once; the rest wait
	// their turn. Zero takes DefaultMaxConcurrent.
	MaxConcurrent int
	// ResponseCache is the byte budget of the cache of whole responses, keyed
	// by graph revision and request. Zero takes DefaultResponseCache; a
	// negative value turns the cache off.
	ResponseCache int
	// MaxExport caps the nodes of one download from /export; zero takes
	// DefaultMaxExport.
	MaxExport int
}

// New returns the server's handler:
//
//	/query    GraphQL over GET and POST
//	/         the GraphiQL playground
//	/explore  the graph explorer
//	/export/{format}  the graph, or a selection, as a download
//	/metrics  Prometheus metrics, when Config.Metrics is set
//	/healthz  200 while the process is alive
//	/readyz   200 once a graph is loaded, with its revision and its corpus's
//	          problems (documents left out, warnings); 503 before, and 503
//	          "overloaded" while as many GraphQL operations wait as can run
func New(cfg Config) http.Handler {
	origins := cfg.CORSOrigins
	if len(origins) == 0 {
		origins = []string{"*"}
	}
	c := cors.New(cors.Options{
		AllowedOrigins:   origins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Accept", "X-Request-ID"},
		ExposedHeaders:   []string{"X-Request-ID", "X-Node-Count", "X-Edge-Count", "X-Truncated", "Content-Disposition"},
		AllowCredentials: false,
		MaxAge:           600,
	})
	mux := http.NewServeMux()
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = DefaultMaxBatch
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = DefaultMaxConcurrent()
	}
	if cfg.ResponseCache == 0 {
		cfg.ResponseCache = DefaultResponseCache
	}
	queries := newAdmission(cfg.MaxConcurrent, 0)
	var query http.Handler = queries.handler(conform(api.NewHandler(cfg.Graph, cfg.Logger, cfg.API)))
	if cfg.ResponseCache > 0 {
		query = cacheResponses(cfg.ResponseCache, cfg.Graph, query)
	}
	mux.Handle("/query", c.Handler(limitQuery(cfg.MaxBody, cfg.MaxBatch, cfg.Timeout, query)))
	if cfg.MaxExport <= 0 {
		cfg.MaxExport = DefaultMaxExport
	}
	// Exports are large and few: at most one per core is built at a time,
	// and one waits for its turn no longer than a query may run.
	mux.Handle("GET /export/{format}", c.Handler(admit(runtime.GOMAXPROCS(0), cfg.Timeout, exportHandler(cfg.Graph, cfg.MaxExport))))
	pages := web.Pages()
	mux.Handle("GET /{$}", page(pages, "index.html"))
	mux.Handle("GET /explore", page(pages, "explore.html"))
	mux.Handle("GET /assets/", assets(pages))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		st := readiness{Status: cfg.Status(), Admission: queries.load()}
		code := http.StatusOK
		switch {
		case !st.Ready():
			code = http.StatusServiceUnavailable
		case st.Admission.overloaded():
			st.State, code = "overloaded", http.StatusServiceUnavailable
		}
		writeJSON(w, code, st)
	})
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	return logRequests(cfg.Logger, cfg.Metrics, mux)
}

// readiness is what /readyz answers: the graph's status, and how full the
// GraphQL admission is. While as many operations wait as can run, the
// status is "overloaded" and the answer 503, so that an orchestrator sends
// new clients to another replica until the line is shorter.
type readiness struct {
	live.Status
	Admission admissionLoad `json:"admission"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// logRequests gives every request an ID (the client's X-Request-ID, or a new
// one), returns it in X-Request-ID, and logs one line when the request ends.
// Query variables are never logged.
func logRequests(log *slog.Logger, m *metrics.Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if id == "" || len(id) > 64 {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		info := &api.RequestInfo{ID: id}
		next.ServeHTTP(sw, r.WithContext(api.WithRequest(r.Context(), info)))
		outcome := "ok"
		switch {
		case sw.status >= 500:
			outcome = "server_error"
		case sw.status >= 400:
			outcome = "rejected"
		case info.Errors > 0:
			outcome = "errors"
		}
		attrs := []slog.Attr{slog.String("requestId", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.String("outcome", outcome), slog.Duration("duration", time.Since(start))}
		if len(info.Operations) > 0 {
			attrs = append(attrs, slog.String("operation", strings.Join(info.Operations, ",")), slog.Int("errors", info.Errors))
		}
		log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
		if m != nil && r.URL.Path == "/query" {
			m.Request(strings.Join(info.Operations, ","), outcome, time.Since(start))
		}
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status for the request log.
func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
