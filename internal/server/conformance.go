package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// conform makes gqlgen's responses follow the GraphQL over HTTP spec's
// SHOULDs and MAYs where gqlgen does not:
//   - a request whose parameters are invalid (an error coded BAD_REQUEST,
//     such as a query that is not a string) is answered with 400;
//   - otherwise, with application/json, a request that fails before
//     execution (parse, validation, variable coercion: gqlgen's 422) is
//     answered with 200;
//   - with application/graphql-response+json, such an answer has no "data"
//     entry, where gqlgen writes "data": null.
func conform(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &conformWriter{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

type conformWriter struct {
	http.ResponseWriter
	status int
	held   *bytes.Buffer // the body of a graphql-response+json error, held to drop "data"
}

// WriteHeader holds the body of a GraphQL error response, to adjust it as
// described at conform.
func (c *conformWriter) WriteHeader(code int) {
	ct := c.Header().Get("Content-Type")
	if code >= 400 && code < 500 && (strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "application/graphql-response+json")) {
		c.status, c.held = code, &bytes.Buffer{}
		return
	}
	c.ResponseWriter.WriteHeader(code)
}

// Write passes the body on, or holds it while an error's is adjusted.
func (c *conformWriter) Write(b []byte) (int, error) {
	if c.held != nil {
		return c.held.Write(b)
	}
	return c.ResponseWriter.Write(b)
}

func (c *conformWriter) finish() {
	if c.held == nil {
		return
	}
	body, status := c.held.Bytes(), c.status
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) == nil {
		var errs []struct {
			Extensions map[string]any `json:"extensions"`
		}
		json.Unmarshal(m["errors"], &errs)
		badParams := false
		for _, e := range errs {
			badParams = badParams || e.Extensions["code"] == graph.CodeBadRequest
		}
		jsonMedia := strings.HasPrefix(c.Header().Get("Content-Type"), "application/json")
		switch {
		case badParams:
			status = http.StatusBadRequest
		case jsonMedia && status == http.StatusUnprocessableEntity:
			status = http.StatusOK
		}
		if !jsonMedia && string(m["data"]) == "null" {
			delete(m, "data")
			if b, err := json.Marshal(m); err == nil {
				body = b
			}
		}
	}
	c.ResponseWriter.WriteHeader(status)
	c.ResponseWriter.Write(body)
}
