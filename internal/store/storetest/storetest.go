// Package storetest is the suite every store.Store passes. A store's own
// tests call Run with a function that opens an empty store.
package storetest

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// Corpus holds the facts the suite writes: the seed corpus, parsed as the
// server parses it, and the themes.
type Corpus struct {
	Facts  []graph.Facts
	Themes []graph.Theme
	loader *loader.Loader
	srcs   []loader.Source
}

// extra are documents beyond the seed corpus: another council and
// authority type, another year's page of a council that relists a case,
// an apostrophe, curly quotes, a backslash, and text that reads like
// Cypher.
//
//go:embed testdata/*.txt
var extra embed.FS

// Extra parses the seed corpus and the suite's extra documents.
func Extra(t testing.TB) *Corpus {
	t.Helper()
	c := Seed(t)
	sub, _ := fs.Sub(extra, "testdata")
	srcs, err := loader.ReadFS(sub)
	if err != nil {
		t.Fatal(err)
	}
	c.srcs = append(c.srcs, srcs...)
	facts, err := c.loader.Load(c.srcs)
	if err != nil {
		t.Fatal(err)
	}
	c.Facts = facts
	return c
}

// Seed parses the seed corpus.
func Seed(t testing.TB) *Corpus {
	t.Helper()
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	return &Corpus{Facts: facts, Themes: l.Themes(), loader: l, srcs: srcs}
}

// Edit returns the facts of the seed corpus with one document's text changed
// by edit.
func (c *Corpus) Edit(t testing.TB, name string, edit func(string) string) graph.Facts {
	t.Helper()
	srcs := make([]loader.Source, len(c.srcs))
	copy(srcs, c.srcs)
	found := false
	for i, s := range srcs {
		if s.Name == name {
			srcs[i].Data = []byte(edit(string(s.Data)))
			found = true
		}
	}
	if !found {
		t.Fatalf("no seed document %s", name)
	}
	facts, err := c.loader.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if f.Document.Name == name {
			return f
		}
	}
	t.Fatalf("edited %s did not parse", name)
	return graph.Facts{}
}

// Dump returns the graph the facts build, as JSON, for comparing graphs.
func Dump(t testing.TB, facts []graph.Facts, themes []graph.Theme) string {
	t.Helper()
	g, err := graph.Build(facts, themes)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(g.Dump(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// StoredDump returns the graph built from what s holds.
func StoredDump(t testing.TB, s store.Store) string {
	t.Helper()
	facts, themes, err := s.Facts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return Dump(t, facts, themes)
}

// Diff returns the first line where two dumps differ, or "".
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-12)
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s\n  context: %s", i+1, a, b, strings.Join(w[lo:i], " | "))
		}
	}
	return ""
}
