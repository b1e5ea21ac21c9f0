// Package live holds the graph a server answers from, and keeps it in step
// with a store: it hydrates a graph at start (retrying while the store is
// unreachable), polls the store's revision, and swaps a freshly built graph
// in atomically when the revision changes. While the store is unreachable it
// keeps the last good graph and says since when it is stale.
package live

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
)

// Graph holds the current graph. Readers call Current once per request and
// answer the whole request from it; a swap never shows a half-built graph.
type Graph struct {
	current atomic.Pointer[snapshot]

	mu         sync.Mutex
	staleSince time.Time
	lastErr    string
	source     string
}

type snapshot struct {
	graph    *graph.Graph
	search   *search.Index
	revision string // the store's revision it was built from
	loadedAt time.Time
}

// New returns an empty holder; source names where graphs come from
// ("embedded", or the store's address) for the readiness report.
func New(source string) *Graph { return &Graph{source: source} }

// Current returns the current graph and its search index, or nils before
// the first is loaded. The two always belong together.
func (g *Graph) Current() (*graph.Graph, *search.Index) {
	if s := g.current.Load(); s != nil {
		return s.graph, s.search
	}
	return nil, nil
}

// Load builds the search index and the network (for subgraphs and exports)
// of gr, and swaps them in, as built from the store at the given revision.
func (g *Graph) Load(gr *graph.Graph, revision string) error {
	idx, err := search.Build(gr)
	if err != nil {
		return err
	}
	gr.PrepareNetwork()
	g.current.Store(&snapshot{graph: gr, search: idx, revision: revision, loadedAt: time.Now()})
	g.mu.Lock()
	g.staleSince, g.lastErr = time.Time{}, ""
	g.mu.Unlock()
	return nil
}

func (g *Graph) fail(err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.staleSince.IsZero() {
		g.staleSince = time.Now()
	}
	g.lastErr = err.Error()
}

func (g *Graph) ok() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.staleSince, g.lastErr = time.Time{}, ""
}

// Status is what /readyz reports.
type Status struct {
	// State is "loading" (no graph yet), "ready", or "stale" (serving the
	// last good graph while the store cannot be reached).
	State    string    `json:"status"`
	Source   string    `json:"source"`
	Revision string    `json:"revision,omitempty"`
	LoadedAt time.Time `json:"loadedAt,omitzero"`
	// AgeSeconds is how long ago the current graph was loaded.
	AgeSeconds int `json:"ageSeconds"`
	// StaleSince is when the store was first found unreachable (or, while
	// loading, since when it has been failing).
	StaleSince time.Time `json:"staleSince,omitzero"`
	Error      string    `json:"error,omitempty"`
	// Problems are the problems of the current graph's corpus (see
	// [graph.Graph.Problems]): the documents that could not be read, and the
	// warnings of those that were; at most MaxStatusProblems of them, the
	// first by document and line. ProblemCount is how many there are in all.
	// Documents that could not be read do not make the server unready: it
	// serves the others.
	Problems     []graph.Problem `json:"problems"`
	ProblemCount int             `json:"problemCount"`
}

// MaxStatusProblems is the most problems a Status lists, so that a corpus
// with thousands of them does not make every readiness check heavy. GraphQL's
// problems field lists them all.
const MaxStatusProblems = 100

// Ready reports whether a graph is loaded.
func (s Status) Ready() bool { return s.State != "loading" }

// Status returns the holder's state.
func (g *Graph) Status() Status {
	g.mu.Lock()
	st := Status{Source: g.source, StaleSince: g.staleSince, Error: g.lastErr, Problems: []graph.Problem{}}
	g.mu.Unlock()
	snap := g.current.Load()
	switch {
	case snap == nil:
		st.State = "loading"
		return st
	case !st.StaleSince.IsZero():
		st.State = "stale"
	default:
		st.State = "ready"
	}
	st.Revision, st.LoadedAt = snap.graph.Revision(), snap.loadedAt
	st.AgeSeconds = int(time.Since(snap.loadedAt).Seconds())
	ps := snap.graph.Problems()
	st.ProblemCount = len(ps)
	st.Problems = append(st.Problems, ps[:min(len(ps), MaxStatusProblems)]...)
	return st
}

// Options steer Follow.
type Options struct {
	// Interval is how often the store's revision is polled.
	Interval time.Duration
	// Fatal reports whether an error of the store is a mistake of
	// configuration (a wrong password, a database that does not exist), which
	// retrying cannot mend.
	Fatal func(error) bool
	// Log receives a line for every load and every failure.
	Log *slog.Logger
	// Backoff is the first wait after a failure, doubling up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// PollTimeout bounds each check of the revision, so that a store that
	// stops answering is found stale quickly; 5 s when zero.
	PollTimeout time.Duration
	// OnCheck, if not nil, hears the result of every check of the store:
	// "loaded", "unchanged" or "failed".
	OnCheck func(result string)
}

// Follow keeps g in step with s until ctx ends: it loads a graph (retrying
// with back-off while s fails), then polls s's revision every interval and
// reloads when it changes. It returns nil when ctx ends, or the first fatal
// error.
func Follow(ctx context.Context, g *Graph, s store.Store, o Options) error {
	wait := o.Backoff
	for {
		loaded, err := refresh(ctx, g, s, o)
		if o.OnCheck != nil && ctx.Err() == nil {
			switch {
			case err != nil:
				o.OnCheck("failed")
			case loaded:
				o.OnCheck("loaded")
			default:
				o.OnCheck("unchanged")
			}
		}
		switch {
		case err == nil:
			wait = o.Backoff
		case ctx.Err() != nil:
			return nil
		case o.Fatal != nil && o.Fatal(err):
			return err
		default:
			g.fail(err)
			o.Log.Warn("store unreachable; serving the last good graph", "error", err.Error(), "retryIn", wait.String())
		}
		delay := o.Interval
		if err != nil {
			delay = wait
			wait = min(2*wait, o.MaxBackoff)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(delay):
		}
	}
}

// refresh loads a graph from s if its revision differs from the current one,
// and reports whether it did.
func refresh(ctx context.Context, g *Graph, s store.Store, o Options) (bool, error) {
	timeout := o.PollTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	rev, err := s.Revision(pctx)
	cancel()
	if err != nil {
		return false, fmt.Errorf("revision: %w", err)
	}
	if snap := g.current.Load(); snap != nil && snap.revision == rev {
		g.ok()
		return false, nil
	}
	start := time.Now()
	facts, themes, err := s.Facts(ctx)
	if err != nil {
		return false, fmt.Errorf("hydrate: %w", err)
	}
	built, err := graph.Build(facts, themes)
	if err != nil {
		return false, fmt.Errorf("build: %w", err)
	}
	if err := g.Load(built, rev); err != nil {
		return false, err
	}
	attrs := []any{"storeRevision", rev, "revision", built.Revision(), "documents", len(built.Documents()), "problems", len(built.Problems()), "took", time.Since(start).String()}
	for _, c := range built.Counts().Entities {
		attrs = append(attrs, c.Name, c.Count)
	}
	o.Log.Info("loaded", attrs...)
	return true, nil
}
