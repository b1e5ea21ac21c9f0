package graph_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestActionsAtWordStarts checks that an action's word counts only where a
// word starts, whatever ends the word before (a digit, a letter, an
// underscore), and that "£" counts even glued to the word before it.
func TestActionsAtWordStarts(t *testing.T) {
	for _, c := range []struct {
		text string
		want graph.ActionType
	}{
		{"Review the decision.", graph.ActionReview},
		{"0review the decision.", graph.ActionOther},
		{"9review the decision.", graph.ActionOther},
		{"areview the decision.", graph.ActionOther},
		{"zreview the decision.", graph.ActionOther},
		{"_review the decision.", graph.ActionOther},
		{"(review the decision.)", graph.ActionReview},
		{"Award a further£150 to Mr X.", graph.ActionPay},
	} {
		if got := graph.ClassifyActions(c.text); !slices.Equal(got, []graph.ActionType{c.want}) {
			t.Errorf("%q: %v, want %s", c.text, got, c.want)
		}
	}
}

// TestYearsAtTheirEdges checks the century a two-digit second year falls
// in, and a reference of two digits only.
func TestYearsAtTheirEdges(t *testing.T) {
	for in, want := range map[string]int{"1999-00": 1999, "2099-00": 2099, "2000-01": 2000} {
		if y, err := graph.ParseYear(in); err != nil || y.First != want {
			t.Errorf("ParseYear(%q) = %d %v, want %d", in, y.First, err, want)
		}
	}
	if y, err := graph.YearOfReference("23"); err != nil || y.First != 2023 {
		t.Errorf("YearOfReference(\"23\") = %d %v", y.First, err)
	}
	g := seedGraph(t)
	if _, err := g.Subgraph(graph.Selection{Seeds: []string{"Council:kent-county-council"}, Depth: graph.MaxSubgraphDepth, Limit: 10}); err != nil {
		t.Errorf("depth %d, the most allowed: %v", graph.MaxSubgraphDepth, err)
	}
}

// TestLongLabels checks that a long improvement's label is cut at a word,
// within 60 runes and an ellipsis, and that a short one is whole.
func TestLongLabels(t *testing.T) {
	g := seedGraph(t)
	imps, err := g.Improvements(graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	long, short := 0, 0
	for _, im := range imps {
		v, _ := g.Vertex(im.ID())
		n := utf8.RuneCountInString(im.Text)
		switch {
		case n <= 60:
			short++
			if v.Label != im.Text {
				t.Errorf("a short text's label %q", v.Label)
			}
		default:
			long++
			cut := strings.TrimSuffix(v.Label, "…")
			if !strings.HasSuffix(v.Label, "…") || utf8.RuneCountInString(cut) > 60 || utf8.RuneCountInString(cut) < 30 || !strings.HasPrefix(im.Text, cut) {
				t.Errorf("label %q of %q", v.Label, im.Text)
			}
			if next := im.Text[len(cut):]; next != "" && !strings.ContainsAny(next[:1], " ,.;:") {
				t.Errorf("label %q cuts a word of %q", v.Label, im.Text)
			}
		}
	}
	small, err := graph.Build([]graph.Facts{page("a.txt", "X Council", graph.Case{Reference: "23 000 001", CategoryName: "Education", SubcategoryName: "Other"})}, themes)
	if err != nil {
		t.Fatal(err)
	}
	for _, im := range small.CaseImprovements("23 000 001") {
		short++
		if v, _ := small.Vertex(im.ID()); v.Label != im.Text {
			t.Errorf("a short text's label %q", v.Label)
		}
	}
	if long == 0 || short == 0 {
		t.Errorf("%d long and %d short texts: the test tests too little", long, short)
	}
}

// TestPropertiesOnlyWhereStated checks that vertices have no years, themes or
// qualifier property when they have none.
func TestPropertiesOnlyWhereStated(t *testing.T) {
	g := seedGraph(t)
	sg, err := g.Subgraph(graph.Selection{Kinds: []graph.Kind{graph.KindCouncil, graph.KindClaim}})
	if err != nil {
		t.Fatal(err)
	}
	bare := 0
	for _, v := range sg.Nodes {
		props := map[string]bool{}
		for _, p := range v.Props() {
			props[p.Name] = true
		}
		if v.Kind == graph.KindCouncil && (props["years"] || props["themes"]) {
			t.Errorf("council %s has years or themes: %v", v.ID, props)
		}
		if n, ok := g.Node(v.ID); ok && v.Kind == graph.KindClaim && n.(*graph.Claim).Qualifier == "" {
			bare++
			if props["qualifier"] {
				t.Errorf("claim %s has a qualifier property without a qualifier", v.ID)
			}
		}
	}
	if bare == 0 {
		t.Error("no claim without a qualifier")
	}
}

// TestTraceArticleYears checks each theme's years' article counts against
// the articles found by theme and year.
func TestTraceArticleYears(t *testing.T) {
	g := seedGraph(t)
	seen := 0
	for _, th := range g.Themes() {
		tr, _ := g.Trace(th.Slug)
		for _, y := range tr.Years {
			arts, err := g.FindArticles(graph.Filter{Theme: th.Slug, Year: y.Year.Label()})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, a := range arts {
				n += max(len(a.ThemeCouncils(th.Slug)), 1)
			}
			seen += y.ArticleCount
			if y.ArticleCount != len(arts) && y.ArticleCount != n {
				t.Errorf("%s in %s: %d articles; found %d", th.Slug, y.Year.Label(), y.ArticleCount, len(arts))
			}
		}
	}
	if seen == 0 {
		t.Error("no themed article in any year")
	}
}

// TestCompareOverSeveralYears checks that a comparison without a year takes
// the latest of several.
func TestCompareOverSeveralYears(t *testing.T) {
	f := graph.Facts{
		Document: graph.Document{Name: "a.txt", Kind: graph.CouncilPage, SHA256: "a"},
		Councils: []graph.Council{{Slug: "x-council", Name: "X Council", Evidence: []graph.Span{span("a.txt", 1, "X Council")}}},
		Statistics: []graph.Statistics{
			{CouncilSlug: "x-council", Year: graph.Year{First: 2022}, UpheldPercent: ptr(50.0)},
			{CouncilSlug: "x-council", Year: graph.Year{First: 2023}, UpheldPercent: ptr(60.0)},
			{CouncilSlug: "x-council", Year: graph.Year{First: 2021}, UpheldPercent: ptr(40.0)},
		},
	}
	g, err := graph.Build([]graph.Facts{f}, themes)
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := g.Compare([]string{"x-council"}, "")
	if err != nil || cmp.Year.First != 2023 || cmp.Rows[0].Statistics == nil || *cmp.Rows[0].Statistics.UpheldPercent != 60 {
		t.Errorf("compare: %v %+v", err, cmp)
	}
}
