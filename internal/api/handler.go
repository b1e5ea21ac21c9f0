package api

import (
	"context"
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
func NewHandler(current func() (*graph.Graph, *search.Index), log *slog.Logger) *handler.Server {
	srv := handler.New(exec.NewExecutableSchema(exec.Config{Resolvers: &Resolver{}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		g, idx := current()
		return next(WithGraph(ctx, g, idx))
	})
	srv.SetErrorPresenter(presentError(log))
	srv.SetRecoverFunc(recoverPanic(log))
	return srv
}
