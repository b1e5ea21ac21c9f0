package export

import (
	"encoding/json"
	"io"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// data is a node's fields for the JSON formats: its ID, kind, label and
// colour, then its properties.
func data(v *graph.Vertex) map[string]any {
	d := make(map[string]any, 4)
	for _, p := range v.Props() {
		d[p.Name] = p.Value
	}
	d["id"], d["kind"], d["label"], d["colour"] = v.ID, string(v.Kind), v.Label, Colour(v.Kind)
	return d
}

// Cytoscape writes sg as Cytoscape.js JSON: {elements: {nodes, edges}},
// every element's fields under "data", which Cytoscape.js's cy.add and
// Cytoscape desktop's "Import network from file" (.cyjs) both read.
func Cytoscape(w io.Writer, sg *graph.Subgraph, meta Meta) error {
	type element struct {
		Data    map[string]any `json:"data"`
		Group   string         `json:"group"`
		Classes string         `json:"classes,omitempty"`
	}
	nodes := make([]element, len(sg.Nodes))
	for i, v := range sg.Nodes {
		nodes[i] = element{Data: data(v), Group: "nodes", Classes: string(v.Kind)}
	}
	edges := make([]element, len(sg.Edges))
	for i, e := range sg.Edges {
		edges[i] = element{Group: "edges", Classes: e.Type,
			Data: map[string]any{"id": e.ID(), "source": e.Source, "target": e.Target, "type": e.Type}}
	}
	return writeJSON(w, map[string]any{
		"format_version":             "1.0",
		"generated_by":               "ombudsgraph",
		"target_cytoscapejs_version": "~3",
		"data":                       map[string]any{"name": "ombudsgraph", "revision": meta.Revision, "selection": meta.Query, "truncated": sg.Truncated},
		"elements":                   map[string]any{"nodes": nodes, "edges": edges},
	})
}

// NodeLink writes sg as node-link JSON, {nodes, links}, which D3's force
// layout and networkx's node_link_graph read. Links name their source and
// target by node ID.
func NodeLink(w io.Writer, sg *graph.Subgraph, meta Meta) error {
	nodes := make([]map[string]any, len(sg.Nodes))
	for i, v := range sg.Nodes {
		nodes[i] = data(v)
	}
	links := make([]map[string]any, len(sg.Edges))
	for i, e := range sg.Edges {
		links[i] = map[string]any{"id": e.ID(), "source": e.Source, "target": e.Target, "type": e.Type}
	}
	return writeJSON(w, map[string]any{
		"directed":   true,
		"multigraph": false,
		"graph":      map[string]any{"name": "ombudsgraph", "revision": meta.Revision, "selection": meta.Query, "truncated": sg.Truncated},
		"nodes":      nodes,
		"links":      links,
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
