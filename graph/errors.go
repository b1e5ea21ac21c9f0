package graph

import (
	"errors"
	"fmt"
	"net/http"
)

// The error codes of ombudsgraph, the one vocabulary of every layer: they are
// put in a GraphQL error's extensions.code, and in the JSON errors of the
// HTTP endpoints. Codes lists each with its HTTP status and meaning.
const (
	CodeInvalid              = "BAD_USER_INPUT"
	CodeNotFound             = "NOT_FOUND"
	CodeUnavailable          = "UNAVAILABLE"
	CodeTimeout              = "TIMEOUT"
	CodeInternal             = "INTERNAL"
	CodeBadRequest           = "BAD_REQUEST"
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	CodeTooLarge             = "REQUEST_TOO_LARGE"
	CodeBatchLimit           = "BATCH_LIMIT_EXCEEDED"
	CodeDepthLimit           = "DEPTH_LIMIT_EXCEEDED"
	CodeAliasLimit           = "ALIAS_LIMIT_EXCEEDED"
	CodeComplexityLimit      = "COMPLEXITY_LIMIT_EXCEEDED"
	CodePersistedRequired    = "PERSISTED_QUERY_REQUIRED"
	CodeIntrospection        = "INTROSPECTION_DISABLED"
)

// CodeInfo is an error code, the HTTP status an endpoint answers it with, and
// what it means.
type CodeInfo struct {
	Code    string
	Status  int
	Meaning string
}

// Codes lists every error code. A GraphQL response that holds errors is
// still answered 200 when it was executed; the status is that of a request
// refused before execution, and of the other endpoints (/export).
var Codes = []CodeInfo{
	{CodeInvalid, http.StatusBadRequest, "an argument the caller must correct; the message names it and says what is allowed"},
	{CodeNotFound, http.StatusNotFound, "a reference to something that does not exist"},
	{CodeUnavailable, http.StatusServiceUnavailable, "no graph is loaded yet; try again shortly"},
	{CodeTimeout, http.StatusServiceUnavailable, "the request ran out of time, waiting for its turn or while it ran"},
	{CodeInternal, http.StatusInternalServerError, "a fault of the server, never of the caller; the log holds the details under the request's ID"},
	{CodeBadRequest, http.StatusBadRequest, "the request itself is malformed: an unreadable body, no query, a parameter of the wrong type"},
	{CodeUnsupportedMediaType, http.StatusUnsupportedMediaType, "a POST whose body is not JSON"},
	{CodeTooLarge, http.StatusRequestEntityTooLarge, "a request body over the server's limit"},
	{CodeBatchLimit, http.StatusBadRequest, "a batch with no operations or more than the server's limit"},
	{CodeDepthLimit, http.StatusBadRequest, "an operation that nests deeper than the server's limit"},
	{CodeAliasLimit, http.StatusBadRequest, "an operation with more aliases than the server's limit"},
	{CodeComplexityLimit, http.StatusBadRequest, "an operation whose estimated cost is over the server's limit"},
	{CodePersistedRequired, http.StatusBadRequest, "the server runs only persisted queries, and this one is not"},
	{CodeIntrospection, http.StatusBadRequest, "introspection is turned off on this server"},
}

// Status returns the HTTP status of an error code: that of Codes, or 500 for
// a code not in it.
func Status(code string) int {
	for _, c := range Codes {
		if c.Code == code {
			return c.Status
		}
	}
	return http.StatusInternalServerError
}

// Error is an error that carries a code from the vocabulary above and a
// message that is safe to show to the caller.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal when there is none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
