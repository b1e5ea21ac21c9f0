package web_test

import (
	"slices"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/web"
)

// TestOperations checks that the operations the explorer sends are found
// in its built script, and nothing that is not an operation's name.
func TestOperations(t *testing.T) {
	ops := web.Operations()
	for _, want := range []string{"Meta", "Councils", "NodeDetails", "Search", "IntrospectionQuery"} {
		if !slices.Contains(ops, want) {
			t.Errorf("Operations() = %v, lacks %s", ops, want)
		}
	}
	for _, op := range ops {
		if op == "runs" || op == "string" {
			t.Errorf("Operations() = %v, holds %q, a word of a comment", ops, op)
		}
	}
	if !slices.IsSorted(ops) {
		t.Errorf("Operations() = %v, not sorted", ops)
	}
}
