package loader_test

import (
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// BenchmarkSeedCorpus parses the seed corpus and builds its graph.
func BenchmarkSeedCorpus(b *testing.B) {
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		b.Fatal(err)
	}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		facts, err := l.Load(srcs)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := graph.Build(facts, l.Themes()); err != nil {
			b.Fatal(err)
		}
	}
}
