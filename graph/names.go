package graph

import (
	"fmt"
	"strings"
)

// The names a caller gives for councils, themes and years are checked in one
// place, so that every argument and filter treats them alike: slugs match
// whatever their case, and a name the graph does not hold is an error coded
// CodeInvalid that names the argument and suggests the nearest name, never
// an empty answer that looks like "none".

// CouncilSlug returns the slug of the council named s (a slug, in any case),
// or an error for arg that suggests the nearest slug.
func (g *Graph) CouncilSlug(arg, s string) (string, error) {
	slug := strings.ToLower(strings.TrimSpace(s))
	if _, ok := g.councilBySlug[slug]; ok {
		return slug, nil
	}
	slugs := make([]string, len(g.councils))
	for i, c := range g.councils {
		slugs[i] = c.Slug
	}
	return "", Errorf(CodeInvalid, "%s: the graph has no council %q%s", arg, s, suggest(slug, slugs))
}

// ThemeSlug returns the slug of the theme named s (a slug, in any case), or
// an error for arg that suggests the nearest slug.
func (g *Graph) ThemeSlug(arg, s string) (string, error) {
	slug := strings.ToLower(strings.TrimSpace(s))
	if _, ok := g.themeBySlug[slug]; ok {
		return slug, nil
	}
	slugs := make([]string, len(g.themes))
	for i, t := range g.themes {
		slugs[i] = t.Slug
	}
	return "", Errorf(CodeInvalid, "%s: there is no theme %q%s", arg, s, suggest(slug, slugs))
}

// YearLabel returns the label of the business year s, which must be one some
// fact belongs to; an error for arg says which years the graph holds.
func (g *Graph) YearLabel(arg, s string) (string, error) {
	y, err := ParseYear(s)
	if err != nil {
		return "", Errorf(CodeInvalid, "%s: %v", arg, err)
	}
	if _, ok := g.yearEvidence[y.First]; ok || len(g.years) == 0 {
		return y.Label(), nil
	}
	return "", Errorf(CodeInvalid, "%s: no fact belongs to %s; the graph holds %s to %s", arg, y.Label(), g.years[0].Label(), g.years[len(g.years)-1].Label())
}

// checkFilter checks and normalises a filter's council, theme and year.
func (g *Graph) checkFilter(f Filter) (Filter, error) {
	var err error
	if f.Council != "" {
		if f.Council, err = g.CouncilSlug("council", f.Council); err != nil {
			return f, err
		}
	}
	if f.Theme != "" {
		if f.Theme, err = g.ThemeSlug("theme", f.Theme); err != nil {
			return f, err
		}
	}
	if f.Year != "" {
		if f.Year, err = g.YearLabel("year", f.Year); err != nil {
			return f, err
		}
	}
	return f, nil
}

// suggest returns ` (did you mean "x"?)` for the option nearest to s: one
// that starts with it or holds it as a word ("kent" for
// kent-county-council), or else the one fewest edits away, if that is close.
// It returns "" when nothing is near.
func suggest(s string, options []string) string {
	best, bestDist := "", max(2, len(s)/3)+1
	for _, o := range options {
		if s != "" && (strings.HasPrefix(o, s) || strings.Contains("-"+o+"-", "-"+s+"-")) {
			return fmt.Sprintf(" (did you mean %q?)", o)
		}
		if d := editDistance(s, o); d < bestDist {
			best, bestDist = o, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
