package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

func post(t *testing.T, h http.Handler, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestResponseCache checks that a repeated request is answered from the
// cache with the same bytes and logged under its operation, that answers
// with errors are never kept, and that a new graph revision misses.
func TestResponseCache(t *testing.T) {
	h, g := seedHolder(t)
	var log bytes.Buffer
	srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	q := `{"query":"query Name { council(slug: \"kent-county-council\") { name } }","operationName":"Name"}`
	first, second := post(t, srv, q), post(t, srv, q)
	if first.Header().Get("X-Cache") != "miss" || second.Header().Get("X-Cache") != "hit" {
		t.Errorf("X-Cache: %q then %q, want miss then hit", first.Header().Get("X-Cache"), second.Header().Get("X-Cache"))
	}
	if first.Body.String() != second.Body.String() || second.Header().Get("Content-Type") != first.Header().Get("Content-Type") {
		t.Errorf("the hit differs: %q %q", first.Body.String(), second.Body.String())
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	var last map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil || last["operation"] != "Name" || last["outcome"] != "ok" {
		t.Errorf("the hit's log line: %s", lines[len(lines)-1])
	}

	bad := `{"query":"{ cases(first: -1) { totalCount } }"}`
	post(t, srv, bad)
	if rec := post(t, srv, bad); rec.Header().Get("X-Cache") != "miss" || !strings.Contains(rec.Body.String(), `"errors"`) {
		t.Errorf("an answer with errors was cached: %s %s", rec.Header().Get("X-Cache"), rec.Body.String())
	}

	// The same documents under another theme file make another revision.
	facts, themes, err := seed.Load()
	if err != nil {
		t.Fatal(err)
	}
	g2, err := graph.Build(facts, themes[:1])
	if err != nil {
		t.Fatal(err)
	}
	if g2.Revision() == g.Revision() {
		t.Fatal("the test needs a graph with another revision")
	}
	if err := h.Load(g2, ""); err != nil {
		t.Fatal(err)
	}
	if rec := post(t, srv, q); rec.Header().Get("X-Cache") != "miss" {
		t.Errorf("after a new revision, X-Cache = %q, want miss", rec.Header().Get("X-Cache"))
	}

	off := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)), ResponseCache: -1})
	post(t, off, q)
	if rec := post(t, off, q); rec.Header().Get("X-Cache") != "" {
		t.Errorf("with the cache off, X-Cache = %q", rec.Header().Get("X-Cache"))
	}
}

// TestAdmission checks that requests beyond MaxConcurrent wait their turn,
// and that one whose timeout passes while it waits gets a 503 coded TIMEOUT.
func TestAdmission(t *testing.T) {
	_, current, entered, release := holdingGraph(t, 1) // the first operation holds the only slot
	srv := server.New(server.Config{Graph: current, Status: func() live.Status { return live.Status{} },
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)), MaxConcurrent: 1, ResponseCache: -1, Timeout: 200 * time.Millisecond})
	q := `{"query":"{ councils(first: 1) { totalCount } }"}`
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- post(t, srv, q) }()
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/query", strings.NewReader(q))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"TIMEOUT"`) {
		t.Errorf("waiting past the timeout: %d %s", rec.Code, rec.Body.String())
	}
	close(release)
	<-done
	if rec := post(t, srv, q); rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "errors") {
		t.Errorf("after the slot is free: %d %s", rec.Code, rec.Body.String())
	}
}

// TestResponseCacheKeepsOnlyWholeAnswers checks that a request whose context
// has ended (its client went away, or its deadline passed) is answered with a
// coded error, never "null", and that its answer is never kept: the next
// client with the same bytes gets a fresh, whole answer.
func TestResponseCacheKeepsOnlyWholeAnswers(t *testing.T) {
	h, _ := seedHolder(t)
	srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	q := `{"query":"query Meta { themes { slug name } years { label } }","operationName":"Meta"}`
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(q)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	gone := httptest.NewRecorder()
	srv.ServeHTTP(gone, req)
	if body := strings.TrimSpace(gone.Body.String()); body == "null" || !strings.Contains(body, `"TIMEOUT"`) {
		t.Errorf("a request whose client went away was answered %d %q, want a TIMEOUT error", gone.Code, body)
	}
	next := post(t, srv, q)
	if next.Header().Get("X-Cache") != "miss" || !strings.Contains(next.Body.String(), `"themes":[{`) {
		t.Errorf("the next client got %s %q, want a fresh whole answer", next.Header().Get("X-Cache"), next.Body.String())
	}
	if again := post(t, srv, q); again.Header().Get("X-Cache") != "hit" || again.Body.String() != next.Body.String() {
		t.Errorf("a whole answer was not kept: %s", again.Header().Get("X-Cache"))
	}
}
