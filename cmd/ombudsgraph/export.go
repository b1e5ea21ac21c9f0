package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
)

// exportGraph writes a subgraph, or the whole graph, to stdout in one of the
// export formats: the same bytes GET /export/{format} gives for the same
// selection, less the cap the server puts on a download.
func exportGraph(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := newFlags("export", stdout)
	var c corpusFlags
	c.register(fs)
	format := fs.String("format", "", "the format: "+strings.Join(export.Names(), ", ")+" (required)")
	selection := fs.String("select", "", "the selection, as the query string of GET /export/{format}: "+
		"seeds=ID,ID&depth=N&kinds=K,K&themes=SLUG&years=2023-24&limit=N; empty for the whole graph")
	var n neo4jFlags
	n.register(fs)
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	f, ok := export.Lookup(*format)
	if !ok {
		return usageError{fmt.Sprintf("ombudsgraph export: --format %q: give one of %s", *format, strings.Join(export.Names(), ", "))}
	}
	q, err := url.ParseQuery(strings.TrimPrefix(*selection, "?"))
	if err != nil {
		return usageError{fmt.Sprintf("ombudsgraph export: --select %q: %v", *selection, err)}
	}
	sel, err := export.ParseSelection(q)
	if err != nil {
		return usageError{"ombudsgraph export: " + err.Error()}
	}
	c.fromEnv(getenv)
	if err := envDefaults(fs, getenv, "docs", "neo4j-uri", "neo4j-username", "neo4j-database"); err != nil {
		return err
	}
	n.fromEnv(getenv)
	var g *graph.Graph
	if n.uri == "" {
		res, err := buildCorpus(c)
		if err != nil {
			return err
		}
		if res.failed != nil {
			return fmt.Errorf("%w\nombudsgraph export: not exporting a corpus with documents that do not parse; fix them or leave them out", res.failed)
		}
		g = res.graph
	} else {
		if err := c.withoutNeo4j("export"); err != nil {
			return err
		}
		d, err := n.driver()
		if err != nil {
			return err
		}
		defer d.Close(context.Background())
		if err := n.check(ctx, d); err != nil {
			return err
		}
		facts, themes, err := neo4jstore.New(d, n.database).Facts(ctx)
		if err != nil {
			return n.classify(err)
		}
		if g, err = graph.Build(facts, themes); err != nil {
			return err
		}
	}
	sg, err := g.Subgraph(sel)
	if err != nil {
		return usageError{"ombudsgraph export: " + err.Error()}
	}
	w := bufio.NewWriter(stdout)
	if err := f.Write(w, sg, export.Meta{Revision: g.Revision(), Query: export.Query(sel)}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return w.Flush()
}
