package graph

import "slices"

// index maps the keys items are filtered by to the ascending positions of the
// items, in their kind's default order, that have them.
type index struct {
	council, category, subName, theme map[string][]int
	subcategory                       map[[2]string][]int // by folded category and sub-category name
	year                              map[int][]int       // by the year's first calendar year
}

func newIndex() index {
	return index{
		council: map[string][]int{}, year: map[int][]int{}, category: map[string][]int{},
		subcategory: map[[2]string][]int{}, subName: map[string][]int{}, theme: map[string][]int{},
	}
}

// addCase records the keys of the item at pos, which belongs to case c and
// carries the given themes.
func (ix index) addCase(pos int, c *Case, themes []string) {
	ix.council[c.CouncilSlug] = append(ix.council[c.CouncilSlug], pos)
	ix.year[c.Year.First] = append(ix.year[c.Year.First], pos)
	cat, sub := c.catKey, c.subKey
	ix.category[cat] = append(ix.category[cat], pos)
	sk := [2]string{cat, sub}
	ix.subcategory[sk] = append(ix.subcategory[sk], pos)
	ix.subName[sub] = append(ix.subName[sub], pos)
	for _, t := range themes {
		ix.theme[t] = append(ix.theme[t], pos)
	}
}

func (b *builder) index() {
	g := b.g
	g.caseIdx, g.improvementIdx = newIndex(), newIndex()
	for i, c := range g.cases {
		g.caseIdx.addCase(i, c, b.caseThemes[i])
	}
	for i, im := range g.improvements {
		g.improvementIdx.addCase(i, im.kase, b.improvementThemes[i])
	}
}

// Filter selects cases or improvements. Empty fields select everything.
type Filter struct {
	// Council is a council's slug.
	Council string
	// Category is a category's name.
	Category string
	// Subcategory is a sub-category's name; with Category, only that
	// category's sub-category of the name.
	Subcategory string
	// Year is a business year label such as "2023-24".
	Year string
	// Theme is a theme's slug.
	Theme string
}

// lookup returns the positions the filter selects, or all=true when it
// selects everything. It intersects the posting lists of the filter's keys,
// starting from the shortest, so it never scans the corpus.
func (ix index) lookup(f Filter) (pos []int, all bool, err error) {
	var lists [][]int
	if f.Council != "" {
		lists = append(lists, ix.council[f.Council])
	}
	if f.Year != "" {
		y, err := ParseYear(f.Year)
		if err != nil {
			return nil, false, err
		}
		lists = append(lists, ix.year[y.First])
	}
	if f.Category != "" {
		lists = append(lists, ix.category[foldKey(f.Category)])
	}
	if f.Subcategory != "" {
		if f.Category != "" {
			lists = append(lists, ix.subcategory[subKey(f.Category, f.Subcategory)])
		} else {
			lists = append(lists, ix.subName[foldKey(f.Subcategory)])
		}
	}
	if f.Theme != "" {
		lists = append(lists, ix.theme[f.Theme])
	}
	if len(lists) == 0 {
		return nil, true, nil
	}
	slices.SortFunc(lists, func(a, b []int) int { return len(a) - len(b) })
	out := slices.Clone(lists[0])
	for _, l := range lists[1:] {
		out = intersect(out, l)
	}
	return out, false, nil
}

// intersect keeps the elements of a (ascending) that are also in b
// (ascending), using binary search in b since a is the shorter.
func intersect(a, b []int) []int {
	out := a[:0]
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}

// Cases returns the cases the filter selects, newest reference first.
func (g *Graph) Cases(f Filter) ([]*Case, error) {
	f, err := g.checkFilter(f)
	if err != nil {
		return nil, err
	}
	return pick(g.cases, g.caseIdx, f)
}

// Improvements returns the improvements the filter selects, ordered by case
// (newest reference first) and then as the case lists them. The council,
// category, sub-category and year are those of the improvement's case.
func (g *Graph) Improvements(f Filter) ([]*Improvement, error) {
	f, err := g.checkFilter(f)
	if err != nil {
		return nil, err
	}
	return pick(g.improvements, g.improvementIdx, f)
}

func pick[T any](items []T, ix index, f Filter) ([]T, error) {
	pos, all, err := ix.lookup(f)
	if err != nil {
		return nil, err
	}
	if all {
		return items, nil
	}
	out := make([]T, len(pos))
	for i, p := range pos {
		out[i] = items[p]
	}
	return out, nil
}

// folder folds names with foldKey, remembering the answers: a corpus has
// few distinct category names and many cases.
type folder struct{ m map[string]string }

func (f *folder) fold(s string) string {
	k, ok := f.m[s]
	if !ok {
		k = foldKey(s)
		f.m[s] = k
	}
	return k
}
