package graph

import "slices"

// networkBuilder builds a graph's network: a vertex for every node, and an
// edge for every relationship, each kind of node in its turn.
type networkBuilder struct {
	n         *network
	g         *Graph
	themeID   map[string]string // theme slug → node ID
	councilID map[string]string // council slug → node ID
	yearID    map[int]string    // a year's first calendar year → node ID
	caseID    map[*Case]string
	subID     map[*Subcategory]string
}

// build makes the network's vertices, edges and adjacency. Vertices come in
// the order of the kinds below; edges in the order their vertices are added.
func (n *network) build(g *Graph) {
	n.vertices = make(map[string]*Vertex, len(g.nodes)+len(g.themes))
	n.adjacent = make(map[string][]int32, len(g.nodes)+len(g.themes))
	b := &networkBuilder{n: n, g: g, themeID: make(map[string]string, len(g.themes))}
	for _, t := range g.themes {
		b.themeID[t.Slug] = NodeID(KindTheme, t.Slug)
	}
	b.councils()
	for _, t := range AuthorityTypes {
		b.add(&Vertex{ID: t.ID(), Kind: KindAuthorityType, Label: string(t), node: t})
	}
	b.years()
	b.statistics()
	b.cases()
	b.improvements()
	b.categories()
	b.reports()
	b.letters()
	b.articles()
	b.claims()
	for _, t := range g.themes {
		b.add(&Vertex{ID: NodeID(KindTheme, t.Slug), Kind: KindTheme, Label: t.Name, node: t})
	}
	for _, d := range g.docs {
		b.add(&Vertex{ID: d.ID(), Kind: KindDocument, Label: d.Name, node: d})
	}
}

// add adds a vertex, with the themes its node carries.
func (b *networkBuilder) add(v *Vertex) *Vertex {
	v.g = b.g
	v.Themes = b.g.ThemesOf(v.ID)
	b.n.vertices[v.ID] = v
	b.n.order = append(b.n.order, v.ID)
	return v
}

// link adds an edge of a relationship type, when its target is in the graph.
func (b *networkBuilder) link(typ, from, to string) {
	if _, ok := b.g.nodes[to]; to == "" || !ok {
		return
	}
	i := int32(len(b.n.edges))
	b.n.edges = append(b.n.edges, Edge{Type: typ, Source: from, Target: to})
	b.n.adjacent[from] = append(b.n.adjacent[from], i)
	if to != from {
		b.n.adjacent[to] = append(b.n.adjacent[to], i)
	}
}

// sources links a fact to each document its spans quote, once.
func (b *networkBuilder) sources(id string, spans []Span) {
	for i, s := range spans {
		if s.Doc != "" && !slices.ContainsFunc(spans[:i], func(p Span) bool { return p.Doc == s.Doc }) {
			b.link(RelFrom, id, NodeID(KindDocument, s.Doc))
		}
	}
}

// themed links a vertex to each theme its node carries.
func (b *networkBuilder) themed(v *Vertex) {
	for _, t := range v.Themes {
		b.link(RelHasTheme, v.ID, b.themeID[t])
	}
}

// council returns the node ID of the council with the given slug.
func (b *networkBuilder) council(slug string) string {
	if id, ok := b.councilID[slug]; ok {
		return id
	}
	return councilNodeID(slug)
}

// councils adds the councils, linked to their authority types.
func (b *networkBuilder) councils() {
	b.councilID = make(map[string]string, len(b.g.councils))
	for _, c := range b.g.councils {
		id := c.ID()
		b.councilID[c.Slug] = id
		b.add(&Vertex{ID: id, Kind: KindCouncil, Label: c.Name, Evidence: c.Evidence, node: c})
		if c.Type != "" {
			b.link(RelOfType, id, c.Type.ID())
		}
		b.sources(id, c.Evidence)
	}
}

// years adds the business years.
func (b *networkBuilder) years() {
	b.yearID = make(map[int]string, len(b.g.years))
	for _, y := range b.g.years {
		b.yearID[y.First] = y.ID()
		b.add(&Vertex{ID: y.ID(), Kind: KindYear, Label: y.Label(), Years: []Year{y}, Evidence: b.g.yearEvidence[y.First], node: y})
	}
}

// statistics adds each council's statistics of a year.
func (b *networkBuilder) statistics() {
	for _, s := range b.g.stats {
		label := s.CouncilSlug + " " + s.Year.Label()
		if c := b.g.councilBySlug[s.CouncilSlug]; c != nil {
			label = c.Name + " " + s.Year.Label()
		}
		id := s.ID()
		b.add(&Vertex{ID: id, Kind: KindStatistics, Label: label, Years: []Year{s.Year}, Evidence: s.Evidence, node: s})
		b.link(RelOf, id, b.council(s.CouncilSlug))
		b.link(RelFor, id, b.yearID[s.Year.First])
		b.sources(id, s.Evidence)
	}
}

// cases adds the cases, linked to their councils, sub-categories and years.
func (b *networkBuilder) cases() {
	b.caseID = make(map[*Case]string, len(b.g.cases))
	b.subID = map[*Subcategory]string{}
	for _, c := range b.g.categories {
		for _, s := range c.Subcategories {
			b.subID[s] = s.ID()
		}
	}
	for _, c := range b.g.cases {
		id := c.ID()
		b.caseID[c] = id
		v := b.add(&Vertex{ID: id, Kind: KindCase, Label: c.Reference, Years: []Year{c.Year}, Evidence: c.Evidence, node: c})
		b.link(RelAgainst, id, b.council(c.CouncilSlug))
		if c.subcategory != nil {
			b.link(RelInSubcategory, id, b.subID[c.subcategory])
		}
		b.link(RelReceivedIn, id, b.yearID[c.Year.First])
		b.themed(v)
		b.sources(id, c.Evidence)
	}
}

// improvements adds the improvements, linked to their cases.
func (b *networkBuilder) improvements() {
	for _, im := range b.g.improvements {
		var years []Year
		if y := im.Year(); y != nil {
			years = []Year{*y}
		}
		id := im.ID()
		v := b.add(&Vertex{ID: id, Kind: KindImprovement, Label: label(im.Text, 60), Years: years, Evidence: im.Evidence, node: im})
		if im.kase != nil {
			b.link(RelAgreedIn, id, b.caseID[im.kase])
		}
		b.themed(v)
		b.sources(id, im.Evidence)
	}
}

// categories adds the categories and their sub-categories.
func (b *networkBuilder) categories() {
	for _, c := range b.g.categories {
		b.add(&Vertex{ID: c.ID(), Kind: KindCategory, Label: c.Name, Evidence: c.Evidence, node: c})
		b.sources(c.ID(), c.Evidence)
		for _, s := range c.Subcategories {
			b.add(&Vertex{ID: b.subID[s], Kind: KindSubcategory, Label: s.Name, Evidence: s.Evidence, node: s})
			b.link(RelPartOf, b.subID[s], c.ID())
			b.sources(b.subID[s], s.Evidence)
		}
	}
}

// reports adds the reports, linked to their councils.
func (b *networkBuilder) reports() {
	for _, r := range b.g.reports {
		id := r.ID()
		v := b.add(&Vertex{ID: id, Kind: KindReport, Label: r.Title, Evidence: r.Evidence, node: r})
		b.link(RelAbout, id, b.council(r.CouncilSlug))
		b.themed(v)
		b.sources(id, r.Evidence)
	}
}

// letters adds the annual letters, linked to their councils and years.
func (b *networkBuilder) letters() {
	for _, l := range b.g.letters {
		id := l.ID()
		b.add(&Vertex{ID: id, Kind: KindLetter, Label: l.Title, Years: []Year{l.Year}, Evidence: l.Evidence, node: l})
		b.link(RelTo, id, b.council(l.CouncilSlug))
		b.link(RelFor, id, b.yearID[l.Year.First])
		b.sources(id, l.Evidence)
	}
}

// articles adds the news articles, linked to the councils and years they mention.
func (b *networkBuilder) articles() {
	for _, a := range b.g.articles {
		id := a.ID()
		v := b.add(&Vertex{ID: id, Kind: KindArticle, Label: a.Headline, Years: a.Years, Evidence: a.Evidence, node: a})
		for _, s := range a.CouncilSlugs {
			b.link(RelMentions, id, b.council(s))
		}
		for _, y := range a.Years {
			b.link(RelMentions, id, b.yearID[y.First])
		}
		b.themed(v)
		b.sources(id, a.Evidence)
	}
}

// claims adds the claims of articles, linked to the articles that make them.
func (b *networkBuilder) claims() {
	for _, c := range b.g.claims {
		var years []Year
		if a := b.g.articleByDoc[c.ArticleDoc]; a != nil {
			years = a.Years
		}
		b.add(&Vertex{ID: c.ID(), Kind: KindClaim, Label: c.Text, Years: years, Evidence: c.Evidence, node: c})
		b.link(RelMadeIn, c.ID(), NodeID(KindArticle, c.ArticleDoc))
		b.sources(c.ID(), c.Evidence)
	}
}
