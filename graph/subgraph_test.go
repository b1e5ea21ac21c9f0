package graph_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestSubgraphEverything checks that an empty selection holds every node of
// the graph once, and every relationship between them, with both ends
// present, no edge twice and no two edges between the same pair of nodes.
func TestSubgraphEverything(t *testing.T) {
	g := seedGraph(t)
	sg, err := g.Subgraph(graph.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, k := range g.Counts().Entities {
		want += k.Count
	}
	if sg.Truncated {
		t.Error("an uncapped selection is truncated")
	}
	ids := map[string]bool{}
	for _, v := range sg.Nodes {
		if ids[v.ID] {
			t.Errorf("node %s twice", v.ID)
		}
		ids[v.ID] = true
		if _, ok := g.Node(v.ID); !ok {
			t.Errorf("node %s is not a node of the graph", v.ID)
		}
		if v.Label == "" {
			t.Errorf("node %s has no label", v.ID)
		}
	}
	for _, k := range graph.Kinds {
		if !slices.ContainsFunc(sg.Nodes, func(v *graph.Vertex) bool { return v.Kind == k }) {
			t.Errorf("no node of kind %s", k)
		}
	}
	edges, pairs := map[string]bool{}, map[[2]string]string{}
	types := map[string]bool{}
	for _, e := range sg.Edges {
		if edges[e.ID()] {
			t.Errorf("edge %s twice", e.ID())
		}
		edges[e.ID()] = true
		types[e.Type] = true
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s has an end outside the subgraph", e.ID())
		}
		if prev, ok := pairs[[2]string{e.Source, e.Target}]; ok {
			t.Errorf("two edges from %s to %s: %s and %s", e.Source, e.Target, prev, e.Type)
		}
		pairs[[2]string{e.Source, e.Target}] = e.Type
	}
	for _, rel := range graph.RelTypes {
		if !types[rel] {
			t.Errorf("no %s relationship in the seed graph", rel)
		}
	}
	// Counts lists entities; a subgraph's nodes are those, the documents
	// and the five authority types.
	want += len(g.Documents()) + len(graph.AuthorityTypes)
	if len(sg.Nodes) != want || want < 100 {
		t.Errorf("%d nodes, want %d: every entity, document and authority type once", len(sg.Nodes), want)
	}
}

// TestPropertyTypes checks that a property name has one type across kinds,
// which GraphML, GEXF and neo4j-admin need.
func TestPropertyTypes(t *testing.T) {
	g := seedGraph(t)
	sg, err := g.Subgraph(graph.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	typ := map[string]string{}
	for _, v := range sg.Nodes {
		for _, p := range v.Props() {
			pt := graph.PropertyType(p.Value)
			if prev, ok := typ[p.Name]; ok && prev != pt {
				t.Errorf("property %s is %s on %s but %s elsewhere", p.Name, pt, v.ID, prev)
			}
			typ[p.Name] = pt
		}
	}
}

// TestSubgraphNeighbourhood walks out from a council, hop by hop, with
// filters, and checks the limit.
func TestSubgraphNeighbourhood(t *testing.T) {
	g := seedGraph(t)
	kent := "Council:kent-county-council"
	one, err := g.Subgraph(graph.Selection{Seeds: []string{kent}, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if one.Nodes[0].ID != kent {
		t.Errorf("the seed is not first: %s", one.Nodes[0].ID)
	}
	kinds := map[graph.Kind]bool{}
	for _, v := range one.Nodes[1:] {
		kinds[v.Kind] = true
		linked := slices.ContainsFunc(one.Edges, func(e graph.Edge) bool {
			return (e.Source == kent && e.Target == v.ID) || (e.Target == kent && e.Source == v.ID)
		})
		if !linked {
			t.Errorf("%s is one hop from Kent, but no edge links them", v.ID)
		}
	}
	for _, k := range []graph.Kind{graph.KindCase, graph.KindStatistics, graph.KindAuthorityType, graph.KindDocument} {
		if !kinds[k] {
			t.Errorf("no %s one hop from Kent", k)
		}
	}

	two, err := g.Subgraph(graph.Selection{Seeds: []string{kent}, Depth: 2, Kinds: []graph.Kind{graph.KindCouncil, graph.KindCase, graph.KindTheme}, Themes: []string{"send"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range two.Nodes {
		switch {
		case v.Kind == graph.KindTheme && v.ID != "Theme:send":
			t.Errorf("theme %s passes a filter for send", v.ID)
		case v.Kind == graph.KindCase && !slices.Contains(v.Themes, "send"):
			t.Errorf("case %s is not tagged send", v.ID)
		case v.Kind != graph.KindCase && v.Kind != graph.KindTheme && v.Kind != graph.KindCouncil:
			t.Errorf("%s passes a kinds filter for councils, cases and themes", v.ID)
		}
	}
	if !slices.ContainsFunc(two.Nodes, func(v *graph.Vertex) bool { return v.ID == "Theme:send" }) {
		t.Error("two hops from Kent through its SEND cases does not reach the SEND theme")
	}

	years, err := g.Subgraph(graph.Selection{Years: []string{"2023-24"}, Kinds: []graph.Kind{graph.KindCase, graph.KindYear, graph.KindCouncil}})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range years.Nodes {
		if v.Kind != graph.KindCouncil && (len(v.Years) != 1 || v.Years[0].Label() != "2023-24") {
			t.Errorf("%s (years %v) passes a filter for 2023-24", v.ID, v.Years)
		}
	}

	capped, err := g.Subgraph(graph.Selection{Seeds: []string{kent}, Depth: 2, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(capped.Nodes) != 5 || !capped.Truncated {
		t.Errorf("limit 5: %d nodes, truncated %v", len(capped.Nodes), capped.Truncated)
	}
	exact, err := g.Subgraph(graph.Selection{Seeds: []string{kent}, Depth: 1, Limit: len(one.Nodes)})
	if err != nil {
		t.Fatal(err)
	}
	if exact.Truncated || len(exact.Nodes) != len(one.Nodes) {
		t.Errorf("a limit equal to the selection's size: %d nodes, truncated %v", len(exact.Nodes), exact.Truncated)
	}
}

// TestSubgraphErrors checks that every bad selection is refused, saying
// which part is wrong.
func TestSubgraphErrors(t *testing.T) {
	g := seedGraph(t)
	for _, sel := range []graph.Selection{
		{Seeds: []string{"Council:kent-county-council", "Case:no-such-case"}},
		{Seeds: []string{"nonsense"}},
		{Kinds: []graph.Kind{"Dragon"}},
		{Themes: []string{"no-such-theme"}},
		{Years: []string{"2023"}},
		{Depth: -1},
		{Depth: graph.MaxSubgraphDepth + 1},
		{Limit: -3},
	} {
		_, err := g.Subgraph(sel)
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.CodeInvalid {
			t.Errorf("%+v: error %v, want one coded %s", sel, err, graph.CodeInvalid)
		}
	}
}
