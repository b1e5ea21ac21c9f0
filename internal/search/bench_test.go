package search_test

import (
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/internal/synth"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// BenchmarkBuild indexes a corpus of 50 councils over 10 years with each
// engine.
func BenchmarkBuild(b *testing.B) {
	o := synth.England
	o.Councils = 50
	var srcs []loader.Source
	for _, d := range synth.Generate(o) {
		srcs = append(srcs, loader.Source{Name: d.Name, Data: []byte(d.Text)})
	}
	l, _ := loader.New(seed.Themes, seed.Councils)
	facts, err := l.Load(srcs)
	if err != nil {
		b.Fatal(err)
	}
	g, _ := graph.Build(facts, l.Themes())
	for _, e := range []string{"scorch", "upsidedown"} {
		b.Run(e, func(b *testing.B) {
			search.SetEngine(e)
			defer search.SetEngine("scorch")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := search.Build(g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
