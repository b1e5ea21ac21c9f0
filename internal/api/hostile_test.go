package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// firstCode posts a query with the default limits and returns the first
// error's code and message ("" when none).
func firstCode(t *testing.T, q string) (code, msg string) {
	a := post(t, Options{Introspection: true}, q)
	return a.code, a.msg
}

// fragmentBomb is a query of n fragments, each spreading the next one twice:
// 1 KB of text that expands to 2^n fields.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", n)
	return b.String()
}

// TestFragmentBombIsRefusedAtOnce checks that fragments spread into each
// other are measured once each: a 25-level bomb (33 million fields) is
// refused by the field count, before gqlgen's complexity walk would expand
// it. Were the measuring to expand it, this test would not end.
func TestFragmentBombIsRefusedAtOnce(t *testing.T) {
	code, msg := firstCode(t, fragmentBomb(25))
	if code != graph.CodeComplexityLimit || !strings.Contains(msg, "33554432 fields") {
		t.Errorf("a fragment bomb: %s %q, want %s counting 33554432 fields", code, msg, graph.CodeComplexityLimit)
	}
	if code, msg := firstCode(t, fragmentBomb(3)); code != "" {
		t.Errorf("three levels of fragments (8 fields) were refused: %s %s", code, msg)
	}
}

// TestTokenLimit checks that a document of more tokens than the limit is
// refused as it is read, with its own message, while a full introspection
// query passes.
func TestTokenLimit(t *testing.T) {
	q := "{ " + strings.Repeat("__typename ", DefaultMaxTokens+10) + "}"
	if code, msg := firstCode(t, q); code != "GRAPHQL_PARSE_FAILED" || !strings.Contains(msg, "token limit") {
		t.Errorf("%d tokens: %s %q, want GRAPHQL_PARSE_FAILED for the token limit", DefaultMaxTokens+12, code, msg)
	}
	if code, msg := firstCode(t, fullIntrospection); code != "" {
		t.Errorf("full introspection: %s %s", code, msg)
	}
}
