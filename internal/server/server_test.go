package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// TestRequestLog checks the one line per request: its ID, operation name,
// outcome and duration, and never the query's variables.
func TestRequestLog(t *testing.T) {
	h, _ := seedHolder(t)
	var log bytes.Buffer
	srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	body := `{"query":"query Council($slug: String!) { council(slug: $slug) { name } }","operationName":"Council","variables":{"slug":"secret-slug-value"}}`
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "abc123")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Header().Get("X-Request-ID") != "abc123" {
		t.Errorf("X-Request-ID = %q", rec.Header().Get("X-Request-ID"))
	}
	var line map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(log.Bytes()), &line); err != nil {
		t.Fatalf("log is not one JSON line: %q", log.String())
	}
	for k, want := range map[string]any{"msg": "request", "requestId": "abc123", "operation": "Council", "outcome": "ok", "status": 200.0} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	if _, ok := line["duration"]; !ok {
		t.Errorf("log lacks the duration: %v", line)
	}
	if strings.Contains(log.String(), "secret-slug-value") {
		t.Errorf("the log holds the query's variables: %s", log.String())
	}
}

// seedHolder returns a live graph holding the seed corpus, and that graph.
func seedHolder(t *testing.T) (*live.Graph, *graph.Graph) {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	h := live.New("test")
	if err := h.Load(g, ""); err != nil {
		t.Fatal(err)
	}
	return h, g
}
