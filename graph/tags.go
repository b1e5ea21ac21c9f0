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
	for _, c := range g.cases {
		var tags []ThemeTag
		for _, t := range implied[foldKey(c.SubcategoryName)] {
			tags = append(tags, ThemeTag{Theme: t.Slug, Term: c.SubcategoryName, Basis: BasisSubcategory, Evidence: c.SubcategorySpan})
		}
		for _, im := range g.improvByCase[c.Reference] {
			tags = append(tags, textTags(im.Matches, BasisImprovement)...)
		}
		g.tags[c.ID()] = b.orderTags(tags)
	}
	for _, im := range g.improvements {
		tags := textTags(im.Matches, BasisText)
		own := len(tags)
		for _, t := range g.tags[NodeID(KindCase, caseKey(im.CaseRef))] {
			if !hasTheme(tags, t.Theme) {
				tags = append(tags, ThemeTag{Theme: t.Theme, Term: t.Term, Basis: BasisCase, Evidence: t.Evidence})
			}
		}
		if own == 0 {
			g.tags[im.ID()] = tags // the case's tags, already in order
			continue
		}
		g.tags[im.ID()] = b.orderTags(tags)
	}
	for _, r := range g.reports {
		g.tags[r.ID()] = b.orderTags(textTags(r.Matches, BasisText))
	}
	for _, a := range g.articles {
		g.tags[a.ID()] = b.orderTags(textTags(a.Matches, BasisText))
	}
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
func (g *Graph) ThemesOf(id string) []string {
	var out []string
	for _, t := range g.tags[id] { // tags are grouped by theme
		if len(out) == 0 || out[len(out)-1] != t.Theme {
			out = append(out, t.Theme)
		}
	}
	return out
}
