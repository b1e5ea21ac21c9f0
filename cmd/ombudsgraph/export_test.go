package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestExport checks that `ombudsgraph export` writes what GET /export gives
// for the same selection, and refuses bad formats and selections.
func TestExport(t *testing.T) {
	var out bytes.Buffer
	sel := "seeds=Council:kent-county-council&depth=2&kinds=Council,Case,Theme&themes=send"
	if err := run(context.Background(), []string{"export", "--format", "d3", "--select", sel}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []map[string]any
		Links []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || len(doc.Nodes) < 3 || len(doc.Links) < 2 {
		t.Fatalf("d3: %v, %d nodes, %d links", err, len(doc.Nodes), len(doc.Links))
	}

	base, stop := startServe(t, nil, nil)
	defer stop()
	resp, err := http.Get(base + "/export/d3?" + sel)
	if err != nil {
		t.Fatal(err)
	}
	served, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var fromServer struct {
		Nodes []map[string]any
		Links []map[string]any
	}
	json.Unmarshal(served, &fromServer)
	if len(fromServer.Nodes) != len(doc.Nodes) || len(fromServer.Links) != len(doc.Links) {
		t.Errorf("the command line gives %d nodes and %d links; the server %d and %d", len(doc.Nodes), len(doc.Links), len(fromServer.Nodes), len(fromServer.Links))
	}

	out.Reset()
	if err := run(context.Background(), []string{"export", "--format", "gexf"}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(out.Bytes(), new(struct{})); err != nil || !strings.Contains(out.String(), `version="1.3"`) {
		t.Errorf("the whole graph as GEXF: %v", err)
	}

	var u usageError
	for args, want := range map[string]string{
		"export":                                   `--format ""`,
		"export --format pdf":                      `--format "pdf"`,
		"export --format d3 --select a=1":          `unknown parameter "a"`,
		"export --format d3 --select seeds=Nope:1": `seeds[0]: no node has the ID "Nope:1"`,
	} {
		err := run(context.Background(), strings.Fields(args), env(nil), io.Discard)
		if !errors.As(err, &u) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a usage error saying %s", args, err, want)
		}
	}
}
