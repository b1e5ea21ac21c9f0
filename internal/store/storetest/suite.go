package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
)

// opener returns a new, empty store.
type opener = func(t *testing.T) store.Store

// suite is the suite's tests, by name, in the order Run runs them. Each
// gets the seed corpus, which Run parses once, and the store opener.
var suite = []struct {
	name string
	test func(t *testing.T, c *Corpus, open opener)
}{
	{"RoundTrip", testRoundTrip},
	{"RoundTripWithExtraDocuments", testRoundTripWithExtraDocuments},
	{"PutTwiceChangesNothing", testPutTwiceChangesNothing},
	{"EditLeavesNoOldFacts", testEditLeavesNoOldFacts},
	{"SharedFactsStayWhileSupported", testSharedFactsStayWhileSupported},
	{"RevisionChangesWithContent", testRevisionChanges},
	{"FollowSeesWrites", testFollowSeesWrites},
}

// Run runs the suite. open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	c := Seed(t)
	for _, tc := range suite {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, c, open) })
	}
}

// testRoundTrip checks that the graph built from what the store gives back
// is the graph built from the seed corpus.
func testRoundTrip(t *testing.T, c *Corpus, open opener) {
	ctx := context.Background()
	s := open(t)
	if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	if d := Diff(Dump(t, c.Facts, c.Themes), StoredDump(t, s)); d != "" {
		t.Errorf("the graph built from the store differs from the graph built from the documents at %s", d)
	}
}

// testRoundTripWithExtraDocuments checks the round trip with the suite's
// extra documents too, and that they give what they are there for.
func testRoundTripWithExtraDocuments(t *testing.T, _ *Corpus, open opener) {
	ctx := context.Background()
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
}

// testPutTwiceChangesNothing checks that writing the same corpus again
// leaves the counts as they were.
func testPutTwiceChangesNothing(t *testing.T, c *Corpus, open opener) {
	ctx := context.Background()
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
}

// kentPage is the seed document testEditLeavesNoOldFacts edits.
const kentPage = "council-page-kent-county-council.txt"

// testEditLeavesNoOldFacts re-writes an edited document and checks that
// what only its old version stated is gone, and that the store then holds
// what a fresh load of the edited corpus holds.
func testEditLeavesNoOldFacts(t *testing.T, c *Corpus, open opener) {
	ctx := context.Background()
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
}

// testSharedFactsStayWhileSupported deletes documents one by one and checks
// that an entity stays while any document still states it, and goes with
// the last.
func testSharedFactsStayWhileSupported(t *testing.T, c *Corpus, open opener) {
	ctx := context.Background()
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
}

// testRevisionChanges checks that a write changes the revision when it
// changes what the store holds, and only then: writing a document or themes
// the store already holds as they are writes nothing, and says so.
func testRevisionChanges(t *testing.T, c *Corpus, open opener) {
	ctx := context.Background()
	s := open(t)
	rev := func() string {
		t.Helper()
		r, err := s.Revision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	put := func(themes []graph.Theme, docs []graph.Facts) store.Progress {
		t.Helper()
		var last store.Progress
		if err := s.Put(ctx, themes, docs, func(p store.Progress) { last = p }); err != nil {
			t.Fatal(err)
		}
		return last
	}
	r0 := rev()
	put(c.Themes, c.Facts[:2])
	r1 := rev()
	if p := put(c.Themes, c.Facts[:2]); p.Unchanged != 2 || p.Docs != 2 {
		t.Errorf("writing the same documents again: progress %+v, want both unchanged", p)
	}
	r2 := rev()
	changed := slices.Clone(c.Facts[:2])
	changed[1].Document.Title += " (revised)"
	if p := put(c.Themes, changed); p.Unchanged != 1 {
		t.Errorf("writing one document changed: progress %+v, want the other unchanged", p)
	}
	r3 := rev()
	put(c.Themes[:len(c.Themes)-1], nil)
	r4 := rev()
	if r0 == r1 || r1 != r2 || r2 == r3 || r3 == r4 {
		t.Errorf("revisions %q, %q (the same again: %q), %q (one changed), %q (a theme fewer): want a change with every write that changes something, and only then",
			r0, r1, r2, r3, r4)
	}
	docs, _, err := s.Facts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(docs, func(f graph.Facts) bool { return f.Document.Title == changed[1].Document.Title }) {
		t.Errorf("the changed document's new title is not stored")
	}
}
