package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// TestReadyzProblems: a graph built without some documents is ready, and
// /readyz lists the documents left out and the warnings, at most
// live.MaxStatusProblems of them, with their count.
func TestReadyzProblems(t *testing.T) {
	readyz := func(h *live.Graph) (int, map[string]any) {
		srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		return rec.Code, body
	}
	h := live.New("test")
	if code, body := readyz(h); code != 503 || body["problemCount"] != 0.0 || fmt.Sprint(body["problems"]) != "[]" {
		t.Errorf("loading: %d %v", code, body)
	}
	var failed []graph.Problem
	for i := range live.MaxStatusProblems + 5 {
		failed = append(failed, graph.Problem{Doc: fmt.Sprintf("doc%03d.txt", i), Severity: graph.SeverityError, Message: "not a document"})
	}
	failed[0].Line, failed[0].Severity = 3, graph.SeverityWarning
	g, err := graph.Build(nil, nil, failed...)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Load(g, ""); err != nil {
		t.Fatal(err)
	}
	code, body := readyz(h)
	ps, _ := body["problems"].([]any)
	if code != 200 || body["status"] != "ready" || body["problemCount"] != float64(len(failed)) || len(ps) != live.MaxStatusProblems {
		t.Fatalf("/readyz = %d %v", code, body)
	}
	want := map[string]any{"doc": "doc000.txt", "line": 3.0, "severity": "WARNING", "message": "not a document"}
	if fmt.Sprint(ps[0]) != fmt.Sprint(want) {
		t.Errorf("first problem = %v, want %v", ps[0], want)
	}
}
