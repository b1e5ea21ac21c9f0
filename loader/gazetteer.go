package loader

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ReferenceCouncil is an entry of the councils reference file
// (seed/councils.json; seed/COUNCILS.md describes it): a council, its
// authority type and ONS code, the other names it goes by, and, for a
// council that no longer exists, when it ceased and which council took over.
type ReferenceCouncil struct {
	// Name is the Ombudsman's name for the council.
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	// Code is the ONS GSS code, such as "E10000015".
	Code string `json:"code,omitempty"`
	// Aliases are short place names ("Herts", "Windsor & Maidenhead"): the
	// gazetteer knows each with "Council" and with the type word and
	// "Council" after it ("Herts Council", "Herts County Council").
	Aliases []string `json:"aliases,omitempty"`
	// Names are other full names that stand alone: formal or former names,
	// the other of "&" and "and", and press forms such as "Croydon Council",
	// "RBWM" or "Borough Council of King's Lynn and West Norfolk".
	Names []string `json:"names,omitempty"`
	// Abolished is the date (YYYY-MM-DD) the council ceased.
	Abolished string `json:"abolished,omitempty"`
	// Successor is the name of the council that took over.
	Successor string `json:"successor,omitempty"`
}

var gssCode = regexp.MustCompile(`^[A-Z][0-9]{8}$`)

// ParseReference parses the councils reference file, a JSON object
// {"councils": [ReferenceCouncil...]} (other top-level fields, such as
// "sources", are for people), and checks every entry: a name, a known type, a
// GSS code of the right form, a date of abolition as YYYY-MM-DD, and a
// successor that the file names.
func ParseReference(data []byte) ([]ReferenceCouncil, error) {
	var f struct {
		Councils []ReferenceCouncil `json:"councils"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("councils reference: %w", err)
	}
	known := map[string]bool{}
	slugs := map[string]string{}
	for i, c := range f.Councils {
		if strings.TrimSpace(c.Name) == "" {
			return nil, fmt.Errorf("councils reference: entry %d has no name", i+1)
		}
		if had, ok := slugs[graph.Slug(c.Name)]; ok {
			return nil, fmt.Errorf("councils reference: %s: the same council as %s (entry %d); give each council one entry", c.Name, had, i+1)
		}
		slugs[graph.Slug(c.Name)] = c.Name
		for _, n := range append([]string{c.Name}, c.Names...) {
			known[surfaceKey(n)] = true
		}
	}
	for _, c := range f.Councils {
		if c.Type != "" {
			if _, ok := graph.ParseAuthorityType(c.Type); !ok {
				return nil, fmt.Errorf("councils reference: %s: unknown authority type %q (want one of %v)", c.Name, c.Type, graph.AuthorityTypes)
			}
		}
		if c.Code != "" && !gssCode.MatchString(c.Code) {
			return nil, fmt.Errorf("councils reference: %s: code %q is not a GSS code such as E10000015", c.Name, c.Code)
		}
		for _, n := range append(append([]string{}, c.Aliases...), c.Names...) {
			if surfaceKey(n) == "" {
				return nil, fmt.Errorf("councils reference: %s: an empty alias or name", c.Name)
			}
		}
		if c.Abolished != "" {
			if _, err := time.Parse(time.DateOnly, c.Abolished); err != nil {
				return nil, fmt.Errorf("councils reference: %s: abolished %q is not a date YYYY-MM-DD", c.Name, c.Abolished)
			}
		}
		if c.Successor != "" {
			if c.Abolished == "" {
				return nil, fmt.Errorf("councils reference: %s: has a successor but no date of abolition", c.Name)
			}
			if !known[surfaceKey(c.Successor)] {
				return nil, fmt.Errorf("councils reference: %s: successor %q is not a council of the file", c.Name, c.Successor)
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
	entries []*place
	bySlug  map[string]*place
	// bySurface maps every way of writing a council's name, as a
	// surfaceKey ("herts county council"), to the council. A surface two
	// councils could claim equally is in neither: see addSurface.
	bySurface map[string]*place
	rank      map[string]int // surface → rank of the name it came from
	ambiguous map[string]int // surface two councils claim → their rank
	// acronyms are surfaces written in capitals in the reference ("RBWM",
	// "B&NES"): they match text only in capitals.
	acronyms map[string]bool
	// longest is the most words a surface has, and firsts the first words
	// of surfaces.
	longest int
	firsts  map[string]bool
	// places is placesOf's map of current councils by place, made when
	// the gazetteer had placesFor entries.
	places    map[string]*place
	placesFor int
}

// place is one council the gazetteer knows.
type place struct {
	council  graph.Council
	place    string   // "Hertfordshire"
	aliases  []string // "Herts"
	typeWord string   // "county", "borough", "district", "city" or ""
	royal    bool     // a Royal Borough, which "the Royal Borough" can mean
}

// The ranks of surfaces: a council's own name outranks another council's
// other name, which outranks a form made from a place or alias, so that
// "Dorset Council" is Dorset Council and not the abolished Dorset County
// Council's "Dorset" with "Council".
const (
	rankName = iota
	rankOtherName
	rankMade
)

// NewGazetteer returns a gazetteer that knows the reference councils.
func NewGazetteer(ref []ReferenceCouncil) *Gazetteer {
	g := &Gazetteer{bySlug: map[string]*place{}, bySurface: map[string]*place{}, rank: map[string]int{},
		ambiguous: map[string]int{}, acronyms: map[string]bool{}, firsts: map[string]bool{}}
	for _, r := range ref {
		c := graph.Council{Name: graph.CleanName(r.Name), Slug: graph.Slug(r.Name), Code: r.Code, Abolished: r.Abolished}
		if t, ok := graph.ParseAuthorityType(r.Type); ok {
			c.Type, c.TypeBasis = t, "reference"
		} else if t, ok := graph.InferAuthorityType(c.Name); ok {
			c.Type, c.TypeBasis = t, "name"
		}
		g.add(c, r.Aliases, r.Names)
	}
	// Successors once every council is known, by any name the file gives.
	for _, r := range ref {
		if r.Successor == "" {
			continue
		}
		p := g.bySlug[graph.Slug(r.Name)]
		p.council.SuccessorSlug = graph.Slug(r.Successor)
		if s, ok := g.bySurface[surfaceKey(r.Successor)]; ok {
			p.council.SuccessorSlug = s.council.Slug
		}
	}
	return g
}

// Clone returns a copy that can learn councils without changing g.
func (g *Gazetteer) Clone() *Gazetteer {
	return &Gazetteer{entries: slices.Clone(g.entries), bySlug: clone(g.bySlug), bySurface: clone(g.bySurface),
		rank: clone(g.rank), ambiguous: clone(g.ambiguous), acronyms: g.acronyms, longest: g.longest, firsts: clone(g.firsts)}
}

func clone[V any](m map[string]V) map[string]V {
	c := make(map[string]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

var placeForms = []struct {
	re       *regexp.Regexp
	typeWord string
}{
	{regexp.MustCompile(`^(?:London|Royal) Borough of (.+)$`), "borough"},
	{regexp.MustCompile(`^Borough Council of (.+)$`), "borough"},
	{regexp.MustCompile(`^Borough of (.+)$`), "borough"},
	{regexp.MustCompile(`^City of (.+) Metropolitan District Council$`), "city"},
	{regexp.MustCompile(`^City of (.+) Council$`), "city"},
	{regexp.MustCompile(`^Council of the (.+)$`), ""},
	{regexp.MustCompile(`^(.+) Metropolitan Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) Metropolitan District Council$`), "district"},
	{regexp.MustCompile(`^(.+) County Council$`), "county"},
	{regexp.MustCompile(`^(.+) Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) District Council$`), "district"},
	{regexp.MustCompile(`^(.+) City Council$`), "city"},
	{regexp.MustCompile(`^(.+) Council$`), ""},
}

// placeOf returns the place and type word of a council's name: "Hertfordshire"
// and "county" for "Hertfordshire County Council".
func placeOf(name string) (string, string) {
	for _, f := range placeForms {
		if m := f.re.FindStringSubmatch(name); m != nil {
			return m[1], f.typeWord
		}
	}
	return "", ""
}

func (g *Gazetteer) add(c graph.Council, aliases, names []string) *place {
	if p, ok := g.bySlug[c.Slug]; ok {
		return p
	}
	p := &place{council: c, aliases: aliases}
	p.place, p.typeWord = placeOf(c.Name)
	p.royal = strings.HasPrefix(c.Name, "Royal Borough of ")
	g.entries = append(g.entries, p)
	g.bySlug[c.Slug] = p
	g.addSurface(c.Name, p, rankName)
	made := func(place, typeWord string) {
		if place == "" {
			return
		}
		g.addSurface(place+" Council", p, rankMade)
		if typeWord != "" {
			g.addSurface(place+" "+typeWord+" Council", p, rankMade)
		}
		if strings.HasPrefix(c.Name, "London Borough of") || p.royal {
			g.addSurface("London Borough of "+place, p, rankMade)
			g.addSurface("Royal Borough of "+place, p, rankMade)
		}
	}
	for _, n := range names {
		g.addSurface(n, p, rankOtherName)
		if !strings.ContainsFunc(n, unicode.IsLower) {
			g.acronyms[surfaceKey(n)] = true
		}
	}
	for _, place := range append([]string{p.place}, aliases...) {
		made(place, p.typeWord)
	}
	for _, n := range names {
		made(placeOf(graph.CleanName(n)))
	}
	return p
}

// addSurface records that s names the council p. Where two councils claim
// one surface, the better-ranked name keeps it; at equal rank a current
// council beats an abolished one, and otherwise neither gets it, so that an
// ambiguous name is never resolved by the order of the reference file.
func (g *Gazetteer) addSurface(s string, p *place, rank int) {
	key := surfaceKey(s)
	if key == "" {
		return
	}
	g.longest = max(g.longest, strings.Count(key, " ")+1)
	first, _, _ := strings.Cut(key, " ")
	g.firsts[first] = true
	set := func() { g.bySurface[key], g.rank[key] = p, rank }
	if q, ok := g.bySurface[key]; ok {
		r := g.rank[key]
		switch {
		case q == p:
			g.rank[key] = min(r, rank)
		case rank < r:
			set()
		case rank > r:
		case q.council.Abolished != "" && p.council.Abolished == "":
			set()
		case q.council.Abolished == "" && p.council.Abolished != "":
		default:
			delete(g.bySurface, key)
			delete(g.rank, key)
			g.ambiguous[key] = rank
		}
		return
	}
	if r, ok := g.ambiguous[key]; ok {
		if rank < r {
			delete(g.ambiguous, key)
			set()
		}
		return
	}
	set()
}

// surfaceKey is the key a name is known by: its words lower-cased, without
// apostrophes and punctuation, with "&" read as "and" ("Borough Council of
// King’s Lynn & West Norfolk" → "borough council of kings lynn and west
// norfolk").
func surfaceKey(s string) string {
	var b strings.Builder
	for _, tk := range tokenize(fold(s)) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.norm)
	}
	return b.String()
}

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
	g.add(c, nil, nil)
	c.Evidence = []graph.Span{span}
	return c
}

// councilNamed returns the council a name stands for: a council the
// gazetteer knows by that name (its official name, an alias or another
// name, such as a formal "Borough Council of …"), or else a council of that
// name, learnt.
//
// A formal name that puts the type first ("Borough Council of Bramcombe")
// is the council of the usual name ("Bramcombe Borough Council"), and is
// learnt as that.
func (g *Gazetteer) councilNamed(name string, span graph.Span) graph.Council {
	if p, ok := g.bySurface[surfaceKey(name)]; ok {
		c := p.council
		c.Evidence = []graph.Span{span}
		return c
	}
	if m := typeFirst.FindStringSubmatch(name); m != nil {
		usual := m[2] + " " + m[1] + " Council"
		if p, ok := g.bySurface[surfaceKey(usual)]; ok {
			c := p.council
			c.Evidence = []graph.Span{span}
			return c
		}
		return g.Council(usual, span)
	}
	return g.Council(name, span)
}

// typeFirst matches a council's formal name that puts its type first.
var typeFirst = regexp.MustCompile(`^(?:The )?(Borough|District|County|City) Council of (.+)$`)
