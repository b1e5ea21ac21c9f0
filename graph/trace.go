package graph

import "slices"

// Trace is a theme traced across the graph: every item that carries it, with
// counts by council and by business year.
type Trace struct {
	Theme        *Theme
	Cases        []*Case
	Improvements []*Improvement
	Reports      []*Report
	Articles     []*Article
	// Councils lists every council with at least one themed item of any kind,
	// ordered by council name.
	Councils []ThemeCouncil
	// Timeline lists the business years with themed cases, oldest first.
	Timeline []ThemeYear
	// Years lists the business years with themed items of any kind (cases,
	// improvements, articles), oldest first.
	Years []ThemeYear
}

// ThemeCouncil counts one council's items that carry one theme.
type ThemeCouncil struct {
	Theme            *Theme
	Council          *Council
	CaseCount        int
	ImprovementCount int
	ReportCount      int
	ArticleCount     int
	// FirstSeen and LastSeen are the earliest and latest business years of
	// the council's themed cases and articles, or nil when none has a year.
	FirstSeen, LastSeen *Year
}

// ThemeYear counts the items of one business year that carry one theme.
type ThemeYear struct {
	Year             Year
	CaseCount        int
	ImprovementCount int
	ArticleCount     int
}

// Trace returns the trace of the theme with the given slug.
func (g *Graph) Trace(slug string) (*Trace, bool) {
	t, ok := g.traces[slug]
	return t, ok
}

// CouncilThemes returns, for every theme a council's items carry, the
// council's counts, in the theme file's order.
func (g *Graph) CouncilThemes(councilSlug string) []ThemeCouncil {
	var out []ThemeCouncil
	for _, t := range g.themes {
		for _, tc := range g.traces[t.Slug].Councils {
			if tc.Council.Slug == councilSlug {
				out = append(out, tc)
			}
		}
	}
	return out
}

// CaseCount returns how many cases a business year has.
func (g *Graph) CaseCount(y Year) int { return len(g.caseIdx.year[y.First]) }

// CategoryCaseCount returns how many cases a category has.
func (g *Graph) CategoryCaseCount(c *Category) int { return len(g.caseIdx.category[foldKey(c.Name)]) }

// SubcategoryCaseCount returns how many cases a sub-category has.
func (g *Graph) SubcategoryCaseCount(s *Subcategory) int {
	return len(g.caseIdx.subcategory[subKey(s.CategoryName, s.Name)])
}

func (b *builder) trace() {
	g := b.g
	for _, t := range g.themes {
		tr := &Trace{Theme: t}
		byCouncil := map[string]*ThemeCouncil{}
		byYear := map[int]*ThemeYear{}
		council := func(slug string) *ThemeCouncil {
			tc, ok := byCouncil[slug]
			if !ok {
				tc = &ThemeCouncil{Theme: t, Council: g.councilBySlug[slug]}
				byCouncil[slug] = tc
			}
			return tc
		}
		year := func(y Year) *ThemeYear {
			ty, ok := byYear[y.First]
			if !ok {
				ty = &ThemeYear{Year: y}
				byYear[y.First] = ty
			}
			return ty
		}
		for _, p := range g.caseIdx.theme[t.Slug] {
			c := g.cases[p]
			tr.Cases = append(tr.Cases, c)
			tc := council(c.CouncilSlug)
			tc.CaseCount++
			tc.seen(c.Year)
			year(c.Year).CaseCount++
		}
		for _, p := range g.improvementIdx.theme[t.Slug] {
			im := g.improvements[p]
			c := im.kase
			tr.Improvements = append(tr.Improvements, im)
			council(c.CouncilSlug).ImprovementCount++
			year(c.Year).ImprovementCount++
		}
		for _, r := range g.reports {
			if hasTheme(r.tags.tags, t.Slug) {
				tr.Reports = append(tr.Reports, r)
				council(r.CouncilSlug).ReportCount++
			}
		}
		for _, a := range g.articles {
			if !hasTheme(a.tags.tags, t.Slug) {
				continue
			}
			tr.Articles = append(tr.Articles, a)
			for _, s := range a.ThemeCouncils(t.Slug) {
				tc := council(s)
				tc.ArticleCount++
				for _, y := range a.Years {
					tc.seen(y)
				}
			}
			for _, y := range a.Years {
				year(y).ArticleCount++
			}
		}
		for _, c := range g.councils {
			if tc, ok := byCouncil[c.Slug]; ok {
				tr.Councils = append(tr.Councils, *tc)
			}
		}
		for _, y := range g.years {
			ty, ok := byYear[y.First]
			if !ok {
				continue
			}
			tr.Years = append(tr.Years, *ty)
			if ty.CaseCount > 0 {
				tr.Timeline = append(tr.Timeline, *ty)
			}
		}
		g.traces[t.Slug] = tr
	}
}

// ThemeCouncils returns the councils, of those the article is about, for
// which the article counts as carrying a theme: the councils its matches of
// the theme name (ThemeMatch.Councils), so that "second only to Birmingham"
// in an article about Leeds's SEND services does not count for Birmingham;
// or, when none of its matches of the theme names one of its councils, all
// of them. The order is that of a.CouncilSlugs.
func (a *Article) ThemeCouncils(theme string) []string {
	named := map[string]bool{}
	for _, m := range a.Matches {
		if m.Theme == theme {
			for _, c := range m.Councils {
				named[c] = true
			}
		}
	}
	var out []string
	for _, c := range a.CouncilSlugs {
		if named[c] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return a.CouncilSlugs
	}
	return out
}

func (tc *ThemeCouncil) seen(y Year) {
	if tc.FirstSeen == nil || y.First < tc.FirstSeen.First {
		tc.FirstSeen = &y
	}
	if tc.LastSeen == nil || y.First > tc.LastSeen.First {
		tc.LastSeen = &y
	}
}

func hasTheme(tags []ThemeTag, slug string) bool {
	return slices.ContainsFunc(tags, func(t ThemeTag) bool { return t.Theme == slug })
}
