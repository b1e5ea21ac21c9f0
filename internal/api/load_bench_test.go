package api_test

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// BenchmarkLoadQueries runs each query of the load test
// (scripts/loadtest/queries.txt) over the seed corpus.
func BenchmarkLoadQueries(b *testing.B) {
	f, err := os.Open("../../scripts/loadtest/queries.txt")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	h := newHandler(b, seedGraph(b))
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		body := sc.Text()
		if body == "" {
			continue
		}
		name := body[strings.Index(body, "query ")+6:]
		name = name[:strings.IndexAny(name, " {")]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
					b.Fatalf("%d %s", rec.Code, rec.Body.String())
				}
			}
		})
	}
}
