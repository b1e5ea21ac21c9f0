package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/server"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// selections are the query strings the tests export: everything, a
// neighbourhood, a filtered neighbourhood, a theme across the graph, and a
// capped one.
var selections = []string{
	"",
	"seeds=Council:kent-county-council",
	"seeds=Council:kent-county-council&depth=2&kinds=Council,Case,Theme,Improvement&themes=send",
	"themes=send&kinds=Council,Case,Theme,Year&years=2023-24,2022-23",
	"seeds=Theme:send&depth=3&limit=25",
}

func subgraph(t *testing.T, g *graph.Graph, query string) *graph.Subgraph {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := export.ParseSelection(q)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := g.Subgraph(sel)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return sg
}

func write(t *testing.T, f export.Format, sg *graph.Subgraph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf, sg, export.Meta{Revision: "test", Query: "q"}); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return buf.Bytes()
}

// counts reads an export back and counts its nodes and edges.
func counts(t *testing.T, format string, data []byte) (nodes, edges int) {
	t.Helper()
	switch format {
	case "graphml", "gexf":
		var doc struct {
			Nodes []struct{} `xml:"graph>node"`
			Edges []struct{} `xml:"graph>edge"`
			GNode []struct{} `xml:"graph>nodes>node"`
			GEdge []struct{} `xml:"graph>edges>edge"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return len(doc.Nodes) + len(doc.GNode), len(doc.Edges) + len(doc.GEdge)
	case "cytoscape":
		var doc struct {
			Elements struct {
				Nodes []struct {
					Data map[string]any `json:"data"`
				} `json:"nodes"`
				Edges []struct {
					Data map[string]any `json:"data"`
				} `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return len(doc.Elements.Nodes), len(doc.Elements.Edges)
	case "d3":
		var doc struct {
			Nodes []map[string]any `json:"nodes"`
			Links []map[string]any `json:"links"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return len(doc.Nodes), len(doc.Links)
	case "csv":
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range z.File {
			if !strings.HasSuffix(f.Name, ".csv") {
				continue
			}
			r, _ := f.Open()
			rows, err := csv.NewReader(r).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if strings.HasPrefix(f.Name, "nodes_") {
				nodes += len(rows) - 1
			} else {
				edges += len(rows) - 1
			}
		}
		return nodes, edges
	}
	t.Fatalf("no counter for %s", format)
	return 0, 0
}

// TestCountsMatchGraphQL downloads every format for every selection from
// the server's /export and checks its node and edge counts against the
// GraphQL subgraph field for the same selection.
func TestCountsMatchGraphQL(t *testing.T) {
	srv := httptest.NewServer(seedServer(t))
	defer srv.Close()
	for _, q := range selections {
		vals, _ := url.ParseQuery(q)
		sel, _ := export.ParseSelection(vals)
		kinds := make([]string, len(sel.Kinds))
		for i, k := range sel.Kinds {
			kinds[i] = string(k)
		}
		limit := 5000
		if sel.Limit > 0 {
			limit = sel.Limit
		}
		body, _ := json.Marshal(map[string]any{
			"query": `query($seeds: [ID!]!, $depth: Int, $kinds: [NodeKind!], $themes: [String!], $years: [String!], $limit: Int) {
				subgraph(seeds: $seeds, depth: $depth, kinds: $kinds, themes: $themes, years: $years, limit: $limit) { nodes { id } edges { id } truncated } }`,
			"variables": map[string]any{"seeds": nonNil(sel.Seeds), "depth": sel.Depth, "kinds": kinds, "themes": sel.Themes, "years": sel.Years, "limit": limit},
		})
		resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var gql struct {
			Data struct {
				Subgraph struct {
					Nodes, Edges []struct{ ID string }
					Truncated    bool
				}
			}
			Errors []any
		}
		json.NewDecoder(resp.Body).Decode(&gql)
		resp.Body.Close()
		if len(gql.Errors) > 0 {
			t.Fatalf("%q: %v", q, gql.Errors)
		}
		want := gql.Data.Subgraph
		if len(want.Nodes) == 0 || len(want.Edges) == 0 {
			t.Fatalf("%q: an empty subgraph tests nothing", q)
		}
		for _, f := range export.Formats {
			resp, err := http.Get(srv.URL + "/export/" + f.Name + "?" + q)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("%s?%s: %d %s", f.Name, q, resp.StatusCode, data)
			}
			if ct := resp.Header.Get("Content-Type"); ct != f.ContentType {
				t.Errorf("%s: Content-Type %q", f.Name, ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=\"ombudsgraph-") || !strings.HasSuffix(cd, "."+f.Ext+"\"") {
				t.Errorf("%s: Content-Disposition %q", f.Name, cd)
			}
			n, e := counts(t, f.Name, data)
			if n != len(want.Nodes) || e != len(want.Edges) {
				t.Errorf("%s?%s: %d nodes and %d edges; GraphQL's subgraph has %d and %d", f.Name, q, n, e, len(want.Nodes), len(want.Edges))
			}
			if got := resp.Header.Get("X-Truncated"); got != fmt.Sprint(want.Truncated) {
				t.Errorf("%s?%s: X-Truncated %s, GraphQL says %v", f.Name, q, got, want.Truncated)
			}
		}
	}
}

// seedServer returns the server's handler over the seed corpus.
func seedServer(t *testing.T) http.Handler {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	h := live.New("test")
	if err := h.Load(g, ""); err != nil {
		t.Fatal(err)
	}
	return server.New(server.Config{Graph: h.Current, Status: h.Status, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestExportErrors checks that a bad format or selection is a JSON error
// with a code, naming what is wrong.
func TestExportErrors(t *testing.T) {
	srv := seedServer(t)
	for path, want := range map[string]string{
		"/export/pdf":                         "no export format \"pdf\"",
		"/export/gexf?seeds=Case:nope":        "seeds[0]: no node has the ID \"Case:nope\"",
		"/export/gexf?depth=two":              "depth=\"two\": want a whole number",
		"/export/gexf?colour=red":             "unknown parameter \"colour\"",
		"/export/gexf?kinds=Dragon":           "kinds[0]: no kind \"Dragon\"",
		"/export/gexf?themes=nope":            "themes[0]: there is no theme \"nope\"",
		"/export/gexf?themes=sen":             "themes[0]: there is no theme \"sen\" (did you mean \"send\"?)",
		"/export/gexf?years=2023":             "years[0]: year \"2023\"",
		"/export/d3?depth=9&seeds=Theme:send": "depth 9 is out of range",
	} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var body struct {
			Errors []struct {
				Message    string
				Extensions struct{ Code string }
			}
		}
		json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code < 400 || len(body.Errors) != 1 || !strings.Contains(body.Errors[0].Message, want) || body.Errors[0].Extensions.Code == "" {
			t.Errorf("%s: %d %s, want an error saying %q", path, rec.Code, rec.Body.String(), want)
		}
	}
}

// TestSelectionRoundTrip checks that Query writes back what ParseSelection
// reads.
func TestSelectionRoundTrip(t *testing.T) {
	for _, q := range selections {
		vals, _ := url.ParseQuery(q)
		sel, err := export.ParseSelection(vals)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := url.ParseQuery(export.Query(sel))
		sel2, err := export.ParseSelection(again)
		if err != nil || fmt.Sprint(sel) != fmt.Sprint(sel2) {
			t.Errorf("%q: %+v, then %+v (%v)", q, sel, sel2, err)
		}
	}
}

// TestNetworkxReads reads the node-link and GraphML exports with networkx
// (Debian's python3-networkx), and checks its counts and a node's
// properties. It skips when networkx is missing, unless
// OMBUDSGRAPH_REQUIRE_NETWORKX is set (CI sets it).
func TestNetworkxReads(t *testing.T) {
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NETWORKX") != "" {
			t.Fatal("networkx is required (OMBUDSGRAPH_REQUIRE_NETWORKX is set) but not importable by /usr/bin/python3: apt-get install python3-networkx")
		}
		t.Skip("networkx is not installed (Debian package python3-networkx)")
	}
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, q := range selections {
		sg := subgraph(t, g, q)
		d3, _ := export.Lookup("d3")
		gml, _ := export.Lookup("graphml")
		os.WriteFile(filepath.Join(dir, "g.json"), write(t, d3, sg), 0o644)
		os.WriteFile(filepath.Join(dir, "g.graphml"), write(t, gml, sg), 0o644)
		out, err := exec.Command(python, "-c", `
import json, sys, networkx as nx
d = nx.node_link_graph(json.load(open(sys.argv[1])), **({"edges": "links"} if tuple(map(int, nx.__version__.split(".")[:2])) >= (3, 4) else {}))
m = nx.read_graphml(sys.argv[2])
first = next(iter(m.nodes(data=True)))[1]
print(json.dumps([d.number_of_nodes(), d.number_of_edges(), m.number_of_nodes(), m.number_of_edges(), first["globalId"], first["kind"]]))
`, filepath.Join(dir, "g.json"), filepath.Join(dir, "g.graphml")).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: networkx: %v\n%s", q, err, out)
		}
		var got []any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s", out)
		}
		want := []any{float64(len(sg.Nodes)), float64(len(sg.Edges)), float64(len(sg.Nodes)), float64(len(sg.Edges)), sg.Nodes[0].ID, string(sg.Nodes[0].Kind)}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: networkx reads %v, want %v", q, got, want)
		}
	}
}
