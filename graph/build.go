package graph

import (
	"cmp"
	"fmt"
	"slices"
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
	// tagSlab and themeSlab hold the nodes' tags and their themes, and
	// scratch an improvement's tags before they are ordered.
	tagSlab   slab[ThemeTag]
	themeSlab slab[string]
	scratch   []ThemeTag
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
			categoryByKey:     map[string]*Category{},
			subcategories:     map[[2]string]*Subcategory{},
			reportsByCouncil:  map[string][]*Report{},
			lettersByCouncil:  map[string][]*Letter{},
			articleByDoc:      map[string]*Article{},
			articlesByCouncil: map[string][]*Article{},
			claimsByArticle:   map[string][]*Claim{},
			themeBySlug:       map[string]*Theme{},
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
	nr.id = id
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

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
