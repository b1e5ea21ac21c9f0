package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ombudsgraph/ombudsgraph/internal/synth"
)

// synthesize writes a deterministic synthetic corpus to a directory.
func synthesize(args []string, stdout io.Writer) error {
	fs := newFlags("synth", stdout)
	o := synth.England
	fs.IntVar(&o.Councils, "councils", o.Councils, "how many councils")
	fs.IntVar(&o.Years, "years", o.Years, "how many business years, ending with --last-year")
	fs.IntVar(&o.LastYear, "last-year", o.LastYear, "the first calendar year of the latest business year")
	fs.IntVar(&o.CasesPerPage, "cases", o.CasesPerPage, "the average number of cases a council page lists")
	fs.Uint64Var(&o.Seed, "seed", o.Seed, "the seed: the same flags give the same documents")
	fs.StringVar((*string)(&o.Layout), "layout", string(o.Layout), synth.LayoutHelp)
	fs.StringVar((*string)(&o.Era), "era", string(o.Era), synth.EraHelp)
	out := fs.String("out", "", "the directory to write to (required; created if missing)")
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	switch {
	case *out == "":
		return usageError{"ombudsgraph synth: --out DIR is required"}
	case o.Councils < 1 || o.Years < 1 || o.CasesPerPage < 0:
		return usageError{"ombudsgraph synth: --councils and --years must be at least 1, --cases at least 0"}
	}
	var err error
	if o.Layout, err = synth.ParseLayout(string(o.Layout)); err != nil {
		return usageError{"ombudsgraph synth: --layout: " + err.Error()}
	}
	if o.Era, err = synth.ParseEra(string(o.Era)); err != nil {
		return usageError{"ombudsgraph synth: --era: " + err.Error()}
	}
	docs := synth.Generate(o)
	bytes := 0
	for _, d := range docs {
		path := filepath.Join(*out, filepath.FromSlash(d.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(d.Text), 0o644); err != nil {
			return err
		}
		bytes += len(d.Text)
	}
	fmt.Fprintf(stdout, "wrote %d documents (%d MB) for %d councils over %d years to %s\n", len(docs), bytes>>20, o.Councils, o.Years, *out)
	return nil
}
