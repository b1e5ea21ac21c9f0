package graph

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// finish orders every list, derives themes, and builds the indexes.
func (b *builder) finish() *Graph {
	g := b.g
	for _, c := range g.councilBySlug {
		if len(c.Evidence) == 0 {
			b.warn("council %s is referred to but never named", c.Slug)
		}
		g.councils = append(g.councils, c)
	}
	slices.SortFunc(g.councils, func(a, b *Council) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
	for y := range g.yearEvidence {
		g.years = append(g.years, Year{First: y})
	}
	slices.SortFunc(g.years, func(a, b Year) int { return cmp.Compare(a.First, b.First) })
	slices.SortFunc(g.cases, func(a, b *Case) int { return cmp.Compare(b.Reference, a.Reference) })
	slices.SortFunc(g.categories, func(a, b *Category) int { return cmp.Compare(foldKey(a.Name), foldKey(b.Name)) })
	for _, c := range g.categories {
		slices.SortFunc(c.Subcategories, func(a, b *Subcategory) int { return cmp.Compare(foldKey(a.Name), foldKey(b.Name)) })
	}
	for _, c := range g.councils {
		st := g.statsByCouncil[c.Slug]
		slices.SortFunc(st, func(a, b *Statistics) int { return cmp.Compare(a.Year.First, b.Year.First) })
		g.stats = append(g.stats, st...)
		g.reports = append(g.reports, g.reportsByCouncil[c.Slug]...)
		ls := g.lettersByCouncil[c.Slug]
		slices.SortFunc(ls, func(a, b *Letter) int { return cmp.Compare(b.Date, a.Date) })
		g.letters = append(g.letters, ls...)
	}
	for _, c := range g.cases {
		c.council = g.councilBySlug[c.CouncilSlug] // categories are linked by addCase
		for _, im := range c.improvements {
			im.kase = c
		}
		g.improvements = append(g.improvements, c.improvements...)
	}
	for _, a := range g.articles {
		g.claimsByArticle[a.Doc] = nil
	}
	for _, c := range g.claims {
		g.claimsByArticle[c.ArticleDoc] = append(g.claimsByArticle[c.ArticleDoc], c)
	}
	b.deriveTags()
	b.index()
	b.trace()
	b.countThemes()
	b.classify()
	b.checkClaims()
	b.register()
	slices.Sort(b.hash)
	sum := sha256.Sum256([]byte(strings.Join(b.hash, "\n")))
	g.revision = hex.EncodeToString(sum[:8])
	return g
}

// register gives every node its global ID and its rank in its kind's order.
func (b *builder) register() {
	g := b.g
	g.nodes = make(map[string]nodeEntry, len(g.docs)+len(g.councils)+len(g.years)+len(g.stats)+len(g.cases)+len(g.improvements)+
		len(g.reports)+len(g.letters)+len(g.articles)+len(g.claims)+len(g.categories)+len(g.subcategories)+len(AuthorityTypes))
	registerAll(g, g.docs)
	registerAll(g, g.councils)
	registerAll(g, AuthorityTypes)
	registerAll(g, g.years)
	registerAll(g, g.stats)
	registerAll(g, g.cases)
	registerAll(g, g.improvements)
	rank := 0 // categories and their sub-categories share one order
	for _, c := range g.categories {
		g.nodes[c.ID()] = nodeEntry{c, rank}
		rank++
		for _, s := range c.Subcategories {
			g.nodes[s.ID()] = nodeEntry{s, rank}
			rank++
		}
	}
	registerAll(g, g.reports)
	registerAll(g, g.letters)
	registerAll(g, g.articles)
	registerAll(g, g.claims)
	registerAll(g, g.themes)
}

// registerAll registers the nodes of one kind, ranked in the list's order.
func registerAll[T Node](g *Graph, nodes []T) {
	for i, n := range nodes {
		g.nodes[n.ID()] = nodeEntry{n, i}
	}
}
