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
	b.caseThemes = make([][]string, len(g.cases))
	b.improvementThemes = make([][]string, len(g.improvements))
	// g.improvements lists each case's improvements in the order of
	// g.cases (see finish), so both are walked together, j following.
	j := 0
	var tags []ThemeTag // a case's tags, before they are ordered
	for i, c := range g.cases {
		ims := c.improvements
		tags = tags[:0]
		for _, t := range implied[c.subKey] {
			tags = append(tags, ThemeTag{Theme: t.Slug, Term: c.SubcategoryName, Basis: BasisSubcategory, Evidence: c.SubcategorySpan})
		}
		for _, im := range ims {
			tags = b.textTags(tags, im.Matches, BasisImprovement)
		}
		caseTags := b.orderTags(tags)
		caseThemes := b.setTags(c, caseTags)
		b.caseThemes[i] = caseThemes
		for _, im := range ims {
			if g.improvements[j] != im {
				panic("graph: improvements out of their cases' order") // finish broke its promise
			}
			b.improvementThemes[j] = b.improvementTags(im, caseTags, caseThemes)
			j++
		}
	}
	for _, r := range g.reports {
		b.setTags(r, b.orderTags(b.textTags(tags[:0], r.Matches, BasisText)))
	}
	for _, a := range g.articles {
		b.setTags(a, b.orderTags(b.textTags(tags[:0], a.Matches, BasisText)))
	}
}

// textTags appends to tags a tag for each of a node's text matches of a
// theme the graph has.
func (b *builder) textTags(tags []ThemeTag, ms []ThemeMatch, basis ThemeBasis) []ThemeTag {
	for _, m := range ms {
		if _, ok := b.g.themeBySlug[m.Theme]; ok {
			tags = append(tags, ThemeTag{Theme: m.Theme, Term: m.Term, Basis: basis, Evidence: m.Evidence})
		}
	}
	return tags
}

// improvementTags records the tags of an improvement: its own, then the
// first of its case's tags of each theme it has not, and returns its themes.
func (b *builder) improvementTags(im *Improvement, caseTags []ThemeTag, caseThemes []string) []string {
	own := b.textTags(b.scratch[:0], im.Matches, BasisText)
	if len(own) == 0 {
		if len(caseTags) == 0 {
			return nil
		}
		// The case's tags are in order already, and its themes are
		// the improvement's.
		tags := b.tagSlab.take(len(caseThemes))[:0]
		for k, t := range caseTags {
			if k == 0 || caseTags[k-1].Theme != t.Theme {
				tags = append(tags, ThemeTag{Theme: t.Theme, Term: t.Term, Basis: BasisCase, Evidence: t.Evidence})
			}
		}
		im.tags = nodeTags{tags: tags, themes: caseThemes}
		return caseThemes
	}
	tags := own
	for _, t := range caseTags {
		if !hasTheme(tags, t.Theme) {
			tags = append(tags, ThemeTag{Theme: t.Theme, Term: t.Term, Basis: BasisCase, Evidence: t.Evidence})
		}
	}
	b.scratch = tags
	return b.setTags(im, b.orderTags(tags))
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
func (b *builder) setTags(n tagged, tags []ThemeTag) []string {
	if len(tags) == 0 {
		return nil
	}
	k := 0                   // the count of themes
	for i, t := range tags { // tags are grouped by theme
		if i == 0 || tags[i-1].Theme != t.Theme {
			k++
		}
	}
	var themes []string
	if k == 1 {
		one, ok := b.oneTheme[tags[0].Theme]
		if !ok {
			one = []string{tags[0].Theme}
			b.oneTheme[tags[0].Theme] = one
		}
		themes = one
	} else {
		themes = b.themeSlab.take(k)[:0]
		for i, t := range tags {
			if i == 0 || tags[i-1].Theme != t.Theme {
				themes = append(themes, t.Theme)
			}
		}
	}
	*n.tagsOf() = nodeTags{tags: tags, themes: themes}
	return themes
}

// orderTags sorts tags by the theme file's order, keeping each theme's
// evidence in document order.
func (b *builder) orderTags(tags []ThemeTag) []ThemeTag {
	out := b.tagSlab.take(len(tags))[:0]
	if len(tags) == 1 {
		return append(out, tags[0])
	}
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
func (g *Graph) ThemesOf(id string) []string { return g.tagsOf(id).themes }

// tagged is a node that carries theme tags: a case, an improvement, a
// report or an article. Each keeps its own, so that building England's graph
// fills no map of 300,000 IDs.
type tagged interface {
	Node
	tagsOf() *nodeTags
}

func (c *Case) tagsOf() *nodeTags        { return &c.tags }
func (i *Improvement) tagsOf() *nodeTags { return &i.tags }
func (r *Report) tagsOf() *nodeTags      { return &r.tags }
func (a *Article) tagsOf() *nodeTags     { return &a.tags }

// asTagged lists nodes as tagged ones.
func asTagged[T tagged](nodes []T) []tagged {
	out := make([]tagged, len(nodes))
	for i, n := range nodes {
		out[i] = n
	}
	return out
}

// tagsOf returns the tags of the node with the given ID, none for a node
// that carries none.
func (g *Graph) tagsOf(id string) nodeTags {
	if n, ok := g.nodes[id].node.(tagged); ok {
		return *n.tagsOf()
	}
	return nodeTags{}
}
