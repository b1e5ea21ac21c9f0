package main

import (
	"fmt"
	"os"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// corpus is what a load produced: the graph of the documents that loaded,
// which also lists the problems of those that did not (graph.Problems), and
// the error of those.
type corpus struct {
	graph   *graph.Graph
	facts   []graph.Facts
	themes  []graph.Theme
	sources int
	// failed joins a *loader.ParseError for each document that could not be
	// loaded, or is nil.
	failed error
}

// failures returns how many documents could not be loaded.
func (c corpus) failures() int {
	n := 0
	for _, p := range c.graph.Problems() {
		if p.Severity == graph.SeverityError {
			n++
		}
	}
	return n
}

// seedOrigin says where the seed corpus's documents come from, in messages.
const seedOrigin = "the embedded seed corpus"

// buildCorpus loads the seed corpus (unless told not to) and the documents
// the flags name, and builds the graph. It fails outright only when nothing
// sensible can be built: an unreadable theme or councils file, a --docs path
// that does not exist. A document that cannot be read or parsed costs only
// itself: it is reported in corpus.failed and the graph's problems, and the
// rest load.
func buildCorpus(c corpusFlags) (corpus, error) {
	themes, councils := seed.Themes, seed.Councils
	var err error
	if c.themes != "" {
		if themes, err = os.ReadFile(c.themes); err != nil {
			return corpus{}, fmt.Errorf("themes: %w", err)
		}
		if _, err := loader.ParseThemes(themes); err != nil {
			return corpus{}, fmt.Errorf("%s: %w", c.themes, err) // say which file
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
		for i := range srcs {
			srcs[i].Origin = seedOrigin
		}
	}
	extra, err := loader.ReadPaths(c.docs)
	if err != nil {
		return corpus{}, err
	}
	srcs = append(srcs, extra...)
	facts, failed := l.Load(srcs)
	g, err := graph.Build(facts, l.Themes(), loader.Problems(failed)...)
	if err != nil {
		return corpus{}, err
	}
	return corpus{graph: g, facts: facts, themes: l.Themes(), sources: len(srcs), failed: failed}, nil
}
