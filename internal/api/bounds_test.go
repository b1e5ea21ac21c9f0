package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// answerOf posts q with options o and returns its data and first error
// code.
func answerOf(t *testing.T, o Options, q string) (json.RawMessage, string) {
	a := post(t, o, q)
	return a.data, a.code
}

// TestOperationLimitsAtTheirBounds checks depth, aliases and fields at their
// limits and one past them, an alias that only repeats its field's name, and
// the depth of introspection without ofType chains.
func TestOperationLimitsAtTheirBounds(t *testing.T) {
	nest := func(n int) string { // n levels: council, statistics, n-4 previous, year, label
		return `{ council(slug: "kent-county-council") { statistics { ` + strings.Repeat("previous { ", n-4) + "year { label }" + strings.Repeat(" }", n-4) + ` } } }`
	}
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{ ")
		for i := range n {
			b.WriteString("a" + strings.Repeat("b", i) + ": __typename ")
		}
		return b.String() + "}"
	}
	for _, c := range []struct {
		name  string
		o     Options
		query string
		code  string
	}{
		{"depth at the limit", Options{MaxDepth: 4}, nest(4), ""},
		{"depth past the limit", Options{MaxDepth: 4}, nest(5), graph.CodeDepthLimit},
		{"aliases at the limit", Options{MaxAliases: 3}, aliases(3), ""},
		{"aliases past the limit", Options{MaxAliases: 3}, aliases(4), graph.CodeAliasLimit},
		{"an alias of its own name", Options{MaxAliases: 1}, `{ years: years { label } a: themes { slug } }`, ""},
		{"fields at the limit", Options{MaxComplexity: 3}, `{ a: __typename b: __typename c: __typename }`, ""},
		{"fields past the limit", Options{MaxComplexity: 3}, `{ a: __typename b: __typename c: __typename d: __typename }`, graph.CodeComplexityLimit},
		{"introspection past the depth", Options{MaxDepth: 3, Introspection: true}, `{ __schema { types { fields { name } } } }`, graph.CodeDepthLimit},
		{"introspection's ofType chain", Options{MaxDepth: 3, Introspection: true}, `{ __type(name: "Council") { ofType { ofType { ofType { name } } } } }`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, code := answerOf(t, c.o, c.query); code != c.code {
				t.Errorf("code %q, want %q", code, c.code)
			}
		})
	}
}

// TestPagingBounds checks `first` at 0, 100 and past them, and pageInfo on
// the first page, a later one and an empty one, for a list and a search.
func TestPagingBounds(t *testing.T) {
	for _, c := range []struct {
		query, code string
	}{
		{`{ cases(first: 0) { totalCount } }`, ""},
		{`{ cases(first: 100) { totalCount } }`, ""},
		{`{ cases(first: 101) { totalCount } }`, graph.CodeInvalid},
		{`{ cases(first: -1) { totalCount } }`, graph.CodeInvalid},
		{`{ search(text: "staff", first: 100) { totalCount } }`, ""},
		{`{ search(text: "staff", first: 101) { totalCount } }`, graph.CodeInvalid},
		{`{ search(text: "staff", first: -1) { totalCount } }`, graph.CodeInvalid},
	} {
		if _, code := answerOf(t, Options{}, c.query); code != c.code {
			t.Errorf("%s: code %q, want %q", c.query, code, c.code)
		}
	}
	type page struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			EndCursor                    *string
		}
		Edges []struct{ Cursor string }
	}
	read := func(q string) page {
		data, code := answerOf(t, Options{}, q)
		var d map[string]page
		if err := json.Unmarshal(data, &d); err != nil || code != "" || len(d) != 1 {
			t.Fatalf("%s: %v %s %s", q, err, code, data)
		}
		for _, p := range d {
			return p
		}
		return page{}
	}
	for _, list := range []string{`cases(`, `search(text: "staff", `} {
		first := read(`{ ` + list + `first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }`)
		if first.TotalCount < 3 || !first.PageInfo.HasNextPage || first.PageInfo.HasPreviousPage || first.PageInfo.EndCursor == nil || *first.PageInfo.EndCursor != first.Edges[0].Cursor {
			t.Fatalf("%s first page: %+v", list, first)
		}
		next := read(`{ ` + list + `first: 1, after: "` + *first.PageInfo.EndCursor + `") { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }`)
		if !next.PageInfo.HasPreviousPage || len(next.Edges) != 1 || next.Edges[0].Cursor == first.Edges[0].Cursor {
			t.Errorf("%s second page: %+v", list, next)
		}
		empty := read(`{ ` + list + `first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }`)
		if empty.PageInfo.EndCursor != nil || len(empty.Edges) != 0 || !empty.PageInfo.HasNextPage {
			t.Errorf("%s empty page: %+v", list, empty)
		}
		last := read(`{ ` + list + `first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }`)
		if last.PageInfo.HasNextPage || len(last.Edges) != last.TotalCount {
			t.Errorf("%s whole list on one page: has next %v, %d of %d", list, last.PageInfo.HasNextPage, len(last.Edges), last.TotalCount)
		}
	}
}

// TestCaseReferenceDigits checks references written with every digit, with
// dashes or none, and that other characters make no reference.
func TestCaseReferenceDigits(t *testing.T) {
	g, _ := seeded()
	var ref string
	for _, c := range g.Councils() {
		cs, err := g.Cases(graph.Filter{Council: c.Slug})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range cs {
			if strings.ContainsAny(k.Reference, "09") {
				ref = k.Reference
			}
		}
	}
	if ref == "" {
		t.Fatal("no seed case has a 0 or a 9 in its reference")
	}
	digits := strings.ReplaceAll(ref, " ", "")
	for _, form := range []string{ref, digits, digits[:2] + "-" + digits[2:5] + "-" + digits[5:]} {
		data, code := answerOf(t, Options{}, `{ case(reference: "`+form+`") { reference } }`)
		if code != "" || !strings.Contains(string(data), ref) {
			t.Errorf("%q: %s %s", form, code, data)
		}
	}
	if data, _ := answerOf(t, Options{}, `{ case(reference: "`+digits[:7]+`x") { reference } }`); !strings.Contains(string(data), `"case":null`) {
		t.Errorf("a reference with a letter found %s", data)
	}
}

// TestTimelineKinds checks that a theme's timeline lists the years of the
// kinds asked for, and only those.
func TestTimelineKinds(t *testing.T) {
	g, _ := seeded()
	tr, ok := g.Trace("send")
	if !ok {
		t.Fatal("no SEND trace")
	}
	for _, kind := range []string{"CASE", "IMPROVEMENT", "ARTICLE"} {
		want := 0
		for _, y := range tr.Years {
			if kind == "CASE" && y.CaseCount > 0 || kind == "IMPROVEMENT" && y.ImprovementCount > 0 || kind == "ARTICLE" && y.ArticleCount > 0 {
				want++
			}
		}
		data, code := answerOf(t, Options{}, `{ theme(slug: "send") { timeline(include: [`+kind+`]) { year { label } } } }`)
		got := strings.Count(string(data), `"label"`)
		if code != "" || got != want || want == 0 {
			t.Errorf("%s: %d years, want %d (%s)", kind, got, want, code)
		}
	}
}
