package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestImprovementTags checks which tags an improvement carries when its case
// has several of one theme: its own, then the first of its case's tags of
// each theme it has not, in the theme file's order.
func TestImprovementTags(t *testing.T) {
	tagThemes := []graph.Theme{
		{Slug: "send", Name: "SEND", Subcategories: []string{"Special educational needs"}},
		{Slug: "housing", Name: "Housing"},
	}
	f := page("a.txt", "Kent County Council",
		graph.Case{Reference: "23 000 001", CategoryName: "Education", SubcategoryName: "Special educational needs"})
	match := func(theme, term string, line int) graph.ThemeMatch {
		return graph.ThemeMatch{Theme: theme, Term: term, Evidence: span("a.txt", line, term)}
	}
	f.Improvements = []graph.Improvement{
		{CaseRef: "23 000 001", Ordinal: 1, Text: "Review EHC plans", Matches: []graph.ThemeMatch{match("send", "EHC plans", 20)}},
		{CaseRef: "23 000 001", Ordinal: 2, Text: "Train housing officers", Matches: []graph.ThemeMatch{match("housing", "housing", 21)}},
		{CaseRef: "23 000 001", Ordinal: 3, Text: "Apologise"},
		{CaseRef: "23 000 001", Ordinal: 4, Text: "Audit EHC plan deadlines", Matches: []graph.ThemeMatch{match("send", "EHC plan", 23)}},
	}
	g, err := graph.Build([]graph.Facts{f}, tagThemes)
	if err != nil {
		t.Fatal(err)
	}
	show := func(tags []graph.ThemeTag) string {
		var out []string
		for _, tg := range tags {
			out = append(out, fmt.Sprintf("%s/%s/%s", tg.Theme, tg.Basis, tg.Term))
		}
		return strings.Join(out, ", ")
	}
	ims := g.CaseImprovements("23 000 001")
	if len(ims) != 4 {
		t.Fatalf("%d improvements, want 4", len(ims))
	}
	c, ok := g.Case("23 000 001")
	if !ok {
		t.Fatal("no case 23 000 001")
	}
	caseWant := "send/SUBCATEGORY/Special educational needs, send/IMPROVEMENT/EHC plans, send/IMPROVEMENT/EHC plan, housing/IMPROVEMENT/housing"
	if got := show(g.Tags(c.ID())); got != caseWant {
		t.Errorf("the case's tags = %s, want %s", got, caseWant)
	}
	for i, want := range []string{
		"send/TEXT/EHC plans, housing/CASE/housing",
		"send/CASE/Special educational needs, housing/TEXT/housing",
		"send/CASE/Special educational needs, housing/CASE/housing",
		"send/TEXT/EHC plan, housing/CASE/housing",
	} {
		if got := show(g.Tags(ims[i].ID())); got != want {
			t.Errorf("improvement %d's tags = %s, want %s", i+1, got, want)
		}
		if got := strings.Join(g.ThemesOf(ims[i].ID()), ","); got != "send,housing" {
			t.Errorf("improvement %d's themes = %s, want send,housing", i+1, got)
		}
	}
}
