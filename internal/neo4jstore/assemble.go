package neo4jstore

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// link is one FROM or HAS_THEME relationship.
type link struct {
	node, doc, role, theme, basis, term string
	councils                            []string // of an article's theme match
	seq, ordinal                        int
	span                                graph.Span
}

// readLink reads a FROM or HAS_THEME relationship, recovering its quote (and
// a theme's term) from the text of its document.
func readLink(rec *neo4j.Record, names map[int64]string, docs map[string]*graph.Facts) (link, error) {
	r := &record{rec: rec}
	docHid := int64(r.integer("doc"))
	l := link{node: r.str("node"), doc: names[docHid], seq: r.integer("seq")}
	if _, ok := rec.Get("role"); ok {
		l.role, l.ordinal = r.str("role"), r.integer("ordinal")
	}
	f := docs[l.doc]
	if f == nil {
		return l, fmt.Errorf("a link of %s points at a document that is not there", l.node)
	}
	line := r.integer("line")
	if line < 1 || line > len(f.Document.Text) {
		return l, fmt.Errorf("a link of %s quotes line %d of %s, which has %d lines", l.node, line, l.doc, len(f.Document.Text))
	}
	text := f.Document.Text[line-1]
	quote := func(a, b int) (string, error) {
		q, ok := cutRunes(text, a, b)
		if !ok {
			return "", fmt.Errorf("a link of %s quotes characters %d-%d of line %d of %s, which has %d", l.node, a, b, line, l.doc, utf8.RuneCountInString(text))
		}
		return q, nil
	}
	start, end := r.integer("start"), r.integer("end")
	q, err := quote(start, end)
	if err != nil {
		return l, err
	}
	if err := sameQuote(r, "quote", q, l, line); err != nil {
		return l, err
	}
	l.span = graph.Span{Doc: l.doc, Line: line, Start: start, End: end, Quote: q}
	if _, ok := rec.Get("theme"); ok {
		l.theme, l.basis = r.str("theme"), r.str("basis")
		if v, ok := rec.Get("councils"); ok && v != nil {
			l.councils = r.strings("councils")
		}
		if l.term, err = quote(r.integer("termStart"), r.integer("termEnd")); err != nil {
			return l, err
		}
		if err := sameQuote(r, "term", l.term, l, line); err != nil {
			return l, err
		}
	}
	return l, r.err
}

// spans returns the spans of links in the given role, in order.
func spans(links []link, role string) []graph.Span {
	var out []graph.Span
	for _, l := range links {
		if l.role == role {
			out = append(out, l.span)
		}
	}
	return out
}

// first returns the first span of links in the given role, or no span.
func first(links []link, role string) graph.Span {
	if s := spans(links, role); len(s) > 0 {
		return s[0]
	}
	return graph.Span{}
}

// themeMatches returns the theme matches the links record.
func themeMatches(links []link) []graph.ThemeMatch {
	var out []graph.ThemeMatch
	for _, l := range links {
		out = append(out, graph.ThemeMatch{Theme: l.theme, Term: l.term, Evidence: l.span, Councils: l.councils})
	}
	return out
}

// assemble fills f with the entities its document supports, in the order
// the document stated them.
func assemble(f *graph.Facts, nodes map[string]*record, from, matches map[string][]link) error {
	type entity struct {
		id    string
		links []link
	}
	var ents []entity
	for id, links := range from {
		slices.SortFunc(links, func(a, b link) int { return cmp.Compare(a.seq, b.seq) })
		ents = append(ents, entity{id, links})
	}
	for _, ls := range matches {
		slices.SortFunc(ls, func(a, b link) int { return cmp.Compare(a.seq, b.seq) })
	}
	slices.SortFunc(ents, func(a, b entity) int { return cmp.Compare(a.links[0].seq, b.links[0].seq) })
	doc := f.Document.Name
	for _, e := range ents {
		kind, _, _ := graph.SplitID(e.id)
		n := nodes[e.id]
		if n == nil {
			if kind == graph.KindYear || kind == graph.KindCategory || kind == graph.KindSubcategory {
				continue // rebuilt from the facts that imply them
			}
			return fmt.Errorf("entity %s has provenance but no node", e.id)
		}
		switch kind {
		case graph.KindCouncil:
			f.Councils = append(f.Councils, graph.Council{Slug: n.str("slug"), Name: n.str("name"),
				Type: graph.AuthorityType(n.str("type")), TypeBasis: n.str("typeBasis"), Code: n.optStr("code"),
				Abolished: n.optStr("abolished"), SuccessorSlug: n.optStr("successor"), Evidence: spans(e.links, roleName)})
		case graph.KindStatistics:
			st := graph.Statistics{CouncilSlug: n.str("council"), Year: graph.Year{First: n.integer("year")},
				YearSpan: first(e.links, rolePeriod), Doc: doc, Evidence: spans(e.links, roleLine)}
			for _, m := range graph.StatisticsMeasures {
				if m.Count != nil {
					*m.Count(&st) = n.optInt(m.Name)
				} else {
					*m.Rate(&st) = n.optFloat(m.Name)
				}
			}
			f.Statistics = append(f.Statistics, st)
		case graph.KindCase:
			f.Cases = append(f.Cases, graph.Case{Reference: n.str("reference"), CouncilSlug: n.str("council"),
				CategoryName: n.str("category"), SubcategoryName: n.str("subcategory"), Year: graph.Year{First: n.integer("year")},
				Evidence: spans(e.links, roleReference), CategorySpan: first(e.links, roleCategory), SubcategorySpan: first(e.links, roleSubcategory)})
		case graph.KindImprovement:
			f.Improvements = append(f.Improvements, graph.Improvement{CaseRef: n.str("caseReference"), Ordinal: e.links[0].ordinal,
				Text: n.str("text"), Evidence: spans(e.links, roleText), Matches: themeMatches(matches[e.id])})
		case graph.KindReport:
			f.Reports = append(f.Reports, graph.Report{CouncilSlug: n.str("council"), Title: n.str("title"), Summary: n.str("summary"),
				PublicInterest: n.boolean("publicInterest"), Evidence: append(spans(e.links, roleTitle), spans(e.links, roleSummary)...),
				Matches: themeMatches(matches[e.id])})
		case graph.KindLetter:
			f.Letters = append(f.Letters, graph.Letter{CouncilSlug: n.str("council"), Date: n.str("date"), Year: graph.Year{First: n.integer("year")},
				Recipient: n.str("recipient"), Title: n.str("title"), YearSpan: first(e.links, rolePeriod), Doc: doc, Evidence: spans(e.links, roleLine)})
		case graph.KindArticle:
			var years []graph.Year
			for _, y := range n.list("years") {
				if v, ok := y.(int64); ok {
					years = append(years, graph.Year{First: int(v)})
				}
			}
			f.Articles = append(f.Articles, graph.Article{Doc: n.str("doc"), Headline: n.str("headline"), CouncilSlugs: n.strings("councils"),
				Years: years, YearSpans: spans(e.links, roleYear), Body: spans(e.links, roleBody), Evidence: spans(e.links, roleHeadline),
				Matches: themeMatches(matches[e.id])})
		case graph.KindClaim:
			f.Claims = append(f.Claims, graph.Claim{ArticleDoc: n.str("article"), Ordinal: n.integer("ordinal"), Value: n.float("value"),
				Unit: graph.ClaimUnit(n.str("unit")), Text: n.str("text"), Qualifier: n.str("qualifier"), Sentence: n.str("sentence"), Upper: n.optFloat("upper"),
				Evidence: spans(e.links, roleLine)})
		}
		if n.err != nil {
			return fmt.Errorf("%s: %w", e.id, n.err)
		}
	}
	return nil
}

// sameQuote checks that the text a link stores as its property key (its
// quote or term) is the text its offsets cut from its document's line: a
// relationship edited by hand, or a document's text changed under it, is
// reported rather than served. A link written before quotes were stored has
// none, and passes.
func sameQuote(r *record, key, want string, l link, line int) error {
	v, ok := r.rec.Get(key)
	if !ok || v == nil {
		return nil
	}
	if got, _ := v.(string); got != want {
		return fmt.Errorf("a link of %s to %s stores the %s %q, but its offsets on line %d cut %q", l.node, l.doc, key, got, line, want)
	}
	return nil
}

// cutRunes returns characters a to b of s, and false when s has not that
// many or a > b. It walks s once, without copying it into runes: hydration
// cuts a million quotes, many from long lines.
func cutRunes(s string, a, b int) (string, bool) {
	if a < 0 || a > b {
		return "", false
	}
	start, n := -1, 0
	for i := range s { // i is where character n starts
		if n == a {
			start = i
		}
		if n == b {
			return s[start:i], true
		}
		n++
	}
	switch {
	case n == b && start >= 0:
		return s[start:], true
	case n == b && a == b: // both at the end
		return "", true
	}
	return "", false
}
