package graph

// deriveTags decides which themes every case, improvement, report and
// article carries, and why:
//
//   - an improvement, report or article carries a theme its own text matches;
//   - a case carries a theme its sub-category implies, or that any of its
//     improvements' text matches;
//   - an improvement also carries every theme its case carries.
func (b *builder) deriveTags() {
	g := b.g
	implied := map[string][]*Theme{}
	for _, t := range g.themes {
		for _, s := range t.Subcategories {
			implied[foldKey(s)] = append(implied[foldKey(s)], t)
		}
	}
	known := func(slug string) bool { _, ok := g.themeBySlug[slug]; return ok }
	textTags := func(ms []ThemeMatch, basis ThemeBasis) []ThemeTag {
		var out []ThemeTag
		for _, m := range ms {
			if known(m.Theme) {
				out = append(out, ThemeTag{Theme: m.Theme, Term: m.Term, Basis: basis, Evidence: m.Evidence})
			}
		}
		return out
	}
	g.tags = make(map[string]nodeTags, len(g.cases)+len(g.improvements)+len(g.reports)+len(g.articles))
	b.caseThemes = make([][]string, len(g.cases))
	b.improvementThemes = make([][]string, len(g.improvements))
	// g.improvements lists each case's improvements in the order of
	// g.cases (see finish), so both are walked together, j following.
	j := 0
	for i, c := range g.cases {
		ims := g.improvByCase[c.Reference]
		var tags []ThemeTag
		for _, t := range implied[b.keys.fold(c.SubcategoryName)] {
			tags = append(tags, ThemeTag{Theme: t.Slug, Term: c.SubcategoryName, Basis: BasisSubcategory, Evidence: c.SubcategorySpan})
		}
		for _, im := range ims {
			tags = append(tags, textTags(im.Matches, BasisImprovement)...)
		}
		caseTags := b.orderTags(tags)
		caseThemes := b.setTags(c.ID(), caseTags)
		b.caseThemes[i] = caseThemes
		for _, im := range ims {
			if g.improvements[j] != im {
				panic("graph: improvements out of their cases' order") // finish broke its promise
			}
			b.improvementThemes[j] = b.improvementTags(im, textTags(im.Matches, BasisText), caseTags, caseThemes)
			j++
		}
	}
	for _, r := range g.reports {
		b.setTags(r.ID(), b.orderTags(textTags(r.Matches, BasisText)))
	}
	for _, a := range g.articles {
		b.setTags(a.ID(), b.orderTags(textTags(a.Matches, BasisText)))
	}
}

// improvementTags records the tags of an improvement: its own, then its
// case's, and returns its themes.
func (b *builder) improvementTags(im *Improvement, own, caseTags []ThemeTag, caseThemes []string) []string {
	tags := own
	for _, t := range caseTags {
		if !hasTheme(tags, t.Theme) {
			tags = append(tags, ThemeTag{Theme: t.Theme, Term: t.Term, Basis: BasisCase, Evidence: t.Evidence})
		}
	}
	if len(own) > 0 {
		return b.setTags(im.ID(), b.orderTags(tags))
	}
	if len(tags) == 0 {
		return nil
	}
	b.g.tags[im.ID()] = nodeTags{tags: tags, themes: caseThemes} // the case's tags, already in order, and its themes
	return caseThemes
}

// nodeTags are a node's theme tags, grouped by theme in the theme file's
// order, and the slugs of those themes, worked out once when the graph is
// built because the indexes, counts and network all ask for them.
type nodeTags struct {
	tags   []ThemeTag
	themes []string
}

// setTags records a node's ordered tags and their themes, and returns the
// themes. A node without tags is not recorded. Nodes with one theme share its
// slug's slice.
func (b *builder) setTags(id string, tags []ThemeTag) []string {
	if len(tags) == 0 {
		return nil
	}
	var themes []string
	for _, t := range tags { // tags are grouped by theme
		if len(themes) == 0 || themes[len(themes)-1] != t.Theme {
			themes = append(themes, t.Theme)
		}
	}
	if len(themes) == 1 {
		one, ok := b.oneTheme[themes[0]]
		if !ok {
			one = themes[:1:1]
			b.oneTheme[themes[0]] = one
		}
		themes = one
	}
	b.g.tags[id] = nodeTags{tags: tags, themes: themes}
	return themes
}

// orderTags sorts tags by the theme file's order, keeping each theme's
// evidence in document order.
func (b *builder) orderTags(tags []ThemeTag) []ThemeTag {
	if len(tags) <= 1 {
		return tags
	}
	out := make([]ThemeTag, 0, len(tags))
	for _, t := range b.g.themes {
		for _, tag := range tags {
			if tag.Theme == t.Slug {
				out = append(out, tag)
			}
		}
	}
	return out
}

// ThemesOf returns the slugs of the themes the node with the given ID
// carries, in the theme file's order.
// The slice is the graph's own: callers must not change it.
func (g *Graph) ThemesOf(id string) []string { return g.tags[id].themes }
