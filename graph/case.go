package graph

import "strconv"

// Case is a complaint the Ombudsman investigated, as listed among a council's
// service improvements.
type Case struct {
	// Reference is the Ombudsman's reference, such as "23 014 261".
	Reference       string `json:"reference"`
	CouncilSlug     string `json:"council"`
	CategoryName    string `json:"category"`
	SubcategoryName string `json:"subcategory"`
	// Year is the business year the case was received in.
	Year Year `json:"year"`
	// Evidence holds the reference line; CategorySpan and SubcategorySpan
	// hold the lines that name its category and sub-category.
	Evidence        []Span `json:"evidence"`
	CategorySpan    Span   `json:"categorySpan"`
	SubcategorySpan Span   `json:"subcategorySpan"`

	// id is the case's global ID, set by Build so that the many lookups by
	// ID do not build it again; empty in facts.
	id string
	// Links to the case's council and categories, set by Build so that the
	// API follows them without lookups; nil in facts.
	council     *Council
	category    *Category
	subcategory *Subcategory
	// catKey and subKey are the folded names of the case's category and
	// sub-category (foldKey), set by Build, which looks them up often.
	catKey, subKey string
	// improvements are the case's improvements, and tags its themes, set
	// by Build.
	improvements []*Improvement
	tags         nodeTags
}

// Council returns the council the complaint was against (nil outside a
// built graph).
func (c *Case) Council() *Council { return c.council }

// Category returns the case's category (nil outside a built graph).
func (c *Case) Category() *Category { return c.category }

// Subcategory returns the case's sub-category (nil outside a built graph).
func (c *Case) Subcategory() *Subcategory { return c.subcategory }

// ID returns the case's global ID.
func (c *Case) ID() string {
	if c.id != "" {
		return c.id
	}
	var buf [32]byte
	return string(KindCase) + ":" + string(caseKeyOf(buf[:0], c.Reference))
}

// Improvement is one service improvement a council agreed after a case.
type Improvement struct {
	CaseRef string `json:"case"`
	// Ordinal is the improvement's 1-based position within its case.
	Ordinal  int          `json:"ordinal"`
	Text     string       `json:"text"`
	Matches  []ThemeMatch `json:"matches,omitempty"`
	Evidence []Span       `json:"evidence"`

	// id is the improvement's global ID, set by Build; empty in facts.
	id string
	// The improvement's case, its themes and what it agrees to do, set by
	// Build; empty in facts.
	kase    *Case
	tags    nodeTags
	actions []ActionType
}

// Case returns the case the improvement was agreed after (nil outside a
// built graph).
func (i *Improvement) Case() *Case { return i.kase }

// Council returns the council that agreed the improvement (nil outside a
// built graph).
func (i *Improvement) Council() *Council {
	if i.kase == nil {
		return nil
	}
	return i.kase.council
}

// Year returns the business year of the improvement's case.
func (i *Improvement) Year() *Year {
	if i.kase == nil {
		return nil
	}
	return &i.kase.Year
}

// ID returns the improvement's global ID.
func (i *Improvement) ID() string {
	if i.id != "" {
		return i.id
	}
	var buf [32]byte
	return string(KindImprovement) + ":" + string(caseKeyOf(buf[:0], i.CaseRef)) + "/" + strconv.Itoa(i.Ordinal)
}

// Category is a category of complaint, such as "Education".
type Category struct {
	Name string `json:"name"`
	// Subcategories are the category's sub-categories, by name.
	Subcategories []*Subcategory `json:"-"`
	Evidence      []Span         `json:"evidence"`
}

// ID returns the category's global ID.
func (c *Category) ID() string { return NodeID(KindCategory, Slug(c.Name)) }

// Subcategory is a sub-category of complaint. It is identified by its
// category and name together, since names such as "Other" recur.
type Subcategory struct {
	CategoryName string `json:"category"`
	Name         string `json:"name"`
	Evidence     []Span `json:"evidence"`
}

// ID returns the sub-category's global ID.
func (s *Subcategory) ID() string {
	return NodeID(KindSubcategory, Slug(s.CategoryName)+"/"+Slug(s.Name))
}
