package graph

import (
	"strconv"
	"strings"
	"sync"
)

// Vertex is a node of the graph as visualisation tools see it: an ID, a
// kind, a label, and flat properties. Property values are strings, ints,
// float64s or bools, and a property's name has one type across all kinds.
type Vertex struct {
	ID    string
	Kind  Kind
	Label string
	// Props are the node's properties, in a fixed order per kind.
	Props []Property
	// Years are the business years the node belongs to; none for timeless
	// nodes such as councils and categories.
	Years []Year
	// Themes are the slugs of the themes the node is tagged with.
	Themes []string
	// Evidence is where the node's facts were read.
	Evidence []Span
}

// Property is one named value of a vertex.
type Property struct {
	Name  string
	Value any
}

// Edge is a directed relationship between two vertices, named as in Neo4j.
type Edge struct {
	ID     string
	Type   string
	Source string
	Target string
}

// Relationship types, the same as the Neo4j store's.
const (
	RelOfType        = "OF_TYPE"        // Council → AuthorityType
	RelOf            = "OF"             // Statistics → Council
	RelFor           = "FOR"            // Statistics, Letter → Year
	RelAgainst       = "AGAINST"        // Case → Council
	RelInSubcategory = "IN_SUBCATEGORY" // Case → Subcategory
	RelPartOf        = "PART_OF"        // Subcategory → Category
	RelReceivedIn    = "RECEIVED_IN"    // Case → Year
	RelAgreedIn      = "AGREED_IN"      // Improvement → Case
	RelAbout         = "ABOUT"          // Report → Council
	RelTo            = "TO"             // Letter → Council
	RelMentions      = "MENTIONS"       // Article → Council, Year
	RelMadeIn        = "MADE_IN"        // Claim → Article
	RelHasTheme      = "HAS_THEME"      // Case, Improvement, Report, Article → Theme
	RelFrom          = "FROM"           // every fact → the Document it was read from
)

// RelTypes lists the relationship types in a fixed order.
var RelTypes = []string{RelOfType, RelOf, RelFor, RelAgainst, RelInSubcategory, RelPartOf, RelReceivedIn,
	RelAgreedIn, RelAbout, RelTo, RelMentions, RelMadeIn, RelHasTheme, RelFrom}

// network is the graph as vertices and edges, with adjacency, built on first
// use: most servers never export, and it costs memory at England size.
type network struct {
	once     sync.Once
	order    []string // vertex IDs in canonical order: by kind, then rank
	vertices map[string]*Vertex
	edges    []Edge
	adjacent map[string][]int32 // vertex ID → indexes into edges, both directions
}

func (g *Graph) net() *network {
	n := &g.network
	n.once.Do(func() { n.build(g) })
	return n
}

// Vertex returns the vertex of a node ID.
func (g *Graph) Vertex(id string) (*Vertex, bool) {
	v, ok := g.net().vertices[id]
	return v, ok
}

func (n *network) build(g *Graph) {
	n.vertices = map[string]*Vertex{}
	n.adjacent = map[string][]int32{}
	add := func(v *Vertex) {
		v.Themes = g.ThemesOf(v.ID)
		if len(v.Years) > 0 {
			labels := make([]string, len(v.Years))
			for i, y := range v.Years {
				labels[i] = y.Label()
			}
			v.Props = append(v.Props, Property{"years", strings.Join(labels, " ")})
		}
		if len(v.Themes) > 0 {
			v.Props = append(v.Props, Property{"themes", strings.Join(v.Themes, " ")})
		}
		n.vertices[v.ID] = v
		n.order = append(n.order, v.ID)
	}
	link := func(typ, from, to string) {
		if _, ok := g.nodes[to]; !ok {
			return
		}
		i := int32(len(n.edges))
		n.edges = append(n.edges, Edge{ID: typ + ":" + from + ">" + to, Type: typ, Source: from, Target: to})
		n.adjacent[from] = append(n.adjacent[from], i)
		if to != from {
			n.adjacent[to] = append(n.adjacent[to], i)
		}
	}
	sources := func(id string, spans ...[]Span) {
		seen := map[string]bool{}
		for _, ss := range spans {
			for _, s := range ss {
				if s.Doc != "" && !seen[s.Doc] {
					seen[s.Doc] = true
					link(RelFrom, id, NodeID(KindDocument, s.Doc))
				}
			}
		}
	}
	themed := func(id string) {
		for _, t := range g.ThemesOf(id) {
			link(RelHasTheme, id, NodeID(KindTheme, t))
		}
	}

	for _, c := range g.councils {
		props := []Property{{"slug", c.Slug}, {"name", c.Name}}
		if c.Type != "" {
			props = append(props, Property{"authorityType", string(c.Type)})
		}
		add(&Vertex{ID: c.ID(), Kind: KindCouncil, Label: c.Name, Props: props, Evidence: c.Evidence})
		if c.Type != "" {
			link(RelOfType, c.ID(), c.Type.ID())
		}
		sources(c.ID(), c.Evidence)
	}
	for _, t := range AuthorityTypes {
		add(&Vertex{ID: t.ID(), Kind: KindAuthorityType, Label: string(t), Props: []Property{{"name", string(t)}}})
	}
	for _, y := range g.years {
		add(&Vertex{ID: y.ID(), Kind: KindYear, Label: y.Label(), Years: []Year{y},
			Props: []Property{{"name", y.Label()}, {"start", y.StartDate()}, {"end", y.EndDate()}}, Evidence: g.yearEvidence[y.First]})
	}
	for _, s := range g.stats {
		c := g.councilBySlug[s.CouncilSlug]
		label := s.CouncilSlug + " " + s.Year.Label()
		if c != nil {
			label = c.Name + " " + s.Year.Label()
		}
		props := []Property{{"council", s.CouncilSlug}, {"year", s.Year.Label()}}
		props = appendInt(props, "investigations", s.Investigations)
		props = appendInt(props, "upheldDecisions", s.UpheldDecisions)
		props = appendFloat(props, "upheldPercent", s.UpheldPercent)
		props = appendFloat(props, "upheldPer100k", s.UpheldPer100k)
		props = appendInt(props, "complianceOutcomes", s.ComplianceOutcomes)
		props = appendFloat(props, "compliancePercent", s.CompliancePercent)
		props = appendInt(props, "satisfactoryRemedyDecisions", s.SatisfactoryRemedyDecisions)
		props = appendFloat(props, "satisfactoryRemedyPercent", s.SatisfactoryRemedyPercent)
		props = appendFloat(props, "similarUpheldPercent", s.SimilarAuthorities.UpheldPercent)
		props = appendFloat(props, "similarUpheldPer100k", s.SimilarAuthorities.UpheldPer100k)
		props = appendFloat(props, "similarCompliancePercent", s.SimilarAuthorities.CompliancePercent)
		props = appendFloat(props, "similarSatisfactoryRemedyPercent", s.SimilarAuthorities.SatisfactoryRemedyPercent)
		add(&Vertex{ID: s.ID(), Kind: KindStatistics, Label: label, Props: props, Years: []Year{s.Year}, Evidence: s.Evidence})
		link(RelOf, s.ID(), councilNodeID(s.CouncilSlug))
		link(RelFor, s.ID(), s.Year.ID())
		sources(s.ID(), s.Evidence)
	}
	for _, c := range g.cases {
		add(&Vertex{ID: c.ID(), Kind: KindCase, Label: c.Reference, Years: []Year{c.Year}, Evidence: c.Evidence,
			Props: []Property{{"reference", c.Reference}, {"council", c.CouncilSlug}, {"category", c.CategoryName},
				{"subcategory", c.SubcategoryName}, {"year", c.Year.Label()}}})
		link(RelAgainst, c.ID(), councilNodeID(c.CouncilSlug))
		if c.subcategory != nil {
			link(RelInSubcategory, c.ID(), c.subcategory.ID())
		}
		link(RelReceivedIn, c.ID(), c.Year.ID())
		themed(c.ID())
		sources(c.ID(), c.Evidence)
	}
	for _, im := range g.improvements {
		props := []Property{{"case", im.CaseRef}, {"ordinal", im.Ordinal}, {"text", im.Text}}
		var years []Year
		if y := im.Year(); y != nil {
			years = []Year{*y}
		}
		if acts := g.actions[im.ID()]; len(acts) > 0 {
			names := make([]string, len(acts))
			for i, a := range acts {
				names[i] = string(a)
			}
			props = append(props, Property{"actions", strings.Join(names, " ")})
		}
		add(&Vertex{ID: im.ID(), Kind: KindImprovement, Label: label(im.Text, 60), Props: props, Years: years, Evidence: im.Evidence})
		if im.kase != nil {
			link(RelAgreedIn, im.ID(), im.kase.ID())
		}
		themed(im.ID())
		sources(im.ID(), im.Evidence)
	}
	for _, c := range g.categories {
		add(&Vertex{ID: c.ID(), Kind: KindCategory, Label: c.Name, Props: []Property{{"name", c.Name}}, Evidence: c.Evidence})
		sources(c.ID(), c.Evidence)
		for _, s := range c.Subcategories {
			add(&Vertex{ID: s.ID(), Kind: KindSubcategory, Label: s.Name,
				Props: []Property{{"name", s.Name}, {"category", s.CategoryName}}, Evidence: s.Evidence})
			link(RelPartOf, s.ID(), c.ID())
			sources(s.ID(), s.Evidence)
		}
	}
	for _, r := range g.reports {
		add(&Vertex{ID: r.ID(), Kind: KindReport, Label: r.Title, Evidence: r.Evidence,
			Props: []Property{{"title", r.Title}, {"council", r.CouncilSlug}, {"summary", r.Summary}, {"publicInterest", r.PublicInterest}}})
		link(RelAbout, r.ID(), councilNodeID(r.CouncilSlug))
		themed(r.ID())
		sources(r.ID(), r.Evidence)
	}
	for _, l := range g.letters {
		add(&Vertex{ID: l.ID(), Kind: KindLetter, Label: l.Title, Years: []Year{l.Year}, Evidence: l.Evidence,
			Props: []Property{{"title", l.Title}, {"council", l.CouncilSlug}, {"date", l.Date}, {"year", l.Year.Label()}, {"recipient", l.Recipient}}})
		link(RelTo, l.ID(), councilNodeID(l.CouncilSlug))
		link(RelFor, l.ID(), l.Year.ID())
		sources(l.ID(), l.Evidence)
	}
	for _, a := range g.articles {
		add(&Vertex{ID: a.ID(), Kind: KindArticle, Label: a.Headline, Years: a.Years, Evidence: a.Evidence,
			Props: []Property{{"headline", a.Headline}, {"document", a.Doc}, {"councils", strings.Join(a.CouncilSlugs, " ")}}})
		for _, s := range a.CouncilSlugs {
			link(RelMentions, a.ID(), councilNodeID(s))
		}
		for _, y := range a.Years {
			link(RelMentions, a.ID(), y.ID())
		}
		themed(a.ID())
		sources(a.ID(), a.Evidence)
	}
	for _, c := range g.claims {
		props := []Property{{"article", c.ArticleDoc}, {"ordinal", c.Ordinal}, {"value", c.Value}, {"unit", string(c.Unit)}, {"text", c.Text}}
		if c.Qualifier != "" {
			props = append(props, Property{"qualifier", c.Qualifier})
		}
		props = append(props, Property{"sentence", c.Sentence})
		if chk, ok := g.checks[c.ID()]; ok {
			props = append(props, Property{"check", string(chk.Status)})
		}
		var years []Year
		if a := g.articleByDoc[c.ArticleDoc]; a != nil {
			years = a.Years
		}
		add(&Vertex{ID: c.ID(), Kind: KindClaim, Label: c.Text, Props: props, Years: years, Evidence: c.Evidence})
		link(RelMadeIn, c.ID(), NodeID(KindArticle, c.ArticleDoc))
		sources(c.ID(), c.Evidence)
	}
	for _, t := range g.themes {
		add(&Vertex{ID: NodeID(KindTheme, t.Slug), Kind: KindTheme, Label: t.Name,
			Props: []Property{{"slug", t.Slug}, {"name", t.Name}, {"description", t.Description}}})
	}
	for _, d := range g.docs {
		add(&Vertex{ID: d.ID(), Kind: KindDocument, Label: d.Name,
			Props: []Property{{"name", d.Name}, {"documentKind", string(d.Kind)}, {"title", d.Title}, {"lines", d.Lines}, {"sha256", d.SHA256}}})
	}
}

func councilNodeID(slug string) string { return NodeID(KindCouncil, slug) }

func appendInt(props []Property, name string, v *int) []Property {
	if v == nil {
		return props
	}
	return append(props, Property{name, *v})
}

func appendFloat(props []Property, name string, v *float64) []Property {
	if v == nil {
		return props
	}
	return append(props, Property{name, *v})
}

// label cuts s to at most n runes, at a word, with an ellipsis.
func label(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// PropertyType names the type of a property value: "string", "int",
// "double" or "boolean".
func PropertyType(v any) string {
	switch v.(type) {
	case int:
		return "int"
	case float64:
		return "double"
	case bool:
		return "boolean"
	}
	return "string"
}

// FormatValue writes a property value as text, as the formats need it.
func FormatValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}
