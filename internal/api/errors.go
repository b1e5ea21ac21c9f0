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

type requestKey struct{}

// RequestInfo is what the request log says of a GraphQL request. The HTTP
// layer makes one per request; the GraphQL handler fills in the operation.
type RequestInfo struct {
	// ID identifies the request; internal errors quote it so that operators
	// can find them in the log.
	ID string
	// Operations lists the names of the operations run ("anonymous" for
	// those without one).
	Operations []string
	// Errors counts the errors the responses held.
	Errors int
}

// WithRequest returns a context that carries the request's info.
func WithRequest(ctx context.Context, info *RequestInfo) context.Context {
	return context.WithValue(ctx, requestKey{}, info)
}

// Request returns the info WithRequest stored in ctx, or nil.
func Request(ctx context.Context) *RequestInfo {
	info, _ := ctx.Value(requestKey{}).(*RequestInfo)
	return info
}

// RequestID returns the ID of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	if info := Request(ctx); info != nil {
		return info.ID
	}
	return ""
}

// presentError is the one place errors become GraphQL errors.
//   - An error of the graph's vocabulary (*graph.Error) keeps its message
//     and puts its code in extensions.code.
//   - Errors about the request as a whole, which gqlgen makes itself and
//     which have no field path (an unreadable body, a parse or validation
//     error), keep their message and code, or get BAD_REQUEST.
//   - Anything else, an error of a field, is a fault of the server: it is
//     logged with the request's ID, and the client sees only "internal error"
//     and that ID, never a stack trace or a driver's message.
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
		if len(ge.Path) == 0 {
			if ge.Extensions == nil {
				ge.Extensions = map[string]any{}
			}
			if _, ok := ge.Extensions["code"]; !ok {
				ge.Extensions["code"] = graph.CodeBadRequest
			}
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
