package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// holdingGraph returns the seed graph and a graph source whose first n
// calls each signal entered and then wait until release is closed: n
// requests that hold their slots.
func holdingGraph(t *testing.T, n int) (*graph.Graph, func() (*graph.Graph, *search.Index), <-chan struct{}, chan struct{}) {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	entered := make(chan struct{}, n)
	current := func() (*graph.Graph, *search.Index) {
		select {
		case entered <- struct{}{}:
			<-release
		default:
		}
		return g, nil
	}
	return g, current, entered, release
}

// TestExportAdmissionDeadline checks that an export waits for a slot no
// longer than the request timeout: with every export slot held by exports
// whose clients never finish, another export is answered 503 TIMEOUT soon
// after the timeout, and is served once a slot is free.
func TestExportAdmissionDeadline(t *testing.T) {
	slots := runtime.GOMAXPROCS(0)
	_, current, entered, release := holdingGraph(t, slots) // the first exports hold every slot
	const timeout = 300 * time.Millisecond
	srv := server.New(server.Config{Graph: current, Status: func() live.Status { return live.Status{} },
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)), ResponseCache: -1, Timeout: timeout})
	export := func() *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/export/graphml?seeds=Council:kent-county-council", nil))
		return rec
	}
	var held sync.WaitGroup
	for range slots {
		held.Add(1)
		go func() { defer held.Done(); export() }()
	}
	for range slots {
		<-entered
	}
	start := time.Now()
	rec := export()
	waited := time.Since(start)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"TIMEOUT"`) {
		t.Errorf("an export with every slot taken: %d %s, want 503 TIMEOUT", rec.Code, rec.Body.String())
	}
	if waited < timeout || waited > 10*timeout {
		t.Errorf("it waited %s, want about the request timeout, %s", waited, timeout)
	}
	close(release)
	held.Wait()
	if rec := export(); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<graphml") {
		t.Errorf("an export once the slots are free: %d %.200s", rec.Code, rec.Body.String())
	}
}

// TestReadyzOverloaded checks that /readyz says "overloaded", with 503, while
// as many GraphQL operations wait as can run, and "ready" again once the
// line is gone; and that it reports how many run and wait.
func TestReadyzOverloaded(t *testing.T) {
	g, current, entered, release := holdingGraph(t, 1) // the first operation holds the only slot
	h := live.New("test")
	if err := h.Load(g, ""); err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Graph: current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
		MaxConcurrent: 1, ResponseCache: -1, Timeout: 10 * time.Second})
	readyz := func() (int, string) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := readyz(); code != http.StatusOK || !strings.Contains(body, `"admission":{"running":0,"limit":1,"waiting":0}`) {
		t.Errorf("idle: %d %s", code, body)
	}
	q := `{"query":"{ councils(first: 1) { totalCount } }"}`
	var done sync.WaitGroup
	for range 2 {
		done.Add(1)
		go func() { defer done.Done(); post(t, srv, q) }()
	}
	<-entered
	var code int
	var body string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if code, body = readyz(); code == http.StatusServiceUnavailable {
			break
		}
	}
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"status":"overloaded"`) ||
		!strings.Contains(body, `"admission":{"running":1,"limit":1,"waiting":1}`) {
		t.Errorf("one running and one waiting, of one slot: %d %s, want 503 overloaded", code, body)
	}
	close(release)
	done.Wait()
	if code, body := readyz(); code != http.StatusOK || !strings.Contains(body, `"status":"ready"`) {
		t.Errorf("once the line is gone: %d %s, want 200 ready", code, body)
	}
}
