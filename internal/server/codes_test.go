package server_test

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
)

// TestRefusalsCarryTheirCodesStatus sends requests that the server refuses
// before GraphQL runs, and requests /export cannot answer, and checks that
// each is answered with its code and that code's status from graph.Codes.
func TestRefusalsCarryTheirCodesStatus(t *testing.T) {
	limits := server.Config{MaxBody: 1 << 10, MaxBatch: 2}
	for _, c := range []struct {
		name, method, path, contentType, body, code string
	}{
		{"no query", http.MethodPost, "/query", "application/json", `{"variables":{}}`, graph.CodeBadRequest},
		{"an empty query", http.MethodPost, "/query", "application/json", `{"query":""}`, graph.CodeBadRequest},
		{"GET without a query", http.MethodGet, "/query", "", "", graph.CodeBadRequest},
		{"not JSON", http.MethodPost, "/query", "text/plain", `{ councils { totalCount } }`, graph.CodeUnsupportedMediaType},
		{"too large", http.MethodPost, "/query", "application/json", `{"query":"` + strings.Repeat(" ", 2<<10) + `{ __typename }"}`, graph.CodeTooLarge},
		{"a batch too long", http.MethodPost, "/query", "application/json", `[{"query":"{ __typename }"},{"query":"{ __typename }"},{"query":"{ __typename }"}]`, graph.CodeBatchLimit},
		{"an unknown export format", http.MethodGet, "/export/svg", "", "", graph.CodeNotFound},
		{"a bad export selection", http.MethodGet, "/export/graphml?seeds=Case:nope", "", "", graph.CodeInvalid},
		{"an export parameter twice", http.MethodGet, "/export/graphml?depth=1&depth=2", "", "", graph.CodeInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := serveOne(t, limits, c.method, c.path, c.contentType, c.body)
			var resp struct {
				Errors []struct {
					Message    string
					Extensions struct{ Code string }
				}
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) != 1 {
				t.Fatalf("answer %d %q: want one coded error (%v)", rec.Code, rec.Body.String(), err)
			}
			if got := resp.Errors[0].Extensions.Code; got != c.code || rec.Code != graph.Status(c.code) {
				t.Errorf("answer %d %s (%s), want %d %s", rec.Code, got, resp.Errors[0].Message, graph.Status(c.code), c.code)
			}
		})
	}
}

// TestCodesAreDocumented checks that docs/operations.md lists every code of
// graph.Codes, with its status and meaning: the table is derived from the
// list, never kept by hand beside it.
func TestCodesAreDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(graph.Codes) < 10 {
		t.Fatalf("only %d codes", len(graph.Codes))
	}
	for _, c := range graph.Codes {
		row := "| `" + c.Code + "` | " + http.StatusText(c.Status) + " (" + itoa(c.Status) + ") | " + c.Meaning + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/operations.md lacks the row\n%s", row)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
