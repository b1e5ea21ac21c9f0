package loader_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the parsers' output")

// seedFacts loads the seed corpus as the server does.
func seedFacts(t testing.TB) []graph.Facts {
	t.Helper()
	facts, _, err := seed.Load()
	if err != nil {
		t.Fatalf("seed corpus: %v", err)
	}
	return facts
}

// TestGolden compares the facts of every seed document, themes tagged, with
// testdata/NAME.golden.json. Run with -update to rewrite the files after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	facts := seedFacts(t)
	if len(facts) != 5 {
		t.Fatalf("got facts of %d seed documents, want 5", len(facts))
	}
	for _, f := range facts {
		t.Run(f.Document.Name, func(t *testing.T) {
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", strings.TrimSuffix(f.Document.Name, ".txt")+".golden.json"), got)
		})
	}
}

// checkGolden compares got, and a final newline, with the golden file at
// path, or rewrites the file with -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./loader -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("facts differ from %s; run go test ./loader -update and review the diff\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, w[i], g[i])
		}
	}
	return "lengths differ"
}

// TestSpansQuoteTheirLines checks provenance: every span of every seed fact
// quotes exactly the characters start to end of its line.
func TestSpansQuoteTheirLines(t *testing.T) {
	docs := map[string][]string{}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		docs[s.Name] = strings.Split(string(s.Data), "\n")
	}
	if len(docs) != 5 {
		t.Fatalf("read %d seed documents, want 5", len(docs))
	}
	for _, f := range seedFacts(t) {
		for _, s := range spansOf(f) {
			checkSpan(t, docs[s.Doc], s)
		}
	}
}

func checkSpan(t testing.TB, lines []string, s graph.Span) {
	t.Helper()
	if s.Line < 1 || s.Line > len(lines) {
		t.Errorf("%s:%d: line out of range", s.Doc, s.Line)
		return
	}
	r := []rune(strings.TrimSuffix(lines[s.Line-1], "\r"))
	if s.Start < 0 || s.End > len(r) || s.Start > s.End {
		t.Errorf("%s:%d: span %d-%d out of a line of %d characters", s.Doc, s.Line, s.Start, s.End, len(r))
		return
	}
	if got := string(r[s.Start:s.End]); got != s.Quote {
		t.Errorf("%s:%d:%d-%d: quote %q, but the line holds %q there", s.Doc, s.Line, s.Start, s.End, s.Quote, got)
	}
}

// spansOf lists every span in f.
func spansOf(f graph.Facts) []graph.Span {
	var out []graph.Span
	for _, c := range f.Councils {
		out = append(out, c.Evidence...)
	}
	for _, s := range f.Statistics {
		out = append(out, s.Evidence...)
		out = append(out, s.YearSpan)
	}
	for _, c := range f.Cases {
		out = append(out, c.Evidence...)
		out = append(out, c.CategorySpan, c.SubcategorySpan)
	}
	for _, i := range f.Improvements {
		out = append(out, i.Evidence...)
		for _, m := range i.Matches {
			out = append(out, m.Evidence)
		}
	}
	for _, r := range f.Reports {
		out = append(out, r.Evidence...)
		for _, m := range r.Matches {
			out = append(out, m.Evidence)
		}
	}
	for _, l := range f.Letters {
		out = append(out, l.Evidence...)
		out = append(out, l.YearSpan)
	}
	for _, a := range f.Articles {
		out = append(out, a.Evidence...)
		out = append(out, a.Body...)
		out = append(out, a.YearSpans...)
		for _, m := range a.Matches {
			out = append(out, m.Evidence)
		}
	}
	for _, c := range f.Claims {
		out = append(out, c.Evidence...)
	}
	return out
}
