package loader

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ReferenceCouncil is an entry of the councils reference file: a council
// whose authority type should not be inferred from its name, or that has
// aliases ("Herts" for Hertfordshire).
type ReferenceCouncil struct {
	Name    string   `json:"name"`
	Type    string   `json:"type,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
}

// ParseReference parses the councils reference file, a JSON object
// {"councils": [ReferenceCouncil...]}.
func ParseReference(data []byte) ([]ReferenceCouncil, error) {
	var f struct {
		Councils []ReferenceCouncil `json:"councils"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("councils reference: %w", err)
	}
	for i, c := range f.Councils {
		if strings.TrimSpace(c.Name) == "" {
			return nil, fmt.Errorf("councils reference: entry %d has no name", i+1)
		}
		if c.Type != "" {
			if _, ok := graph.ParseAuthorityType(c.Type); !ok {
				return nil, fmt.Errorf("councils reference: %s: unknown authority type %q (want one of %v)", c.Name, c.Type, graph.AuthorityTypes)
			}
		}
	}
	return f.Councils, nil
}

// Gazetteer knows councils by name, place and alias, so that the loader can
// give every council its authority type and find the councils an article is
// about. Build one with [NewGazetteer]; a Gazetteer is not safe for
// concurrent use while councils are being added.
type Gazetteer struct {
	entries   []*place
	bySlug    map[string]*place
	bySurface map[string]*place // folded, lower-case "herts county council" → entry
}

// place is one council the gazetteer knows.
type place struct {
	council  graph.Council
	place    string   // "Hertfordshire"
	aliases  []string // "Herts"
	typeWord string   // "county", "borough", "district", "city" or ""
}

// NewGazetteer returns a gazetteer that knows the reference councils.
func NewGazetteer(ref []ReferenceCouncil) *Gazetteer {
	g := &Gazetteer{bySlug: map[string]*place{}, bySurface: map[string]*place{}}
	for _, r := range ref {
		c := graph.Council{Name: graph.CleanName(r.Name), Slug: graph.Slug(r.Name)}
		if t, ok := graph.ParseAuthorityType(r.Type); ok {
			c.Type, c.TypeBasis = t, "reference"
		} else if t, ok := graph.InferAuthorityType(c.Name); ok {
			c.Type, c.TypeBasis = t, "name"
		}
		g.add(c, r.Aliases)
	}
	return g
}

// Clone returns a copy that can learn councils without changing g.
func (g *Gazetteer) Clone() *Gazetteer {
	c := &Gazetteer{entries: slices.Clone(g.entries), bySlug: make(map[string]*place, len(g.bySlug)),
		bySurface: make(map[string]*place, len(g.bySurface))}
	for k, v := range g.bySlug {
		c.bySlug[k] = v
	}
	for k, v := range g.bySurface {
		c.bySurface[k] = v
	}
	return c
}

var placeForms = []struct {
	re       *regexp.Regexp
	typeWord string
}{
	{regexp.MustCompile(`^(?:London|Royal) Borough of (.+)$`), "borough"},
	{regexp.MustCompile(`^City of (.+) Council$`), "city"},
	{regexp.MustCompile(`^(.+) Metropolitan Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) County Council$`), "county"},
	{regexp.MustCompile(`^(.+) Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) District Council$`), "district"},
	{regexp.MustCompile(`^(.+) City Council$`), "city"},
	{regexp.MustCompile(`^(.+) Council$`), ""},
}

func (g *Gazetteer) add(c graph.Council, aliases []string) *place {
	if p, ok := g.bySlug[c.Slug]; ok {
		return p
	}
	p := &place{council: c, aliases: aliases}
	for _, f := range placeForms {
		if m := f.re.FindStringSubmatch(c.Name); m != nil {
			p.place, p.typeWord = m[1], f.typeWord
			break
		}
	}
	g.entries = append(g.entries, p)
	g.bySlug[c.Slug] = p
	g.bySurface[surfaceKey(c.Name)] = p
	for _, name := range append([]string{p.place}, aliases...) {
		if name == "" {
			continue
		}
		g.bySurface[surfaceKey(name+" Council")] = p
		if p.typeWord != "" {
			g.bySurface[surfaceKey(name+" "+p.typeWord+" Council")] = p
		}
		if strings.HasPrefix(c.Name, "London Borough of") || strings.HasPrefix(c.Name, "Royal Borough of") {
			g.bySurface[surfaceKey("London Borough of "+name)] = p
			g.bySurface[surfaceKey("Royal Borough of "+name)] = p
		}
	}
	return p
}

func surfaceKey(s string) string { return strings.ToLower(graph.CleanName(fold(s))) }

// Council returns the council with the given name, as a fact quoted by span.
// Its authority type comes from the reference file where that has it, and is
// otherwise inferred from the name. The council is learnt, so that articles
// parsed later can find it.
func (g *Gazetteer) Council(name string, span graph.Span) graph.Council {
	name = graph.CleanName(name)
	slug := graph.Slug(name)
	if p, ok := g.bySlug[slug]; ok {
		c := p.council
		c.Evidence = []graph.Span{span}
		return c
	}
	c := graph.Council{Name: name, Slug: slug}
	if t, ok := graph.InferAuthorityType(name); ok {
		c.Type, c.TypeBasis = t, "name"
	}
	g.add(c, nil)
	c.Evidence = []graph.Span{span}
	return c
}
