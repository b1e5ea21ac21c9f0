package neo4jstore

// This file turns each kind of fact into rows: one method per kind, called
// in the order rowsOf gives, which is the order the facts number their spans.

import (
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// councilID is the ID of the council with the given slug.
func councilID(slug string) string { return graph.NodeID(graph.KindCouncil, slug) }

// councils writes the councils, their authority types and the spans that
// name them.
func (r *rows) councils(cs []graph.Council) {
	for _, c := range cs {
		id := councilID(c.Slug)
		r.node("Council", id, map[string]any{"slug": c.Slug, "name": c.Name, "type": string(c.Type), "typeBasis": c.TypeBasis,
			"code": optString(c.Code), "abolished": optString(c.Abolished), "successor": optString(c.SuccessorSlug)})
		if c.Type != "" {
			r.rel("OF_TYPE", id, "AuthorityType:"+string(c.Type))
		}
		for _, s := range c.Evidence {
			r.span(id, roleName, 0, s)
		}
	}
}

// statistics writes the councils' yearly statistics, with their years.
func (r *rows) statistics(stats []graph.Statistics) {
	for _, s := range stats {
		id := s.ID()
		props := map[string]any{"council": s.CouncilSlug, "year": s.Year.First}
		for _, m := range graph.StatisticsMeasures {
			props[m.Name] = m.Value(&s)
		}
		r.node("Statistics", id, props)
		r.year(s.Year, s.YearSpan)
		r.rel("OF", id, councilID(s.CouncilSlug))
		r.rel("FOR", id, s.Year.ID())
		r.span(id, rolePeriod, 0, s.YearSpan)
		for _, sp := range s.Evidence {
			r.span(id, roleLine, 0, sp)
		}
	}
}

// cases writes the cases, with their categories, subcategories and years,
// and the themes tags gives them beyond their own text.
func (r *rows) cases(cases []graph.Case, tags func(id string) []graph.ThemeTag) {
	for _, c := range cases {
		id := c.ID()
		r.node("Case", id, map[string]any{"reference": c.Reference, "council": c.CouncilSlug, "category": c.CategoryName,
			"subcategory": c.SubcategoryName, "year": c.Year.First})
		cat := graph.Category{Name: c.CategoryName}
		sub := graph.Subcategory{CategoryName: c.CategoryName, Name: c.SubcategoryName}
		r.node("Category", cat.ID(), map[string]any{"name": cat.Name})
		r.span(cat.ID(), roleName, 0, c.CategorySpan)
		if c.SubcategoryName != "" { // the service improvements page names none
			r.node("Subcategory", sub.ID(), map[string]any{"name": sub.Name, "category": sub.CategoryName})
			r.span(sub.ID(), roleName, 0, c.SubcategorySpan)
		}
		for _, s := range c.Evidence {
			r.span(id, roleReference, 0, s)
			r.year(c.Year, s)
		}
		r.span(id, roleCategory, 0, c.CategorySpan)
		r.rel("AGAINST", id, councilID(c.CouncilSlug))
		if c.SubcategoryName != "" {
			r.span(id, roleSubcategory, 0, c.SubcategorySpan)
			r.rel("IN_SUBCATEGORY", id, sub.ID())
			r.rel("PART_OF", sub.ID(), cat.ID())
		}
		r.rel("RECEIVED_IN", id, c.Year.ID())
		r.taggedThemes(id, tags(id))
	}
}

// improvements writes the improvements agreed in cases, with the themes
// their text matches and those tags gives them beyond it.
func (r *rows) improvements(ims []graph.Improvement, tags func(id string) []graph.ThemeTag) {
	for _, im := range ims {
		id := improvementID(im.CaseRef, im.Text)
		r.node("Improvement", id, map[string]any{"caseReference": im.CaseRef, "text": im.Text})
		r.rel("AGREED_IN", id, graph.NodeID(graph.KindCase, strings.ReplaceAll(im.CaseRef, " ", "-")))
		for _, s := range im.Evidence {
			r.span(id, roleText, im.Ordinal, s)
		}
		for _, m := range im.Matches {
			r.theme(id, graph.ThemeTag{Theme: m.Theme, Term: m.Term, Basis: graph.BasisText, Evidence: m.Evidence})
		}
		graphID := (&graph.Improvement{CaseRef: im.CaseRef, Ordinal: im.Ordinal}).ID()
		r.taggedThemes(id, tags(graphID))
	}
}

// taggedThemes writes the themes of tags that do not come from the
// entity's own text (those are written from its matches).
func (r *rows) taggedThemes(id string, tags []graph.ThemeTag) {
	for _, t := range tags {
		if t.Basis != graph.BasisText {
			r.theme(id, t)
		}
	}
}

// reports writes the reports on councils and the themes their text matches.
func (r *rows) reports(reports []graph.Report) {
	for i, rep := range reports {
		id := rep.ID()
		r.node("Report", id, map[string]any{"council": rep.CouncilSlug, "title": rep.Title, "summary": rep.Summary, "publicInterest": rep.PublicInterest})
		r.rel("ABOUT", id, councilID(rep.CouncilSlug))
		for j, s := range rep.Evidence {
			role := roleTitle
			if j > 0 {
				role = roleSummary
			}
			r.span(id, role, i+1, s)
		}
		for _, m := range rep.Matches {
			r.theme(id, graph.ThemeTag{Theme: m.Theme, Term: m.Term, Basis: graph.BasisText, Evidence: m.Evidence})
		}
	}
}

// letters writes the annual letters to councils, with their years.
func (r *rows) letters(letters []graph.Letter) {
	for _, l := range letters {
		id := l.ID()
		r.node("Letter", id, map[string]any{"council": l.CouncilSlug, "date": l.Date, "year": l.Year.First, "recipient": l.Recipient, "title": l.Title})
		r.year(l.Year, l.YearSpan)
		r.rel("TO", id, councilID(l.CouncilSlug))
		r.rel("FOR", id, l.Year.ID())
		r.span(id, rolePeriod, 0, l.YearSpan)
		for _, s := range l.Evidence {
			r.span(id, roleLine, 0, s)
		}
	}
}

// articles writes the news articles, the councils and years they mention,
// and the themes their text matches.
func (r *rows) articles(articles []graph.Article) {
	for _, a := range articles {
		id := a.ID()
		years := make([]int, len(a.Years))
		for i, y := range a.Years {
			years[i] = y.First
		}
		r.node("Article", id, map[string]any{"doc": a.Doc, "headline": a.Headline, "councils": a.CouncilSlugs, "years": years})
		for _, s := range a.CouncilSlugs {
			r.rel("MENTIONS", id, councilID(s))
		}
		for _, y := range a.Years {
			r.rel("MENTIONS", id, y.ID())
		}
		for _, s := range a.Evidence {
			r.span(id, roleHeadline, 0, s)
		}
		for _, s := range a.Body {
			r.span(id, roleBody, 0, s)
		}
		for _, s := range a.YearSpans {
			if y, err := graph.ParseYear(s.Quote); err == nil {
				r.year(y, s)
			}
			r.span(id, roleYear, 0, s)
		}
		for _, m := range a.Matches {
			r.theme(id, graph.ThemeTag{Theme: m.Theme, Term: m.Term, Basis: graph.BasisText, Evidence: m.Evidence}, m.Councils...)
		}
	}
}

// claims writes the figures articles state.
func (r *rows) claims(claims []graph.Claim) {
	for _, c := range claims {
		id := c.ID()
		r.node("Claim", id, map[string]any{"article": c.ArticleDoc, "ordinal": c.Ordinal, "value": c.Value, "unit": string(c.Unit),
			"text": c.Text, "qualifier": c.Qualifier, "sentence": c.Sentence, "upper": optFloat(c.Upper)})
		r.rel("MADE_IN", id, graph.NodeID(graph.KindArticle, c.ArticleDoc))
		for _, s := range c.Evidence {
			r.span(id, roleLine, 0, s)
		}
	}
}
