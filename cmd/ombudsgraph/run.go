package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

const usage = `ombudsgraph turns documents about the Local Government and Social Care
Ombudsman's findings into a knowledge graph and serves it over GraphQL.

Usage:
  ombudsgraph serve [flags]   serve the graph: GraphQL at /query, playground at /;
                              from Neo4j with --neo4j-uri
  ombudsgraph load  [flags]   parse documents and print what they hold, or with
                              --neo4j-uri write them to Neo4j
  ombudsgraph export --format F [--select Q] > file
                              write the graph, or part of it, as GraphML, GEXF,
                              Cytoscape.js or node-link JSON, or neo4j-admin CSV
  ombudsgraph synth [flags]   write a synthetic corpus in the documents' formats
  ombudsgraph fetch --contact EMAIL_OR_URL (--council SLUG... | --all) --out DIR
                              download councils' performance pages and annual
                              letters from the Ombudsman's website, politely

Run 'ombudsgraph COMMAND -h' for a command's flags.
`

// usageError is a mistake in the command line; main exits 2 for it.
type usageError struct{ msg string }

// Error returns the message, usage included.
func (e usageError) Error() string { return e.msg }

// run runs the command in args. getenv reads the environment; stdout receives
// the command's output and, for serve, its JSON log; `load` reports the
// problems of documents on standard error.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	return runTo(ctx, args, getenv, stdout, os.Stderr)
}

// runTo is run with the stream `load` reports the problems of documents on.
func runTo(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{usage}
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], getenv, stdout)
	case "load":
		return load(ctx, args[1:], getenv, stdout, stderr)
	case "export":
		return exportGraph(ctx, args[1:], getenv, stdout)
	case "synth":
		return synthesize(args[1:], stdout)
	case "fetch":
		return fetchDocs(ctx, args[1:], getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("ombudsgraph: unknown command %q\n\n%s", args[0], usage)}
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("ombudsgraph "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// envDefaults gives every flag of fs that the command line left unset the
// value of its environment variable, OMBUDSGRAPH_ and the flag's name in
// capitals with '_' for '-' (OMBUDSGRAPH_MAX_DEPTH for --max-depth), except
// the flags named in skip, which read their variables themselves.
func envDefaults(fs *flag.FlagSet, getenv func(string) string, skip ...string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] || slices.Contains(skip, f.Name) || err != nil {
			return
		}
		name := "OMBUDSGRAPH_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(name); v != "" {
			if e := fs.Set(f.Name, v); e != nil {
				err = usageError{fmt.Sprintf("%s=%q: %v", name, v, e)}
			}
		}
	})
	return err
}

// withoutNeo4j refuses corpus flags given with --neo4j-uri, from which
// command takes its graph: the documents in Neo4j are `load`'s to choose.
func (c corpusFlags) withoutNeo4j(command string) error {
	if len(c.docs) > 0 || c.noSeed || c.themes != "" || c.councils != "" {
		return usageError{"ombudsgraph " + command + ": with --neo4j-uri the graph comes from Neo4j; --docs, --no-seed, --themes and --councils are for `ombudsgraph load`"}
	}
	return nil
}

// listFlag is a flag that may be given many times.
type listFlag []string

// String lists the values given.
func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds a value.
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// corpusFlags are the flags that say which documents to load.
type corpusFlags struct {
	docs     listFlag
	noSeed   bool
	themes   string
	councils string
}

func (c *corpusFlags) register(fs *flag.FlagSet) {
	fs.Var(&c.docs, "docs", "a document, or a directory of documents, to load besides the seed corpus (repeatable; also OMBUDSGRAPH_DOCS, ':'-separated)")
	fs.BoolVar(&c.noSeed, "no-seed", false, "do not load the embedded seed corpus")
	fs.StringVar(&c.themes, "themes", "", "a theme file to use instead of the embedded seed/themes.json (also OMBUDSGRAPH_THEMES)")
	fs.StringVar(&c.councils, "councils", "", "a councils reference file to use instead of the embedded seed/councils.json (also OMBUDSGRAPH_COUNCILS)")
}

// fromEnv fills what the flags left unset from the environment.
func (c *corpusFlags) fromEnv(getenv func(string) string) {
	if len(c.docs) == 0 {
		for _, p := range strings.Split(getenv("OMBUDSGRAPH_DOCS"), ":") {
			if p = strings.TrimSpace(p); p != "" {
				c.docs = append(c.docs, p)
			}
		}
	}
	if c.themes == "" {
		c.themes = getenv("OMBUDSGRAPH_THEMES")
	}
	if c.councils == "" {
		c.councils = getenv("OMBUDSGRAPH_COUNCILS")
	}
}
