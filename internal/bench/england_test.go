// Package bench_test measures ombudsgraph at the size of England: about 317
// councils over 10 years, 100,000 cases and 200,000 improvements, generated
// by internal/synth. Run with
//
//	go test ./internal/bench -run '^$' -bench . -benchtime 3x -cpu 1
//
// and compare runs with benchstat. docs/performance.md records the figures.
package bench_test

import (
	"sync"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
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

// BenchmarkParseAndBuild parses the 9,510 documents and builds the graph.
func BenchmarkParseAndBuild(b *testing.B) {
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
