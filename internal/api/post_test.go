package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// seeded is the seed graph and its search index, built once for the tests
// of this package that post queries.
var seeded = sync.OnceValues(func() (*graph.Graph, *search.Index) {
	g, err := seed.Graph()
	if err != nil {
		panic(err)
	}
	idx, err := search.Build(g)
	if err != nil {
		panic(err)
	}
	return g, idx
})

// answer is what a GraphQL request was answered with: its data, and its
// first error's code and message ("" when it has none).
type answer struct {
	data      json.RawMessage
	code, msg string
}

// post sends q to a handler over the seed graph with options o, as a JSON
// POST, and returns the answer.
func post(t testing.TB, o Options, q string) answer {
	t.Helper()
	h := NewHandler(seeded, slog.New(slog.NewTextHandler(io.Discard, nil)), o)
	body, err := json.Marshal(map[string]string{"query": q})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("%.80q: %v: %.300s", q, err, rec.Body.String())
	}
	a := answer{data: resp.Data}
	if len(resp.Errors) > 0 {
		a.code, _ = resp.Errors[0].Extensions["code"].(string)
		a.msg = resp.Errors[0].Message
	}
	return a
}
