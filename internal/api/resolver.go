// Package api is ombudsgraph's GraphQL API: thin gqlgen resolvers over the
// in-memory graph, the paging rules of its connections, and the one place
// where errors are translated into GraphQL's extensions.code.
//
// The schema in schema/*.graphqls is the source; the exec and model packages
// below this one are generated from it by gqlgen and never edited.
package api

import (
	"context"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
)

// Resolver is the root resolver. It holds nothing: each request is answered
// from the graph pinned in its context when the operation started, so a graph
// swapped in mid-request is never mixed with the one before it.
type Resolver struct{}

type snapshotKey struct{}

type snapshot struct {
	graph  *graph.Graph
	search *search.Index
}

// WithGraph returns a context whose operations are answered from g and
// searched with idx, its index.
func WithGraph(ctx context.Context, g *graph.Graph, idx *search.Index) context.Context {
	return context.WithValue(ctx, snapshotKey{}, snapshot{g, idx})
}

// graphOf returns the graph pinned in ctx.
func graphOf(ctx context.Context) (*graph.Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.Errorf(graph.CodeTimeout, "the request ran out of time")
	}
	s, _ := ctx.Value(snapshotKey{}).(snapshot)
	if s.graph == nil {
		return nil, graph.Errorf(graph.CodeUnavailable, "no graph is loaded yet; try again shortly")
	}
	return s.graph, nil
}

// searchOf returns the graph and search index pinned in ctx.
func searchOf(ctx context.Context) (*graph.Graph, *search.Index, error) {
	s, _ := ctx.Value(snapshotKey{}).(snapshot)
	if s.graph == nil || s.search == nil {
		return nil, nil, graph.Errorf(graph.CodeUnavailable, "no graph is loaded yet; try again shortly")
	}
	return s.graph, s.search, nil
}

// ptrs returns pointers to the elements of xs, for lists gqlgen wants as
// pointers but the graph keeps as values.
func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}
