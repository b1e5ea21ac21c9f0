package export

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// CSV writes sg as a zip of CSV files in neo4j-admin's import format: one
// nodes_<Label>.csv per kind, with the global ID as the :ID column and
// typed property columns (name:long, name:double, name:boolean), and one
// relationships_<TYPE>.csv per relationship type. README.txt in the zip
// gives the import command.
func CSV(w io.Writer, sg *graph.Subgraph, meta Meta) error {
	z := zip.NewWriter(w)
	var nodeFiles, relFiles []string
	for _, k := range graph.Kinds {
		var vs []*graph.Vertex
		for _, v := range sg.Nodes {
			if v.Kind == k {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			continue
		}
		name := "nodes_" + string(k) + ".csv"
		nodeFiles = append(nodeFiles, name)
		if err := writeCSV(z, name, nodeRows(k, vs)); err != nil {
			return err
		}
	}
	for _, t := range graph.RelTypes {
		rows := [][]string{{":START_ID", ":END_ID", ":TYPE"}}
		for _, e := range sg.Edges {
			if e.Type == t {
				rows = append(rows, []string{e.Source, e.Target, e.Type})
			}
		}
		if len(rows) == 1 {
			continue
		}
		name := "relationships_" + t + ".csv"
		relFiles = append(relFiles, name)
		if err := writeCSV(z, name, rows); err != nil {
			return err
		}
	}
	f, err := z.Create("README.txt")
	if err != nil {
		return err
	}
	var cmd strings.Builder
	cmd.WriteString("neo4j-admin database import full neo4j --overwrite-destination")
	for _, n := range nodeFiles {
		cmd.WriteString(" \\\n  --nodes=import/" + n)
	}
	for _, r := range relFiles {
		cmd.WriteString(" \\\n  --relationships=import/" + r)
	}
	fmt.Fprintf(f, "ombudsgraph export, graph revision %s, selection: %s%s\n\n"+
		"Copy the CSV files into Neo4j's import directory, stop the database, and run:\n\n%s\n\n"+
		"Every node has its ombudsgraph global ID as its :ID, and its kind as its label.\n",
		meta.Revision, orEverything(meta.Query), truncatedNote(sg), cmd.String())
	return z.Close()
}

// nodeRows are the rows of one kind's nodes file: a header naming every
// property the kind's nodes have, with its type, then one row per node.
func nodeRows(k graph.Kind, vs []*graph.Vertex) [][]string {
	props := properties(vs)
	attrs := attributes(props)
	header := []string{"id:ID", ":LABEL", "label"}
	col := map[string]int{}
	for _, a := range attrs {
		col[a.name] = len(header)
		switch a.typ {
		case "int":
			header = append(header, a.name+":long")
		case "double", "boolean":
			header = append(header, a.name+":"+a.typ)
		default:
			header = append(header, a.name)
		}
	}
	rows := [][]string{header}
	for i, v := range vs {
		row := make([]string, len(header))
		row[0], row[1], row[2] = v.ID, string(k), v.Label
		for _, p := range props[i] {
			row[col[p.Name]] = graph.FormatValue(p.Value)
		}
		rows = append(rows, row)
	}
	return rows
}

func writeCSV(z *zip.Writer, name string, rows [][]string) error {
	f, err := z.Create(name)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
