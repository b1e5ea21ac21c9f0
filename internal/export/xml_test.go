package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// xmllint returns the xmllint command, or skips the test when it is missing
// and OMBUDSGRAPH_REQUIRE_XMLLINT is not set (CI sets it).
func xmllint(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_XMLLINT") != "" {
			t.Fatal("xmllint is required (OMBUDSGRAPH_REQUIRE_XMLLINT is set) but not installed: apt-get install libxml2-utils")
		}
		t.Skip("xmllint is not installed (Debian package libxml2-utils); the schema checks need it")
	}
	return path
}

// TestGraphMLSchema validates GraphML exports against the official GraphML
// schema with xmllint, offline, through an XML catalog.
func TestGraphMLSchema(t *testing.T) {
	lint := xmllint(t)
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	xsd, _ := filepath.Abs("testdata/xsd/graphml.xsd")
	catalog, _ := filepath.Abs("testdata/xsd/catalog.xml")
	f, _ := export.Lookup("graphml")
	for i, q := range selections {
		path := filepath.Join(dir, fmt.Sprintf("%d.graphml", i))
		if err := os.WriteFile(path, write(t, f, subgraph(t, g, q)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(lint, "--noout", "--nonet", "--schema", xsd, path)
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+catalog)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("selection %q: the GraphML is not valid: %v\n%s", q, err, out)
		}
	}
	// The schema check is real: a wrong attribute type fails it.
	bad := bytes.Replace(write(t, f, subgraph(t, g, "")), []byte(`attr.type="long"`), []byte(`attr.type="integer"`), 1)
	path := filepath.Join(dir, "bad.graphml")
	os.WriteFile(path, bad, 0o644)
	cmd := exec.Command(lint, "--noout", "--nonet", "--schema", xsd, path)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+catalog)
	if err := cmd.Run(); err == nil {
		t.Error("a GraphML file with attr.type=\"integer\" passes the schema check")
	}
}

// TestGEXFWellFormed checks GEXF exports with xmllint for well-formedness
// (TestGEXFSchema validates them against the schema), then reads them back:
// the namespace and version, one spell per business year on nodes that have
// years, and edges whose ends are nodes.
func TestGEXFWellFormed(t *testing.T) {
	lint := xmllint(t)
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := export.Lookup("gexf")
	for _, q := range selections {
		sg := subgraph(t, g, q)
		data := write(t, f, sg)
		cmd := exec.Command(lint, "--noout", "--nonet", "-")
		cmd.Stdin = bytes.NewReader(data)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("selection %q: the GEXF is not well-formed: %v\n%s", q, err, out)
		}
		var doc struct {
			XMLName xml.Name
			Version string `xml:"version,attr"`
			Graph   struct {
				Mode  string `xml:"mode,attr"`
				Nodes []struct {
					ID     string `xml:"id,attr"`
					Spells []struct {
						Start string `xml:"start,attr"`
						End   string `xml:"end,attr"`
					} `xml:"spells>spell"`
				} `xml:"nodes>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"edges>edge"`
			} `xml:"graph"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.XMLName.Space != "http://gexf.net/1.3" || doc.Version != "1.3" || doc.Graph.Mode != "dynamic" {
			t.Errorf("root %v version %q mode %q", doc.XMLName, doc.Version, doc.Graph.Mode)
		}
		ids := map[string]bool{}
		for i, n := range doc.Graph.Nodes {
			ids[n.ID] = true
			v := sg.Nodes[i]
			if len(n.Spells) != len(v.Years) {
				t.Errorf("%s: %d spells for %d years", n.ID, len(n.Spells), len(v.Years))
			}
			for j, s := range n.Spells {
				if s.Start != v.Years[j].StartDate() || s.End != v.Years[j].EndDate() {
					t.Errorf("%s: spell %s to %s for %s", n.ID, s.Start, s.End, v.Years[j])
				}
			}
		}
		for _, e := range doc.Graph.Edges {
			if !ids[e.Source] || !ids[e.Target] {
				t.Errorf("edge %s → %s has an end that is not a node", e.Source, e.Target)
			}
		}
	}
}
