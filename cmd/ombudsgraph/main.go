// Command ombudsgraph parses documents about the Local Government and Social
// Care Ombudsman's findings into a knowledge graph and serves it over GraphQL.
//
//	ombudsgraph serve [--addr 127.0.0.1:8080] [--docs PATH]...
//	ombudsgraph load  [--docs PATH]... [--json]
//
// This file and run.go are the only places that read flags and the
// environment.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// SIGHUP (a terminal that closes) drains like SIGTERM, rather than
	// killing requests mid-answer.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
