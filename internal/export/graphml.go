package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Data        []graphmlData `xml:"data"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

// GraphML writes sg as GraphML with a typed <key> for every property. Node
// IDs in GraphML must be XML name tokens, which global IDs are not always
// (an improvement's holds a '/'), so nodes are n0, n1, … and carry their
// global ID in the "globalId" attribute; edges are e0, e1, ….
func GraphML(w io.Writer, sg *graph.Subgraph, meta Meta) error {
	doc := graphmlDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys: []graphmlKey{
			{ID: "g_revision", For: "graph", Name: "revision", Type: "string"},
			{ID: "g_selection", For: "graph", Name: "selection", Type: "string"},
			{ID: "g_truncated", For: "graph", Name: "truncated", Type: "boolean"},
			{ID: "gid", For: "node", Name: "globalId", Type: "string"},
			{ID: "kind", For: "node", Name: "kind", Type: "string"},
			{ID: "label", For: "node", Name: "label", Type: "string"},
			{ID: "colour", For: "node", Name: "colour", Type: "string"},
			{ID: "type", For: "edge", Name: "type", Type: "string"},
		},
		Graph: graphmlGraph{ID: "ombudsgraph", EdgeDefault: "directed", Data: []graphmlData{
			{Key: "g_revision", Value: meta.Revision},
			{Key: "g_selection", Value: meta.Query},
			{Key: "g_truncated", Value: strconv.FormatBool(sg.Truncated)},
		}},
	}
	props := properties(sg.Nodes)
	declared, keyOf := keys(props)
	for _, k := range declared {
		doc.Keys = append(doc.Keys, graphmlKey{ID: k.id, For: "node", Name: k.name, Type: k.typ})
	}
	index := make(map[string]string, len(sg.Nodes))
	doc.Graph.Nodes = make([]graphmlNode, len(sg.Nodes))
	for i, v := range sg.Nodes {
		id := "n" + strconv.Itoa(i)
		index[v.ID] = id
		data := []graphmlData{{"gid", v.ID}, {"kind", string(v.Kind)}, {"label", v.Label}, {"colour", Colour(v.Kind)}}
		for _, p := range props[i] {
			data = append(data, graphmlData{keyOf[p.Name], graph.FormatValue(p.Value)})
		}
		doc.Graph.Nodes[i] = graphmlNode{ID: id, Data: data}
	}
	doc.Graph.Edges = make([]graphmlEdge, len(sg.Edges))
	for i, e := range sg.Edges {
		doc.Graph.Edges[i] = graphmlEdge{ID: "e" + strconv.Itoa(i), Source: index[e.Source], Target: index[e.Target],
			Data: []graphmlData{{"type", e.Type}}}
	}
	return writeXML(w, doc)
}

// writeXML writes an XML declaration and v, indented.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
