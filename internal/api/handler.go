package api

import (
	"context"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api/exec"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
)

// NewHandler returns the GraphQL handler. current is called once at the start
// of every operation, and the whole operation is answered from the graph and
// search index it returns; it may return nils while no graph is loaded yet.
// o bounds what an operation may ask.
func NewHandler(current func() (*graph.Graph, *search.Index), log *slog.Logger, o Options) *handler.Server {
	o = o.withDefaults()
	srv := handler.New(exec.NewExecutableSchema(exec.Config{Resolvers: &Resolver{}, Complexity: complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(o.MaxTokens)
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: persistedQueries{known: o.Persisted, only: o.PersistedOnly, cache: lru.New[string](1000)}})
	srv.Use(guard{o}) // before the complexity limit: depth and aliases explain themselves better
	srv.Use(extension.FixedComplexityLimit(o.MaxComplexity))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if info := Request(ctx); info != nil {
			name := graphql.GetOperationContext(ctx).OperationName
			if name == "" {
				name = "anonymous"
			}
			info.Operations = append(info.Operations, name)
		}
		g, idx := current()
		h := next(WithGraph(ctx, g, idx))
		if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Subscription {
			return h // nil ends a stream
		}
		return func(ctx context.Context) *graphql.Response {
			if resp := h(ctx); resp != nil {
				return resp
			}
			// gqlgen answers nil when the request's context has ended
			// (its deadline passed, or the client went away), and the
			// transport would write "null" with HTTP 200: answer a coded
			// error instead, which no cache keeps.
			if info := Request(ctx); info != nil {
				info.Errors++
			}
			return &graphql.Response{Errors: gqlerror.List{{
				Message:    "the request ran out of time before it was answered",
				Extensions: map[string]any{"code": graph.CodeTimeout},
			}}}
		}
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if info := Request(ctx); info != nil && resp != nil {
			info.Errors += len(resp.Errors)
		}
		return resp
	})
	srv.SetErrorPresenter(presentError(log))
	srv.SetRecoverFunc(recoverPanic(log))
	return srv
}
