package graph

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The API translates them, in one place,
// into GraphQL's extensions.code.
const (
	// CodeInvalid marks input the caller must correct.
	CodeInvalid = "BAD_USER_INPUT"
	// CodeNotFound marks a reference to something that does not exist.
	CodeNotFound = "NOT_FOUND"
	// CodeUnavailable marks a graph that is not loaded yet.
	CodeUnavailable = "UNAVAILABLE"
	// CodeTimeout marks a request that ran out of time.
	CodeTimeout = "TIMEOUT"
	// CodeInternal marks a fault of the server, never of the caller.
	CodeInternal = "INTERNAL"
)

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
