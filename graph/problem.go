package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says how much of a document a problem cost.
type Severity string

// The severities of problems.
const (
	// SeverityError: the document could not be read at all, and none of its
	// facts are in the graph.
	SeverityError Severity = "ERROR"
	// SeverityWarning: the document was read, but part of it could not be
	// (a page cut short, a sentence that cannot be read); the facts the rest
	// of it states are in the graph.
	SeverityWarning Severity = "WARNING"
)

// Problem is a document the loader could not read, or read only in part. It
// says where (document and 1-based line, or 0 for the whole document) and
// what.
type Problem struct {
	Doc      string   `json:"doc"`
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// String formats the problem as FILE:LINE: MESSAGE, with "warning: " before
// the message of a warning; or as FILE: MESSAGE when the problem is the whole
// document (Line 0), such as a file that could not be read.
func (p Problem) String() string {
	at := p.Doc
	if p.Line > 0 {
		at = fmt.Sprintf("%s:%d", p.Doc, p.Line)
	}
	if p.Severity == SeverityWarning {
		return at + ": warning: " + p.Message
	}
	return at + ": " + p.Message
}

// Problems lists every problem of the graph's corpus: the documents that
// could not be read (given to [Build]), and the warnings of those that were,
// ordered by document and line.
func (g *Graph) Problems() []Problem { return g.problems }

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Line, b.Line))
	})
}
