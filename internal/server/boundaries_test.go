package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// serveOne sends one request to a server over the seed graph, configured by
// cfg (its graph, status and logger filled in), and returns the response.
func serveOne(t *testing.T, cfg server.Config, method, path, contentType, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	h, _ := seedHolder(t)
	cfg.Graph, cfg.Status = h.Current, h.Status
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	server.New(cfg).ServeHTTP(rec, req)
	return rec
}

// errorCode returns the code of the first error of a GraphQL answer, or "".
func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	var resp struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("not JSON: %v: %.200s", err, body)
	}
	if len(resp.Errors) == 0 {
		return ""
	}
	return resp.Errors[0].Extensions.Code
}

// TestRequestLimitsAtTheirBounds checks each request limit at its bound and
// one past it: a body of exactly --max-body bytes, a batch of exactly
// --max-batch operations, an empty body and an empty batch.
func TestRequestLimitsAtTheirBounds(t *testing.T) {
	q := `{"query":"{ __typename }"}`
	padded := q[:len(q)-1] + `,"x":"` + strings.Repeat(" ", 200-len(q)-7) + `"}`
	if len(padded) != 200 {
		t.Fatalf("padded body is %d bytes", len(padded))
	}
	limits := server.Config{MaxBody: 200, MaxBatch: 2}
	if rec := serveOne(t, limits, http.MethodPost, "/query", "application/json", padded); rec.Code != 200 || errorCode(t, rec.Body.Bytes()) != "" {
		t.Errorf("a body of exactly --max-body: %d %.200s", rec.Code, rec.Body.String())
	}
	if rec := serveOne(t, limits, http.MethodPost, "/query", "application/json", padded+" "); rec.Code != 413 {
		t.Errorf("a body a byte over --max-body: %d", rec.Code)
	}
	two := "[" + q + "," + q + "]"
	if rec := serveOne(t, limits, http.MethodPost, "/query", "application/json", two); rec.Code != 200 || strings.Count(rec.Body.String(), "__typename") != 2 || !json.Valid(rec.Body.Bytes()) {
		t.Errorf("a batch of exactly --max-batch: %d %.200s", rec.Code, rec.Body.String())
	}
	if rec := serveOne(t, limits, http.MethodPost, "/query", "application/json", "[]"); errorCode(t, rec.Body.Bytes()) != graph.CodeBatchLimit {
		t.Errorf("an empty batch: %d %.200s", rec.Code, rec.Body.String())
	}
	if rec := serveOne(t, limits, http.MethodPost, "/query", "application/json", ""); rec.Code != 400 {
		t.Errorf("an empty body: %d %.200s", rec.Code, rec.Body.String())
	}
	if rec := serveOne(t, server.Config{}, http.MethodPost, "/query", "application/json", two); rec.Code != 200 || strings.Count(rec.Body.String(), "__typename") != 2 {
		t.Errorf("a batch of 2 under the default --max-batch: %d %.200s", rec.Code, rec.Body.String())
	}
}

// TestExportLimit checks that an export holds at most --max-export-nodes,
// whatever the selection's own limit, and keeps a smaller limit.
func TestExportLimit(t *testing.T) {
	cfg := server.Config{MaxExport: 5}
	for _, c := range []struct {
		path      string
		nodes     string
		truncated string
	}{
		{"/export/d3", "5", "true"},
		{"/export/d3?limit=50", "5", "true"},
		{"/export/d3?limit=3", "3", "true"},
	} {
		rec := serveOne(t, cfg, http.MethodGet, c.path, "", "")
		if rec.Code != 200 || rec.Header().Get("X-Node-Count") != c.nodes || rec.Header().Get("X-Truncated") != c.truncated {
			t.Errorf("%s: %d, %s nodes, truncated %s; want %s nodes, truncated %s", c.path, rec.Code, rec.Header().Get("X-Node-Count"), rec.Header().Get("X-Truncated"), c.nodes, c.truncated)
		}
	}
}

// TestRequestIDs checks that a client's X-Request-ID of up to 64 characters
// is kept, and a longer one replaced.
func TestRequestIDs(t *testing.T) {
	for _, c := range []struct {
		id   string
		kept bool
	}{{strings.Repeat("a", 64), true}, {strings.Repeat("a", 65), false}} {
		rec := serveOne(t, server.Config{}, http.MethodGet, "/healthz", "", "", "X-Request-ID", c.id)
		if got := rec.Header().Get("X-Request-ID"); (got == c.id) != c.kept || got == "" {
			t.Errorf("an ID of %d characters: answered %q, kept %v, want kept %v", len(c.id), got, got == c.id, c.kept)
		}
	}
}

// TestCacheHitsAndNames checks that a repeated query is answered from the
// cache, that other methods are not cached, and that a hit is logged under
// its own operation's name even when it was first answered in a batch.
func TestCacheHitsAndNames(t *testing.T) {
	h, _ := seedHolder(t)
	var log bytes.Buffer
	srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	post := func(body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	a, b := `{"query":"query A { years { label } }","operationName":"A"}`, `{"query":"query B { themes { slug } }","operationName":"B"}`
	post("[" + a + "," + b + "]")
	log.Reset()
	if rec := post(b); rec.Header().Get("X-Cache") != "hit" {
		t.Fatalf("B after a batch of A and B: X-Cache %q", rec.Header().Get("X-Cache"))
	}
	var line struct{ Operation string }
	if err := json.Unmarshal(bytes.TrimSpace(log.Bytes()), &line); err != nil || line.Operation != "B" {
		t.Errorf("a hit of B is logged as %q (%v), want B", line.Operation, err)
	}
	req := httptest.NewRequest(http.MethodDelete, "/query", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Header().Get("X-Cache") != "" {
		t.Errorf("a DELETE went through the cache: X-Cache %q", rec.Header().Get("X-Cache"))
	}
	log.Reset()
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if strings.Contains(log.String(), `"operation"`) {
		t.Errorf("a request without operations logs one: %s", log.String())
	}
}
