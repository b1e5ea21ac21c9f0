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
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
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
}

// New returns the server's handler:
//
//	/query    GraphQL over GET and POST
//	/         the GraphiQL playground
//	/healthz  200 while the process is alive
//	/readyz   200 once a graph is loaded, with its revision; 503 before
func New(cfg Config) http.Handler {
	origins := cfg.CORSOrigins
	if len(origins) == 0 {
		origins = []string{"*"}
	}
	c := cors.New(cors.Options{
		AllowedOrigins:   origins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Accept", "X-Request-ID"},
		ExposedHeaders:   []string{"X-Request-ID"},
		AllowCredentials: false,
		MaxAge:           600,
	})
	mux := http.NewServeMux()
	mux.Handle("/query", c.Handler(api.NewHandler(cfg.Graph, cfg.Logger)))
	mux.Handle("GET /{$}", playground.Handler("ombudsgraph", "/query"))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		st := cfg.Status()
		code := http.StatusOK
		if !st.Ready() {
			code = http.StatusServiceUnavailable
		}
		writeJSON(w, code, st)
	})
	return logRequests(cfg.Logger, mux)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// logRequests gives every request an ID (the client's X-Request-ID, or a new
// one), returns it in X-Request-ID, and logs one line when the request ends.
// Query variables are never logged.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
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
		next.ServeHTTP(sw, r.WithContext(api.WithRequestID(r.Context(), id)))
		log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("requestId", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
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
