package api

import (
	"context"
	"fmt"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api/model"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
)

// The lookups below resolve the edges that domain structs hold as keys. A key
// that the graph does not know is a fault of the graph, not of the caller.

func nodeOf(g *graph.Graph, id string) graph.Node {
	n, ok := g.Node(id)
	if !ok {
		return nil
	}
	node, _ := n.(graph.Node)
	return node
}

func council(ctx context.Context, slug string) (*graph.Council, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	c, ok := g.Council(slug)
	if !ok {
		return nil, fmt.Errorf("graph has no council %q", slug)
	}
	return c, nil
}

func document(ctx context.Context, name string) (*graph.Document, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	d, ok := g.Document(name)
	if !ok {
		return nil, fmt.Errorf("graph has no document %q", name)
	}
	return d, nil
}

func category(ctx context.Context, name string) (*graph.Category, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	c, ok := g.Category(name)
	if !ok {
		return nil, fmt.Errorf("graph has no category %q", name)
	}
	return c, nil
}

func theme(ctx context.Context, slug string) (*graph.Theme, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	t, ok := g.Theme(slug)
	if !ok {
		return nil, fmt.Errorf("graph has no theme %q", slug)
	}
	return t, nil
}

func trace(ctx context.Context, slug string) (*graph.Trace, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	t, ok := g.Trace(slug)
	if !ok {
		return nil, fmt.Errorf("graph has no trace of theme %q", slug)
	}
	return t, nil
}

// tags returns the themes the node carries, only those of theme when it is
// given.
func tags(ctx context.Context, id string, theme *string) ([]*graph.ThemeTag, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	all := ptrs(g.Tags(id))
	if theme == nil {
		return all, nil
	}
	out := make([]*graph.ThemeTag, 0, len(all))
	for _, t := range all {
		if t.Theme == *theme {
			out = append(out, t)
		}
	}
	return out, nil
}

func actionCounts(ctx context.Context, f graph.Filter) ([]*graph.ActionCount, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := g.ActionCounts(f)
	if err != nil {
		return nil, err
	}
	return ptrs(counts), nil
}

func cases(ctx context.Context, f graph.Filter, first *int, after *string) (*model.CaseConnection, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	items, err := g.Cases(f)
	if err != nil {
		return nil, err
	}
	return caseConnection(g, items, first, after)
}

func improvements(ctx context.Context, f graph.Filter, first *int, after *string) (*model.ImprovementConnection, error) {
	g, err := graphOf(ctx)
	if err != nil {
		return nil, err
	}
	items, err := g.Improvements(f)
	if err != nil {
		return nil, err
	}
	return improvementConnection(g, items, first, after)
}

// normalReference writes a case reference as the Ombudsman does, "23 014
// 261", whether it was given with spaces, dashes or neither.
func normalReference(ref string) string {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == ' ' || r == '-' {
			return -1
		}
		return 'x'
	}, ref)
	if len(digits) != 8 {
		return ref
	}
	return digits[:2] + " " + digits[2:5] + " " + digits[5:]
}

// searchFilter turns the API's search filter into the index's, with its
// council, theme and year checked and normalised as every filter's are.
func searchFilter(g *graph.Graph, filter *model.SearchFilter) (search.Filter, error) {
	if filter == nil {
		return search.Filter{}, nil
	}
	f := search.Filter{Kinds: filter.Kinds}
	var err error
	if c := deref(filter.Council); c != "" {
		if f.Council, err = g.CouncilSlug("filter.council", c); err != nil {
			return f, err
		}
	}
	if th := deref(filter.Theme); th != "" {
		if f.Theme, err = g.ThemeSlug("filter.theme", th); err != nil {
			return f, err
		}
	}
	if y := deref(filter.Year); y != "" {
		if f.Year, err = g.YearLabel("filter.year", y); err != nil {
			return f, err
		}
	}
	return f, nil
}
