package api

import (
	"context"
	"testing"

	gqlcomplexity "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"

	"github.com/ombudsgraph/ombudsgraph/internal/api/exec"
)

// TestComplexity checks the cost the complexity limit charges each list: a
// connection its page size, an unpaged list its estimated length, a subgraph
// a hundredth of its node limit. Each query selects one scalar under the
// list, which costs 1, so the expected cost is the multiplier itself (plus 1
// for each object field above it).
func TestComplexity(t *testing.T) {
	es := exec.NewExecutableSchema(exec.Config{Resolvers: &Resolver{}, Complexity: complexity()})
	for _, c := range []struct {
		query string
		want  int
	}{
		{`{ cases(first: 7) { totalCount } }`, 7},
		{`{ cases { totalCount } }`, DefaultPage},
		{`{ cases(first: 0) { totalCount } }`, 1},
		{`{ cases(first: -3) { totalCount } }`, DefaultPage},
		{`{ cases(first: 500) { totalCount } }`, MaxPage},
		{`{ improvements(first: 8) { totalCount } }`, 8},
		{`{ councils(first: 9) { totalCount } }`, 9},
		{`{ search(text: "x", first: 6) { totalCount } }`, 6},
		{`{ nodes(ids: ["a", "b", "c"]) { id } }`, 3},
		{`{ nodes(ids: []) { id } }`, 1},
		{`{ articles { headline } }`, longList},
		{`{ documents { name } }`, longList},
		{`{ problems { line } }`, longList},
		{`{ documents { warnings { line } } }`, longList * shortList},
		{`{ themeMatrix { cells { total } } }`, longList * 2},
		{`{ council(slug: "k") { cases(first: 4) { totalCount } } }`, 1 + 4},
		{`{ council(slug: "k") { improvements(first: 5) { totalCount } } }`, 1 + 5},
		{`{ council(slug: "k") { statistics { investigations } } }`, 1 + shortList},
		{`{ council(slug: "k") { letters { title } } }`, 1 + shortList},
		{`{ council(slug: "k") { reports { title } } }`, 1 + shortList},
		{`{ council(slug: "k") { articles { headline } } }`, 1 + shortList},
		{`{ council(slug: "k") { peers { name } } }`, 1 + longList},
		{`{ theme(slug: "s") { cases(first: 3) { totalCount } } }`, 1 + 3},
		{`{ theme(slug: "s") { improvements(first: 2) { totalCount } } }`, 1 + 2},
		{`{ theme(slug: "s") { councils { caseCount } } }`, 1 + longList},
		{`{ theme(slug: "s") { reports { title } } }`, 1 + longList},
		{`{ theme(slug: "s") { articles { headline } } }`, 1 + longList},
		{`{ authorityTypes { councils { name } } }`, 1 + longList},
		{`{ case(reference: "r") { improvements { text } } }`, 1 + shortList},
		{`{ subgraph(seeds: []) { truncated } }`, DefaultSubgraphLimit / 100},
		{`{ subgraph(seeds: [], limit: 101) { truncated } }`, 2},
		{`{ subgraph(seeds: [], limit: 0) { truncated } }`, 1},
		{`{ subgraph(seeds: [], limit: 99999) { truncated } }`, MaxSubgraphLimit / 100},
		{`{ subgraph(seeds: []) { nodes { evidence { line } } } }`, DefaultSubgraphLimit / 100 * (1 + shortList)},
	} {
		doc, errs := gqlparser.LoadQueryWithRules(es.Schema(), c.query, nil)
		if errs != nil {
			t.Fatalf("%s: %v", c.query, errs)
		}
		if got := gqlcomplexity.Calculate(context.Background(), es, doc.Operations[0], nil); got != c.want {
			t.Errorf("%s costs %d, want %d", c.query, got, c.want)
		}
	}
}
