package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

type requestIDKey struct{}

// WithRequestID returns a context that carries the request's ID, which
// internal errors quote so that operators can find them in the log.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the ID WithRequestID stored in ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// presentError is the one place errors become GraphQL errors. An error of the
// graph's vocabulary (*graph.Error) keeps its message and puts its code in
// extensions.code. Errors gqlgen made itself (parsing, validation) keep their
// own code. Anything else is a fault of the server: it is logged with the
// request's ID, and the client sees only "internal error" and that ID, never a
// stack trace or a driver's message.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		ge := graphql.DefaultErrorPresenter(ctx, err)
		var e *graph.Error
		if errors.As(err, &e) {
			ge.Message = e.Message
			ge.Extensions = map[string]any{"code": e.Code}
			return ge
		}
		if _, ok := ge.Extensions["code"]; ok && ge.Err == nil {
			return ge
		}
		id := RequestID(ctx)
		log.ErrorContext(ctx, "internal error", "requestId", id, "path", ge.Path.String(), "err", err.Error())
		ge.Message = "internal error"
		ge.Extensions = map[string]any{"code": graph.CodeInternal, "requestId": id}
		return ge
	}
}

// recoverPanic turns a panic in a resolver into an internal error, logging
// the stack for operators.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic", "requestId", RequestID(ctx), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return fmt.Errorf("panic: %v", p)
	}
}
