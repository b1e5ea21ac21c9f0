package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// acceptanceCases is where the acceptance suite's queries live, beside the
// repository.
var acceptanceCases = filepath.Join("..", "..", "..", "shared", "acceptance", "cases")

// BenchmarkAcceptance runs each query of the acceptance suite through the
// GraphQL handler, over the seed corpus. Compare runs with benchstat.
func BenchmarkAcceptance(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(acceptanceCases, "*.graphql"))
	if len(files) == 0 {
		b.Skipf("no acceptance queries at %s: the benchmark needs ../shared beside the repository", acceptanceCases)
	}
	g := seedGraph(b)
	h := newHandler(b, g)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		vars := map[string]any{}
		if first, _, _ := strings.Cut(string(src), "\n"); strings.HasPrefix(first, "# variables:") {
			if err := json.Unmarshal([]byte(strings.TrimPrefix(first, "# variables:")), &vars); err != nil {
				b.Fatal(err)
			}
		}
		body, _ := json.Marshal(map[string]any{"query": string(src), "variables": vars})
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
					b.Fatalf("%s: %d %s", name, rec.Code, rec.Body.String())
				}
			}
		})
	}
}
