package server

import (
	"fmt"
	"net/http"
	"runtime"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// DefaultMaxConcurrent returns the default number of GraphQL operations run at
// once: twice the cores Go may use. Operations are CPU-bound, so running more
// at once only interleaves them, and every one finishes later; the rest wait
// in line, first come first served, within their request timeout.
func DefaultMaxConcurrent() int { return 2 * runtime.GOMAXPROCS(0) }

// admit runs at most n requests of next at once. A request that is still
// waiting when its context ends (the request timeout, or the client gone),
// or after wait when wait is positive, is answered 503 with the code
// TIMEOUT.
func admit(n int, wait time.Duration, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var expired <-chan time.Time // never, without a wait
		if wait > 0 {
			t := time.NewTimer(wait)
			defer t.Stop()
			expired = t.C
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			graphqlError(w, graph.CodeTimeout, "the server is busy: the request timed out waiting for its turn; try again")
			return
		case <-expired:
			graphqlError(w, graph.CodeTimeout, fmt.Sprintf("the server is busy: no slot came free within %s; try again", wait))
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}
