// Package web holds the pages the server shows people: the GraphiQL
// playground (index.html) and the graph explorer (explore.html), with their
// scripts and styles. They are built from web/src by esbuild (npm run build)
// into web/dist, which is committed and embedded here, so the binary serves
// them with no internet and no Node.js.
package web

import (
	"embed"
	"io/fs"
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
