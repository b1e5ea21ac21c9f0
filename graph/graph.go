package graph

import (
	"slices"
	"strings"
)

// Graph is the immutable, indexed knowledge graph. Build one with [Build]; all
// its methods are safe for concurrent use, because nothing changes it after
// Build returns. Slices and pointers it returns are shared: callers must not
// modify them.
type Graph struct {
	revision string
	warnings []string
	problems []Problem

	docs      []*Document
	docByName map[string]*Document

	councils      []*Council
	councilBySlug map[string]*Council

	years        []Year
	yearEvidence map[int][]Span

	stats          []*Statistics
	statsByCouncil map[string][]*Statistics

	cases     []*Case
	caseByRef map[string]*Case
	caseIdx   index

	improvements   []*Improvement
	improvementIdx index

	categories    []*Category
	categoryByKey map[string]*Category
	subcategories map[[2]string]*Subcategory // by subKey

	reports          []*Report
	reportsByCouncil map[string][]*Report

	letters          []*Letter
	lettersByCouncil map[string][]*Letter

	articles          []*Article
	articleByDoc      map[string]*Article
	articlesByCouncil map[string][]*Article

	claims          []*Claim
	claimsByArticle map[string][]*Claim

	themes      []*Theme
	themeBySlug map[string]*Theme
	traces      map[string]*Trace // by theme slug

	checks  map[string]ClaimCheck // by claim ID
	cooccur map[string][]Cooccurrence
	matrix  map[string]map[cell]*MatrixCell // theme → council/year → counts

	nodes map[string]nodeEntry // by node ID

	network network // vertices and edges, for subgraphs and exports
}

// Revision identifies the graph's content: it changes whenever a document
// or a theme does.
func (g *Graph) Revision() string { return g.revision }

// Warnings lists the conflicts Build resolved, such as two documents giving
// different statistics for one council and year.
func (g *Graph) Warnings() []string { return g.warnings }

// Documents returns every document, by name.
func (g *Graph) Documents() []*Document { return g.docs }

// Document returns the document with the given name.
func (g *Graph) Document(name string) (*Document, bool) {
	d, ok := g.docByName[name]
	return d, ok
}

// Councils returns every council, ordered by name.
func (g *Graph) Councils() []*Council { return g.councils }

// Council returns the council with the given slug.
func (g *Graph) Council(slug string) (*Council, bool) {
	c, ok := g.councilBySlug[strings.ToLower(slug)]
	return c, ok
}

// CouncilsOfType returns the councils of an authority type, ordered by name.
func (g *Graph) CouncilsOfType(t AuthorityType) []*Council {
	var out []*Council
	for _, c := range g.councils {
		if c.Type == t {
			out = append(out, c)
		}
	}
	return out
}

// Years returns every business year that some fact belongs to, oldest first.
func (g *Graph) Years() []Year { return g.years }

// Year returns the business year with the given label, if some fact belongs
// to it.
func (g *Graph) Year(label string) (Year, bool) {
	y, err := ParseYear(label)
	if err != nil {
		return Year{}, false
	}
	_, ok := g.yearEvidence[y.First]
	return y, ok
}

// YearEvidence returns where documents state or imply the year.
func (g *Graph) YearEvidence(y Year) []Span { return g.yearEvidence[y.First] }

// Statistics returns a council's statistics, oldest year first.
func (g *Graph) Statistics(councilSlug string) []*Statistics { return g.statsByCouncil[councilSlug] }

// AllStatistics returns every council's statistics, by council then year.
func (g *Graph) AllStatistics() []*Statistics { return g.stats }

// Case returns the case with the given reference.
func (g *Graph) Case(ref string) (*Case, bool) {
	c, ok := g.caseByRef[ref]
	return c, ok
}

// CaseImprovements returns the improvements agreed after a case, in order.
func (g *Graph) CaseImprovements(ref string) []*Improvement {
	if c, ok := g.caseByRef[ref]; ok {
		return c.improvements
	}
	return nil
}

// Categories returns every category, by name.
func (g *Graph) Categories() []*Category { return g.categories }

// Category returns the category with the given name, matched without regard
// to case.
func (g *Graph) Category(name string) (*Category, bool) {
	c, ok := g.categoryByKey[foldKey(name)]
	return c, ok
}

// Subcategory returns the sub-category with the given category and name.
func (g *Graph) Subcategory(category, name string) (*Subcategory, bool) {
	s, ok := g.subcategories[subKey(category, name)]
	return s, ok
}

// Reports returns the reports published against a council, in the order its
// page lists them.
func (g *Graph) Reports(councilSlug string) []*Report { return g.reportsByCouncil[councilSlug] }

// AllReports returns every report, by council.
func (g *Graph) AllReports() []*Report { return g.reports }

// Letters returns a council's annual review letters, newest first.
func (g *Graph) Letters(councilSlug string) []*Letter { return g.lettersByCouncil[councilSlug] }

// AllLetters returns every letter, by council.
func (g *Graph) AllLetters() []*Letter { return g.letters }

// Articles returns every article, by document name.
func (g *Graph) Articles() []*Article { return g.articles }

// CouncilArticles returns the articles about a council.
func (g *Graph) CouncilArticles(councilSlug string) []*Article {
	return g.articlesByCouncil[councilSlug]
}

// Claims returns the claims an article makes, in order.
func (g *Graph) Claims(articleDoc string) []*Claim { return g.claimsByArticle[articleDoc] }

// AllClaims returns every claim, by article.
func (g *Graph) AllClaims() []*Claim { return g.claims }

// Themes returns every theme, in the order of the theme file.
func (g *Graph) Themes() []*Theme { return g.themes }

// Theme returns the theme with the given slug.
func (g *Graph) Theme(slug string) (*Theme, bool) {
	t, ok := g.themeBySlug[strings.ToLower(slug)]
	return t, ok
}

// Tags returns the themes the node with the given ID carries, and why.
func (g *Graph) Tags(id string) []ThemeTag { return g.tagsOf(id).tags }

// Node returns the entity with the given global ID: a *Council, *Case, Year,
// AuthorityType and so on.
func (g *Graph) Node(id string) (any, bool) {
	n, ok := g.nodes[id]
	return n.node, ok
}

// nodeEntry is a node and its position in its kind's default order.
type nodeEntry struct {
	node any
	rank int
}

// Rank returns the position of the node with the given ID in its kind's
// default order. Paging uses it to resume after a cursor.
func (g *Graph) Rank(id string) (int, bool) {
	n, ok := g.nodes[id]
	return n.rank, ok
}

// Article returns the article of the document with the given name.
func (g *Graph) Article(doc string) (*Article, bool) {
	a, ok := g.articleByDoc[doc]
	return a, ok
}

// FindArticles returns the articles about f.Council, of f.Year and carrying
// f.Theme (for f.Council, when both are given: see [Article.ThemeCouncils]);
// empty fields select every article. Other fields of f are ignored.
func (g *Graph) FindArticles(f Filter) ([]*Article, error) {
	f, err := g.checkFilter(f)
	if err != nil {
		return nil, err
	}
	items := g.articles
	if f.Council != "" {
		items = g.articlesByCouncil[f.Council]
	}
	var year Year
	if f.Year != "" {
		y, err := ParseYear(f.Year)
		if err != nil {
			return nil, err
		}
		year = y
	}
	out := make([]*Article, 0, len(items))
	for _, a := range items {
		if f.Year != "" && !slices.Contains(a.Years, year) {
			continue
		}
		if f.Theme != "" && !hasTheme(a.tags.tags, f.Theme) {
			continue
		}
		if f.Theme != "" && f.Council != "" && !slices.Contains(a.ThemeCouncils(f.Theme), f.Council) {
			continue // the article carries the theme, but not for this council
		}
		out = append(out, a)
	}
	return out, nil
}
