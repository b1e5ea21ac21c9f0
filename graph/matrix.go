package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// cell is one council and business year.
type cell struct {
	council string
	year    int
}

// MatrixCell counts the items of one council, business year and theme.
type MatrixCell struct {
	Council          *Council
	Year             Year
	Theme            *Theme
	CaseCount        int
	ImprovementCount int
	ArticleCount     int
}

// Total is the number of themed items in the cell.
func (c *MatrixCell) Total() int { return c.CaseCount + c.ImprovementCount + c.ArticleCount }

// Matrix is the council × year × theme counts, ready for a heatmap: its axes,
// and the cells that are not empty.
type Matrix struct {
	Themes   []*Theme
	Councils []*Council
	Years    []Year
	Cells    []*MatrixCell
}

// ThemeMatrix returns the counts of themed cases, improvements and articles
// for each council, business year and theme selected. Empty selections select
// everything; unknown slugs and labels are errors. Reports have no year, so
// they are not counted.
func (g *Graph) ThemeMatrix(themes, councils, years []string) (*Matrix, error) {
	m := &Matrix{}
	for i, s := range themes {
		slug, err := g.ThemeSlug(fmt.Sprintf("themes[%d]", i), s)
		if err != nil {
			return nil, err
		}
		m.Themes = append(m.Themes, g.themeBySlug[slug])
	}
	if len(themes) == 0 {
		m.Themes = g.themes
	}
	for i, s := range councils {
		slug, err := g.CouncilSlug(fmt.Sprintf("councils[%d]", i), s)
		if err != nil {
			return nil, err
		}
		m.Councils = append(m.Councils, g.councilBySlug[slug])
	}
	if len(councils) == 0 {
		m.Councils = g.councils
	}
	for _, l := range years {
		y, err := ParseYear(l)
		if err != nil {
			return nil, err
		}
		m.Years = append(m.Years, y)
	}
	if len(years) == 0 {
		m.Years = g.years
	}
	for _, t := range m.Themes {
		for _, c := range m.Councils {
			for _, y := range m.Years {
				if mc, ok := g.matrix[t.Slug][cell{c.Slug, y.First}]; ok {
					m.Cells = append(m.Cells, mc)
				}
			}
		}
	}
	slices.SortStableFunc(m.Cells, func(a, b *MatrixCell) int {
		return cmp.Or(g.nodes[a.Council.ID()].rank-g.nodes[b.Council.ID()].rank, a.Year.First-b.Year.First)
	})
	return m, nil
}

// Cooccurrence counts the items that carry both a theme and another.
type Cooccurrence struct {
	Theme            *Theme
	CaseCount        int
	ImprovementCount int
	ReportCount      int
	ArticleCount     int
}

// Total is the number of items that carry both themes.
func (c Cooccurrence) Total() int {
	return c.CaseCount + c.ImprovementCount + c.ReportCount + c.ArticleCount
}

// Cooccurring returns the themes that occur on the same items as the theme
// with the given slug, most items first.
func (g *Graph) Cooccurring(slug string) []Cooccurrence { return g.cooccur[slug] }

// countThemes fills the matrix and the co-occurrence counts.
func (b *builder) countThemes() {
	g := b.g
	tc := &themeCounter{g: g, pairs: map[themePair]*Cooccurrence{}}
	g.matrix = map[string]map[cell]*MatrixCell{}
	for i, c := range g.cases {
		ts := b.caseThemes[i]
		for _, t := range ts {
			tc.at(t, c.CouncilSlug, c.Year).CaseCount++
		}
		tc.both(ts, KindCase)
	}
	for i, im := range g.improvements {
		c := im.kase
		ts := b.improvementThemes[i]
		for _, t := range ts {
			tc.at(t, c.CouncilSlug, c.Year).ImprovementCount++
		}
		tc.both(ts, KindImprovement)
	}
	for _, r := range g.reports {
		tc.both(r.tags.themes, KindReport)
	}
	for _, a := range g.articles {
		ts := a.tags.themes
		for _, t := range ts {
			for _, s := range a.ThemeCouncils(t) {
				for _, y := range a.Years {
					tc.at(t, s, y).ArticleCount++
				}
			}
		}
		tc.both(ts, KindArticle)
	}
	g.cooccur = tc.cooccurrences()
}

// themePair is an ordered pair of theme slugs.
type themePair struct{ a, b string }

// themeCounter counts the matrix's cells and the themes' co-occurrences.
type themeCounter struct {
	g     *Graph
	pairs map[themePair]*Cooccurrence
}

// at returns the matrix cell of a theme, a council and a year, made when
// first asked for.
func (tc *themeCounter) at(t string, council string, y Year) *MatrixCell {
	g := tc.g
	m := g.matrix[t]
	if m == nil {
		m = map[cell]*MatrixCell{}
		g.matrix[t] = m
	}
	k := cell{council, y.First}
	mc, ok := m[k]
	if !ok {
		mc = &MatrixCell{Council: g.councilBySlug[council], Year: y, Theme: g.themeBySlug[t]}
		m[k] = mc
	}
	return mc
}

// both counts an item of a kind for every pair of the themes it carries.
func (tc *themeCounter) both(themes []string, kind Kind) {
	for _, a := range themes {
		for _, b := range themes {
			if a == b {
				continue
			}
			p := tc.pairs[themePair{a, b}]
			if p == nil {
				p = &Cooccurrence{Theme: tc.g.themeBySlug[b]}
				tc.pairs[themePair{a, b}] = p
			}
			switch kind {
			case KindCase:
				p.CaseCount++
			case KindImprovement:
				p.ImprovementCount++
			case KindReport:
				p.ReportCount++
			case KindArticle:
				p.ArticleCount++
			}
		}
	}
}

// cooccurrences lists, by theme, the themes that occur with it, most items
// first, then in the theme file's order.
func (tc *themeCounter) cooccurrences() map[string][]Cooccurrence {
	out := map[string][]Cooccurrence{}
	order := map[string]int{}
	for i, t := range tc.g.themes {
		order[t.Slug] = i
	}
	for p, c := range tc.pairs {
		out[p.a] = append(out[p.a], *c)
	}
	for _, cs := range out {
		slices.SortFunc(cs, func(x, y Cooccurrence) int {
			return cmp.Or(y.Total()-x.Total(), order[x.Theme.Slug]-order[y.Theme.Slug])
		})
	}
	return out
}
