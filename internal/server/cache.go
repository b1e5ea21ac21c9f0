package server

import (
	"bytes"
	"container/list"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"sync"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
)

// DefaultResponseCache is the default budget of the response cache, in bytes.
const DefaultResponseCache = 64 << 20

// responses is a least-recently-used cache of whole GraphQL responses, bounded
// in bytes. The graph is immutable and every answer is a function of the
// graph's revision and the request, so a response can be replayed for as
// long as that revision is served: the key holds the revision, and a new
// graph simply stops hitting the old entries, which age out.
type responses struct {
	mu      sync.Mutex
	budget  int
	used    int
	order   *list.List // of *cached, most recent first
	entries map[[sha256.Size]byte]*list.Element
}

type cached struct {
	key         [sha256.Size]byte
	contentType string
	body        []byte
	operations  []string
}

func (c *cached) size() int { return len(c.body) + len(c.contentType) + 128 }

func (c *responses) get(k [sha256.Size]byte) *cached {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cached)
}

func (c *responses) put(v *cached) {
	if v.size() > c.budget/16 {
		return // one large answer should not flush everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[v.key]; ok {
		return
	}
	c.entries[v.key] = c.order.PushFront(v)
	c.used += v.size()
	for c.used > c.budget {
		last := c.order.Back()
		old := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.used -= old.size()
	}
}

// cacheResponses answers repeated requests from a cache of budget bytes, and
// passes the rest to next, keeping its answer when it is a 200 without
// errors. Hits are marked X-Cache: hit, and are logged and counted under
// their operations' names like any other request. It must run after
// limitQuery, which has read and bounded the body.
func cacheResponses(budget int, current func() (*graph.Graph, *search.Index), next http.Handler) http.Handler {
	c := &responses{budget: budget, order: list.New(), entries: map[[sha256.Size]byte]*list.Element{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, _ := current()
		if g == nil || (r.Method != http.MethodGet && r.Method != http.MethodPost) {
			next.ServeHTTP(w, r)
			return
		}
		var body []byte
		if r.Method == http.MethodPost {
			b, err := io.ReadAll(r.Body)
			if err != nil {
				graphqlError(w, graph.CodeBadRequest, "the request body could not be read")
				return
			}
			body = b
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		h := sha256.New()
		for _, part := range []string{g.Revision(), r.Method, r.Header.Get("Accept"), r.Header.Get("Content-Type"), r.URL.RawQuery} {
			io.WriteString(h, part)
			h.Write([]byte{0})
		}
		h.Write(body)
		var key [sha256.Size]byte
		h.Sum(key[:0])
		info := api.Request(r.Context())
		if hit := c.get(key); hit != nil {
			if info != nil {
				info.Operations = append(info.Operations, hit.operations...)
			}
			w.Header().Set("Content-Type", hit.contentType)
			w.Header().Set("X-Cache", "hit")
			w.Write(hit.body)
			return
		}
		var before, errs int
		if info != nil {
			before, errs = len(info.Operations), info.Errors
		}
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		w.Header().Set("X-Cache", "miss")
		next.ServeHTTP(rec, r)
		if rec.status != http.StatusOK || info == nil || info.Errors != errs || rec.overflow ||
			r.Context().Err() != nil || !completeAnswer(rec.body.Bytes()) {
			return
		}
		c.put(&cached{key: key, contentType: rec.Header().Get("Content-Type"), body: rec.body.Bytes(),
			operations: append([]string(nil), info.Operations[before:]...)})
	})
}

// completeAnswer reports whether body is an answer worth keeping: a JSON
// object with data and no errors, or a batch of them. A "null" (what gqlgen's
// transport writes when a request's context ends) or a cut-off body is not.
func completeAnswer(body []byte) bool {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return false
	}
	var answers []map[string]json.RawMessage
	if body[0] == '[' {
		if json.Unmarshal(body, &answers) != nil {
			return false
		}
	} else {
		var one map[string]json.RawMessage
		if json.Unmarshal(body, &one) != nil {
			return false
		}
		answers = append(answers, one)
	}
	if len(answers) == 0 {
		return false
	}
	for _, a := range answers {
		data, ok := a["data"]
		if !ok || string(data) == "null" || a["errors"] != nil {
			return false
		}
	}
	return true
}

// recorder passes a response through while keeping a copy of its body, up to
// a megabyte.
type recorder struct {
	http.ResponseWriter
	status   int
	body     bytes.Buffer
	overflow bool
}

// WriteHeader records the status.
func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Write copies p, then passes it on.
func (r *recorder) Write(p []byte) (int, error) {
	if !r.overflow && r.body.Len()+len(p) <= 1<<20 {
		r.body.Write(p)
	} else {
		r.overflow = true
		r.body.Reset()
	}
	return r.ResponseWriter.Write(p)
}
