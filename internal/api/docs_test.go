package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
)

// example finds a documented query and the answer under it.
var example = regexp.MustCompile("(?s)```graphql\n(.*?)```\n\n```json\n(.*?)```")

// TestDocumentedAnswers runs every query of docs/analysis.md against the seed
// corpus and checks the answer documented under it: whole answers must be
// equal, and answers cut short with "…" must begin the same way.
func TestDocumentedAnswers(t *testing.T) {
	doc, err := os.ReadFile("../../docs/analysis.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := example.FindAllSubmatch(doc, -1)
	if len(examples) < 8 {
		t.Fatalf("docs/analysis.md has %d worked examples, want at least 8", len(examples))
	}
	h := newHandler(t, seedGraph(t))
	for _, ex := range examples {
		query, want := string(ex[1]), string(ex[2])
		body, _ := json.Marshal(map[string]any{"query": query})
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var resp struct {
			Data   json.RawMessage
			Errors json.RawMessage
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
			t.Errorf("query fails: %s\n%s", rec.Body.String(), query)
			continue
		}
		var data any
		json.Unmarshal(resp.Data, &data)
		got, _ := json.MarshalIndent(data, "", " ")
		if strings.HasSuffix(strings.TrimSpace(want), "…") {
			prefix := strings.TrimSuffix(strings.TrimSpace(want), "…")
			if !strings.HasPrefix(string(got), strings.TrimSpace(prefix)) {
				t.Errorf("the answer to\n%s\nno longer begins as documented", query)
			}
			continue
		}
		var w any
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			t.Errorf("documented answer is not JSON: %v", err)
			continue
		}
		wantJSON, _ := json.MarshalIndent(w, "", " ")
		if !bytes.Equal(got, wantJSON) {
			t.Errorf("the answer to\n%s\nis no longer as documented:\n%s", query, got)
		}
	}
}
