package server

import (
	"fmt"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// DefaultMaxConcurrent returns the default number of GraphQL operations run at
// once: twice the cores Go may use. Operations are CPU-bound, so running more
// at once only interleaves them, and every one finishes later; the rest wait
// in line, first come first served, within their request timeout.
func DefaultMaxConcurrent() int { return 2 * runtime.GOMAXPROCS(0) }

// admission runs at most limit requests at once; the rest wait their turn.
// It counts both, so that /readyz can say when the server is overloaded.
type admission struct {
	slots   chan struct{}
	wait    time.Duration
	waiting atomic.Int64
}

// newAdmission returns an admission of n slots. A request that is still
// waiting when its context ends (the request timeout, or the client gone),
// or after wait when wait is positive, is answered 503 with the code
// TIMEOUT.
func newAdmission(n int, wait time.Duration) *admission {
	return &admission{slots: make(chan struct{}, n), wait: wait}
}

// admit runs at most n requests of next at once, as newAdmission says.
func admit(n int, wait time.Duration, next http.Handler) http.Handler {
	return newAdmission(n, wait).handler(next)
}

// handler runs next within the admission.
func (a *admission) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var expired <-chan time.Time // never, without a wait
		if a.wait > 0 {
			t := time.NewTimer(a.wait)
			defer t.Stop()
			expired = t.C
		}
		a.waiting.Add(1)
		select {
		case a.slots <- struct{}{}:
			a.waiting.Add(-1)
		case <-r.Context().Done():
			a.waiting.Add(-1)
			graphqlError(w, graph.CodeTimeout, "the server is busy: the request timed out waiting for its turn; try again")
			return
		case <-expired:
			a.waiting.Add(-1)
			graphqlError(w, graph.CodeTimeout, fmt.Sprintf("the server is busy: no slot came free within %s; try again", a.wait))
			return
		}
		defer func() { <-a.slots }()
		next.ServeHTTP(w, r)
	})
}

// admissionLoad is how full an admission is, as /readyz reports it.
type admissionLoad struct {
	Running int `json:"running"`
	Limit   int `json:"limit"`
	Waiting int `json:"waiting"`
}

// load reports how many requests run and wait.
func (a *admission) load() admissionLoad {
	return admissionLoad{Running: len(a.slots), Limit: cap(a.slots), Waiting: int(a.waiting.Load())}
}

// overloaded reports whether as many requests wait as can run at once:
// each newcomer would wait at least a whole operation's time, and an
// orchestrator should send it to another replica.
func (l admissionLoad) overloaded() bool { return l.Waiting > 0 && l.Waiting >= l.Limit }
