package api

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api/model"
)

// Page sizes of every connection.
const (
	// DefaultPage is the page size when `first` is not given.
	DefaultPage = 20
	// MaxPage is the largest `first` accepted.
	MaxPage = 100
)

const cursorPrefix = "cursor:v1:"

// cursor encodes a node's ID as an opaque cursor.
func cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

// page selects the items of one page of a connection. items must be in their
// kind's default order, which is the order of the graph's ranks. A cursor
// names the node to resume after, so paging stays correct however the list
// is filtered.
func page[T graph.Node](g *graph.Graph, items []T, first *int, after *string) ([]T, *model.PageInfo, error) {
	n := DefaultPage
	if first != nil {
		n = *first
		if n < 0 || n > MaxPage {
			return nil, nil, graph.Errorf(graph.CodeInvalid, "first: %d is out of range; give 0 to %d", n, MaxPage)
		}
	}
	start := 0
	if after != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*after)
		id, ok := strings.CutPrefix(string(raw), cursorPrefix)
		if err != nil || !ok {
			return nil, nil, graph.Errorf(graph.CodeInvalid, "after: %q is not a cursor of this API; pass a cursor or pageInfo.endCursor from an earlier page", *after)
		}
		rank, known := g.Rank(id)
		if !known {
			return nil, nil, graph.Errorf(graph.CodeInvalid, "after: the cursor points at %s, which is no longer in the graph; start again without after", id)
		}
		if len(items) > 0 && kindOf(items[0].ID()) != kindOf(id) {
			return nil, nil, graph.Errorf(graph.CodeInvalid, "after: the cursor points at %s, which is not in this list", id)
		}
		start, _ = slices.BinarySearchFunc(items, rank, func(item T, r int) int {
			ir, _ := g.Rank(item.ID())
			if ir <= r {
				return -1
			}
			return 1
		})
	}
	end := min(start+n, len(items))
	out := items[start:end]
	info := &model.PageInfo{HasNextPage: end < len(items), HasPreviousPage: start > 0}
	if len(out) > 0 {
		s, e := cursor(out[0].ID()), cursor(out[len(out)-1].ID())
		info.StartCursor, info.EndCursor = &s, &e
	}
	return out, info, nil
}

func kindOf(id string) string {
	k, _, _ := strings.Cut(id, ":")
	return k
}

func councilConnection(g *graph.Graph, items []*graph.Council, first *int, after *string) (*model.CouncilConnection, error) {
	pg, info, err := page(g, items, first, after)
	if err != nil {
		return nil, err
	}
	c := &model.CouncilConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.CouncilEdge, len(pg))}
	for i, n := range pg {
		c.Edges[i] = &model.CouncilEdge{Node: n, Cursor: cursor(n.ID())}
	}
	return c, nil
}

func caseConnection(g *graph.Graph, items []*graph.Case, first *int, after *string) (*model.CaseConnection, error) {
	pg, info, err := page(g, items, first, after)
	if err != nil {
		return nil, err
	}
	c := &model.CaseConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.CaseEdge, len(pg))}
	for i, n := range pg {
		c.Edges[i] = &model.CaseEdge{Node: n, Cursor: cursor(n.ID())}
	}
	return c, nil
}

func improvementConnection(g *graph.Graph, items []*graph.Improvement, first *int, after *string) (*model.ImprovementConnection, error) {
	pg, info, err := page(g, items, first, after)
	if err != nil {
		return nil, err
	}
	c := &model.ImprovementConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.ImprovementEdge, len(pg))}
	for i, n := range pg {
		c.Edges[i] = &model.ImprovementEdge{Node: n, Cursor: cursor(n.ID())}
	}
	return c, nil
}

// filterOf turns the API's filter into the graph's, with council set when
// the list hangs off a council.
func filterOf(f *model.CaseFilter, council string) graph.Filter {
	var out graph.Filter
	if f != nil {
		out = graph.Filter{Council: deref(f.Council), Category: deref(f.Category), Subcategory: deref(f.Subcategory),
			Year: deref(f.Year), Theme: deref(f.Theme)}
	}
	if council != "" {
		out.Council = council
	}
	return out
}

// nonEmpty returns a pointer to s, or nil (null) for "".
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

const searchCursorPrefix = "search:v1:"

// searchCursor is the cursor of the hit at the given position. Hits have no
// rank in the graph, so their cursors count positions in the results, which
// are stable for a given graph and search.
func searchCursor(pos int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(searchCursorPrefix + strconv.Itoa(pos)))
}

// searchPage reads first and after for a search: the page size and the
// position of its first hit.
func searchPage(first *int, after *string) (size, offset int, err error) {
	size = DefaultPage
	if first != nil {
		size = *first
		if size < 0 || size > MaxPage {
			return 0, 0, graph.Errorf(graph.CodeInvalid, "first: %d is out of range; give 0 to %d", size, MaxPage)
		}
	}
	if after != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*after)
		pos, ok := strings.CutPrefix(string(raw), searchCursorPrefix)
		n, convErr := strconv.Atoi(pos)
		if err != nil || !ok || convErr != nil || n < 0 {
			return 0, 0, graph.Errorf(graph.CodeInvalid, "after: %q is not a cursor of a search; pass pageInfo.endCursor from an earlier page of the same search", *after)
		}
		if n >= MaxSearchOffset {
			return 0, 0, graph.Errorf(graph.CodeInvalid, "after: a search can be paged through its first %d hits; narrow it with filter (kinds, council, year, theme) to see further", MaxSearchOffset)
		}
		offset = n + 1
	}
	return size, offset, nil
}

// MaxSearchOffset is how deep a search can be paged. The search engine keeps
// every hit before the page in memory, so a cursor further on (such as
// search:v1:9223372036854775807) would cost as much as it says, or overflow.
const MaxSearchOffset = 100_000
