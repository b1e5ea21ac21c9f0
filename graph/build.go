package graph

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Build merges the facts of many documents, and the themes, into a Graph.
//
// The result does not depend on the order of facts: documents are taken in
// order of name. Facts that several documents state (a council, a case, a
// year) become one node with the evidence of all of them. Where documents
// disagree, the first document by name wins and the conflict is recorded in
// [Graph.Warnings]. Build fails only on input no document could produce, such
// as two documents with one name.
//
// The documents that could not be read at all are given as failed, so that
// the graph can list them beside the warnings of the documents it holds (see
// [Graph.Problems]).
func Build(facts []Facts, themes []Theme, failed ...Problem) (*Graph, error) {
	facts = slices.Clone(facts)
	slices.SortFunc(facts, func(a, b Facts) int { return cmp.Compare(a.Document.Name, b.Document.Name) })
	b := newBuilder()
	for i := range themes {
		if err := b.addTheme(themes[i]); err != nil {
			return nil, err
		}
	}
	for i := range facts {
		if err := b.add(&facts[i]); err != nil {
			return nil, err
		}
		b.g.problems = append(b.g.problems, facts[i].Document.Warnings...)
	}
	b.g.problems = append(b.g.problems, failed...)
	sortProblems(b.g.problems)
	return b.finish(), nil
}

type builder struct {
	g    *Graph
	hash []string
	// oneTheme holds, by slug, the one-theme list nodes with one theme share.
	oneTheme map[string][]string
	// keys folds category and sub-category names, once each.
	keys *folder
	// caseThemes and improvementThemes hold the themes of the graph's cases
	// and improvements, by position, once deriveTags has found them.
	caseThemes, improvementThemes [][]string
}

func newBuilder() *builder {
	return &builder{
		oneTheme: map[string][]string{},
		keys:     &folder{m: map[string]string{}},
		g: &Graph{
			docByName:         map[string]*Document{},
			councilBySlug:     map[string]*Council{},
			yearEvidence:      map[int][]Span{},
			statsByCouncil:    map[string][]*Statistics{},
			caseByRef:         map[string]*Case{},
			improvByCase:      map[string][]*Improvement{},
			categoryByKey:     map[string]*Category{},
			subcategories:     map[string]*Subcategory{},
			reportsByCouncil:  map[string][]*Report{},
			lettersByCouncil:  map[string][]*Letter{},
			articleByDoc:      map[string]*Article{},
			articlesByCouncil: map[string][]*Article{},
			claimsByArticle:   map[string][]*Claim{},
			themeBySlug:       map[string]*Theme{},
			tags:              map[string]nodeTags{},
			traces:            map[string]*Trace{},
			nodes:             map[string]nodeEntry{},
		},
	}
}

func (b *builder) warn(format string, args ...any) {
	b.g.warnings = append(b.g.warnings, fmt.Sprintf(format, args...))
}

func (b *builder) addTheme(t Theme) error {
	if t.Slug == "" || t.Slug != Slug(t.Slug) {
		return fmt.Errorf("theme %q: slug must be lower case letters, digits and '-'", t.Slug)
	}
	if _, dup := b.g.themeBySlug[t.Slug]; dup {
		return fmt.Errorf("theme %q is defined twice", t.Slug)
	}
	th := t
	b.g.themes = append(b.g.themes, &th)
	b.g.themeBySlug[t.Slug] = &th
	b.hash = append(b.hash, fmt.Sprintf("theme:%s:%q:%q:%q", t.Slug, t.Subcategories, t.Terms, t.Acronyms))
	return nil
}

func (b *builder) add(f *Facts) error {
	g := b.g
	d := f.Document
	if d.Name == "" {
		return fmt.Errorf("a document has no name")
	}
	if _, dup := g.docByName[d.Name]; dup {
		return fmt.Errorf("two documents are named %q", d.Name)
	}
	g.docs = append(g.docs, &d)
	g.docByName[d.Name] = &d
	b.hash = append(b.hash, "doc:"+d.Name+":"+d.SHA256)

	for _, c := range f.Councils {
		b.addCouncil(c)
	}
	for i := range f.Statistics {
		b.addStatistics(f.Statistics[i])
	}
	for i := range f.Cases {
		b.addCase(f.Cases[i])
	}
	for i := range f.Improvements {
		b.addImprovement(f.Improvements[i])
	}
	for i := range f.Reports {
		b.addReport(f.Reports[i])
	}
	for i := range f.Letters {
		b.addLetter(f.Letters[i])
	}
	for i := range f.Articles {
		b.addArticle(f.Articles[i])
	}
	for i := range f.Claims {
		c := f.Claims[i]
		if _, ok := g.articleByDoc[c.ArticleDoc]; !ok {
			return fmt.Errorf("document %s: claim %d belongs to no article", d.Name, c.Ordinal)
		}
		g.claims = append(g.claims, &c)
	}
	return nil
}

// council returns the council with the slug, creating a bare one (named by its
// slug) when a fact refers to a council no document names.
func (b *builder) council(slug string) *Council {
	if c, ok := b.g.councilBySlug[slug]; ok {
		return c
	}
	c := &Council{Slug: slug, Name: slug}
	b.g.councilBySlug[slug] = c
	return c
}

func (b *builder) addCouncil(c Council) {
	if have, ok := b.g.councilBySlug[c.Slug]; ok {
		if len(have.Evidence) == 0 { // a bare council, referred to before it was named
			have.Name = c.Name
		}
		have.Evidence = append(have.Evidence, c.Evidence...)
		if have.Type == "" && c.Type != "" {
			have.Type, have.TypeBasis = c.Type, c.TypeBasis
		}
		if have.Code == "" {
			have.Code = c.Code
		}
		if have.Abolished == "" {
			have.Abolished, have.SuccessorSlug = c.Abolished, c.SuccessorSlug
		}
		return
	}
	nc := c
	nc.Evidence = slices.Clone(c.Evidence)
	b.g.councilBySlug[c.Slug] = &nc
}

func (b *builder) addYear(y Year, ev ...Span) {
	b.g.yearEvidence[y.First] = append(b.g.yearEvidence[y.First], ev...)
}

func (b *builder) addStatistics(s Statistics) {
	g := b.g
	b.council(s.CouncilSlug)
	b.addYear(s.Year, s.YearSpan)
	for _, have := range g.statsByCouncil[s.CouncilSlug] {
		if have.Year != s.Year {
			continue
		}
		switch {
		case sameStatistics(have, &s):
		case compatibleStatistics(have, &s):
			// One copy states measures the other does not (a page cut
			// short, or of another shape): together they state both.
			mergeStatistics(have, &s)
		default:
			b.warn("statistics for %s %s: %s and %s disagree; keeping %s", s.CouncilSlug, s.Year.Label(), have.Doc, s.Doc, have.Doc)
		}
		have.Evidence = append(have.Evidence, s.Evidence...)
		return
	}
	ns := s
	g.statsByCouncil[s.CouncilSlug] = append(g.statsByCouncil[s.CouncilSlug], &ns)
}

// compatibleStatistics reports whether a and b give no measure two
// different values.
func compatibleStatistics(a, b *Statistics) bool {
	for _, m := range StatisticsMeasures {
		x, y := m.Value(a), m.Value(b)
		if x != nil && y != nil && x != y {
			return false
		}
	}
	return true
}

// mergeStatistics gives a every measure b states and a does not.
func mergeStatistics(a, b *Statistics) {
	for _, m := range StatisticsMeasures {
		if m.Count != nil {
			if *m.Count(a) == nil {
				*m.Count(a) = *m.Count(b)
			}
		} else if *m.Rate(a) == nil {
			*m.Rate(a) = *m.Rate(b)
		}
	}
}

func sameStatistics(a, b *Statistics) bool {
	x, y := *a, *b
	x.Doc, y.Doc, x.Evidence, y.Evidence, x.YearSpan, y.YearSpan = "", "", nil, nil, Span{}, Span{}
	return fmt.Sprint(deref(x)) == fmt.Sprint(deref(y))
}

// deref renders the pointer fields of statistics as values, for comparison.
func deref(s Statistics) []any {
	out := []any{s.CouncilSlug, s.Year}
	for _, m := range StatisticsMeasures {
		out = append(out, m.Value(&s))
	}
	return out
}

func (b *builder) addCase(c Case) {
	g := b.g
	b.council(c.CouncilSlug)
	b.addYear(c.Year, c.Evidence...)
	if have, ok := g.caseByRef[c.Reference]; ok {
		if have.CouncilSlug != c.CouncilSlug || have.CategoryName != c.CategoryName || have.SubcategoryName != c.SubcategoryName {
			b.warn("case %s: documents disagree on its council or category; keeping %s, %s, %s",
				c.Reference, have.CouncilSlug, have.CategoryName, have.SubcategoryName)
		}
		have.Evidence = append(have.Evidence, c.Evidence...)
		return
	}
	nc := c
	nc.Evidence = slices.Clone(c.Evidence)
	nc.id = ""
	nc.id = nc.ID()
	g.caseByRef[c.Reference] = &nc
	g.cases = append(g.cases, &nc)

	catKey := b.keys.fold(c.CategoryName)
	cat, ok := g.categoryByKey[catKey]
	if !ok {
		cat = &Category{Name: c.CategoryName}
		g.categoryByKey[catKey] = cat
		g.categories = append(g.categories, cat)
	}
	cat.Evidence = append(cat.Evidence, c.CategorySpan)
	nc.category = cat
	if c.SubcategoryName == "" {
		return // the service improvements page names no sub-category
	}
	sk := catKey + "\x00" + b.keys.fold(c.SubcategoryName)
	sub, ok := g.subcategories[sk]
	if !ok {
		sub = &Subcategory{CategoryName: cat.Name, Name: c.SubcategoryName}
		g.subcategories[sk] = sub
		cat.Subcategories = append(cat.Subcategories, sub)
	}
	sub.Evidence = append(sub.Evidence, c.SubcategorySpan)
	nc.subcategory = sub
}

// addImprovement adds an improvement to its case. A document's ordinals are
// its own: the same improvement stated by two documents is kept once, and the
// case's ordinals are given in order of first appearance.
func (b *builder) addImprovement(im Improvement) {
	g := b.g
	if _, ok := g.caseByRef[im.CaseRef]; !ok {
		b.warn("improvement %q belongs to case %s, which no document lists", shorten(im.Text), im.CaseRef)
		return
	}
	for _, have := range g.improvByCase[im.CaseRef] {
		if have.Text == im.Text {
			have.Evidence = append(have.Evidence, im.Evidence...)
			have.Matches = append(have.Matches, im.Matches...)
			return
		}
	}
	ni := im
	ni.Ordinal = len(g.improvByCase[im.CaseRef]) + 1
	ni.Evidence = slices.Clone(im.Evidence)
	ni.Matches = slices.Clone(im.Matches)
	ni.id = ""
	ni.id = ni.ID()
	g.improvByCase[im.CaseRef] = append(g.improvByCase[im.CaseRef], &ni)
}

func (b *builder) addReport(r Report) {
	g := b.g
	b.council(r.CouncilSlug)
	id := r.ID()
	for _, have := range g.reportsByCouncil[r.CouncilSlug] {
		if have.ID() == id {
			have.Evidence = append(have.Evidence, r.Evidence...)
			have.PublicInterest = have.PublicInterest || r.PublicInterest
			return
		}
	}
	nr := r
	nr.Evidence = slices.Clone(r.Evidence)
	g.reportsByCouncil[r.CouncilSlug] = append(g.reportsByCouncil[r.CouncilSlug], &nr)
}

func (b *builder) addLetter(l Letter) {
	g := b.g
	b.council(l.CouncilSlug)
	b.addYear(l.Year, l.YearSpan)
	for _, have := range g.lettersByCouncil[l.CouncilSlug] {
		if have.Date == l.Date {
			b.warn("letter to %s of %s appears in %s and %s; keeping %s", l.CouncilSlug, l.Date, have.Doc, l.Doc, have.Doc)
			have.Evidence = append(have.Evidence, l.Evidence...)
			return
		}
	}
	nl := l
	g.lettersByCouncil[l.CouncilSlug] = append(g.lettersByCouncil[l.CouncilSlug], &nl)
}

func (b *builder) addArticle(a Article) {
	g := b.g
	for _, s := range a.CouncilSlugs {
		b.council(s)
	}
	for _, y := range a.Years {
		b.addYear(y)
	}
	for _, s := range a.YearSpans {
		if y, err := ParseYear(s.Quote); err == nil {
			b.addYear(y, s)
		}
	}
	na := a
	g.articles = append(g.articles, &na)
	g.articleByDoc[a.Doc] = &na
	for _, s := range a.CouncilSlugs {
		g.articlesByCouncil[s] = append(g.articlesByCouncil[s], &na)
	}
}

// foldKey is the key a name is compared by: lower case, with its words
// parted by single spaces. Names of ASCII that are already folded, the
// common case, come back without a copy.
func foldKey(s string) string {
	if folded(s) {
		return s
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// folded reports whether s is ASCII in foldKey's form already.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || 'A' <= c && c <= 'Z':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		case c != ' ' && c <= ' ':
			return false
		}
	}
	return true
}
func subKey(category, name string) string { return foldKey(category) + "\x00" + foldKey(name) }

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

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
		for _, im := range g.improvByCase[c.Reference] {
			im.kase = c
		}
		g.improvements = append(g.improvements, g.improvByCase[c.Reference]...)
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
	add := func(id string, n any, rank int) {
		g.nodes[id] = nodeEntry{n, rank}
	}
	for i, n := range g.docs {
		add(n.ID(), n, i)
	}
	for i, n := range g.councils {
		add(n.ID(), n, i)
	}
	for i, t := range AuthorityTypes {
		add(t.ID(), t, i)
	}
	for i, n := range g.years {
		add(n.ID(), n, i)
	}
	for i, n := range g.stats {
		add(n.ID(), n, i)
	}
	for i, n := range g.cases {
		add(n.ID(), n, i)
	}
	for i, n := range g.improvements {
		add(n.ID(), n, i)
	}
	rank := 0
	for _, c := range g.categories {
		add(c.ID(), c, rank)
		rank++
		for _, s := range c.Subcategories {
			add(s.ID(), s, rank)
			rank++
		}
	}
	for i, n := range g.reports {
		add(n.ID(), n, i)
	}
	for i, n := range g.letters {
		add(n.ID(), n, i)
	}
	for i, n := range g.articles {
		add(n.ID(), n, i)
	}
	for i, n := range g.claims {
		add(n.ID(), n, i)
	}
	for i, n := range g.themes {
		add(n.ID(), n, i)
	}
}
