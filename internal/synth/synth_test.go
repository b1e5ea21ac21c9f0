package synth_test

import (
	"slices"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/synth"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// small has pages in every layout. Its letters are of one era: the 2007
// letters' formal council names ("Borough Council of …") are not resolved to
// the councils their pages name yet (see TestLayoutsParseToTheirFacts).
var small = synth.Options{Councils: 25, Years: 3, LastYear: 2024, CasesPerPage: 6, Seed: 7, Layout: synth.Mix, Era: synth.Mix}

// TestSyntheticCorpusParses checks that every synthetic document parses, as
// the kind it is meant to be, and that the corpus has the variety the
// features need.
func TestSyntheticCorpusParses(t *testing.T) {
	docs := synth.Generate(small)
	if len(docs) != 25*3*3 {
		t.Fatalf("%d documents, want 225", len(docs))
	}
	var srcs []loader.Source
	for _, d := range docs {
		srcs = append(srcs, loader.Source{Name: d.Name, Data: []byte(d.Text)})
	}
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := l.Load(srcs)
	if err != nil {
		t.Fatalf("synthetic documents do not parse: %v", err)
	}
	g, err := graph.Build(facts, l.Themes())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Councils()); n != 25 {
		t.Errorf("%d councils, want 25", n)
	}
	types := map[graph.AuthorityType]bool{}
	for _, c := range g.Councils() {
		types[c.Type] = true
	}
	if len(types) != 5 {
		t.Errorf("authority types %v, want all five", types)
	}
	kinds := map[graph.DocKind]int{}
	for _, d := range g.Documents() {
		kinds[d.Kind]++
	}
	if kinds[graph.CouncilPage] != 75 || kinds[graph.AnnualLetter] != 75 || kinds[graph.NewsArticle] != 75 {
		t.Errorf("document kinds %v", kinds)
	}
	statuses := map[graph.ClaimStatus]int{}
	for _, c := range g.AllClaims() {
		chk, _ := g.Check(c.ID())
		statuses[chk.Status]++
	}
	for _, s := range []graph.ClaimStatus{graph.ClaimConsistent, graph.ClaimDiffers, graph.ClaimUnverified} {
		if statuses[s] == 0 {
			t.Errorf("no %s claims among %v", s, statuses)
		}
	}
	for _, a := range g.Articles() {
		if len(a.CouncilSlugs) != 1 {
			t.Errorf("%s is about %v, want its one council", a.Doc, a.CouncilSlugs)
		}
	}
	if tr, _ := g.Trace("send"); len(tr.Cases) == 0 || len(tr.Councils) < 5 {
		t.Errorf("SEND: %d cases across %d councils", len(tr.Cases), len(tr.Councils))
	}
	if len(g.Warnings()) != 0 {
		t.Errorf("warnings: %v", g.Warnings()[:min(3, len(g.Warnings()))])
	}
}

func TestDeterministic(t *testing.T) {
	a, b := synth.Generate(small), synth.Generate(small)
	if !slices.Equal(a, b) {
		t.Errorf("the same options gave different corpora")
	}
	other := small
	other.Seed++
	if slices.Equal(a, synth.Generate(other)) {
		t.Errorf("another seed gave the same corpus")
	}
}
