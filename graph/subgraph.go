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
	p := &picker{n: g.net(), limit: sel.Limit, keep: keep, out: &Subgraph{}, in: map[string]bool{}}
	if len(sel.Seeds) == 0 {
		p.everything()
	} else if err := p.around(sel.Seeds, sel.Depth); err != nil {
		return nil, err
	}
	p.out.Edges = p.edges()
	return p.out, nil
}

// picker picks a subgraph's nodes, up to its limit (0: no limit).
type picker struct {
	n     *network
	limit int
	keep  func(*Vertex) bool
	out   *Subgraph
	in    map[string]bool // the IDs of the nodes taken
}

// take adds a node not yet taken, and reports whether it did; at the limit,
// it marks the subgraph truncated instead.
func (p *picker) take(id string) bool {
	if p.in[id] {
		return false
	}
	if p.limit > 0 && len(p.out.Nodes) >= p.limit {
		p.out.Truncated = true
		return false
	}
	p.in[id] = true
	p.out.Nodes = append(p.out.Nodes, p.n.vertices[id])
	return true
}

// everything takes every node the filter keeps, in the network's order.
func (p *picker) everything() {
	for _, id := range p.n.order {
		if p.keep(p.n.vertices[id]) {
			p.take(id)
			if p.out.Truncated {
				return
			}
		}
	}
}

// around takes the seeds, then walks breadth-first from them, through kept
// nodes only, for depth hops or until the limit.
func (p *picker) around(seeds []string, depth int) error {
	var frontier []string
	for i, id := range seeds {
		if _, ok := p.n.vertices[id]; !ok {
			return Errorf(CodeInvalid, "seeds[%d]: no node has the ID %q", i, id)
		}
		if p.take(id) {
			frontier = append(frontier, id)
		}
	}
	for hop := 0; hop < depth && len(frontier) > 0 && !p.out.Truncated; hop++ {
		frontier = p.hop(frontier)
	}
	return nil
}

// hop takes the kept neighbours of the frontier, and returns them as the
// next frontier; it stops at the limit.
func (p *picker) hop(frontier []string) []string {
	var next []string
	for _, id := range frontier {
		for _, e := range p.n.adjacent[id] {
			other := p.n.edges[e].Target
			if other == id {
				other = p.n.edges[e].Source
			}
			if p.in[other] || !p.keep(p.n.vertices[other]) {
				continue
			}
			if !p.take(other) {
				return next // the limit is reached
			}
			next = append(next, other)
		}
	}
	return next
}

// edges returns every edge between the nodes taken, in the network's order.
func (p *picker) edges() []Edge {
	seen := map[int32]bool{}
	var edges []int32
	for _, v := range p.out.Nodes {
		for _, e := range p.n.adjacent[v.ID] {
			if !seen[e] && p.in[p.n.edges[e].Source] && p.in[p.n.edges[e].Target] {
				seen[e] = true
				edges = append(edges, e)
			}
		}
	}
	slices.Sort(edges)
	out := make([]Edge, len(edges))
	for i, e := range edges {
		out[i] = p.n.edges[e]
	}
	return out
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
		slug, err := g.ThemeSlug(fmt.Sprintf("themes[%d]", i), t)
		if err != nil {
			return nil, err
		}
		themes[slug] = true
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
