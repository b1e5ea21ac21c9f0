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
