// Package bench_test measures ombudsgraph at the size of England: about 317
// councils over 10 years, 100,000 cases and 200,000 improvements, generated
// by internal/synth. Run with
//
//	go test ./internal/bench -run '^$' -bench . -benchtime 3x -cpu 1
//
// and compare runs with benchstat. docs/performance.md records the figures.
package bench_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
	"github.com/ombudsgraph/ombudsgraph/internal/synth"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

var england struct {
	once   sync.Once
	srcs   []loader.Source
	loader *loader.Loader
	graph  *graph.Graph
	index  *search.Index
	err    error
}

// corpus generates the England-sized corpus once per process.
func corpus(b *testing.B) ([]loader.Source, *loader.Loader) {
	b.Helper()
	england.once.Do(func() {
		for _, d := range synth.Generate(synth.England) {
			england.srcs = append(england.srcs, loader.Source{Name: d.Name, Data: []byte(d.Text)})
		}
		england.loader, england.err = loader.New(seed.Themes, seed.Councils)
	})
	if england.err != nil {
		b.Fatal(england.err)
	}
	return england.srcs, england.loader
}

func build(b *testing.B) *graph.Graph {
	b.Helper()
	srcs, l := corpus(b)
	facts, err := l.Load(srcs)
	if err != nil {
		b.Fatal(err)
	}
	g, err := graph.Build(facts, l.Themes())
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// englandGraph builds the graph and its search index once per process.
func englandGraph(b *testing.B) (*graph.Graph, *search.Index) {
	b.Helper()
	if england.graph == nil {
		england.graph = build(b)
		idx, err := search.Build(england.graph)
		if err != nil {
			b.Fatal(err)
		}
		england.index = idx
	}
	return england.graph, england.index
}

// serveGC sets the garbage collector target `ombudsgraph serve` runs with
// (server.DefaultGCPercent) from before it reads its documents, so that the
// benchmarks measure what the server does. GOGC, when set, wins, as in the
// server.
func serveGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(server.DefaultGCPercent)
	}
}

// BenchmarkParseAndBuild parses the 9,510 documents and builds the graph, as
// `ombudsgraph serve` does before it serves: with its garbage collector
// target. Run with GOGC=100 for the Go default.
func BenchmarkParseAndBuild(b *testing.B) {
	serveGC()
	corpus(b)
	b.ReportAllocs()
	for b.Loop() {
		build(b)
	}
}

// BenchmarkSearchIndex builds the full-text index of the graph.
func BenchmarkSearchIndex(b *testing.B) {
	g, _ := englandGraph(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := search.Build(g); err != nil {
			b.Fatal(err)
		}
	}
}

// query runs a GraphQL query against the England-sized graph.
func query(b *testing.B, h http.Handler, q string) {
	b.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
		b.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
}

func handler(b *testing.B) http.Handler {
	g, idx := englandGraph(b)
	serveGC()
	runtime.GC() // the garbage of building the corpus is not the query's
	return api.NewHandler(func() (*graph.Graph, *search.Index) { return g, idx }, slog.New(slog.NewTextHandler(io.Discard, nil)), api.Options{Introspection: true})
}

// BenchmarkThemeTrace traces SEND across every council: counts, councils
// with their counts and first and last years, the timeline by kind, and
// co-occurring themes, through the GraphQL handler.
func BenchmarkThemeTrace(b *testing.B) {
	h := handler(b)
	const q = `{ theme(slug: "send") { caseCount improvementCount reportCount articleCount
		councils { council { slug } caseCount improvementCount reportCount articleCount firstSeen { label } lastSeen { label } }
		timeline(include: [CASE, IMPROVEMENT, ARTICLE]) { year { label } caseCount improvementCount articleCount }
		cooccurring { theme { slug } total } } }`
	b.ReportAllocs()
	for b.Loop() {
		query(b, h, q)
	}
}

// BenchmarkThemeMatrix builds the council × year × theme heatmap of every
// council, year and theme, through the GraphQL handler.
func BenchmarkThemeMatrix(b *testing.B) {
	h := handler(b)
	const q = `{ themeMatrix { cells { council { slug } year { label } theme { slug } caseCount improvementCount articleCount total } } }`
	b.ReportAllocs()
	for b.Loop() {
		query(b, h, q)
	}
}

// BenchmarkSearch searches every text for words and a phrase, filtered by
// theme, and returns the first page with snippets, through the handler.
func BenchmarkSearch(b *testing.B) {
	h := handler(b)
	const q = `{ search(text: "reminded staff \"annual reviews\"", filter: {theme: "send"}) { totalCount edges { score snippet node { id } } } }`
	b.ReportAllocs()
	for b.Loop() {
		query(b, h, q)
	}
}

// BenchmarkSearchWide searches for a common word across everything.
func BenchmarkSearchWide(b *testing.B) {
	h := handler(b)
	const q = `{ search(text: "council") { totalCount edges { score snippet node { id } } } }`
	b.ReportAllocs()
	for b.Loop() {
		query(b, h, q)
	}
}

// BenchmarkNetwork builds the vertices, edges and adjacency that subgraphs
// and exports use, which a graph builds on first use; each iteration builds
// the graph afresh outside the timer.
func BenchmarkNetwork(b *testing.B) {
	srcs, l := corpus(b)
	facts, err := l.Load(srcs)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		g, err := graph.Build(facts, l.Themes())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, ok := g.Vertex("Theme:send"); !ok {
			b.Fatal("no SEND theme")
		}
	}
}

// BenchmarkSubgraphCouncil walks two hops from a council, through the
// handler, at the default limit of 500 nodes.
func BenchmarkSubgraphCouncil(b *testing.B) {
	h := handler(b)
	g, _ := englandGraph(b)
	q := `{ subgraph(seeds: ["` + g.Councils()[0].ID() + `"], depth: 2) { nodes { id kind label properties } edges { id type source target } truncated } }`
	query(b, h, q) // builds the network outside the timer
	b.ReportAllocs()
	for b.Loop() {
		query(b, h, q)
	}
}

// BenchmarkExportEverything writes the whole England-sized graph as GEXF.
func BenchmarkExportEverything(b *testing.B) {
	g, _ := englandGraph(b)
	sg, err := g.Subgraph(graph.Selection{})
	if err != nil {
		b.Fatal(err)
	}
	f, _ := export.Lookup("gexf")
	b.ReportAllocs()
	for b.Loop() {
		var n countWriter
		if err := f.Write(&n, sg, export.Meta{}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(n))
	}
	b.ReportMetric(float64(len(sg.Nodes)), "nodes")
	b.ReportMetric(float64(len(sg.Edges)), "edges")
}

// countWriter counts what is written to it.
type countWriter int

// Write counts p.
func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
