// Package storetest is the suite every store.Store passes. A store's own
// tests call Run with a function that opens an empty store.
package storetest

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// Corpus holds the facts the suite writes: the seed corpus, parsed as the
// server parses it, and the themes.
type Corpus struct {
	Facts  []graph.Facts
	Themes []graph.Theme
	loader *loader.Loader
	srcs   []loader.Source
}

// extra are documents beyond the seed corpus: another council and
// authority type, another year's page of a council that relists a case,
// an apostrophe, curly quotes, and text that reads like Cypher.
//
//go:embed testdata/*.txt
var extra embed.FS

// Extra parses the seed corpus and the suite's extra documents.
func Extra(t testing.TB) *Corpus {
	t.Helper()
	c := Seed(t)
	sub, _ := fs.Sub(extra, "testdata")
	srcs, err := loader.ReadFS(sub)
	if err != nil {
		t.Fatal(err)
	}
	c.srcs = append(c.srcs, srcs...)
	facts, err := c.loader.Load(c.srcs)
	if err != nil {
		t.Fatal(err)
	}
	c.Facts = facts
	return c
}

// Seed parses the seed corpus.
func Seed(t testing.TB) *Corpus {
	t.Helper()
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	return &Corpus{Facts: facts, Themes: l.Themes(), loader: l, srcs: srcs}
}

// Edit returns the facts of the seed corpus with one document's text changed
// by edit.
func (c *Corpus) Edit(t testing.TB, name string, edit func(string) string) graph.Facts {
	t.Helper()
	srcs := make([]loader.Source, len(c.srcs))
	copy(srcs, c.srcs)
	found := false
	for i, s := range srcs {
		if s.Name == name {
			srcs[i].Data = []byte(edit(string(s.Data)))
			found = true
		}
	}
	if !found {
		t.Fatalf("no seed document %s", name)
	}
	facts, err := c.loader.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if f.Document.Name == name {
			return f
		}
	}
	t.Fatalf("edited %s did not parse", name)
	return graph.Facts{}
}

// Dump returns the graph the facts build, as JSON, for comparing graphs.
func Dump(t testing.TB, facts []graph.Facts, themes []graph.Theme) string {
	t.Helper()
	g, err := graph.Build(facts, themes)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(g.Dump(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// StoredDump returns the graph built from what s holds.
func StoredDump(t testing.TB, s store.Store) string {
	t.Helper()
	facts, themes, err := s.Facts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return Dump(t, facts, themes)
}

// Diff returns the first line where two dumps differ, or "".
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-12)
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s\n  context: %s", i+1, a, b, strings.Join(w[lo:i], " | "))
		}
	}
	return ""
}

const kentPage = "council-page-kent-county-council.txt"

// Run runs the suite. open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	c := Seed(t)

	t.Run("RoundTrip", func(t *testing.T) {
		s := open(t)
		if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
			t.Fatal(err)
		}
		if d := Diff(Dump(t, c.Facts, c.Themes), StoredDump(t, s)); d != "" {
			t.Errorf("the graph built from the store differs from the graph built from the documents at %s", d)
		}
	})

	t.Run("RoundTripWithExtraDocuments", func(t *testing.T) {
		x := Extra(t)
		s := open(t)
		if err := s.Put(ctx, x.Themes, x.Facts, nil); err != nil {
			t.Fatal(err)
		}
		want := Dump(t, x.Facts, x.Themes)
		if d := Diff(want, StoredDump(t, s)); d != "" {
			t.Errorf("the graph built from the store differs from the graph built from the documents at %s", d)
		}
		for _, w := range []string{"london-borough-of-camden", "borough-council-of-kings-lynn-west-norfolk", "22 001 234", "22 004 001", "1200000"} {
			if !strings.Contains(want, w) {
				t.Errorf("the extra documents did not give %q", w)
			}
		}
	})

	t.Run("PutTwiceChangesNothing", func(t *testing.T) {
		s := open(t)
		if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
			t.Fatal(err)
		}
		first, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
			t.Fatal(err)
		}
		second, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(first) != fmt.Sprint(second) {
			t.Errorf("counts after one load %v, after two %v", first, second)
		}
	})

	t.Run("EditLeavesNoOldFacts", func(t *testing.T) {
		s := open(t)
		if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
			t.Fatal(err)
		}
		edited := c.Edit(t, kentPage, func(text string) string {
			i := strings.Index(text, "Case reference: 23 014 261")
			j := strings.Index(text, "Case reference: 23 013 508")
			text = text[:i] + text[j:]
			return strings.Replace(text, "Kent couple lost valuable time together because of council errors", "Kent couple kept apart by council errors", 1)
		})
		if err := s.Put(ctx, c.Themes, []graph.Facts{edited}, nil); err != nil {
			t.Fatal(err)
		}
		var want []graph.Facts
		for _, f := range c.Facts {
			if f.Document.Name != kentPage {
				want = append(want, f)
			}
		}
		want = append(want, edited)
		got := StoredDump(t, s)
		if d := Diff(Dump(t, want, c.Themes), got); d != "" {
			t.Errorf("after re-loading an edited document, the store differs from the edited corpus at %s", d)
		}
		for _, old := range []string{"23 014 261", `"title": "Kent couple lost valuable time together because of council errors"`, `"name": "Charging"`, "unnecessary debt"} {
			if strings.Contains(got, old) {
				t.Errorf("the edited-away %q is still in the store", old)
			}
		}
		fresh := open(t)
		if err := fresh.Put(ctx, c.Themes, want, nil); err != nil {
			t.Fatal(err)
		}
		a, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fresh.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 {
			t.Fatal("the store counts nothing after the edit")
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("counts after the edit %v; a fresh load of the edited corpus gives %v", a, b)
		}
	})

	t.Run("SharedFactsStayWhileSupported", func(t *testing.T) {
		s := open(t)
		if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
			t.Fatal(err)
		}
		// Hertfordshire is named by its page and by two articles.
		if err := s.Delete(ctx, []string{"council-page-hertfordshire-county-council.txt"}); err != nil {
			t.Fatal(err)
		}
		got := StoredDump(t, s)
		if !strings.Contains(got, `"slug": "hertfordshire-county-council"`) {
			t.Errorf("Hertfordshire went with its page, though two articles still name it")
		}
		if strings.Contains(got, "24 007 412") {
			t.Errorf("a case of the deleted page is still there")
		}
		if err := s.Delete(ctx, []string{"news-herts-mishandling-childrens-services-complaints.txt", "news-herts-childrens-services-complaints-2020-21.txt"}); err != nil {
			t.Fatal(err)
		}
		got = StoredDump(t, s)
		if strings.Contains(got, "hertfordshire-county-council") {
			t.Errorf("Hertfordshire is still there after every document naming it went")
		}
		if strings.Contains(got, `"first": 2020`) {
			t.Errorf("the year 2020-21 is still there after every document of it went")
		}
	})

	t.Run("RevisionChanges", func(t *testing.T) {
		s := open(t)
		r0, err := s.Revision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Put(ctx, c.Themes, c.Facts[:1], nil); err != nil {
			t.Fatal(err)
		}
		r1, _ := s.Revision(ctx)
		if err := s.Put(ctx, c.Themes, c.Facts[:1], nil); err != nil {
			t.Fatal(err)
		}
		r2, _ := s.Revision(ctx)
		if r0 == r1 || r1 == r2 {
			t.Errorf("revisions %q, %q, %q: want a change with every write", r0, r1, r2)
		}
	})
}
