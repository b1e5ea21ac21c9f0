package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Limits of a subgraph selection through the API.
const (
	DefaultSubgraphDepth = 1
	MaxSubgraphDepth     = 4
)

// Selection chooses part of the graph. With seeds, it is the neighbourhood
// of the seeds up to Depth hops; without, every node. Either way a node is
// kept only if it passes the filters:
//   - Kinds: its kind is one of them;
//   - Themes: a theme is one of them, or a node that can carry themes (case,
//     improvement, report, article) is tagged with one of them;
//   - Years: a year is one of them, or a node that belongs to years
//     (statistics, case, improvement, letter, article, claim) belongs to one
//     of them.
//
// Timeless nodes (councils, categories, documents) pass the theme and year
// filters. The neighbourhood is walked through kept nodes only, and the
// seeds are always kept. Edges are every relationship between kept nodes.
type Selection struct {
	Seeds  []string
	Depth  int
	Kinds  []Kind
	Themes []string
	Years  []string
	// Limit caps the number of nodes; 0 means no cap.
	Limit int
}

// Subgraph is a selection's nodes, in the order they were reached, and the
// relationships between them.
type Subgraph struct {
	Nodes []*Vertex
	Edges []Edge
	// Truncated says that Limit left out nodes the selection holds.
	Truncated bool
}

// themed are the kinds that carry theme tags.
var themed = map[Kind]bool{KindCase: true, KindImprovement: true, KindReport: true, KindArticle: true}

// Subgraph returns the part of the graph that sel chooses. An unknown seed,
// kind, theme or year, or a depth out of range, is an error coded
// CodeInvalid that names it.
func (g *Graph) Subgraph(sel Selection) (*Subgraph, error) {
	n := g.net()
	keep, err := g.filter(sel)
	if err != nil {
		return nil, err
	}
	if sel.Depth < 0 || sel.Depth > MaxSubgraphDepth {
		return nil, Errorf(CodeInvalid, "depth %d is out of range; give 0 to %d", sel.Depth, MaxSubgraphDepth)
	}
	if sel.Limit < 0 {
		return nil, Errorf(CodeInvalid, "limit %d: give a positive number of nodes", sel.Limit)
	}
	out := &Subgraph{}
	in := map[string]bool{}
	full := func() bool { return sel.Limit > 0 && len(out.Nodes) >= sel.Limit }
	take := func(id string) bool {
		if in[id] {
			return false
		}
		if full() {
			out.Truncated = true
			return false
		}
		in[id] = true
		out.Nodes = append(out.Nodes, n.vertices[id])
		return true
	}
	if len(sel.Seeds) == 0 {
		for _, id := range n.order {
			if keep(n.vertices[id]) {
				take(id)
				if out.Truncated {
					break
				}
			}
		}
	} else {
		var frontier []string
		for i, id := range sel.Seeds {
			if _, ok := n.vertices[id]; !ok {
				return nil, Errorf(CodeInvalid, "seeds[%d]: no node has the ID %q", i, id)
			}
			if take(id) {
				frontier = append(frontier, id)
			}
		}
		for hop := 0; hop < sel.Depth && len(frontier) > 0 && !out.Truncated; hop++ {
			var next []string
		walk:
			for _, id := range frontier {
				for _, e := range n.adjacent[id] {
					other := n.edges[e].Target
					if other == id {
						other = n.edges[e].Source
					}
					if in[other] || !keep(n.vertices[other]) {
						continue
					}
					if !take(other) {
						break walk // the limit is reached
					}
					next = append(next, other)
				}
			}
			frontier = next
		}
	}
	seen := map[int32]bool{}
	var edges []int32
	for _, v := range out.Nodes {
		for _, e := range n.adjacent[v.ID] {
			if !seen[e] && in[n.edges[e].Source] && in[n.edges[e].Target] {
				seen[e] = true
				edges = append(edges, e)
			}
		}
	}
	slices.Sort(edges)
	out.Edges = make([]Edge, len(edges))
	for i, e := range edges {
		out.Edges[i] = n.edges[e]
	}
	return out, nil
}

// filter checks sel's kinds, themes and years, and returns the test a node
// must pass.
func (g *Graph) filter(sel Selection) (func(*Vertex) bool, error) {
	kinds := map[Kind]bool{}
	for i, k := range sel.Kinds {
		if !slices.Contains(Kinds, k) {
			return nil, Errorf(CodeInvalid, "kinds[%d]: no kind %q; the kinds are %v", i, k, Kinds)
		}
		kinds[k] = true
	}
	themes := map[string]bool{}
	for i, t := range sel.Themes {
		if _, ok := g.themeBySlug[t]; !ok {
			return nil, Errorf(CodeInvalid, "themes[%d]: no theme has the slug %q", i, t)
		}
		themes[t] = true
	}
	years := map[int]bool{}
	for i, label := range sel.Years {
		y, err := ParseYear(label)
		if err != nil {
			return nil, fmt.Errorf("years[%d]: %w", i, err)
		}
		years[y.First] = true
	}
	return func(v *Vertex) bool {
		if len(kinds) > 0 && !kinds[v.Kind] {
			return false
		}
		if len(themes) > 0 {
			switch {
			case v.Kind == KindTheme:
				if !themes[strings.TrimPrefix(v.ID, string(KindTheme)+":")] {
					return false
				}
			case themed[v.Kind]:
				if !slices.ContainsFunc(v.Themes, func(t string) bool { return themes[t] }) {
					return false
				}
			}
		}
		if len(years) > 0 && (len(v.Years) > 0 || yearly[v.Kind]) {
			if !slices.ContainsFunc(v.Years, func(y Year) bool { return years[y.First] }) {
				return false
			}
		}
		return true
	}, nil
}

// yearly are the kinds that belong to years, even when a node's year is
// unknown (an improvement without its case, an article naming no year).
var yearly = map[Kind]bool{KindYear: true, KindStatistics: true, KindCase: true, KindImprovement: true,
	KindLetter: true, KindArticle: true, KindClaim: true}
