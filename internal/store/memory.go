package store

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Memory is a Store held in memory. It is the reference the shared suite is
// checked against, and what tests use where no database is needed.
type Memory struct {
	mu       sync.Mutex
	docs     map[string]graph.Facts
	themes   []graph.Theme
	revision int
}

// NewMemory returns an empty Memory store.
func NewMemory() *Memory { return &Memory{docs: map[string]graph.Facts{}} }

// Put implements Store.
func (m *Memory) Put(ctx context.Context, themes []graph.Theme, docs []graph.Facts, progress func(Progress)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !reflect.DeepEqual(m.themes, themes) {
		m.themes = slices.Clone(themes)
		m.revision++
	}
	p := Progress{Total: len(docs)}
	for _, f := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		p.Docs, p.Doc = p.Docs+1, f.Document.Name
		if have, ok := m.docs[f.Document.Name]; ok && reflect.DeepEqual(have, f) {
			p.Unchanged++
		} else {
			m.docs[f.Document.Name] = f
			m.revision++
		}
		if progress != nil {
			progress(p)
		}
	}
	return nil
}

// Delete implements Store.
func (m *Memory) Delete(ctx context.Context, names []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, n := range names {
		delete(m.docs, n)
	}
	m.revision++
	return nil
}

// Facts implements Store.
func (m *Memory) Facts(ctx context.Context) ([]graph.Facts, []graph.Theme, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]graph.Facts, 0, len(m.docs))
	for _, f := range m.docs {
		out = append(out, f)
	}
	return out, slices.Clone(m.themes), nil
}

// Revision implements Store.
func (m *Memory) Revision(ctx context.Context) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return fmt.Sprint(m.revision), nil
}

// Counts implements Store: the nodes of the graph the facts build.
func (m *Memory) Counts(ctx context.Context) (map[string]int, error) {
	facts, themes, _ := m.Facts(ctx)
	g, err := graph.Build(facts, themes)
	if err != nil {
		return nil, err
	}
	out := map[string]int{"documents": len(g.Documents())}
	for _, c := range g.Counts().Entities {
		out[c.Name] = c.Count
	}
	return out, nil
}
