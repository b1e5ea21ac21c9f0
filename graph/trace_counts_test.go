package graph_test

import (
	"slices"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestTraceCounts checks every theme's trace against counts made through the
// filtered lists: each council's themed cases and improvements, each year's,
// each council's first and last year, and what CouncilThemes says of a
// council.
func TestTraceCounts(t *testing.T) {
	g := seedGraph(t)
	checked := 0
	for _, th := range g.Themes() {
		tr, ok := g.Trace(th.Slug)
		if !ok {
			t.Fatalf("no trace of %s", th.Slug)
		}
		for _, tc := range tr.Councils {
			cases, err := g.Cases(graph.Filter{Theme: th.Slug, Council: tc.Council.Slug})
			if err != nil {
				t.Fatal(err)
			}
			imps, err := g.Improvements(graph.Filter{Theme: th.Slug, Council: tc.Council.Slug})
			if err != nil {
				t.Fatal(err)
			}
			reports := 0
			for _, r := range g.Reports(tc.Council.Slug) {
				if slices.Contains(g.ThemesOf(r.ID()), th.Slug) {
					reports++
				}
			}
			if tc.CaseCount != len(cases) || tc.ImprovementCount != len(imps) || tc.ReportCount != reports {
				t.Errorf("%s, %s: %d cases, %d improvements, %d reports; counted %d, %d, %d", th.Slug, tc.Council.Slug, tc.CaseCount, tc.ImprovementCount, tc.ReportCount, len(cases), len(imps), reports)
			}
			var years []int
			for _, c := range cases {
				years = append(years, c.Year.First)
			}
			arts, _ := g.FindArticles(graph.Filter{Theme: th.Slug, Council: tc.Council.Slug})
			for _, a := range arts {
				for _, y := range a.Years {
					years = append(years, y.First)
				}
			}
			if len(years) > 0 && (tc.FirstSeen == nil || tc.LastSeen == nil || tc.FirstSeen.First != slices.Min(years) || tc.LastSeen.First != slices.Max(years)) {
				t.Errorf("%s, %s: first %v, last %v; years %v", th.Slug, tc.Council.Slug, tc.FirstSeen, tc.LastSeen, years)
			}
			if !slices.ContainsFunc(g.CouncilThemes(tc.Council.Slug), func(x graph.ThemeCouncil) bool {
				return x.Theme.Slug == th.Slug && x.CaseCount == tc.CaseCount
			}) {
				t.Errorf("CouncilThemes(%s) lacks %s", tc.Council.Slug, th.Slug)
			}
			checked++
		}
		for _, y := range tr.Years {
			cases, _ := g.Cases(graph.Filter{Theme: th.Slug, Year: y.Year.Label()})
			imps, _ := g.Improvements(graph.Filter{Theme: th.Slug, Year: y.Year.Label()})
			if y.CaseCount != len(cases) || y.ImprovementCount != len(imps) {
				t.Errorf("%s in %s: %d cases, %d improvements; counted %d, %d", th.Slug, y.Year.Label(), y.CaseCount, y.ImprovementCount, len(cases), len(imps))
			}
		}
		for _, y := range tr.Timeline {
			if y.CaseCount == 0 {
				t.Errorf("%s: the timeline lists %s, which has no themed case", th.Slug, y.Year.Label())
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d theme councils checked", checked)
	}
	for _, tc := range g.CouncilThemes("kent-county-council") {
		if tc.Council.Slug != "kent-county-council" {
			t.Errorf("CouncilThemes(kent) holds %s", tc.Council.Slug)
		}
	}
}

// TestYearEdges checks years far from today's, a range that runs backwards,
// and case references that start with no year.
func TestYearEdges(t *testing.T) {
	for y, want := range map[int]string{999: "999-00", 9999: "9999-00", 1999: "1999-00", 2009: "2009-10"} {
		if got := (graph.Year{First: y}).Label(); got != want {
			t.Errorf("Year{%d}.Label() = %q, want %q", y, got, want)
		}
	}
	for _, bad := range []string{"2024-23", "2023-25", "23-24"} {
		if _, err := graph.ParseYear(bad); err == nil {
			t.Errorf("ParseYear(%q) gave no error", bad)
		}
	}
	for _, ref := range []string{"", "2", "x3 014 261", "2x 014 261", "/3 014 261", ":3 014 261", "2/ 014 261", "2: 014 261"} {
		if _, err := graph.YearOfReference(ref); err == nil {
			t.Errorf("YearOfReference(%q) gave no error", ref)
		}
	}
	for ref, want := range map[string]int{"00 000 001": 2000, "99 000 001": 2099, "23 014 261": 2023} {
		if y, err := graph.YearOfReference(ref); err != nil || y.First != want {
			t.Errorf("YearOfReference(%q) = %d %v, want %d", ref, y.First, err, want)
		}
	}
}

// TestSubgraphDepthAndYears checks that each hop reaches further, that a
// depth out of range is refused, and that a year filter keeps the nodes of
// that year and the timeless ones.
func TestSubgraphDepthAndYears(t *testing.T) {
	g := seedGraph(t)
	sizes := []int{}
	for depth := 0; depth <= 2; depth++ {
		sg, err := g.Subgraph(graph.Selection{Seeds: []string{"Council:kent-county-council"}, Depth: depth})
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(sg.Nodes))
	}
	if sizes[0] != 1 || sizes[1] <= sizes[0] || sizes[2] <= sizes[1] {
		t.Errorf("nodes at depths 0, 1, 2: %v", sizes)
	}
	for _, d := range []int{-1, graph.MaxSubgraphDepth + 1} {
		if _, err := g.Subgraph(graph.Selection{Seeds: []string{"Council:kent-county-council"}, Depth: d}); graph.ErrorCode(err) != graph.CodeInvalid {
			t.Errorf("depth %d: %v", d, err)
		}
	}
	sg, err := g.Subgraph(graph.Selection{Years: []string{"2023-24"}})
	if err != nil {
		t.Fatal(err)
	}
	timeless := 0
	for _, v := range sg.Nodes {
		if len(v.Years) == 0 {
			timeless++
			continue
		}
		if !slices.ContainsFunc(v.Years, func(y graph.Year) bool { return y.First == 2023 }) {
			t.Errorf("%s of %v is in a 2023-24 selection", v.ID, v.Years)
		}
	}
	if timeless == 0 || timeless == len(sg.Nodes) {
		t.Errorf("%d of %d nodes are timeless", timeless, len(sg.Nodes))
	}
}

// TestVertexLabelsAndYears checks what the network gives vertices: a
// statistics' label names its council, an improvement has its case's year,
// and a claim its article's years.
func TestVertexLabelsAndYears(t *testing.T) {
	g := seedGraph(t)
	st := g.Statistics("kent-county-council")
	if len(st) == 0 {
		t.Fatal("Kent has no statistics")
	}
	if v, ok := g.Vertex(st[0].ID()); !ok || v.Label != "Kent County Council "+st[0].Year.Label() {
		t.Errorf("statistics vertex %+v", v)
	}
	imps, _ := g.Improvements(graph.Filter{Council: "kent-county-council"})
	if v, ok := g.Vertex(imps[0].ID()); !ok || len(v.Years) != 1 || v.Years[0] != imps[0].Case().Year {
		t.Errorf("improvement vertex years %v, case %v", v.Years, imps[0].Case().Year)
	}
	claims := g.AllClaims()
	if len(claims) == 0 {
		t.Fatal("no claims")
	}
	a, _ := g.Article(claims[0].ArticleDoc)
	if v, ok := g.Vertex(claims[0].ID()); !ok || !slices.Equal(v.Years, a.Years) || len(a.Years) == 0 {
		t.Errorf("claim vertex years %v, article %v", v.Years, a.Years)
	}
}
