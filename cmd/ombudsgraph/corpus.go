package main

import (
	"fmt"
	"os"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// corpus is what a load produced: the graph of the documents that parsed, and
// the error of those that did not.
type corpus struct {
	graph   *graph.Graph
	facts   []graph.Facts
	themes  []graph.Theme
	sources int
	failed  error
}

// buildCorpus loads the seed corpus (unless told not to) and the documents
// the flags name, and builds the graph. It fails outright only when nothing
// sensible can be built; documents that do not parse are reported in
// corpus.failed while the rest load.
func buildCorpus(c corpusFlags) (corpus, error) {
	themes, councils := seed.Themes, seed.Councils
	var err error
	if c.themes != "" {
		if themes, err = os.ReadFile(c.themes); err != nil {
			return corpus{}, fmt.Errorf("themes: %w", err)
		}
	}
	if c.councils != "" {
		if councils, err = os.ReadFile(c.councils); err != nil {
			return corpus{}, fmt.Errorf("councils: %w", err)
		}
	}
	l, err := loader.New(themes, councils)
	if err != nil {
		return corpus{}, err
	}
	var srcs []loader.Source
	if !c.noSeed {
		if srcs, err = loader.ReadFS(seed.Docs()); err != nil {
			return corpus{}, fmt.Errorf("seed corpus: %w", err)
		}
	}
	extra, err := loader.ReadPaths(c.docs)
	if err != nil {
		return corpus{}, err
	}
	srcs = append(srcs, extra...)
	facts, failed := l.Load(srcs)
	g, err := graph.Build(facts, l.Themes())
	if err != nil {
		return corpus{}, err
	}
	return corpus{graph: g, facts: facts, themes: l.Themes(), sources: len(srcs), failed: failed}, nil
}
