package graph_test

import (
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestSubgraphAgainstIndependentCounts checks selections against counts made
// from the graph's own lists (councils, cases, improvements, statistics,
// letters) rather than from the network that Subgraph and every export read,
// so that a fault in selecting shows here even when all serialisers agree.
func TestSubgraphAgainstIndependentCounts(t *testing.T) {
	g := seedGraph(t)
	cases, err := g.Cases(graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sendCases, err := g.Cases(graph.Filter{Theme: "send"})
	if err != nil {
		t.Fatal(err)
	}
	sendImps, err := g.Improvements(graph.Filter{Theme: "send"})
	if err != nil {
		t.Fatal(err)
	}
	kentCases, err := g.Cases(graph.Filter{Council: "kent-county-council"})
	if err != nil {
		t.Fatal(err)
	}
	againstKnown := func(cs []*graph.Case) (n int) {
		for _, c := range cs {
			if c.Council() != nil {
				n++
			}
		}
		return n
	}
	inSend := map[string]bool{}
	for _, c := range sendCases {
		inSend[c.Reference] = true
	}
	sendAgreedIn := 0
	for _, im := range sendImps {
		if inSend[im.CaseRef] {
			sendAgreedIn++
		}
	}
	kentStats, kentLetters := g.Statistics("kent-county-council"), g.Letters("kent-county-council")
	for _, c := range []struct {
		name         string
		sel          graph.Selection
		nodes, edges int
	}{
		{"councils and cases: each case AGAINST its council",
			graph.Selection{Kinds: []graph.Kind{graph.KindCouncil, graph.KindCase}},
			len(g.Councils()) + len(cases), againstKnown(cases)},
		{"SEND cases and improvements: each improvement AGREED_IN its case",
			graph.Selection{Kinds: []graph.Kind{graph.KindCase, graph.KindImprovement}, Themes: []string{"send"}},
			len(sendCases) + len(sendImps), sendAgreedIn},
		{"Kent and its cases, statistics and letters, one hop",
			graph.Selection{Seeds: []string{"Council:kent-county-council"}, Depth: 1,
				Kinds: []graph.Kind{graph.KindCouncil, graph.KindCase, graph.KindStatistics, graph.KindLetter}},
			1 + len(kentCases) + len(kentStats) + len(kentLetters), len(kentCases) + len(kentStats) + len(kentLetters)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.nodes < 3 || c.edges < 2 {
				t.Fatalf("the seed corpus gives only %d nodes and %d edges here: the case tests too little", c.nodes, c.edges)
			}
			sg, err := g.Subgraph(c.sel)
			if err != nil {
				t.Fatal(err)
			}
			if len(sg.Nodes) != c.nodes || len(sg.Edges) != c.edges || sg.Truncated {
				t.Errorf("%d nodes and %d edges (truncated %v); counted %d and %d", len(sg.Nodes), len(sg.Edges), sg.Truncated, c.nodes, c.edges)
			}
		})
	}
}
