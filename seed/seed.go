// Package seed embeds the seed corpus and the data that steers the loader:
// the theme taxonomy and the councils reference file. All of it is plain,
// editable data; nothing here is code.
package seed

import (
	"embed"
	"io/fs"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

//go:embed docs/*.txt
var docs embed.FS

// Themes is the theme file, themes.json: the recurring themes traced across
// councils, with their terms, acronyms and implying sub-categories.
//
//go:embed themes.json
var Themes []byte

// Councils is the councils reference file, councils.json: authority types
// that names do not tell, and aliases such as "Herts".
//
//go:embed councils.json
var Councils []byte

// Docs returns the seed documents, named by file name.
func Docs() fs.FS {
	sub, err := fs.Sub(docs, "docs")
	if err != nil {
		panic(err) // the directory is embedded above, so this cannot happen
	}
	return sub
}

// Load parses the seed corpus with the seed themes and councils reference
// file, as the server does, and returns every document's facts and the
// themes.
func Load() ([]graph.Facts, []graph.Theme, error) {
	l, err := loader.New(Themes, Councils)
	if err != nil {
		return nil, nil, err
	}
	srcs, err := loader.ReadFS(Docs())
	if err != nil {
		return nil, nil, err
	}
	facts, err := l.Load(srcs)
	return facts, l.Themes(), err
}

// Graph builds the graph of the seed corpus, as embedded mode does.
func Graph() (*graph.Graph, error) {
	facts, themes, err := Load()
	if err != nil {
		return nil, err
	}
	return graph.Build(facts, themes)
}
