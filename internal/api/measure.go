package api

import "github.com/vektah/gqlparser/v2/ast"

// An operation is measured before it runs, fragments included. Each
// fragment is measured once and its measure reused wherever it is spread, so
// the work grows with the text of the operation, not with what spreading
// its fragments into each other would expand it to.

// opSize is the measure of a selection set: how deeply it nests, how many
// aliases and how many fields it holds with every fragment spread out.
type opSize struct {
	depth, aliases, fields int
}

// fieldCap bounds the counts of opSize, which spreading fragments into each
// other can make grow exponentially.
const fieldCap = 1 << 40

// plus adds counts, saturating at fieldCap.
func plus(a, b int) int { return min(a+b, fieldCap) }

// measurer measures an operation's selections, fragments included.
type measurer struct {
	doc       *ast.QueryDocument
	fragments map[string]opSize // measured fragments, by name
	visiting  map[string]bool   // the fragments being measured, against cycles
	// chains says that ofType does not nest: in an operation that only
	// introspects, a type reference's ofType chain is a chain of single
	// objects, whose depth costs nothing, and GraphiQL's and graphql-js's
	// introspection queries nest it 8 levels deep.
	chains bool
}

func newMeasurer(doc *ast.QueryDocument, chains bool) *measurer {
	return &measurer{doc: doc, fragments: map[string]opSize{}, visiting: map[string]bool{}, chains: chains}
}

// measure returns the measure of a selection set.
func (m *measurer) measure(set ast.SelectionSet) opSize {
	var out opSize
	for _, sel := range set {
		var s opSize
		switch x := sel.(type) {
		case *ast.Field:
			s = m.measure(x.SelectionSet)
			if !(m.chains && x.Name == "ofType") {
				s.depth++
			}
			if x.Alias != "" && x.Alias != x.Name {
				s.aliases = plus(s.aliases, 1)
			}
			s.fields = plus(s.fields, 1)
		case *ast.InlineFragment:
			s = m.measure(x.SelectionSet)
		case *ast.FragmentSpread:
			s = m.fragment(x.Name)
		}
		out.depth = max(out.depth, s.depth)
		out.aliases = plus(out.aliases, s.aliases)
		out.fields = plus(out.fields, s.fields)
	}
	return out
}

// fragment returns the measure of the named fragment, measured once.
func (m *measurer) fragment(name string) opSize {
	if s, ok := m.fragments[name]; ok {
		return s
	}
	f := m.doc.Fragments.ForName(name)
	if f == nil || m.visiting[name] {
		return opSize{} // validation refuses unknown fragments and cycles
	}
	m.visiting[name] = true
	s := m.measure(f.SelectionSet)
	delete(m.visiting, name)
	m.fragments[name] = s
	return s
}

// introspects reports whether a root selection set asks for __schema or
// __type, directly or through fragments. gqlgen would refuse them too, but
// only as an uncoded error, recognisable by its text alone.
func introspects(doc *ast.QueryDocument, set ast.SelectionSet, visiting map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if introspects(doc, s.SelectionSet, visiting) {
				return true
			}
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(s.Name); f != nil && !visiting[s.Name] {
				visiting[s.Name] = true // checked once: false stays false
				if introspects(doc, f.SelectionSet, visiting) {
					return true
				}
			}
		}
	}
	return false
}

// onlyIntrospection reports whether a root selection set asks for nothing
// but __schema, __type and __typename, through fragments too.
func onlyIntrospection(doc *ast.QueryDocument, set ast.SelectionSet, visiting map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name != "__schema" && s.Name != "__type" && s.Name != "__typename" {
				return false
			}
		case *ast.InlineFragment:
			if !onlyIntrospection(doc, s.SelectionSet, visiting) {
				return false
			}
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(s.Name); f != nil && !visiting[s.Name] {
				visiting[s.Name] = true // checked once: true stays true
				if !onlyIntrospection(doc, f.SelectionSet, visiting) {
					return false
				}
			}
		}
	}
	return len(set) > 0
}
