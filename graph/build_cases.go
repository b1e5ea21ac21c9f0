package graph

import "slices"

func (b *builder) addCase(c Case) {
	g := b.g
	b.council(c.CouncilSlug)
	b.addYear(c.Year, c.Evidence...)
	if have, ok := g.caseByRef[c.Reference]; ok {
		if have.CouncilSlug != c.CouncilSlug || have.CategoryName != c.CategoryName || have.SubcategoryName != c.SubcategoryName {
			b.warn("case %s: documents disagree on its council or category; keeping %s, %s, %s",
				c.Reference, have.CouncilSlug, have.CategoryName, have.SubcategoryName)
		}
		have.Evidence = append(have.Evidence, c.Evidence...)
		return
	}
	nc := c
	nc.Evidence = slices.Clone(c.Evidence)
	nc.id = ""
	nc.id = nc.ID()
	g.caseByRef[c.Reference] = &nc
	g.cases = append(g.cases, &nc)

	catKey := b.keys.fold(c.CategoryName)
	nc.catKey, nc.subKey = catKey, b.keys.fold(c.SubcategoryName)
	cat, ok := g.categoryByKey[catKey]
	if !ok {
		cat = &Category{Name: c.CategoryName}
		g.categoryByKey[catKey] = cat
		g.categories = append(g.categories, cat)
	}
	cat.Evidence = append(cat.Evidence, c.CategorySpan)
	nc.category = cat
	if c.SubcategoryName == "" {
		return // the service improvements page names no sub-category
	}
	sk := [2]string{catKey, nc.subKey} // as subKey makes it
	sub, ok := g.subcategories[sk]
	if !ok {
		sub = &Subcategory{CategoryName: cat.Name, Name: c.SubcategoryName}
		g.subcategories[sk] = sub
		cat.Subcategories = append(cat.Subcategories, sub)
	}
	sub.Evidence = append(sub.Evidence, c.SubcategorySpan)
	nc.subcategory = sub
}

// addImprovement adds an improvement to its case. A document's ordinals are
// its own: the same improvement stated by two documents is kept once, and the
// case's ordinals are given in order of first appearance.
func (b *builder) addImprovement(im Improvement) {
	c, ok := b.g.caseByRef[im.CaseRef]
	if !ok {
		b.warn("improvement %q belongs to case %s, which no document lists", shorten(im.Text), im.CaseRef)
		return
	}
	for _, have := range c.improvements {
		if have.Text == im.Text {
			have.Evidence = append(have.Evidence, im.Evidence...)
			have.Matches = append(have.Matches, im.Matches...)
			return
		}
	}
	ni := im
	ni.Ordinal = len(c.improvements) + 1
	ni.Evidence = slices.Clone(im.Evidence)
	ni.Matches = slices.Clone(im.Matches)
	ni.id = ""
	ni.id = ni.ID()
	c.improvements = append(c.improvements, &ni)
}
