package graph

// Dump is the whole graph as plain data, for `ombudsgraph load --json` and
// for comparing graphs built by different stores.
type Dump struct {
	Revision      string                `json:"revision"`
	Documents     []*Document           `json:"documents"`
	Councils      []*Council            `json:"councils"`
	Years         []Year                `json:"years"`
	Statistics    []*Statistics         `json:"statistics"`
	Cases         []*Case               `json:"cases"`
	Improvements  []*Improvement        `json:"improvements"`
	Categories    []*Category           `json:"categories"`
	Subcategories []*Subcategory        `json:"subcategories"`
	Reports       []*Report             `json:"reports"`
	Letters       []*Letter             `json:"letters"`
	Articles      []*Article            `json:"articles"`
	Claims        []*Claim              `json:"claims"`
	Themes        []*Theme              `json:"themes"`
	Tags          map[string][]ThemeTag `json:"tags"`
	Warnings      []string              `json:"warnings"`
}

// Dump returns the whole graph as plain data.
func (g *Graph) Dump() Dump {
	d := Dump{
		Revision: g.revision, Documents: g.docs, Councils: g.councils, Years: g.years, Statistics: g.stats,
		Cases: g.cases, Improvements: g.improvements, Categories: g.categories, Reports: g.reports,
		Letters: g.letters, Articles: g.articles, Claims: g.claims, Themes: g.themes, Tags: map[string][]ThemeTag{},
		Warnings: g.warnings,
	}
	for _, nodes := range [][]tagged{asTagged(g.cases), asTagged(g.improvements), asTagged(g.reports), asTagged(g.articles)} {
		for _, n := range nodes {
			if t := n.tagsOf(); len(t.tags) > 0 {
				d.Tags[n.ID()] = t.tags
			}
		}
	}
	for _, c := range g.categories {
		d.Subcategories = append(d.Subcategories, c.Subcategories...)
	}
	return d
}

// Count is a named count.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Counts are the sizes of a graph: documents per kind, and nodes per kind.
type Counts struct {
	Documents []Count `json:"documents"`
	Entities  []Count `json:"entities"`
}

// Counts returns the graph's sizes.
func (g *Graph) Counts() Counts {
	var c Counts
	byKind := map[DocKind]int{}
	for _, d := range g.docs {
		byKind[d.Kind]++
	}
	for _, k := range []DocKind{CouncilPage, AnnualLetter, NewsArticle} {
		c.Documents = append(c.Documents, Count{string(k), byKind[k]})
	}
	subs := 0
	for _, cat := range g.categories {
		subs += len(cat.Subcategories)
	}
	c.Entities = []Count{
		{"councils", len(g.councils)}, {"years", len(g.years)}, {"statistics", len(g.stats)},
		{"cases", len(g.cases)}, {"improvements", len(g.improvements)}, {"categories", len(g.categories)},
		{"subcategories", subs}, {"reports", len(g.reports)}, {"letters", len(g.letters)},
		{"articles", len(g.articles)}, {"claims", len(g.claims)}, {"themes", len(g.themes)},
	}
	return c
}
