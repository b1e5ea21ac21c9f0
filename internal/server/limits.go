package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Limits of the HTTP layer. Zero values take the defaults.
const (
	DefaultMaxBody  = 1 << 20 // bytes
	DefaultMaxBatch = 10      // operations in one batched request
	DefaultTimeout  = 10 * time.Second
)

// graphqlError writes a GraphQL error response with a code, answered with
// the code's own HTTP status (graph.Codes), the one place codes become
// statuses.
func graphqlError(w http.ResponseWriter, code, msg string) {
	writeJSON(w, graph.Status(code), errorBody(code, msg))
}

// errorBody is a GraphQL response that holds one coded error.
func errorBody(code, msg string) map[string]any {
	return map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}}
}

// limitQuery bounds a GraphQL request: its time, the size of its body, and
// how many operations a batch (a JSON array of requests) may hold. Batches
// run their operations one after another and answer with an array.
func limitQuery(maxBody int64, maxBatch int, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if r.Method == http.MethodGet && !r.URL.Query().Has("query") && !r.URL.Query().Has("extensions") {
			graphqlError(w, graph.CodeBadRequest, noQuery)
			return
		}
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" && mt != "application/graphql-response+json" {
			graphqlError(w, graph.CodeUnsupportedMediaType,
				fmt.Sprintf("POST a JSON body with Content-Type: application/json, not %q (or use GET with ?query=)", r.Header.Get("Content-Type")))
			return
		}
		if r.ContentLength > maxBody {
			graphqlError(w, graph.CodeTooLarge, fmt.Sprintf("the request body is %d bytes; at most %d are accepted", r.ContentLength, maxBody))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			graphqlError(w, graph.CodeTooLarge, fmt.Sprintf("the request body is more than %d bytes", maxBody))
			return
		case err != nil:
			graphqlError(w, graph.CodeBadRequest, "the request body could not be read")
			return
		}
		if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' &&
			strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			batch(w, r, trimmed, maxBatch, next)
			return
		}
		if lacksQuery(body) {
			graphqlError(w, graph.CodeBadRequest, noQuery)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// noQuery is the message for a request without a query.
const noQuery = "the request has no query: send one as \"query\" (or the hash of a persisted query in extensions.persistedQuery)"

// lacksQuery reports whether a JSON request body is an object with neither
// a query nor a persisted query's hash. Any other body is left to gqlgen,
// which says what is wrong with it. gqlgen itself would answer a missing
// query with an error recognisable only by its text.
func lacksQuery(body []byte) bool {
	var req struct {
		Query      *string
		Extensions struct {
			PersistedQuery json.RawMessage `json:"persistedQuery"`
		}
	}
	if json.Unmarshal(body, &req) != nil {
		return false
	}
	return (req.Query == nil || *req.Query == "") && len(req.Extensions.PersistedQuery) == 0
}

func batch(w http.ResponseWriter, r *http.Request, body []byte, maxBatch int, next http.Handler) {
	var ops []json.RawMessage
	if err := json.Unmarshal(body, &ops); err != nil {
		graphqlError(w, graph.CodeBadRequest, "the batch is not a JSON array of requests: "+err.Error())
		return
	}
	if len(ops) == 0 || len(ops) > maxBatch {
		graphqlError(w, graph.CodeBatchLimit, fmt.Sprintf("a batch holds %d operations; send 1 to %d", len(ops), maxBatch))
		return
	}
	var out bytes.Buffer
	out.WriteByte('[')
	contentType := "application/json"
	for i, op := range ops {
		if i > 0 {
			out.WriteByte(',')
		}
		if lacksQuery(op) {
			json.NewEncoder(&out).Encode(errorBody(graph.CodeBadRequest, noQuery))
			continue
		}
		sub := r.Clone(r.Context())
		sub.Body = io.NopCloser(bytes.NewReader(op))
		sub.ContentLength = int64(len(op))
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, sub)
		contentType = rec.Header().Get("Content-Type")
		out.Write(bytes.TrimSpace(rec.Body.Bytes()))
	}
	out.WriteByte(']')
	w.Header().Set("Content-Type", contentType)
	w.Write(out.Bytes())
}
