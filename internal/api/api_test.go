package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

func seedGraph(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func newHandler(t testing.TB, g *graph.Graph) http.Handler {
	t.Helper()
	var idx *search.Index
	if g != nil {
		var err error
		if idx, err = search.Build(g); err != nil {
			t.Fatal(err)
		}
	}
	return api.NewHandler(func() (*graph.Graph, *search.Index) { return g, idx }, slog.New(slog.NewTextHandler(io.Discard, nil)), api.Options{Introspection: true})
}

func newClient(t testing.TB, g *graph.Graph) *client.Client {
	return client.New(newHandler(t, g))
}

type pageResult struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage bool
		EndCursor   *string
	}
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
}

// walk pages through the connection at path in query, which takes $first and
// $after, and returns the IDs of all its nodes in order.
func walk(t *testing.T, c *client.Client, query string, path []string, first int) ([]string, int) {
	t.Helper()
	var ids []string
	var after *string
	total := -1
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging did not end")
		}
		var resp map[string]any
		c.MustPost(query, &resp, client.Var("first", first), client.Var("after", after))
		var at any = resp
		for _, p := range path {
			at = at.(map[string]any)[p]
		}
		raw, _ := json.Marshal(at)
		var pg pageResult
		if err := json.Unmarshal(raw, &pg); err != nil {
			t.Fatal(err)
		}
		if total >= 0 && pg.TotalCount != total {
			t.Fatalf("totalCount changed between pages: %d then %d", total, pg.TotalCount)
		}
		total = pg.TotalCount
		if len(pg.Edges) > first {
			t.Fatalf("page of %d edges, asked for %d", len(pg.Edges), first)
		}
		for _, e := range pg.Edges {
			ids = append(ids, e.Node.ID)
		}
		if !pg.PageInfo.HasNextPage {
			return ids, total
		}
		after = pg.PageInfo.EndCursor
	}
}

func TestConnectionsPageByPage(t *testing.T) {
	g := seedGraph(t)
	c := newClient(t, g)
	const edges = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }`
	cases := []struct {
		name, query string
		path        []string
		want        func() []string
	}{
		{"councils", `query($first: Int, $after: String) { councils(first: $first, after: $after) {` + edges + `} }`, []string{"councils"},
			func() []string { return ids(g.Councils()) }},
		{"cases", `query($first: Int, $after: String) { cases(first: $first, after: $after) {` + edges + `} }`, []string{"cases"},
			func() []string { cs, _ := g.Cases(graph.Filter{}); return ids(cs) }},
		{"cases of a theme and council", `query($first: Int, $after: String) { cases(filter: {theme: "send", council: "hertfordshire-county-council"}, first: $first, after: $after) {` + edges + `} }`, []string{"cases"},
			func() []string {
				cs, _ := g.Cases(graph.Filter{Theme: "send", Council: "hertfordshire-county-council"})
				return ids(cs)
			}},
		{"improvements", `query($first: Int, $after: String) { improvements(first: $first, after: $after) {` + edges + `} }`, []string{"improvements"},
			func() []string { is, _ := g.Improvements(graph.Filter{}); return ids(is) }},
		{"a council's cases", `query($first: Int, $after: String) { council(slug: "kent-county-council") { cases(first: $first, after: $after) {` + edges + `} } }`, []string{"council", "cases"},
			func() []string { cs, _ := g.Cases(graph.Filter{Council: "kent-county-council"}); return ids(cs) }},
		{"a council's improvements", `query($first: Int, $after: String) { council(slug: "kent-county-council") { improvements(filter: {year: "2023-24"}, first: $first, after: $after) {` + edges + `} } }`, []string{"council", "improvements"},
			func() []string {
				is, _ := g.Improvements(graph.Filter{Council: "kent-county-council", Year: "2023-24"})
				return ids(is)
			}},
		{"a theme's cases", `query($first: Int, $after: String) { theme(slug: "send") { cases(first: $first, after: $after) {` + edges + `} } }`, []string{"theme", "cases"},
			func() []string { cs, _ := g.Cases(graph.Filter{Theme: "send"}); return ids(cs) }},
		{"a theme's improvements", `query($first: Int, $after: String) { theme(slug: "send") { improvements(first: $first, after: $after) {` + edges + `} } }`, []string{"theme", "improvements"},
			func() []string { is, _ := g.Improvements(graph.Filter{Theme: "send"}); return ids(is) }},
		{"search", `query($first: Int, $after: String) { search(text: "council staff", first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, []string{"search"},
			func() []string {
				idx, _ := search.Build(g)
				hits, _, _ := idx.Search(context.Background(), "council staff", search.Filter{}, 0, 1000)
				var out []string
				for _, h := range hits {
					out = append(out, h.ID)
				}
				return out
			}},
	}
	for _, tc := range cases {
		for _, first := range []int{1, 3, 100} {
			t.Run(fmt.Sprintf("%s/first=%d", tc.name, first), func(t *testing.T) {
				got, total := walk(t, c, tc.query, tc.path, first)
				want := tc.want()
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("pages gave\n%v\nwant\n%v", got, want)
				}
				if total != len(want) {
					t.Errorf("totalCount = %d, want %d", total, len(want))
				}
			})
		}
	}
}

func ids[T graph.Node](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.ID()
	}
	return out
}

// TestNodeRoundTrip fetches every node of the graph by its ID.
func TestNodeRoundTrip(t *testing.T) {
	g := seedGraph(t)
	c := newClient(t, g)
	d := g.Dump()
	var all []string
	all = append(all, ids(d.Documents)...)
	all = append(all, ids(d.Councils)...)
	all = append(all, ids(d.Years)...)
	all = append(all, ids(d.Statistics)...)
	all = append(all, ids(d.Cases)...)
	all = append(all, ids(d.Improvements)...)
	all = append(all, ids(d.Categories)...)
	all = append(all, ids(d.Subcategories)...)
	all = append(all, ids(d.Reports)...)
	all = append(all, ids(d.Letters)...)
	all = append(all, ids(d.Articles)...)
	all = append(all, ids(d.Claims)...)
	all = append(all, ids(d.Themes)...)
	all = append(all, ids(graph.AuthorityTypes)...)
	kinds := map[string]bool{}
	for _, id := range all {
		var resp struct {
			Node *struct {
				ID       string
				Typename string `json:"__typename"`
			}
		}
		c.MustPost(`query($id: ID!) { node(id: $id) { id __typename } }`, &resp, client.Var("id", id))
		if resp.Node == nil || resp.Node.ID != id {
			t.Errorf("node(%q) = %+v", id, resp.Node)
			continue
		}
		if !strings.HasPrefix(id, resp.Node.Typename+":") {
			t.Errorf("node(%q) is a %s", id, resp.Node.Typename)
		}
		kinds[resp.Node.Typename] = true
	}
	if len(kinds) != len(graph.Kinds) {
		t.Errorf("round-tripped %d kinds of node, want all %d: %v", len(kinds), len(graph.Kinds), kinds)
	}
	var resp struct{ Node *struct{ ID string } }
	c.MustPost(`{ node(id: "Council:nowhere") { id } }`, &resp)
	if resp.Node != nil {
		t.Errorf("an unknown ID gave %+v, want null", resp.Node)
	}
}

func TestErrors(t *testing.T) {
	g := seedGraph(t)
	c := newClient(t, g)
	var first struct {
		Councils struct{ Edges []struct{ Cursor string } }
	}
	c.MustPost(`{ councils(first: 1) { edges { cursor } } }`, &first)
	councilCursor := first.Councils.Edges[0].Cursor
	cases := []struct {
		name, query, code, message string
	}{
		{"first over the maximum", `{ councils(first: 101) { totalCount } }`, "BAD_USER_INPUT", "first: 101 is out of range; give 0 to 100"},
		{"first of a million", `{ cases(first: 1000000) { totalCount } }`, "BAD_USER_INPUT", "first: 1000000 is out of range"},
		{"negative first", `{ improvements(first: -1) { totalCount } }`, "BAD_USER_INPUT", "first: -1 is out of range"},
		{"malformed cursor", `{ councils(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT", "after: \"not-a-cursor\" is not a cursor of this API"},
		{"cursor of another list", `{ cases(after: "` + councilCursor + `") { totalCount } }`, "BAD_USER_INPUT", "is not in this list"},
		{"bad year", `{ cases(filter: {year: "2023"}) { totalCount } }`, "BAD_USER_INPUT", "year \"2023\": want a business year such as 2023-24"},
		{"bad authority type", `{ councils(authorityType: "Parish") { totalCount } }`, "BAD_USER_INPUT", "authorityType: \"Parish\" is not one of"},
		{"unknown field", `{ councils { colour } }`, "GRAPHQL_VALIDATION_FAILED", "Cannot query field"},
		{"syntax error", `{ councils( }`, "GRAPHQL_PARSE_FAILED", ""},
		{"empty search", `{ search(text: "  ") { totalCount } }`, "BAD_USER_INPUT", "text: give some words to search for"},
		{"search cursor of another list", `{ search(text: "staff", after: "` + councilCursor + `") { totalCount } }`, "BAD_USER_INPUT", "is not a cursor of a search"},
		{"unknown theme in a matrix", `{ themeMatrix(themes: ["nope"]) { cells { total } } }`, "BAD_USER_INPUT", "themes[0]: there is no theme \"nope\""},
		{"a council slug cut short", `{ cases(filter: {council: "kent"}) { totalCount } }`, "BAD_USER_INPUT", `council: the graph has no council "kent" (did you mean "kent-county-council"?)`},
		{"a misspelt theme", `{ improvements(filter: {theme: "homelesness"}) { totalCount } }`, "BAD_USER_INPUT", `theme: there is no theme "homelesness" (did you mean "homelessness"?)`},
		{"a year without facts", `{ cases(filter: {year: "2031-32"}) { totalCount } }`, "BAD_USER_INPUT", "year: no fact belongs to 2031-32; the graph holds"},
		{"an unknown council to compare", `{ compare(councils: ["kent-county-council", "hertfordshire"]) { year { label } } }`, "BAD_USER_INPUT", `councils[1]: the graph has no council "hertfordshire" (did you mean "hertfordshire-county-council"?)`},
		{"an unknown council's articles", `{ articles(council: "Kent-County") { headline } }`, "BAD_USER_INPUT", `did you mean "kent-county-council"?`},
		{"an unknown council in a search", `{ search(text: "staff", filter: {council: "hertfordshire"}) { totalCount } }`, "BAD_USER_INPUT", `filter.council: the graph has no council "hertfordshire" (did you mean "hertfordshire-county-council"?)`},
		{"compare nothing", `{ compare(councils: []) { year { label } } }`, "BAD_USER_INPUT", "councils: name at least one council"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := c.RawPost(tc.query)
			if err != nil { // parse and validation errors come with HTTP 422
				if !strings.Contains(err.Error(), `"code":"`+tc.code+`"`) || !strings.Contains(err.Error(), tc.message) {
					t.Errorf("error = %v, want %s and %q", err, tc.code, tc.message)
				}
				return
			}
			var errs []struct {
				Message    string
				Extensions map[string]any
			}
			if err := json.Unmarshal(resp.Errors, &errs); err != nil || len(errs) == 0 {
				t.Fatalf("no errors in %s", resp.Errors)
			}
			if errs[0].Extensions["code"] != tc.code || !strings.Contains(errs[0].Message, tc.message) {
				t.Errorf("error = %q %v, want %s and %q", errs[0].Message, errs[0].Extensions, tc.code, tc.message)
			}
		})
	}
	// Slugs match in any case.
	var upper struct {
		Theme   *struct{ Slug string }
		Council *struct{ Slug string }
		Cases   struct{ TotalCount int }
	}
	c.MustPost(`{ theme(slug: "SEND") { slug } council(slug: "Kent-County-Council") { slug } cases(filter: {council: "KENT-COUNTY-COUNCIL", theme: "Send"}) { totalCount } }`, &upper)
	if upper.Theme == nil || upper.Theme.Slug != "send" || upper.Council == nil || upper.Cases.TotalCount == 0 {
		t.Errorf("slugs in capitals gave %+v", upper)
	}
	// Lookups of unknown keys are null, not errors.
	var nulls struct{ Council, Case, Theme, Year, Document *struct{ ID string } }
	c.MustPost(`{ council(slug: "x") { id } case(reference: "99 999 999") { id } theme(slug: "x") { id } year(label: "1999-00") { id } document(name: "x") { id } }`, &nulls)
	if nulls.Council != nil || nulls.Case != nil || nulls.Theme != nil || nulls.Year != nil || nulls.Document != nil {
		t.Errorf("unknown keys gave %+v", nulls)
	}
}

func TestNoGraphYet(t *testing.T) {
	c := newClient(t, nil)
	resp, err := c.RawPost(`{ councils { totalCount } }`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(resp.Errors), `"code":"UNAVAILABLE"`) {
		t.Errorf("errors = %s", resp.Errors)
	}
}

func TestCaseReferenceForms(t *testing.T) {
	c := newClient(t, seedGraph(t))
	for _, ref := range []string{"23 014 261", "23014261", "23-014-261"} {
		var resp struct{ Case *struct{ Reference string } }
		c.MustPost(`query($r: String!) { case(reference: $r) { reference } }`, &resp, client.Var("r", ref))
		if resp.Case == nil || resp.Case.Reference != "23 014 261" {
			t.Errorf("case(%q) = %+v", ref, resp.Case)
		}
	}
}
