package neo4jstore

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// hid is the integer key of the node or relationship with the given global
// ID: the first 63 bits of its SHA-256. Statements match and merge on hids,
// never on text (see queries.go).
func hid(id string) int64 {
	sum := sha256.Sum256([]byte(id))
	return int64(binary.BigEndian.Uint64(sum[:8]) >> 1)
}

// rows are what one document writes: nodes by label, relationships by type,
// the provenance of every span, and theme links.
type rows struct {
	doc      string
	docHid   int64
	nodes    map[string][]map[string]any
	rels     map[string][]map[string]any
	from     []map[string]any
	hasTheme []map[string]any
	ids      []string        // every entity written, in order
	seen     map[string]bool // entities written
	relSeen  map[string]bool // relationships written
	seq      int             // numbers spans in the order of the facts
}

// The roles a span plays for its entity, kept on FROM so that hydration can
// put each span back where it came from.
const (
	roleName        = "name"
	roleLine        = "line"
	rolePeriod      = "period"
	roleReference   = "reference"
	roleCategory    = "category"
	roleSubcategory = "subcategory"
	roleText        = "text"
	roleTitle       = "title"
	roleSummary     = "summary"
	roleHeadline    = "headline"
	roleBody        = "body"
	roleYear        = "year"
)

// improvementID is an improvement's key in Neo4j: its case and a digest of
// its text, which stay the same whichever documents state it. (The graph's
// IDs number improvements within their case instead, which depends on the
// whole corpus.)
func improvementID(caseRef, text string) string {
	sum := sha256.Sum256([]byte(text))
	return "Improvement:" + strings.ReplaceAll(caseRef, " ", "-") + "/" + hex.EncodeToString(sum[:6])
}

func newRows(doc string) *rows {
	return &rows{doc: doc, docHid: hid("Document:" + doc), nodes: map[string][]map[string]any{}, rels: map[string][]map[string]any{},
		seen: map[string]bool{}, relSeen: map[string]bool{}}
}

// node writes an entity once per document; later calls only add spans.
func (r *rows) node(label, id string, props map[string]any) {
	if r.seen[id] {
		return
	}
	r.seen[id] = true
	r.ids = append(r.ids, id)
	props["id"] = id
	props["hid"] = hid(id)
	for k, v := range props {
		if v == nil {
			delete(props, k) // Neo4j stores no nulls: a missing value is no property
		}
	}
	r.nodes[label] = append(r.nodes[label], map[string]any{"hid": hid(id), "props": props})
}

func (r *rows) rel(typ, from, to string) {
	key := typ + "\x00" + from + "\x00" + to
	if r.relSeen[key] {
		return
	}
	r.relSeen[key] = true
	r.rels[typ] = append(r.rels[typ], map[string]any{"from": hid(from), "to": hid(to)})
}

// span records that entity id comes from span s, in the given role. The
// quote itself is not written: it is characters start to end of the line.
func (r *rows) span(id, role string, ordinal int, s graph.Span) {
	r.seq++
	r.from = append(r.from, map[string]any{
		"hid": hid(r.doc + "|" + id + "|FROM|" + itoa(r.seq)), "node": hid(id), "role": role, "seq": r.seq, "ordinal": ordinal,
		"line": s.Line, "start": s.Start, "end": s.End,
	})
}

// theme records that entity id carries a theme. The term is found in the
// evidence's quote and written as its offsets in the line.
//
// For an article, councils are the councils the matched sentence is about.
func (r *rows) theme(id string, t graph.ThemeTag, councils ...string) {
	r.seq++
	s := t.Evidence
	termStart, termEnd := s.Start, s.End
	if i := strings.Index(s.Quote, t.Term); i >= 0 {
		termStart = s.Start + utf8.RuneCountInString(s.Quote[:i])
		termEnd = termStart + utf8.RuneCountInString(t.Term)
	}
	r.hasTheme = append(r.hasTheme, map[string]any{
		"hid": hid(r.doc + "|" + id + "|HAS_THEME|" + itoa(r.seq)), "node": hid(id), "theme": hid("Theme:" + t.Theme),
		"basis": string(t.Basis), "seq": r.seq, "line": s.Line, "start": s.Start, "end": s.End,
		"termStart": termStart, "termEnd": termEnd, "councils": councilList(councils),
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

func (r *rows) year(y graph.Year, s graph.Span) {
	r.node("Year", y.ID(), map[string]any{"label": y.Label(), "first": y.First, "startDate": y.StartDate(), "endDate": y.EndDate()})
	r.span(y.ID(), roleYear, 0, s)
}

// councilList is a theme link's councils as Neo4j stores a list: no
// property at all when there are none.
func councilList(cs []string) any {
	if len(cs) == 0 {
		return nil
	}
	return strs(cs)
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// rowsOf turns one document's facts into rows. tags are the themes the
// document alone gives its cases and improvements, beyond their own text.
func rowsOf(f graph.Facts, tags func(id string) []graph.ThemeTag) *rows {
	doc := f.Document.Name
	r := newRows(doc)
	councilID := func(slug string) string { return graph.NodeID(graph.KindCouncil, slug) }
	for _, c := range f.Councils {
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
	for _, s := range f.Statistics {
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
	for _, c := range f.Cases {
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
		for _, t := range tags(id) {
			if t.Basis != graph.BasisText {
				r.theme(id, t)
			}
		}
	}
	for _, im := range f.Improvements {
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
		for _, t := range tags(graphID) {
			if t.Basis != graph.BasisText {
				r.theme(id, t)
			}
		}
	}
	for i, rep := range f.Reports {
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
	for _, l := range f.Letters {
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
	for _, a := range f.Articles {
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
	for _, c := range f.Claims {
		id := c.ID()
		r.node("Claim", id, map[string]any{"article": c.ArticleDoc, "ordinal": c.Ordinal, "value": c.Value, "unit": string(c.Unit),
			"text": c.Text, "qualifier": c.Qualifier, "sentence": c.Sentence, "upper": optFloat(c.Upper)})
		r.rel("MADE_IN", id, graph.NodeID(graph.KindArticle, c.ArticleDoc))
		for _, s := range c.Evidence {
			r.span(id, roleLine, 0, s)
		}
	}
	return r
}

// count returns how many rows r holds.
func (r *rows) count() int {
	n := len(r.from) + len(r.hasTheme)
	for _, v := range r.nodes {
		n += len(v)
	}
	for _, v := range r.rels {
		n += len(v)
	}
	return n
}
