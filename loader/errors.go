package loader

import "fmt"

// ParseError reports a document that cannot be parsed, as FILE:LINE: what was
// expected and what was found.
type ParseError struct {
	Doc  string
	Line int
	Msg  string
}

// Error implements the error interface.
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Doc, e.Line, e.Msg) }

func errorf(doc string, line int, format string, args ...any) *ParseError {
	return &ParseError{Doc: doc, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// found quotes a line for an error message, shortened if long.
func found(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
