package graph_test

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

func span(doc string, line int, quote string) graph.Span {
	return graph.Span{Doc: doc, Line: line, End: len([]rune(quote)), Quote: quote}
}

func ptr[T any](v T) *T { return &v }

// page returns the facts of a small council page.
func page(doc, council string, cases ...graph.Case) graph.Facts {
	f := graph.Facts{
		Document: graph.Document{Name: doc, Kind: graph.CouncilPage, SHA256: doc},
		Councils: []graph.Council{{Slug: graph.Slug(council), Name: council, Type: graph.CountyCouncil, Evidence: []graph.Span{span(doc, 1, council)}}},
	}
	for i, c := range cases {
		c.CouncilSlug = graph.Slug(council)
		c.Year, _ = graph.YearOfReference(c.Reference)
		c.Evidence = []graph.Span{span(doc, 10+i, "Case reference: "+c.Reference)}
		f.Cases = append(f.Cases, c)
		f.Improvements = append(f.Improvements, graph.Improvement{CaseRef: c.Reference, Ordinal: 1, Text: "Apologise for " + c.Reference})
	}
	return f
}

var themes = []graph.Theme{{Slug: "send", Name: "SEND", Subcategories: []string{"Special educational needs"}}}

func TestBuildMergesDocuments(t *testing.T) {
	a := page("a.txt", "Kent County Council",
		graph.Case{Reference: "23 000 001", CategoryName: "Education", SubcategoryName: "Special educational needs"},
		graph.Case{Reference: "22 000 002", CategoryName: "Education", SubcategoryName: "Other"})
	b := page("b.txt", "Kent County Council",
		graph.Case{Reference: "23 000 001", CategoryName: "Education", SubcategoryName: "Special educational needs"},
		graph.Case{Reference: "24 000 003", CategoryName: "Housing", SubcategoryName: "Other"})
	for _, order := range [][]graph.Facts{{a, b}, {b, a}} {
		g, err := graph.Build(order, themes)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(g.Councils()); n != 1 {
			t.Errorf("councils = %d, want 1", n)
		}
		c, _ := g.Council("kent-county-council")
		if len(c.Evidence) != 2 {
			t.Errorf("council evidence = %d spans, want one per document", len(c.Evidence))
		}
		all, _ := g.Cases(graph.Filter{})
		var refs []string
		for _, c := range all {
			refs = append(refs, c.Reference)
		}
		if strings.Join(refs, ",") != "24 000 003,23 000 001,22 000 002" {
			t.Errorf("cases = %v, want newest reference first, each once", refs)
		}
		if n := len(g.CaseImprovements("23 000 001")); n != 1 {
			t.Errorf("improvements of the shared case = %d, want the one both documents state", n)
		}
		// "Other" occurs under two categories: two sub-categories.
		if _, ok := g.Subcategory("Education", "Other"); !ok {
			t.Errorf("no Education/Other")
		}
		if _, ok := g.Subcategory("Housing", "Other"); !ok {
			t.Errorf("no Housing/Other")
		}
		others, _ := g.Cases(graph.Filter{Subcategory: "Other"})
		educationOthers, _ := g.Cases(graph.Filter{Category: "education", Subcategory: "other"})
		if len(others) != 2 || len(educationOthers) != 1 {
			t.Errorf("Other: %d cases in all, %d in Education; want 2 and 1", len(others), len(educationOthers))
		}
		send, _ := g.Cases(graph.Filter{Theme: "send", Year: "2023-24", Council: "kent-county-council"})
		if len(send) != 1 || send[0].Reference != "23 000 001" {
			t.Errorf("send cases = %v", send)
		}
		imps, _ := g.Improvements(graph.Filter{Theme: "send"})
		if len(imps) != 1 || g.Tags(imps[0].ID())[0].Basis != graph.BasisCase {
			t.Errorf("the improvement of a SEND case should carry SEND by its case")
		}
		if g.Revision() == "" {
			t.Errorf("no revision")
		}
	}
}

func TestBuildRevisionFollowsContent(t *testing.T) {
	a := page("a.txt", "Kent County Council")
	g1, _ := graph.Build([]graph.Facts{a}, themes)
	g2, _ := graph.Build([]graph.Facts{a}, themes)
	a.Document.SHA256 = "changed"
	g3, _ := graph.Build([]graph.Facts{a}, themes)
	if g1.Revision() != g2.Revision() || g1.Revision() == g3.Revision() {
		t.Errorf("revisions %s %s %s: want the same for the same content, different for changed", g1.Revision(), g2.Revision(), g3.Revision())
	}
}

func TestBuildConflicts(t *testing.T) {
	a := page("a.txt", "Kent County Council")
	b := page("b.txt", "Kent County Council")
	y := graph.Year{First: 2023}
	a.Statistics = []graph.Statistics{{CouncilSlug: "kent-county-council", Year: y, Investigations: ptr(94), Doc: "a.txt"}}
	b.Statistics = []graph.Statistics{{CouncilSlug: "kent-county-council", Year: y, Investigations: ptr(95), Doc: "b.txt"}}
	g, err := graph.Build([]graph.Facts{b, a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := g.Statistics("kent-county-council")
	if len(st) != 1 || *st[0].Investigations != 94 {
		t.Errorf("statistics = %+v, want one, from a.txt (first by name)", st)
	}
	if len(g.Warnings()) != 1 || !strings.Contains(g.Warnings()[0], "disagree") {
		t.Errorf("warnings = %v", g.Warnings())
	}
	if _, err := graph.Build([]graph.Facts{a, a}, nil); err == nil {
		t.Errorf("two documents of one name built")
	}
	if _, err := g.Cases(graph.Filter{Year: "twenty"}); graph.ErrorCode(err) != graph.CodeInvalid {
		t.Errorf("a bad year filter: %v", err)
	}
}

func TestNodesAndRanks(t *testing.T) {
	g, _ := graph.Build([]graph.Facts{page("a.txt", "Kent County Council",
		graph.Case{Reference: "23 000 001", CategoryName: "Education", SubcategoryName: "Other"},
		graph.Case{Reference: "24 000 001", CategoryName: "Education", SubcategoryName: "Other"})}, themes)
	for _, id := range []string{"Council:kent-county-council", "Case:23-000-001", "Year:2023-24", "AuthorityType:county-council",
		"Category:education", "Subcategory:education/other", "Improvement:23-000-001/1", "Theme:send", "Document:a.txt"} {
		n, ok := g.Node(id)
		if !ok {
			t.Errorf("no node %s", id)
			continue
		}
		if got := n.(graph.Node).ID(); got != id {
			t.Errorf("node %s has ID %s", id, got)
		}
	}
	r1, _ := g.Rank("Case:24-000-001")
	r2, _ := g.Rank("Case:23-000-001")
	if r1 >= r2 {
		t.Errorf("ranks %d, %d: newest case should come first", r1, r2)
	}
}

// TestBuildMergesStatistics checks that two documents stating different
// measures of one council's year (a page cut short, and a whole copy) give
// one set of statistics with every measure, and no warning.
func TestBuildMergesStatistics(t *testing.T) {
	a := page("a.txt", "Kent County Council")
	b := page("b.txt", "Kent County Council")
	y := graph.Year{First: 2024}
	pct := 79.0
	a.Statistics = []graph.Statistics{{CouncilSlug: "kent-county-council", Year: y, ComplaintsDealtWith: ptr(291), Doc: "a.txt"}}
	b.Statistics = []graph.Statistics{{CouncilSlug: "kent-county-council", Year: y, ComplaintsDealtWith: ptr(291), UpheldPercent: &pct, Doc: "b.txt"}}
	g, err := graph.Build([]graph.Facts{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := g.Statistics("kent-county-council")
	if len(st) != 1 || st[0].ComplaintsDealtWith == nil || *st[0].ComplaintsDealtWith != 291 || st[0].UpheldPercent == nil || *st[0].UpheldPercent != 79 {
		t.Errorf("statistics = %+v, want both documents' measures", st)
	}
	if len(g.Warnings()) != 0 {
		t.Errorf("warnings = %v, want none: the documents do not disagree", g.Warnings())
	}
}
