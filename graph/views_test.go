package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestMatrixCellsAndTotals checks the theme matrix of the seed graph: each
// cell's total is the sum of its counts, and cells come by council in the
// councils' order, then by year.
func TestMatrixCellsAndTotals(t *testing.T) {
	g := seedGraph(t)
	m, err := g.ThemeMatrix(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Cells) < 5 {
		t.Fatalf("only %d cells", len(m.Cells))
	}
	rank := map[string]int{}
	for i, c := range g.Councils() {
		rank[c.Slug] = i
	}
	mixed := false
	for i, c := range m.Cells {
		if c.Total() != c.CaseCount+c.ImprovementCount+c.ArticleCount {
			t.Errorf("cell %d: total %d of %+v", i, c.Total(), c)
		}
		mixed = mixed || c.CaseCount > 0 && c.ImprovementCount > 0
		if i == 0 {
			continue
		}
		p := m.Cells[i-1]
		if rank[p.Council.Slug] > rank[c.Council.Slug] || p.Council == c.Council && p.Year.First > c.Year.First {
			t.Errorf("cell %d (%s %s) comes after %s %s", i, c.Council.Slug, c.Year.Label(), p.Council.Slug, p.Year.Label())
		}
	}
	if !mixed {
		t.Error("no cell counts both cases and improvements: the totals test too little")
	}
}

// TestCooccurrenceCounts checks the themes that occur with SEND against
// counts made from each item's themes, and their order: most items first.
func TestCooccurrenceCounts(t *testing.T) {
	g := seedGraph(t)
	want := map[string][4]int{} // theme → cases, improvements, reports, articles
	count := func(id string, kind int) {
		ts := g.ThemesOf(id)
		if !slices.Contains(ts, "send") {
			return
		}
		for _, s := range ts {
			if s != "send" {
				c := want[s]
				c[kind]++
				want[s] = c
			}
		}
	}
	cases, _ := g.Cases(graph.Filter{})
	for _, c := range cases {
		count(c.ID(), 0)
	}
	imps, _ := g.Improvements(graph.Filter{})
	for _, im := range imps {
		count(im.ID(), 1)
	}
	for _, r := range g.AllReports() {
		count(r.ID(), 2)
	}
	for _, a := range g.Articles() {
		count(a.ID(), 3)
	}
	got := g.Cooccurring("send")
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("%d themes occur with SEND; counted %d", len(got), len(want))
	}
	for i, c := range got {
		if w := want[c.Theme.Slug]; [4]int{c.CaseCount, c.ImprovementCount, c.ReportCount, c.ArticleCount} != w || c.Total() != w[0]+w[1]+w[2]+w[3] {
			t.Errorf("%s: %+v, counted %v", c.Theme.Slug, c, w)
		}
		if i > 0 && got[i-1].Total() < c.Total() {
			t.Errorf("%s (%d) comes after %s (%d)", c.Theme.Slug, c.Total(), got[i-1].Theme.Slug, got[i-1].Total())
		}
	}
}

// TestCompareTakesTheLatestYear checks that a comparison without a year is
// of the latest year any of its councils has statistics for.
func TestCompareTakesTheLatestYear(t *testing.T) {
	g := seedGraph(t)
	slugs := []string{"hertfordshire-county-council", "kent-county-council"}
	latest := 0
	for _, s := range slugs {
		for _, st := range g.Statistics(s) {
			latest = max(latest, st.Year.First)
		}
	}
	cmp, err := g.Compare(slugs, "")
	if err != nil || latest == 0 || cmp.Year.First != latest || len(cmp.Rows) != 2 {
		t.Errorf("compare: %v, year %d, want %d", err, cmp.Year.First, latest)
	}
}

// TestFiltersCheckNames checks that the graph's lists refuse a council,
// theme or year they do not hold, coded for the caller, and take slugs in
// any case.
func TestFiltersCheckNames(t *testing.T) {
	g := seedGraph(t)
	for _, f := range []graph.Filter{{Council: "kent"}, {Theme: "sen"}, {Year: "2031-32"}, {Year: "2031"}} {
		_, err1 := g.Cases(f)
		_, err2 := g.Improvements(f)
		_, err3 := g.FindArticles(f)
		for _, err := range []error{err1, err2, err3} {
			if graph.ErrorCode(err) != graph.CodeInvalid {
				t.Errorf("%+v: %v, want a %s error", f, err, graph.CodeInvalid)
			}
		}
	}
	upper, err := g.Cases(graph.Filter{Council: "KENT-COUNTY-COUNCIL", Theme: "SEND"})
	lower, _ := g.Cases(graph.Filter{Council: "kent-county-council", Theme: "send"})
	if err != nil || len(upper) == 0 || len(upper) != len(lower) {
		t.Errorf("slugs in capitals: %d cases (%v), in lower case %d", len(upper), err, len(lower))
	}
	empty, err := graph.Build(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l, err := empty.YearLabel("year", "2023-24"); err != nil || l != "2023-24" {
		t.Errorf("a year in a graph of no years: %q %v", l, err)
	}
}

// TestProperties checks the properties exports read from vertices: a
// council's type, a statistics' measures, an improvement's actions, a
// claim's qualifier, and the years and themes of a case.
func TestProperties(t *testing.T) {
	g := seedGraph(t)
	sg, err := g.Subgraph(graph.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, v := range sg.Nodes {
		props := map[string]any{}
		for _, p := range v.Props() {
			props[p.Name] = p.Value
		}
		switch v.Kind {
		case graph.KindCouncil:
			found["authorityType"] = found["authorityType"] || props["authorityType"] != nil
		case graph.KindStatistics:
			found["upheldPercent"] = found["upheldPercent"] || props["upheldPercent"] != nil
		case graph.KindImprovement:
			found["actions"] = found["actions"] || props["actions"] != nil
		case graph.KindClaim:
			found["qualifier"] = found["qualifier"] || props["qualifier"] != nil
		case graph.KindCase:
			if props["years"] != v.Years[0].Label() {
				t.Errorf("%s: years %v", v.ID, props["years"])
			}
			if len(v.Themes) > 0 {
				found["themes"] = true
				if props["themes"] != strings.Join(v.Themes, " ") {
					t.Errorf("%s: themes %v, want %v", v.ID, props["themes"], v.Themes)
				}
			} else if props["themes"] != nil {
				t.Errorf("%s: themes %v without themes", v.ID, props["themes"])
			}
		}
	}
	for _, k := range []string{"authorityType", "upheldPercent", "actions", "qualifier", "themes"} {
		if !found[k] {
			t.Errorf("no vertex has the property %s", k)
		}
	}
}

// TestLetterWithoutDate checks that a letter without a date is known by its
// council and year.
func TestLetterWithoutDate(t *testing.T) {
	l := &graph.Letter{CouncilSlug: "x-council", Year: graph.Year{First: 2019}}
	if l.ID() != "Letter:x-council/2019-20" {
		t.Errorf("ID %q", l.ID())
	}
	l.Date = "2020-07-29"
	if l.ID() != "Letter:x-council/2020-07-29" {
		t.Errorf("ID %q", l.ID())
	}
}
