// Package web holds the pages the server shows people: the GraphiQL
// playground (index.html) and the graph explorer (explore.html), with their
// scripts and styles. They are built from web/src by esbuild (npm run build)
// into web/dist, which is committed and embedded here, so the binary serves
// them with no internet and no Node.js.
package web

import (
	"embed"
	"io/fs"
	"maps"
	"regexp"
	"slices"
)

//go:embed dist
var dist embed.FS

// Pages returns the built pages: index.html, explore.html and assets/.
func Pages() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// operationName finds a named query in the pages' scripts.
var operationName = regexp.MustCompile(`\bquery ([A-Z][A-Za-z0-9_]*)\s*[({]`)

// Operations returns the names of the GraphQL operations the pages send
// (the explorer's, and the playground's introspection), read from their
// built scripts, sorted. The server's metrics keep a label for each, so that
// clients who invent names cannot crowd them out.
func Operations() []string {
	seen := map[string]bool{}
	matches, err := fs.Glob(Pages(), "assets/*.js")
	if err != nil {
		panic(err) // the pattern is well formed
	}
	for _, name := range matches {
		b, err := fs.ReadFile(Pages(), name)
		if err != nil {
			panic(err) // the file is embedded at build time
		}
		for _, m := range operationName.FindAllSubmatch(b, -1) {
			seen[string(m[1])] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
