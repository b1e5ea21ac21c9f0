package export

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	Viz            string    `xml:"xmlns:viz,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	TimeFormat      string           `xml:"timeformat,attr"`
	TimeRep         string           `xml:"timerepresentation,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           gexfNodes        `xml:"nodes"`
	Edges           gexfEdges        `xml:"edges"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID      string `xml:"id,attr"`
	Title   string `xml:"title,attr"`
	Type    string `xml:"type,attr"`
	Default string `xml:"default,omitempty"`
}

type gexfNodes struct {
	Count int        `xml:"count,attr"`
	Nodes []gexfNode `xml:"node"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
	Spells    *gexfSpells    `xml:"spells"`
	// Colour is GEXF 1.3's color element, which the official schema puts in
	// the GEXF namespace (viz.xsd only gives its attributes); Gephi and
	// graphology read it there too.
	Colour gexfColour `xml:"color"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfSpells struct {
	Spells []gexfSpell `xml:"spell"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type gexfColour struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

type gexfEdges struct {
	Count int        `xml:"count,attr"`
	Edges []gexfEdge `xml:"edge"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

// GEXF writes sg as GEXF 1.3, with global IDs as node IDs. Every node that belongs to business years has
// one spell per year, from 1 April to 31 March, so Gephi's timeline shows it
// in those years only; timeless nodes, such as councils, have no spells and
// are always shown. Nodes are coloured by kind, and edges are labelled with
// their relationship type.
func GEXF(w io.Writer, sg *graph.Subgraph, meta Meta) error {
	doc := gexfDoc{
		XMLNS:          "http://gexf.net/1.3",
		Viz:            "http://gexf.net/1.3/viz",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Meta: gexfMeta{Creator: "ombudsgraph",
			Description: "LGSCO knowledge graph, revision " + meta.Revision + ", selection: " + orEverything(meta.Query) + truncatedNote(sg)},
		Graph: gexfGraph{DefaultEdgeType: "directed", Mode: "dynamic", TimeFormat: "date", TimeRep: "interval"},
	}
	nodeAttrs := gexfAttributes{Class: "node", Attributes: []gexfAttribute{{ID: "kind", Title: "kind", Type: "string"}}}
	props := properties(sg.Nodes)
	declared, keyOf := keys(props)
	for _, k := range declared {
		if k.name == "themes" {
			k.typ = "liststring" // so Gephi filters by one theme among several
		}
		nodeAttrs.Attributes = append(nodeAttrs.Attributes, gexfAttribute{ID: k.id, Title: k.name, Type: k.typ})
	}
	themes := selectionThemes(sg)
	for _, t := range themes {
		nodeAttrs.Attributes = append(nodeAttrs.Attributes, gexfAttribute{ID: "theme-" + t, Title: "theme " + t, Type: "boolean", Default: "false"})
	}
	doc.Graph.Attributes = []gexfAttributes{nodeAttrs, {Class: "edge", Attributes: []gexfAttribute{{ID: "type", Title: "type", Type: "string"}}}}
	nodes := make([]gexfNode, len(sg.Nodes))
	for i, v := range sg.Nodes {
		vals := []gexfAttValue{{"kind", string(v.Kind)}}
		for _, p := range props[i] {
			value := graph.FormatValue(p.Value)
			if p.Name == "themes" {
				value = "[" + strings.Join(v.Themes, ", ") + "]"
			}
			vals = append(vals, gexfAttValue{keyOf[p.Name], value})
		}
		for _, t := range v.Themes {
			vals = append(vals, gexfAttValue{"theme-" + t, "true"})
		}
		c := colour[v.Kind]
		nodes[i] = gexfNode{ID: v.ID, Label: v.Label, AttValues: &gexfAttValues{vals}, Colour: gexfColour{c[0], c[1], c[2]}}
		if len(v.Years) > 0 {
			sp := &gexfSpells{}
			for _, y := range v.Years {
				sp.Spells = append(sp.Spells, gexfSpell{Start: y.StartDate(), End: y.EndDate()})
			}
			nodes[i].Spells = sp
		}
	}
	doc.Graph.Nodes = gexfNodes{Count: len(nodes), Nodes: nodes}
	edges := make([]gexfEdge, len(sg.Edges))
	for i, e := range sg.Edges {
		edges[i] = gexfEdge{ID: e.ID(), Source: e.Source, Target: e.Target, Label: e.Type,
			AttValues: &gexfAttValues{[]gexfAttValue{{"type", e.Type}}}}
	}
	doc.Graph.Edges = gexfEdges{Count: len(edges), Edges: edges}
	return writeXML(w, doc)
}

// selectionThemes returns the themes some node of sg carries, in the order
// they are first met.
func selectionThemes(sg *graph.Subgraph) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range sg.Nodes {
		for _, t := range v.Themes {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

func orEverything(q string) string {
	if q == "" {
		return "everything"
	}
	return q
}

func truncatedNote(sg *graph.Subgraph) string {
	if sg.Truncated {
		return " (truncated by its limit)"
	}
	return ""
}
