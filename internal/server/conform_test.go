package server_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/metrics"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// TestGraphQLOverHTTPStatuses checks the statuses and bodies the GraphQL
// over HTTP spec asks for: an error before execution is 200 with
// application/json and 4xx without "data" with
// application/graphql-response+json; invalid parameters are 400 either way;
// an executed operation is 200.
func TestGraphQLOverHTTPStatuses(t *testing.T) {
	const gqlJSON = "application/graphql-response+json"
	for _, c := range []struct {
		name, accept, body string
		status             int
		hasData            bool
	}{
		{"a parse error, JSON", "application/json", `{"query":"{ councils("}`, 200, true},
		{"a parse error, GraphQL response", gqlJSON, `{"query":"{ councils("}`, 400, false},
		{"a validation error, GraphQL response", gqlJSON, `{"query":"{ colour }"}`, 400, false},
		{"a query that is not a string", gqlJSON, `{"query":{"x":1}}`, 400, false},
		{"a query that is not a string, JSON", "application/json", `{"query":{"x":1}}`, 400, true},
		{"an executed query, GraphQL response", gqlJSON, `{"query":"{ years { label } }"}`, 200, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := serveOne(t, server.Config{}, http.MethodPost, "/query", "application/json", c.body, "Accept", c.accept)
			var m map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
				t.Fatalf("%d %q: %v", rec.Code, rec.Body.String(), err)
			}
			_, hasData := m["data"]
			if rec.Code/100 != c.status/100 || hasData != c.hasData && c.status != 200 {
				t.Errorf("%d, data %v (%s); want %d, data %v", rec.Code, hasData, rec.Body.String(), c.status, c.hasData)
			}
		})
	}
}

// TestMetricsCountQueriesOnly checks that /metrics counts GraphQL requests
// by operation, and not requests for pages or health.
func TestMetricsCountQueriesOnly(t *testing.T) {
	h, _ := seedHolder(t)
	m := metrics.New(h)
	srv := server.New(server.Config{Graph: h.Current, Status: h.Status, Metrics: m, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	get := func(path string) string {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Body.String()
	}
	get("/healthz")
	get("/query?query=" + "%7B%20years%20%7B%20label%20%7D%20%7D" + "&operationName=")
	body := get("/metrics")
	var queries, health int
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "ombudsgraph_requests_total{") {
			switch {
			case strings.Contains(line, `operation="anonymous"`):
				queries++
			case strings.Contains(line, "healthz"):
				health++
			}
		}
	}
	if queries != 1 || health != 0 {
		t.Errorf("request counters: %d for the query, %d for /healthz; want 1 and 0\n%s", queries, health, body)
	}
}
