package loader_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// The fuzz targets check that no input makes a parser panic, and that
// whatever a parser accepts has provenance that holds: every span quotes its
// line, and the facts build into a graph. Run one longer with, for example,
//
//	go test ./loader -run '^$' -fuzz FuzzParsePage -fuzztime 5m

func addSeeds(f *testing.F) {
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range srcs {
		f.Add(string(s.Data))
		f.Add(string(s.Data[:len(s.Data)/2])) // truncated
	}
	// Every layout and era of pages and letters.
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		f.Fatalf("layout documents: %v (%d found)", err, len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
		f.Add(string(data[:len(data)*2/3])) // cut short
	}
	f.Add(kingsLynn)
	f.Add("")
	f.Add("\x00\xff")
}

func fuzzParser(f *testing.F, parse func(string, io.Reader, *loader.Gazetteer) (graph.Facts, error)) {
	addSeeds(f)
	gaz := gazetteer(f)
	f.Fuzz(func(t *testing.T, doc string) {
		facts, err := parse("f.txt", strings.NewReader(doc), gaz.Clone())
		if err != nil {
			if _, ok := err.(*loader.ParseError); !ok {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			return
		}
		text := strings.TrimPrefix(doc, "\uFEFF")
		if !strings.Contains(text, "\n") {
			text = strings.ReplaceAll(text, "\r", "\n") // CR-only line ends
		}
		lines := strings.Split(text, "\n")
		for _, s := range spansOf(facts) {
			if s.Doc == "" { // a span that is not set, such as a letter's missing heading
				continue
			}
			checkSpan(t, lines, s)
		}
		if _, err := graph.Build([]graph.Facts{facts}, nil); err != nil {
			t.Fatalf("facts of an accepted document do not build: %v", err)
		}
	})
}

func FuzzParse(f *testing.F)        { fuzzParser(f, loader.Parse) }
func FuzzParsePage(f *testing.F)    { fuzzParser(f, loader.ParsePage) }
func FuzzParseLetter(f *testing.F)  { fuzzParser(f, loader.ParseLetter) }
func FuzzParseArticle(f *testing.F) { fuzzParser(f, loader.ParseArticle) }
