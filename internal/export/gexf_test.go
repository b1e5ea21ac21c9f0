package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// gexfSchema returns the path of the official GEXF 1.3 schema in ../shared
// (or $OMBUDSGRAPH_SHARED), or skips the test when it is missing and
// OMBUDSGRAPH_REQUIRE_XMLLINT is not set (CI sets it).
func gexfSchema(t *testing.T) string {
	t.Helper()
	shared := os.Getenv("OMBUDSGRAPH_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	xsd, err := filepath.Abs(filepath.Join(shared, "schemas", "gexf-1.3", "gexf.xsd"))
	if err == nil {
		_, err = os.Stat(xsd)
	}
	if err != nil {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_XMLLINT") != "" {
			t.Fatalf("the GEXF 1.3 schema is required but not found: %v", err)
		}
		t.Skipf("no GEXF 1.3 schema beside the checkout: %v", err)
	}
	return xsd
}

// TestGEXFSchema validates GEXF exports of every test selection against the
// official GEXF 1.3 schema with xmllint, and shows the check is real: the
// colour in the viz namespace, as GEXF 1.2 wrote it, fails it.
func TestGEXFSchema(t *testing.T) {
	lint, xsd := xmllint(t), gexfSchema(t)
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := export.Lookup("gexf")
	dir := t.TempDir()
	valid := func(name string, data []byte) ([]byte, error) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return exec.Command(lint, "--noout", "--nonet", "--schema", xsd, path).CombinedOutput()
	}
	for i, q := range selections {
		if out, err := valid(fmt.Sprintf("%d.gexf", i), write(t, f, subgraph(t, g, q))); err != nil {
			t.Errorf("selection %q: the GEXF is not valid GEXF 1.3: %v\n%s", q, err, out)
		}
	}
	bad := bytes.ReplaceAll(write(t, f, subgraph(t, g, "")), []byte("<color "), []byte("<viz:color "))
	if out, err := valid("bad.gexf", bad); err == nil {
		t.Errorf("a GEXF file with viz:color passes the schema check:\n%s", out)
	}
}

// TestGEXFThemeFilters reads an export of everything the way Gephi's
// filters do, following the README's steps: the boolean column "theme send"
// equal to true, and the list column "themes" holding send, each find
// exactly the nodes that carry SEND.
func TestGEXFThemeFilters(t *testing.T) {
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	sg := subgraph(t, g, "")
	want := 0
	for _, v := range sg.Nodes {
		if slices.Contains(v.Themes, "send") {
			want++
		}
	}
	if want < 10 {
		t.Fatalf("only %d SEND nodes in the seed graph", want)
	}
	f, _ := export.Lookup("gexf")
	var doc struct {
		Graph struct {
			Attributes []struct {
				Class      string `xml:"class,attr"`
				Attributes []struct {
					ID      string `xml:"id,attr"`
					Title   string `xml:"title,attr"`
					Type    string `xml:"type,attr"`
					Default string `xml:"default"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(write(t, f, sg), &doc); err != nil {
		t.Fatal(err)
	}
	idOf := map[string]string{}
	for _, as := range doc.Graph.Attributes {
		for _, a := range as.Attributes {
			if as.Class != "node" {
				continue
			}
			idOf[a.Title] = a.ID
			switch {
			case a.Title == "themes" && a.Type != "liststring":
				t.Errorf("themes is a %s column, want liststring", a.Type)
			case a.Title == "theme send" && (a.Type != "boolean" || a.Default != "false"):
				t.Errorf("theme send is a %s column defaulting to %q, want boolean, false", a.Type, a.Default)
			}
		}
	}
	if idOf["theme send"] == "" || idOf["themes"] == "" {
		t.Fatalf("no theme columns among %v", idOf)
	}
	byFlag, byList := 0, 0
	for _, n := range doc.Graph.Nodes {
		for _, v := range n.Values {
			switch v.For {
			case idOf["theme send"]:
				if v.Value == "true" {
					byFlag++
				}
			case idOf["themes"]:
				items := strings.Split(strings.Trim(v.Value, "[]"), ", ")
				if !strings.HasPrefix(v.Value, "[") || !strings.HasSuffix(v.Value, "]") {
					t.Errorf("themes value %q is not a GEXF 1.3 list", v.Value)
				}
				if slices.Contains(items, "send") {
					byList++
				}
			}
		}
	}
	if byFlag != want || byList != want {
		t.Errorf("theme send = true finds %d nodes and themes holding send %d; %d carry SEND", byFlag, byList, want)
	}
}
