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
	// Years are the business years the node belongs to; none for timeless
	// nodes such as councils and categories.
	Years []Year
	// Themes are the slugs of the themes the node is tagged with.
	Themes []string
	// Evidence is where the node's facts were read.
	Evidence []Span

	node any // the domain value, from which Props reads
	g    *Graph
}

// Property is one named value of a vertex.
type Property struct {
	Name  string
	Value any
}

// Edge is a directed relationship between two vertices, named as in Neo4j.
type Edge struct {
	Type   string
	Source string
	Target string
}

// ID returns a stable ID for the edge: its type, source and target.
func (e Edge) ID() string { return e.Type + ":" + e.Source + ">" + e.Target }

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

// PrepareNetwork builds now, rather than on first use, the vertices, edges
// and adjacency that subgraphs and exports read. Servers call it before
// serving a graph, so that the first drawing does not wait for it (2.4 s at
// the size of England).
func (g *Graph) PrepareNetwork() { g.net() }

// Vertex returns the vertex of a node ID.
func (g *Graph) Vertex(id string) (*Vertex, bool) {
	v, ok := g.net().vertices[id]
	return v, ok
}

// Props returns the vertex's properties, in a fixed order per kind, then its
// years and themes (space-separated). They are made on each call, not kept:
// an export needs them once, and keeping them for every node of a large
// graph would cost more memory than the graph itself.
func (v *Vertex) Props() []Property {
	var props []Property
	switch n := v.node.(type) {
	case *Council:
		props = []Property{{"slug", n.Slug}, {"name", n.Name}}
		if n.Type != "" {
			props = append(props, Property{"authorityType", string(n.Type)})
		}
	case AuthorityType:
		props = []Property{{"name", string(n)}}
	case Year:
		props = []Property{{"name", n.Label()}, {"start", n.StartDate()}, {"end", n.EndDate()}}
	case *Statistics:
		props = []Property{{"council", n.CouncilSlug}, {"year", n.Year.Label()}}
		for _, m := range StatisticsMeasures {
			if v := m.Value(n); v != nil {
				props = append(props, Property{m.Name, v})
			}
		}
	case *Case:
		props = []Property{{"reference", n.Reference}, {"council", n.CouncilSlug}, {"category", n.CategoryName},
			{"subcategory", n.SubcategoryName}, {"year", n.Year.Label()}}
	case *Improvement:
		props = []Property{{"case", n.CaseRef}, {"ordinal", n.Ordinal}, {"text", n.Text}}
		if acts := n.actions; len(acts) > 0 {
			names := make([]string, len(acts))
			for i, a := range acts {
				names[i] = string(a)
			}
			props = append(props, Property{"actions", strings.Join(names, " ")})
		}
	case *Category:
		props = []Property{{"name", n.Name}}
	case *Subcategory:
		props = []Property{{"name", n.Name}, {"category", n.CategoryName}}
	case *Report:
		props = []Property{{"title", n.Title}, {"council", n.CouncilSlug}, {"summary", n.Summary}, {"publicInterest", n.PublicInterest}}
	case *Letter:
		props = []Property{{"title", n.Title}, {"council", n.CouncilSlug}, {"date", n.Date}, {"year", n.Year.Label()}, {"recipient", n.Recipient}}
	case *Article:
		props = []Property{{"headline", n.Headline}, {"document", n.Doc}, {"councils", strings.Join(n.CouncilSlugs, " ")}}
	case *Claim:
		props = []Property{{"article", n.ArticleDoc}, {"ordinal", n.Ordinal}, {"value", n.Value}, {"unit", string(n.Unit)}, {"text", n.Text}}
		if n.Qualifier != "" {
			props = append(props, Property{"qualifier", n.Qualifier})
		}
		props = append(props, Property{"sentence", n.Sentence})
		if chk, ok := v.g.checks[n.ID()]; ok {
			props = append(props, Property{"check", string(chk.Status)})
		}
	case *Theme:
		props = []Property{{"slug", n.Slug}, {"name", n.Name}, {"description", n.Description}}
	case *Document:
		props = []Property{{"name", n.Name}, {"documentKind", string(n.Kind)}, {"title", n.Title}, {"lines", n.Lines}, {"sha256", n.SHA256}}
	}
	if len(v.Years) > 0 {
		labels := make([]string, len(v.Years))
		for i, y := range v.Years {
			labels[i] = y.Label()
		}
		props = append(props, Property{"years", strings.Join(labels, " ")})
	}
	if len(v.Themes) > 0 {
		props = append(props, Property{"themes", strings.Join(v.Themes, " ")})
	}
	return props
}

func councilNodeID(slug string) string { return NodeID(KindCouncil, slug) }

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
