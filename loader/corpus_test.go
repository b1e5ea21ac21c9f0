package loader_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// TestReadPathsNames: documents are named relative to the --docs directory
// they came from, or by their base name when a file is given itself; never by
// the server's paths.
func TestReadPathsNames(t *testing.T) {
	dir := t.TempDir()
	mustOK(t, os.MkdirAll(filepath.Join(dir, "pages", "sub"), 0o755))
	mustOK(t, os.MkdirAll(filepath.Join(dir, ".git"), 0o755))
	writeFile(t, filepath.Join(dir, "pages", "a.txt"), "a")
	writeFile(t, filepath.Join(dir, "pages", "sub", "b.txt"), "b")
	writeFile(t, filepath.Join(dir, "pages", ".hidden"), "x")
	writeFile(t, filepath.Join(dir, ".git", "config"), "x")
	writeFile(t, filepath.Join(dir, "news.txt"), "n")
	srcs, err := loader.ReadPaths([]string{filepath.Join(dir, "pages"), filepath.Join(dir, "news.txt"), dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		if s.Err != nil {
			t.Errorf("%s: %v", s.Name, s.Err)
		}
		if strings.Contains(s.Name, dir) {
			t.Errorf("%s is named by a server path", s.Name)
		}
		names = append(names, s.Name)
	}
	if got, want := strings.Join(names, ","), "a.txt,sub/b.txt,news.txt,news.txt,pages/a.txt,pages/sub/b.txt"; got != want {
		t.Errorf("names = %s, want %s", got, want)
	}
	if srcs[0].Origin != filepath.Join(dir, "pages", "a.txt") {
		t.Errorf("origin = %q", srcs[0].Origin)
	}
	if _, err := loader.ReadPaths([]string{filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing path: error = %v", err)
	}
}

// TestReadPathsUnreadable: a broken link or an unreadable file costs only
// itself; the rest of its directory is read.
func TestReadPathsUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.txt"), "g")
	mustOK(t, os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")))
	mustOK(t, os.Symlink(dir, filepath.Join(dir, "loop")))
	writeFile(t, filepath.Join(dir, "secret.txt"), "s")
	mustOK(t, os.Chmod(filepath.Join(dir, "secret.txt"), 0))
	srcs, err := loader.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range srcs {
		got[s.Name] = string(s.Data)
		if s.Err != nil {
			got[s.Name] = "error: " + s.Err.Error()
			if strings.Contains(s.Err.Error(), dir) {
				t.Errorf("%s: the message shows a server path: %v", s.Name, s.Err)
			}
		}
	}
	if got["good.txt"] != "g" || !strings.Contains(got["dangling.txt"], "symbolic link to a file that does not exist") ||
		!strings.Contains(got["loop"], "directory") {
		t.Errorf("sources = %q", got)
	}
	if os.Geteuid() != 0 && !strings.Contains(got["secret.txt"], "permission denied") { // root reads anything
		t.Errorf("secret.txt = %q", got["secret.txt"])
	}
}

// TestLoadReportsUnreadAndDuplicates: Load reports a source that could not be
// read, and the second of two sources with one name, as problems of those
// documents, and loads the rest.
func TestLoadReportsUnreadAndDuplicates(t *testing.T) {
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	page := "Kent County Council\nReports\nA title\nA summary.\n"
	other := "Hertfordshire County Council\nReports\nAnother title\nAnother summary.\n"
	dirA, dirB := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dirA, "kent.txt"), page)
	writeFile(t, filepath.Join(dirB, "kent.txt"), other)
	mustOK(t, os.Symlink(filepath.Join(dirB, "gone"), filepath.Join(dirB, "broken.txt")))
	srcs, err := loader.ReadPaths([]string{dirA, dirB})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(srcs)
	if len(facts) != 1 || facts[0].Document.Name != "kent.txt" || facts[0].Reports[0].Title != "A title" {
		t.Fatalf("loaded %d documents, want the first kent.txt", len(facts))
	}
	ps := loader.Problems(err)
	if len(ps) != 2 {
		t.Fatalf("problems = %v", ps)
	}
	for _, p := range ps {
		if p.Severity != graph.SeverityError || p.Line != 0 {
			t.Errorf("%v: want an error about the whole document", p)
		}
	}
	byDoc := map[string]string{}
	for _, p := range ps {
		byDoc[p.Doc] = p.Message
	}
	if m := byDoc["kent.txt"]; !strings.Contains(m, filepath.Join(dirA, "kent.txt")) || !strings.Contains(m, filepath.Join(dirB, "kent.txt")) {
		t.Errorf("the duplicate's message does not name both paths: %q", m)
	}
	if m := byDoc["broken.txt"]; !strings.Contains(m, "symbolic link") {
		t.Errorf("broken.txt: %q", m)
	}
	if s := (&loader.ParseError{Doc: "broken.txt", Msg: "gone"}).Error(); s != "broken.txt: gone" {
		t.Errorf("a whole-document error reads %q", s)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	mustOK(t, os.WriteFile(path, []byte(data), 0o644))
}

func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestLoadReadsArticlesLast checks that Load reads pages and letters before
// articles, so that an article can name the councils they teach the
// gazetteer, and otherwise keeps the order it was given.
func TestLoadReadsArticlesLast(t *testing.T) {
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	// The seed's articles first, then the rest, each in reverse order.
	var given []loader.Source
	for _, news := range []bool{true, false} {
		for i := len(srcs) - 1; i >= 0; i-- {
			f, err := loader.Parse(srcs[i].Name, strings.NewReader(string(srcs[i].Data)), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			if (f.Document.Kind == graph.NewsArticle) == news {
				given = append(given, srcs[i])
			}
		}
	}
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(given)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, news := range []bool{false, true} {
		for _, s := range given {
			for _, f := range facts {
				if f.Document.Name == s.Name && (f.Document.Kind == graph.NewsArticle) == news {
					want = append(want, s.Name)
				}
			}
		}
	}
	for _, f := range facts {
		got = append(got, f.Document.Name)
	}
	if len(got) != len(srcs) || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("read in the order %q, want %q", got, want)
	}
	if facts[len(facts)-1].Document.Kind != graph.NewsArticle || facts[0].Document.Kind == graph.NewsArticle {
		t.Errorf("the seed's articles were not read last")
	}
}

// TestStatisticsAloneAreAPage checks that a copy of a page's statistics
// alone, with no section heading, is read as the council's page, not as an
// article that quotes them.
func TestStatisticsAloneAreAPage(t *testing.T) {
	doc := "Kent County Council\n\n89% of complaints we investigated were upheld. This compares to an average of 85% in similar authorities.\n" +
		"Statistics are based on a total of 47 investigations for the period between 1 April 2023 to 31 March 2024\n"
	f, err := loader.Parse("x.txt", strings.NewReader(doc), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Document.Kind != graph.CouncilPage || len(f.Statistics) != 1 || f.Statistics[0].Year.Label() != "2023-24" {
		t.Errorf("read as %s with statistics %+v, want the council's page for 2023-24", f.Document.Kind, f.Statistics)
	}
}
