package loader_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// TestFormatsGiveTheSameGraph loads the saved web pages and PDF letters of
// testdata/formats, and beside them their plain-text twins, and checks that
// the two corpora build the same graph: the same counts, and the same facts
// (documents named without their extension), every document read as the
// format it is. The scanned and encrypted PDFs, which have no twin, are each
// reported as what they are.
func TestFormatsGiveTheSameGraph(t *testing.T) {
	saved, twins := formatSources(t)
	if len(twins) < 10 {
		t.Fatalf("found %d plain-text twins in testdata/formats, want every HTML and PDF fixture's", len(twins))
	}
	gs, fs, ps := buildFormat(t, saved)
	gt, ft, pt := buildFormat(t, twins)
	if len(pt) != 0 {
		t.Errorf("the plain-text twins have problems: %v", pt)
	}
	var failed []string
	for _, p := range ps {
		failed = append(failed, p.Doc+": "+p.Message)
	}
	slices.Sort(failed)
	if len(failed) != 2 || !strings.HasPrefix(failed[0], "encrypted-2022-letter.pdf: encrypted PDF") ||
		!strings.HasPrefix(failed[1], "scanned-2022-letter.pdf: scanned PDF") {
		t.Errorf("problems of the saved files = %q, want the encrypted and the scanned PDF", failed)
	}
	for _, f := range fs {
		want := graph.FormatHTML
		if strings.HasSuffix(f.Document.Name, ".pdf") {
			want = graph.FormatPDF
		}
		if f.Document.Format != want {
			t.Errorf("%s: read as %s, want %s", f.Document.Name, f.Document.Format, want)
		}
	}
	if got, want := gs.Counts(), gt.Counts(); !sameCounts(got, want) {
		t.Errorf("counts differ:\nsaved files: %+v\ntwins:       %+v", got, want)
	}
	ks, kt := formatFactKeys(fs), formatFactKeys(ft)
	if len(kt) < 50 {
		t.Fatalf("only %d facts in the twins", len(kt))
	}
	for _, k := range kt {
		if !slices.Contains(ks, k) {
			t.Errorf("only the twin gives: %s", k)
		}
	}
	for _, k := range ks {
		if !slices.Contains(kt, k) {
			t.Errorf("only the saved file gives: %s", k)
		}
	}
}

// formatSources reads the fixtures of testdata/formats: the saved web pages
// and PDF letters, and their plain-text twins.
func formatSources(t *testing.T) (saved, twins []loader.Source) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "formats", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".html", ".pdf", ".txt":
		default:
			continue // .gitattributes, golden files
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := loader.Source{Name: filepath.Base(f), Data: data}
		if strings.HasSuffix(f, ".txt") {
			twins = append(twins, src)
		} else {
			saved = append(saved, src)
		}
	}
	return saved, twins
}

// buildFormat loads srcs with the seed themes and councils and builds their
// graph. It returns the graph, the facts and the documents' problems.
func buildFormat(t *testing.T, srcs []loader.Source) (*graph.Graph, []graph.Facts, []graph.Problem) {
	t.Helper()
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(srcs)
	g, berr := graph.Build(facts, l.Themes())
	if berr != nil {
		t.Fatal(berr)
	}
	return g, facts, loader.Problems(err)
}

// formatFactKeys lists the keys of the facts (see factKeys), each once, in
// order, with the documents named without their extension.
func formatFactKeys(facts []graph.Facts) []string {
	var out []string
	strip := strings.NewReplacer(".html", "", ".pdf", "", ".txt", "")
	for _, f := range facts {
		for k := range factKeys(f) {
			out = append(out, strip.Replace(k))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sameCounts(a, b graph.Counts) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}
