package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
)

// load parses documents and prints counts per kind of document and per
// entity, or with --json the whole graph. Documents that do not parse are
// reported as FILE:LINE: errors and make the exit status non-zero; the rest
// still load.
func load(args []string, getenv func(string) string, stdout io.Writer) error {
	fs := newFlags("load", stdout)
	var c corpusFlags
	c.register(fs)
	asJSON := fs.Bool("json", false, "print the whole graph as JSON instead of counts")
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	c.fromEnv(getenv)
	res, err := buildCorpus(c)
	if err != nil {
		return err
	}
	g := res.graph
	if *asJSON {
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
		return fmt.Errorf("%w\nombudsgraph: some documents could not be loaded; the rest were", res.failed)
	}
	return nil
}
