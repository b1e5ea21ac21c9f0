package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestInternalErrorsAreHidden checks that a fault's message reaches the log,
// with the request's ID, and never the client.
func TestInternalErrorsAreHidden(t *testing.T) {
	var log bytes.Buffer
	present := presentError(slog.New(slog.NewJSONHandler(&log, nil)))
	ctx := WithRequest(context.Background(), &RequestInfo{ID: "req-42"})
	ctx = graphql.WithPathContext(ctx, graphql.NewPathWithField("council")) // errors of fields have a path
	ge := present(ctx, fmt.Errorf("hydrate: %w", errors.New("neo4j: connection refused at 10.0.0.1")))
	if ge.Message != "internal error" || ge.Extensions["code"] != graph.CodeInternal || ge.Extensions["requestId"] != "req-42" {
		t.Errorf("client sees %q %v", ge.Message, ge.Extensions)
	}
	if !strings.Contains(log.String(), "connection refused") || !strings.Contains(log.String(), "req-42") {
		t.Errorf("log lacks the fault or the request ID: %s", log.String())
	}
	ge = present(ctx, fmt.Errorf("paging: %w", graph.Errorf(graph.CodeInvalid, "first: 101 is out of range")))
	if ge.Message != "first: 101 is out of range" || ge.Extensions["code"] != graph.CodeInvalid {
		t.Errorf("a user error became %q %v", ge.Message, ge.Extensions)
	}
}

// TestSearchCursorBounds checks that a search cursor beyond the hits a search
// can be paged through is a user error, never an overflow into the search
// engine (which answered a cursor of the largest integer with a panic).
func TestSearchCursorBounds(t *testing.T) {
	for _, c := range []struct {
		pos  string
		want string
	}{
		{"9223372036854775807", "can be paged through its first"},
		{"100000", "can be paged through its first"},
		{"-1", "is not a cursor of a search"},
		{"x", "is not a cursor of a search"},
	} {
		after := base64.RawURLEncoding.EncodeToString([]byte(searchCursorPrefix + c.pos))
		_, _, err := searchPage(nil, &after)
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.CodeInvalid || !strings.Contains(err.Error(), c.want) {
			t.Errorf("cursor at %s: error %v, want a %s error saying %q", c.pos, err, graph.CodeInvalid, c.want)
		}
	}
	after := searchCursor(MaxSearchOffset - 1)
	if size, offset, err := searchPage(nil, &after); err != nil || offset != MaxSearchOffset || size != DefaultPage {
		t.Errorf("the last cursor that can be paged from: %d %d %v", size, offset, err)
	}
}

// TestIntrospectionOff checks that with introspection off, __schema and
// __type are refused with their code, even inside fragments, and that
// __typename still answers.
func TestIntrospectionOff(t *testing.T) {
	off := Options{}
	for _, q := range []string{
		`{ __schema { queryType { name } } }`,
		`{ __type(name: "Council") { name } }`,
		`{ ...F } fragment F on Query { __type(name: "Council") { name } }`,
		`{ ... on Query { __schema { types { name } } } }`,
	} {
		if code := post(t, off, q).code; code != graph.CodeIntrospection {
			t.Errorf("%s: code %q, want %s", q, code, graph.CodeIntrospection)
		}
	}
	if a := post(t, off, `{ __typename councils(first: 1) { totalCount } }`); a.code != "" || !bytes.Contains(a.data, []byte(`"Query"`)) {
		t.Errorf("__typename with introspection off: code %q, data %s", a.code, a.data)
	}
}

// fullIntrospection asks what GraphiQL and graphql-js's getIntrospectionQuery
// ask on first load, in this project's own words: the whole schema, with
// type references followed through eight levels of ofType.
const fullIntrospection = `query Full {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...Type }
    directives { name description locations args { ...Input } }
  }
}
fragment Type on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...Input } type { ...Ref } isDeprecated deprecationReason }
  inputFields { ...Input }
  interfaces { ...Ref }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...Ref }
}
fragment Input on __InputValue { name description type { ...Ref } defaultValue }
fragment Ref on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}`

// TestIntrospectionWithinLimits checks that a client's full introspection
// query runs under the default limits (the playground's first request), while
// the limits still hold for everything else, introspection that fans out
// included.
func TestIntrospectionWithinLimits(t *testing.T) {
	run := func(q string) (code string, body string) {
		a := post(t, Options{Introspection: true}, q)
		return a.code, string(a.data)
	}
	if code, body := run(fullIntrospection); code != "" || !strings.Contains(body, `"name":"Council"`) {
		t.Errorf("full introspection: code %q, answer %.200s", code, body)
	}
	nest := func(open, inner string, n int) string {
		return strings.Repeat(open+" { ", n) + inner + strings.Repeat(" }", n)
	}
	// Introspection that fans out (fields of the types of fields …) is
	// refused still: by gqlparser's own rule against deep introspection.
	deepTypes := "{ __schema { types { " + nest("fields { type", "name", DefaultMaxDepth) + strings.Repeat(" }", DefaultMaxDepth) + " } } }"
	if code, body := run(deepTypes); code == "" {
		t.Errorf("introspection fanning out %d levels was answered: %.200s", 2*DefaultMaxDepth, body)
	}
	mixed := `{ councils(first: 1) { totalCount } __type(name: "Council") { ` + nest("ofType", "name", DefaultMaxDepth) + ` } }`
	if code, _ := run(mixed); code != graph.CodeDepthLimit {
		t.Errorf("an ofType chain beside data: code %q, want %s", code, graph.CodeDepthLimit)
	}
}
