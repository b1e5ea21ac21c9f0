package loader_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// TestDetectFromContent gives every seed document a misleading name and
// checks that its kind still comes from its content.
func TestDetectFromContent(t *testing.T) {
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		want := graph.NewsArticle
		switch {
		case strings.HasPrefix(s.Name, "council-page"):
			want = graph.CouncilPage
		case strings.HasPrefix(s.Name, "letter"):
			want = graph.AnnualLetter
		}
		f, err := loader.Parse("letter-news-page.txt", strings.NewReader(string(s.Data)), gazetteer(t))
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if f.Document.Kind != want {
			t.Errorf("%s: kind %s, want %s", s.Name, f.Document.Kind, want)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"empty", "", "x.txt:1: expected a council performance page, an annual review letter or a news article; found an empty document"},
		{"blank lines", "\n\n  \n", "x.txt:1: expected a council performance page"},
		{"binary", "PK\x03\x04\x00\x00", "x.txt:1: NUL byte at column 5: this is a binary file, not a text document"},
		{"binary from its first byte", "ok\n\x00PK", "x.txt:2: NUL byte at column 1: this is a binary file"},
		{"latin-1", "Kent County Council\nCaf\xe9 costs\n", "x.txt:2: invalid UTF-8 at column 4"},
		{"utf-16", "\xff\xfeK\x00e\x00", "x.txt:1: document is encoded as UTF-16"},
		{"no running text", "12 34\n56\n", "x.txt: not an LGSCO page, letter or news article (it has no running text"},
		{"markdown", "# ombudsgraph\n\nA server about council complaints and the Ombudsman.\n\n## Run it\n\n```sh\ngo run .\n```\n", "x.txt: not an LGSCO page, letter or news article (it reads as Markdown"},
		{"csv", "council,year,upheld,total\nKent County Council,2023-24,81,94\nSurrey County Council,2023-24,79,81\n", "x.txt: not an LGSCO page, letter or news article (it reads as a table"},
		{"cookie notice", "We use cookies to make this website work.\nYou can accept all cookies or choose which ones to allow.\n", "x.txt: not an LGSCO page, letter or news article (its text never mentions a council"},
		{"html with only a name", "<!DOCTYPE html>\n<html><body><p>Kent County Council</p></body></html>\n", "x.txt: not an LGSCO page, letter or news article (it has no running text, only \"Kent County Council\")"},
		{"html with no content", "<!DOCTYPE html>\n<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>\n", "x.txt: not an LGSCO page, letter or news article (it has no running text, only \"x\")"},
		{"xml", "<?xml version=\"1.0\"?>\n<councils><council>Kent</council></councils>\n", "x.txt: not an LGSCO page, letter or news article (it is markup"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loader.Parse("x.txt", strings.NewReader(c.doc), gazetteer(t))
			var pe *loader.ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant *ParseError with prefix %s", err, c.want)
			}
		})
	}
}

// TestLoadKeepsGoodDocuments checks that one bad document is reported while
// the others load.
func TestLoadKeepsGoodDocuments(t *testing.T) {
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	srcs, _ := loader.ReadFS(seed.Docs())
	srcs = append(srcs, loader.Source{Name: "broken.txt", Data: []byte("22 July 2020\nMs Smith Kent County Council\nDear Ms Smith\nThank you for your letter about the Council.\n")},
		loader.Source{Name: "notes.md", Data: []byte("# Notes\n\n## Councils\n\n- [Kent](kent.txt)\n- [Surrey](surrey.txt)\n")})
	facts, err := l.Load(srcs)
	if len(facts) != 5 {
		t.Errorf("loaded %d documents, want the 5 good ones", len(facts))
	}
	ps := loader.Problems(err)
	slices.SortFunc(ps, func(a, b graph.Problem) int { return strings.Compare(a.Doc, b.Doc) })
	if len(ps) != 2 || ps[0].Doc != "broken.txt" || ps[0].Line != 3 || ps[1].Doc != "notes.md" || ps[1].Line != 0 {
		t.Errorf("problems = %+v (error %v), want broken.txt:3 and notes.md", ps, err)
	}
}

func TestReadPaths(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/a.txt", []byte("x"), 0o644)
	os.WriteFile(dir+"/.hidden", []byte("x"), 0o644)
	os.Mkdir(dir+"/sub", 0o755)
	os.WriteFile(dir+"/sub/b.txt", []byte("y"), 0o644)
	srcs, err := loader.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, strings.TrimPrefix(s.Name, dir+"/"))
	}
	if strings.Join(names, ",") != "a.txt,sub/b.txt" {
		t.Errorf("names = %v", names)
	}
	if _, err := loader.ReadPaths([]string{dir + "/missing"}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing path: error = %v", err)
	}
}
