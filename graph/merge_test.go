package graph_test

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestBuildMergesCouncils checks how one council stated by several
// documents is merged: a council first met bare (named only by a case's
// slug) takes the name, type, code and abolition of the document that names
// it; after that, the first document to state each of them wins.
func TestBuildMergesCouncils(t *testing.T) {
	bare := graph.Facts{
		Document: graph.Document{Name: "a.txt", Kind: graph.CouncilPage, SHA256: "a"},
		Cases: []graph.Case{{Reference: "23 000 001", CouncilSlug: "x-council", CategoryName: "Education", SubcategoryName: "Other",
			Year: graph.Year{First: 2023}, Evidence: []graph.Span{span("a.txt", 3, "Case reference: 23 000 001")}}},
	}
	named := graph.Facts{
		Document: graph.Document{Name: "b.txt", Kind: graph.CouncilPage, SHA256: "b"},
		Councils: []graph.Council{{Slug: "x-council", Name: "X Council", Type: graph.DistrictCouncil, TypeBasis: "reference", Code: "E07000001",
			Abolished: "2023-04-01", SuccessorSlug: "y-council", Evidence: []graph.Span{span("b.txt", 1, "X Council")}}},
	}
	other := graph.Facts{
		Document: graph.Document{Name: "c.txt", Kind: graph.CouncilPage, SHA256: "c"},
		Councils: []graph.Council{{Slug: "x-council", Name: "The X Council", Type: graph.CountyCouncil, Code: "E10000099",
			Abolished: "2020-04-01", SuccessorSlug: "z-council", Evidence: []graph.Span{span("c.txt", 1, "The X Council")}}},
	}
	g, err := graph.Build([]graph.Facts{bare, named, other}, themes)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := g.Council("x-council")
	if !ok {
		t.Fatal("no council")
	}
	if c.Name != "X Council" || c.Type != graph.DistrictCouncil || c.TypeBasis != "reference" || c.Code != "E07000001" ||
		c.Abolished != "2023-04-01" || c.SuccessorSlug != "y-council" || len(c.Evidence) != 2 {
		t.Errorf("merged council %+v", c)
	}
	// A type the first document does not know is taken from a later one.
	untyped := named
	untyped.Councils = []graph.Council{{Slug: "x-council", Name: "X Council", Evidence: []graph.Span{span("b.txt", 1, "X Council")}}}
	g, err = graph.Build([]graph.Facts{untyped, other}, themes)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := g.Council("x-council"); c.Type != graph.CountyCouncil || c.Code != "E10000099" || c.Abolished != "2020-04-01" {
		t.Errorf("a later document's type, code and abolition were not taken: %+v", c)
	}
}

// TestBuildWarnsOfDisagreeingCases checks that two documents that list one
// case against different councils or categories get a warning, whichever
// field differs, and that agreeing documents get none.
func TestBuildWarnsOfDisagreeingCases(t *testing.T) {
	base := graph.Case{Reference: "23 000 001", CouncilSlug: "x-council", CategoryName: "Education", SubcategoryName: "Other", Year: graph.Year{First: 2023}}
	for _, c := range []struct {
		name   string
		change func(*graph.Case)
		warns  bool
	}{
		{"agreeing", func(*graph.Case) {}, false},
		{"another council", func(c *graph.Case) { c.CouncilSlug = "y-council" }, true},
		{"another category", func(c *graph.Case) { c.CategoryName = "Housing" }, true},
		{"another sub-category", func(c *graph.Case) { c.SubcategoryName = "Transport" }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			second := base
			c.change(&second)
			a := graph.Facts{Document: graph.Document{Name: "a.txt", Kind: graph.CouncilPage, SHA256: "a"}, Cases: []graph.Case{base}}
			b := graph.Facts{Document: graph.Document{Name: "b.txt", Kind: graph.CouncilPage, SHA256: "b"}, Cases: []graph.Case{second}}
			g, err := graph.Build([]graph.Facts{a, b}, themes)
			if err != nil {
				t.Fatal(err)
			}
			warned := strings.Contains(strings.Join(g.Warnings(), "\n"), "documents disagree")
			if warned != c.warns {
				t.Errorf("warned %v, want %v: %q", warned, c.warns, g.Warnings())
			}
		})
	}
}

// TestParseAuthorityType checks names in any case and plural, and that other
// names are refused.
func TestParseAuthorityType(t *testing.T) {
	for in, want := range map[string]graph.AuthorityType{
		"County Council": graph.CountyCouncil, "county councils": graph.CountyCouncil, " LONDON BOROUGH ": graph.LondonBorough,
	} {
		if got, ok := graph.ParseAuthorityType(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Parish", "", "Council"} {
		if got, ok := graph.ParseAuthorityType(in); ok {
			t.Errorf("%q was taken for %q", in, got)
		}
	}
}

// TestImprovementOutsideAGraph checks that an improvement not yet in a
// built graph has no case, council or year, rather than failing.
func TestImprovementOutsideAGraph(t *testing.T) {
	im := &graph.Improvement{CaseRef: "23 000 001", Ordinal: 1}
	if im.Case() != nil || im.Council() != nil || im.Year() != nil {
		t.Errorf("an improvement outside a graph: %v %v %v", im.Case(), im.Council(), im.Year())
	}
}
