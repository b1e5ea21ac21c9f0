package loader

import (
	"errors"
	"fmt"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ParseError reports a document that cannot be read, as FILE:LINE: what was
// expected and what was found; or as FILE: why, when the trouble is the whole
// document (Line 0), such as a file that is no LGSCO document at all.
type ParseError struct {
	Doc  string
	Line int
	Msg  string
}

// Error implements the error interface.
func (e *ParseError) Error() string { return e.Problem().String() }

// Problem returns the error as a graph problem of severity ERROR.
func (e *ParseError) Problem() graph.Problem {
	return graph.Problem{Doc: e.Doc, Line: e.Line, Severity: graph.SeverityError, Message: e.Msg}
}

// Problems returns a problem for each *ParseError in err, which may join
// several (as [Loader.Load]'s does). Other errors in err are not about a
// document, and are left out.
func Problems(err error) []graph.Problem {
	var out []graph.Problem
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if pe, ok := err.(*ParseError); ok {
			out = append(out, pe.Problem())
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			out = append(out, pe.Problem())
		}
	}
	walk(err)
	return out
}

func errorf(doc string, line int, format string, args ...any) *ParseError {
	return &ParseError{Doc: doc, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// warnf returns a warning about line n of a document.
func warnf(doc string, line int, format string, args ...any) graph.Problem {
	return graph.Problem{Doc: doc, Line: line, Severity: graph.SeverityWarning, Message: fmt.Sprintf(format, args...)}
}

// found quotes a line for an error message, shortened if long.
func found(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
