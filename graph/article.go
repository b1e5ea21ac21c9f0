package graph

import "strconv"

// Article is a news article about one or more councils.
type Article struct {
	Doc string `json:"doc"`
	// Headline is the article's headline, or its first sentence where it has
	// none.
	Headline string `json:"headline"`
	// CouncilSlugs are the councils the article is about.
	CouncilSlugs []string `json:"councils"`
	// Years are the business years written in the article.
	Years []Year `json:"years"`
	// YearSpans quote where the years are written.
	YearSpans []Span       `json:"yearSpans"`
	Matches   []ThemeMatch `json:"matches,omitempty"`
	// Body quotes the article's text, a span a paragraph.
	Body []Span `json:"body"`
	// Evidence quotes the headline.
	Evidence []Span `json:"evidence"`

	// tags are the article's themes, set by Build; empty in facts.
	tags nodeTags
}

// ID returns the article's global ID.
func (a *Article) ID() string { return NodeID(KindArticle, a.Doc) }

// ClaimUnit is the unit of a claim's value.
type ClaimUnit string

// The units of claims.
const (
	Percent ClaimUnit = "PERCENT"
	GBP     ClaimUnit = "GBP"
)

// Claim is a number an article states: a percentage or an amount of money,
// with the sentence it came from.
type Claim struct {
	ArticleDoc string `json:"article"`
	// Ordinal is the claim's 1-based position within its article.
	Ordinal int     `json:"ordinal"`
	Value   float64 `json:"value"`
	// Upper is the upper bound of a range such as "between £10-£50" (whose
	// Value is 10), or nil for a single value.
	Upper *float64  `json:"upper,omitempty"`
	Unit  ClaimUnit `json:"unit"`
	// Text is the claim as written, such as "more than £8,000".
	Text string `json:"text"`
	// Qualifier is a word or phrase that bounds the value, such as "more
	// than", or "".
	Qualifier string `json:"qualifier,omitempty"`
	// Sentence is the sentence the claim came from.
	Sentence string `json:"sentence"`
	Evidence []Span `json:"evidence"`
}

// ID returns the claim's global ID.
func (c *Claim) ID() string { return NodeID(KindClaim, c.ArticleDoc+"/"+strconv.Itoa(c.Ordinal)) }
