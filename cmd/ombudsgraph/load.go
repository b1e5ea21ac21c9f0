package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
)

// load parses documents and prints counts per kind of document and per
// entity, or with --json the whole graph. It reports every problem of the
// documents on stderr, as FILE:LINE: lines: the documents that cannot be read
// or parsed, which make the exit status non-zero while the rest still load,
// and the warnings of those that load, which do not.
//
// With --neo4j-uri (or NEO4J_URI) it writes the documents that load to
// Neo4j instead, one document a transaction.
func load(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("load", stdout)
	var c corpusFlags
	c.register(fs)
	var n neo4jFlags
	n.register(fs)
	asJSON := fs.Bool("json", false, "print the whole graph as JSON instead of counts")
	prune := fs.Bool("prune", false, "with --neo4j-uri, also delete from Neo4j every document this load does not include")
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	c.fromEnv(getenv)
	n.fromEnv(getenv)
	if n.uri != "" && *asJSON {
		return usageError{"ombudsgraph load: --json prints the graph; it does not go with --neo4j-uri"}
	}
	res, err := buildCorpus(c)
	if err != nil {
		return err
	}
	g := res.graph
	for _, p := range g.Problems() {
		fmt.Fprintln(stderr, p.String())
	}
	if n.uri != "" {
		if err := loadNeo4j(ctx, n, res, *prune, stdout); err != nil {
			return err
		}
	} else if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(g.Dump()); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "documents\t%d\n", len(g.Documents()))
		for _, k := range g.Counts().Documents {
			fmt.Fprintf(tw, "  %s\t%d\n", k.Name, k.Count)
		}
		for _, k := range g.Counts().Entities {
			fmt.Fprintf(tw, "%s\t%d\n", k.Name, k.Count)
		}
		fmt.Fprintf(tw, "revision\t%s\n", g.Revision())
		tw.Flush()
		for _, w := range g.Warnings() {
			fmt.Fprintf(stdout, "warning: %s\n", w)
		}
	}
	if res.failed != nil {
		return fmt.Errorf("ombudsgraph load: %d of %d documents could not be loaded (listed above); the rest were", res.failures(), res.sources)
	}
	return nil
}

// loadNeo4j writes the corpus's documents to Neo4j. A load of more than a few
// hundred documents shows its progress on a terminal; any load ends with a
// one-line summary.
func loadNeo4j(ctx context.Context, n neo4jFlags, res corpus, prune bool, stdout io.Writer) error {
	d, err := n.driver()
	if err != nil {
		return err
	}
	defer d.Close(context.Background())
	if err := n.check(ctx, d); err != nil {
		return err
	}
	st := neo4jstore.New(d, n.database)
	if err := st.ApplySchema(ctx); err != nil {
		return n.classify(err)
	}
	start := time.Now()
	showProgress := len(res.facts) > progressAbove && isTerminal(stdout)
	var last store.Progress
	err = st.Put(ctx, res.themes, res.facts, func(p store.Progress) {
		last = p
		if showProgress && (p.Docs%10 == 0 || p.Docs == p.Total) {
			secs := max(time.Since(start).Seconds(), 0.001)
			fmt.Fprintf(stdout, "\r%d/%d documents  %.0f documents/s  %.0f rows/s  ", p.Docs, p.Total, float64(p.Docs)/secs, float64(p.Rows)/secs)
		}
	})
	if showProgress {
		fmt.Fprintln(stdout)
	}
	if err != nil {
		return fmt.Errorf("neo4j: %d of %d documents written before %w", last.Docs, len(res.facts), n.classify(err))
	}
	if prune {
		names, err := st.Documents(ctx)
		if err != nil {
			return fmt.Errorf("neo4j: listing documents to prune: %w", n.classify(err))
		}
		keep := map[string]bool{}
		for _, f := range res.facts {
			keep[f.Document.Name] = true
		}
		// A document that failed this time is still part of the load: its
		// version in Neo4j, if any, stays until it loads again.
		for _, p := range res.graph.Problems() {
			keep[p.Doc] = true
		}
		var gone []string
		for _, name := range names {
			if !keep[name] {
				gone = append(gone, name)
			}
		}
		if err := st.Delete(ctx, gone); err != nil {
			return fmt.Errorf("neo4j: pruning: %w", n.classify(err))
		}
		fmt.Fprintf(stdout, "pruned %d documents no longer loaded\n", len(gone))
	}
	rev, _ := st.Revision(ctx)
	fmt.Fprintf(stdout, "loaded %d documents (%d written, %d unchanged and skipped; %d rows) into %s database %s in %s; revision %s\n",
		last.Docs, last.Docs-last.Unchanged, last.Unchanged, last.Rows, n.uri, n.database, time.Since(start).Round(time.Millisecond), rev)
	return nil
}

// progressAbove is how many documents a load must have to show progress.
const progressAbove = 300

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
