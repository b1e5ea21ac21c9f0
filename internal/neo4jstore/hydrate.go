package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Facts implements store.Store. It reads the graph with paged reads and puts
// every document's facts back together from the FROM links: an entity
// belongs to each document it has a FROM link to, with that link's spans.
// Reads run while no load is under way are consistent: if the revision
// changes during the reads, they start again.
func (s *Store) Facts(ctx context.Context) ([]graph.Facts, []graph.Theme, error) {
	for attempt := 0; ; attempt++ {
		before, err := s.Revision(ctx)
		if err != nil {
			return nil, nil, err
		}
		facts, themes, err := s.read(ctx)
		if err != nil {
			return nil, nil, err
		}
		after, err := s.Revision(ctx)
		if err != nil {
			return nil, nil, err
		}
		if before == after || attempt >= 5 {
			return facts, themes, nil
		}
	}
}

// pages runs a paged read: q must take $after and $limit, order by its
// integer hid column, and return at most $limit records.
func (s *Store) pages(ctx context.Context, q string, each func(*neo4j.Record) error) error {
	after := int64(-1)
	for {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, map[string]any{"after": after, "limit": s.page},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return err
		}
		for _, rec := range res.Records {
			if err := each(rec); err != nil {
				return err
			}
			h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
			if err != nil {
				return fmt.Errorf("paged read: %w", err)
			}
			after = h
		}
		if len(res.Records) < s.page {
			return nil
		}
	}
}

// record reads typed values out of one record, remembering the first error.
type record struct {
	rec *neo4j.Record
	err error
}

func (r *record) hid() int64 { return int64(r.integer("hid")) }

func (r *record) fail(key string, err error) {
	if r.err == nil {
		r.err = fmt.Errorf("reading %s: %w", key, err)
	}
}

// raw returns the value of key, which may be null (a property the entity
// does not have).
func (r *record) raw(key string) any {
	v, ok := r.rec.Get(key)
	if !ok {
		r.fail(key, fmt.Errorf("no such column"))
	}
	return v
}

func (r *record) str(key string) string {
	switch v := r.raw(key).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		r.fail(key, fmt.Errorf("%T is not a string", v))
		return ""
	}
}

// optStr reads a string property that may be absent.
func (r *record) optStr(key string) string { return r.str(key) }

func (r *record) integer(key string) int {
	switch v := r.raw(key).(type) {
	case nil:
		return 0
	case int64:
		return int(v)
	case float64:
		return int(v)
	default:
		r.fail(key, fmt.Errorf("%T is not a number", v))
		return 0
	}
}

func (r *record) optInt(key string) *int {
	if r.raw(key) == nil {
		return nil
	}
	v := r.integer(key)
	return &v
}

func (r *record) float(key string) float64 {
	switch v := r.raw(key).(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	default:
		r.fail(key, fmt.Errorf("%T is not a number", v))
		return 0
	}
}

func (r *record) optFloat(key string) *float64 {
	if r.raw(key) == nil {
		return nil
	}
	v := r.float(key)
	return &v
}

func (r *record) boolean(key string) bool {
	v, _ := r.raw(key).(bool)
	return v
}

func (r *record) list(key string) []any {
	v, _ := r.raw(key).([]any)
	return v
}

// strings reads a list of strings: nil when the property is absent, empty
// when it is an empty list.
func (r *record) strings(key string) []string {
	l := r.list(key)
	if l == nil {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// link is one FROM or HAS_THEME relationship.
type link struct {
	node, doc, role, theme, basis, term string
	councils                            []string // of an article's theme match
	seq, ordinal                        int
	span                                graph.Span
}

// read reads everything once.
func (s *Store) read(ctx context.Context) ([]graph.Facts, []graph.Theme, error) {
	type positioned struct {
		t   graph.Theme
		pos int
	}
	var themes []positioned
	err := s.pages(ctx, readThemes, func(rec *neo4j.Record) error {
		r := &record{rec: rec}
		t := graph.Theme{Slug: r.str("slug"), Name: r.str("name"), Description: r.str("description"),
			Subcategories: r.strings("subcategories"), Terms: r.strings("terms"), Acronyms: r.strings("acronyms")}
		themes = append(themes, positioned{t, r.integer("position")})
		return r.err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("themes: %w", err)
	}
	slices.SortFunc(themes, func(a, b positioned) int { return cmp.Compare(a.pos, b.pos) })
	var ts []graph.Theme
	for _, t := range themes {
		ts = append(ts, t.t)
	}

	docs := map[string]*graph.Facts{}
	names := map[int64]string{} // document hid → name
	var order []string
	err = s.pages(ctx, readDocuments, func(rec *neo4j.Record) error {
		r := &record{rec: rec}
		d := graph.Document{Name: r.str("name"), Kind: graph.DocKind(r.str("kind")), Title: r.str("title"), Lines: r.integer("lines"),
			SHA256: r.str("sha256"), Format: graph.DocFormat(r.str("format")), Text: r.strings("text")}
		if d.Format == "" {
			d.Format = graph.FormatText // stored before formats were recorded
		}
		if v, ok := rec.Get("warnings"); ok && v != nil {
			lines, msgs := r.list("warningLines"), r.strings("warnings")
			for i, m := range msgs {
				line := 0
				if i < len(lines) {
					if n, ok := lines[i].(int64); ok {
						line = int(n)
					}
				}
				d.Warnings = append(d.Warnings, graph.Problem{Doc: d.Name, Line: line, Severity: graph.SeverityWarning, Message: m})
			}
		}
		docs[d.Name] = &graph.Facts{Document: d}
		names[r.hid()] = d.Name
		order = append(order, d.Name)
		return r.err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("documents: %w", err)
	}

	nodes := map[string]*record{}
	for _, label := range sortedKeys(nodeReads) {
		err := s.pages(ctx, nodeReads[label], func(rec *neo4j.Record) error {
			r := &record{rec: rec}
			nodes[r.str("id")] = r
			return r.err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("%s nodes: %w", label, err)
		}
	}

	// Spans by document and entity, in the order the facts had them.
	from := map[string]map[string][]link{}
	err = s.pages(ctx, readFrom, func(rec *neo4j.Record) error {
		l, err := readLink(rec, names, docs)
		if err == nil {
			if from[l.doc] == nil {
				from[l.doc] = map[string][]link{}
			}
			from[l.doc][l.node] = append(from[l.doc][l.node], l)
		}
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("provenance: %w", err)
	}
	matches := map[string]map[string][]link{} // doc → entity → TEXT theme links
	err = s.pages(ctx, readHasTheme, func(rec *neo4j.Record) error {
		l, err := readLink(rec, names, docs)
		if err == nil && l.basis == string(graph.BasisText) {
			if matches[l.doc] == nil {
				matches[l.doc] = map[string][]link{}
			}
			matches[l.doc][l.node] = append(matches[l.doc][l.node], l)
		}
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("theme links: %w", err)
	}

	out := make([]graph.Facts, 0, len(order))
	for _, name := range order {
		f := docs[name]
		if err := assemble(f, nodes, from[name], matches[name]); err != nil {
			return nil, nil, fmt.Errorf("document %s: %w", name, err)
		}
		out = append(out, *f)
	}
	return out, ts, nil
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
	text := []rune(f.Document.Text[line-1])
	quote := func(a, b int) (string, error) {
		if a < 0 || b > len(text) || a > b {
			return "", fmt.Errorf("a link of %s quotes characters %d-%d of line %d of %s, which has %d", l.node, a, b, line, l.doc, len(text))
		}
		return string(text[a:b]), nil
	}
	start, end := r.integer("start"), r.integer("end")
	q, err := quote(start, end)
	if err != nil {
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

func first(links []link, role string) graph.Span {
	if s := spans(links, role); len(s) > 0 {
		return s[0]
	}
	return graph.Span{}
}

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
