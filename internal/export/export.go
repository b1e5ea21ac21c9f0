// Package export writes subgraphs in the formats visualisation tools read:
// GraphML (Gephi, yEd, Cytoscape desktop), GEXF 1.3 (Gephi, with years as
// spells for its timeline), Cytoscape.js JSON, D3/networkx node-link JSON,
// and neo4j-admin import CSV files in a zip. It also reads a selection from
// query parameters, so that the HTTP endpoint and the command line agree.
package export

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Format is one export format.
type Format struct {
	// Name is how requests and flags name the format.
	Name string
	// Ext is the file name extension of a download.
	Ext string
	// ContentType is the media type of a download.
	ContentType string
	// Description says which tools read it.
	Description string
	// Write writes a subgraph in the format.
	Write func(w io.Writer, sg *graph.Subgraph, meta Meta) error
}

// Meta describes where a subgraph came from, for the formats that record it.
type Meta struct {
	// Revision is the graph's revision.
	Revision string
	// Query is the selection as query parameters.
	Query string
}

// Formats lists the formats, in the order they are offered.
var Formats = []Format{
	{Name: "graphml", Ext: "graphml", ContentType: "application/graphml+xml; charset=utf-8", Description: "GraphML, for Gephi, yEd and Cytoscape desktop", Write: GraphML},
	{Name: "gexf", Ext: "gexf", ContentType: "application/gexf+xml; charset=utf-8", Description: "GEXF 1.3, for Gephi, with years as spells for its timeline", Write: GEXF},
	{Name: "cytoscape", Ext: "cyjs", ContentType: "application/json", Description: "Cytoscape.js JSON ({elements:{nodes,edges}}), which Cytoscape desktop also imports", Write: Cytoscape},
	{Name: "d3", Ext: "json", ContentType: "application/json", Description: "node-link JSON ({nodes, links}) for D3 and networkx", Write: NodeLink},
	{Name: "csv", Ext: "zip", ContentType: "application/zip", Description: "CSV files for neo4j-admin database import, one per node label and relationship type, in a zip", Write: CSV},
}

// Lookup returns the format of a name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names lists the formats' names.
func Names() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// Params are the query parameters of a selection, the arguments of the
// GraphQL subgraph field: seeds, kinds, themes and years take
// comma-separated values or repeat; depth and limit take a number.
var Params = []string{"seeds", "depth", "kinds", "themes", "years", "limit"}

// ParseSelection reads a selection from query parameters. Without depth it
// is graph.DefaultSubgraphDepth; without limit, no cap. An unknown
// parameter, or a value that is not a number where one is due, is an error
// that names it; unknown IDs, kinds, themes and years are left for
// graph.Subgraph to report.
func ParseSelection(q url.Values) (graph.Selection, error) {
	sel := graph.Selection{Depth: graph.DefaultSubgraphDepth}
	for name := range q {
		if !slices.Contains(Params, name) {
			return sel, graph.Errorf(graph.CodeInvalid, "unknown parameter %q; the selection takes %s", name, strings.Join(Params, ", "))
		}
	}
	list := func(name string) []string {
		var out []string
		for _, v := range q[name] {
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
		return out
	}
	number := func(name string, into *int) error {
		vs := q[name]
		if len(vs) == 0 {
			return nil
		}
		if len(vs) > 1 {
			return graph.Errorf(graph.CodeInvalid, "%s is given %d times; give it once", name, len(vs))
		}
		n, err := strconv.Atoi(strings.TrimSpace(vs[0]))
		if err != nil {
			return graph.Errorf(graph.CodeInvalid, "%s=%q: want a whole number", name, vs[0])
		}
		*into = n
		return nil
	}
	sel.Seeds = list("seeds")
	for _, k := range list("kinds") {
		sel.Kinds = append(sel.Kinds, graph.Kind(k))
	}
	sel.Themes = list("themes")
	sel.Years = list("years")
	if err := number("depth", &sel.Depth); err != nil {
		return sel, err
	}
	if err := number("limit", &sel.Limit); err != nil {
		return sel, err
	}
	return sel, nil
}

// Query writes a selection back as query parameters, the inverse of
// ParseSelection.
func Query(sel graph.Selection) string {
	q := url.Values{}
	if len(sel.Seeds) > 0 {
		q.Set("seeds", strings.Join(sel.Seeds, ","))
	}
	if sel.Depth != graph.DefaultSubgraphDepth {
		q.Set("depth", strconv.Itoa(sel.Depth))
	}
	if len(sel.Kinds) > 0 {
		ks := make([]string, len(sel.Kinds))
		for i, k := range sel.Kinds {
			ks[i] = string(k)
		}
		q.Set("kinds", strings.Join(ks, ","))
	}
	if len(sel.Themes) > 0 {
		q.Set("themes", strings.Join(sel.Themes, ","))
	}
	if len(sel.Years) > 0 {
		q.Set("years", strings.Join(sel.Years, ","))
	}
	if sel.Limit > 0 {
		q.Set("limit", strconv.Itoa(sel.Limit))
	}
	return q.Encode()
}

// attribute is a property name with its type, across a subgraph's nodes.
type attribute struct {
	name string
	typ  string // graph.PropertyType's names
}

// properties returns every node's properties, made once for a whole export.
func properties(nodes []*graph.Vertex) [][]graph.Property {
	out := make([][]graph.Property, len(nodes))
	for i, v := range nodes {
		out[i] = v.Props()
	}
	return out
}

// attributes lists the names and types of the properties of nodes, in
// first-seen order. A name seen with two types (which graph does not do)
// becomes a string.
func attributes(props [][]graph.Property) []attribute {
	var out []attribute
	at := map[string]int{}
	for _, ps := range props {
		for _, p := range ps {
			t := graph.PropertyType(p.Value)
			i, ok := at[p.Name]
			if !ok {
				at[p.Name] = len(out)
				out = append(out, attribute{p.Name, t})
				continue
			}
			if out[i].typ != t {
				out[i].typ = "string"
			}
		}
	}
	return out
}

// xmlKey is a node property as GraphML and GEXF declare it.
type xmlKey struct {
	id   string // p0, p1, …
	name string
	typ  string // GraphML's and GEXF's type names: "long" for ints
}

// keys declares every node property, in first-seen order, and maps property
// names to their IDs.
func keys(props [][]graph.Property) ([]xmlKey, map[string]string) {
	var out []xmlKey
	idOf := map[string]string{}
	for i, a := range attributes(props) {
		k := xmlKey{id: "p" + strconv.Itoa(i), name: a.name, typ: a.typ}
		if k.typ == "int" {
			k.typ = "long"
		}
		idOf[k.name] = k.id
		out = append(out, k)
	}
	return out, idOf
}

// colour is the colour of each kind, as the explorer draws it.
var colour = map[graph.Kind][3]uint8{
	graph.KindCouncil:       {0x1f, 0x77, 0xb4},
	graph.KindAuthorityType: {0x17, 0xbe, 0xcf},
	graph.KindYear:          {0x7f, 0x7f, 0x7f},
	graph.KindStatistics:    {0x2c, 0xa0, 0x2c},
	graph.KindCase:          {0xd6, 0x27, 0x28},
	graph.KindCategory:      {0x8c, 0x56, 0x4b},
	graph.KindSubcategory:   {0xc4, 0x9c, 0x94},
	graph.KindImprovement:   {0xff, 0x7f, 0x0e},
	graph.KindReport:        {0x94, 0x67, 0xbd},
	graph.KindLetter:        {0xbc, 0xbd, 0x22},
	graph.KindArticle:       {0xe3, 0x77, 0xc2},
	graph.KindClaim:         {0xf7, 0xb6, 0xd2},
	graph.KindTheme:         {0x00, 0x00, 0x00},
	graph.KindDocument:      {0xc7, 0xc7, 0xc7},
}

// Colour returns a kind's colour as #rrggbb.
func Colour(k graph.Kind) string {
	c := colour[k]
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}
