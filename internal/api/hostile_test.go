package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// firstCode posts a query to a handler over the seed graph with default
// limits and returns the first error's code and message ("" when none).
func firstCode(t *testing.T, q string) (code, msg string) {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	h := NewHandler(func() (*graph.Graph, *search.Index) { return g, nil }, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{Introspection: true})
	body, err := json.Marshal(map[string]string{"query": q})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("%v: %.300s", err, rec.Body.String())
	}
	if len(resp.Errors) == 0 {
		return "", ""
	}
	code, _ = resp.Errors[0].Extensions["code"].(string)
	return code, resp.Errors[0].Message
}

// fragmentBomb is a query of n fragments, each spreading the next one twice:
// 1 KB of text that expands to 2^n fields.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", n)
	return b.String()
}

// TestFragmentBombIsRefusedAtOnce checks that fragments spread into each
// other are measured once each: a 25-level bomb (33 million fields) is
// refused by the field count, before gqlgen's complexity walk would expand
// it. Were the measuring to expand it, this test would not end.
func TestFragmentBombIsRefusedAtOnce(t *testing.T) {
	code, msg := firstCode(t, fragmentBomb(25))
	if code != graph.CodeComplexityLimit || !strings.Contains(msg, "33554432 fields") {
		t.Errorf("a fragment bomb: %s %q, want %s counting 33554432 fields", code, msg, graph.CodeComplexityLimit)
	}
	if code, msg := firstCode(t, fragmentBomb(3)); code != "" {
		t.Errorf("three levels of fragments (8 fields) were refused: %s %s", code, msg)
	}
}

// TestTokenLimit checks that a document of more tokens than the limit is
// refused as it is read, with its own message, while a full introspection
// query passes.
func TestTokenLimit(t *testing.T) {
	q := "{ " + strings.Repeat("__typename ", DefaultMaxTokens+10) + "}"
	if code, msg := firstCode(t, q); code != "GRAPHQL_PARSE_FAILED" || !strings.Contains(msg, "token limit") {
		t.Errorf("%d tokens: %s %q, want GRAPHQL_PARSE_FAILED for the token limit", DefaultMaxTokens+12, code, msg)
	}
	if code, msg := firstCode(t, fullIntrospection); code != "" {
		t.Errorf("full introspection: %s %s", code, msg)
	}
}
