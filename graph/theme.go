package graph

// Theme is a recurring problem traced across councils and years, such as SEND.
// Themes are data: they come from an editable file, not from code.
type Theme struct {
	Slug        string `json:"slug"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Subcategories are the case sub-categories that imply the theme.
	Subcategories []string `json:"subcategories"`
	// Terms are matched without regard to case, on word boundaries. A
	// trailing "(s)" makes the plural optional.
	Terms []string `json:"terms"`
	// Acronyms are matched with regard to case, on word boundaries, so that
	// "SEND" is not "send a reminder".
	Acronyms []string `json:"acronyms"`
}

// ID returns the theme's global ID.
func (t *Theme) ID() string { return NodeID(KindTheme, t.Slug) }

// ThemeMatch is a term of a theme found in an item's own text.
type ThemeMatch struct {
	Theme string `json:"theme"`
	// Term is the text that matched, as written.
	Term string `json:"term"`
	// Evidence is the sentence the term was found in.
	Evidence Span `json:"evidence"`
	// Councils are, for an article, the councils the matched sentence is
	// about (slugs); empty when the sentence names none. An article's theme
	// counts for the councils its matches of the theme name, or for all the
	// article's councils when none names one (see [Article.ThemeCouncils]).
	Councils []string `json:"councils,omitempty"`
}

// ThemeBasis says why an item carries a theme.
type ThemeBasis string

// The reasons an item can carry a theme.
const (
	// BasisText: the item's own text matched a term or acronym.
	BasisText ThemeBasis = "TEXT"
	// BasisSubcategory: the case's sub-category implies the theme.
	BasisSubcategory ThemeBasis = "SUBCATEGORY"
	// BasisImprovement: one of the case's improvements matched.
	BasisImprovement ThemeBasis = "IMPROVEMENT"
	// BasisCase: the improvement's case carries the theme.
	BasisCase ThemeBasis = "CASE"
)

// ThemeTag says that an item carries a theme, and why.
type ThemeTag struct {
	Theme string     `json:"theme"`
	Term  string     `json:"term"`
	Basis ThemeBasis `json:"basis"`
	// Evidence is the quote the decision rests on.
	Evidence Span `json:"evidence"`
}
