package neo4jstore

import "github.com/ombudsgraph/ombudsgraph/graph"

// Vocabulary is the graph model in Neo4j: every label, relationship type and
// property key the store writes. The Cypher linter checks statements against
// it, and docs/neo4j.md describes it.
var Vocabulary = struct {
	Labels, RelationshipTypes, PropertyKeys []string
}{
	Labels: []string{"Entity", "Council", "Year", "Statistics", "Case", "Category", "Subcategory", "Improvement",
		"Report", "Letter", "Article", "Claim", "Document", "Theme", "AuthorityType", "Revision"},
	RelationshipTypes: append([]string{"FROM", "HAS_THEME"}, sortedKeys(relWrites)...),
	PropertyKeys: append(statisticsKeys(), []string{
		// every node
		"id", "hid",
		// Council, AuthorityType, Theme, Document
		"slug", "name", "type", "typeBasis", "code", "abolished", "successor", "description", "subcategories", "terms",
		"acronyms", "position", "kind", "title", "lines", "sha256", "digest", "format", "text", "warningLines", "warnings",
		// Year
		"label", "first", "startDate", "endDate",
		// Statistics (and its measures: statisticsKeys)
		"council", "year",
		// Case, Category, Subcategory, Improvement, Report, Letter
		"reference", "category", "subcategory", "caseReference", "summary", "publicInterest", "date", "recipient",
		// Article, Claim
		"doc", "headline", "councils", "years", "article", "ordinal", "value", "upper", "unit", "qualifier", "sentence",
		// FROM and HAS_THEME
		"role", "seq", "line", "start", "end", "quote", "basis", "term", "termStart", "termEnd", "document",
		// Revision
		"at", "themes",
	}...),
}

// statisticsKeys are the property keys of the measures of Statistics, from
// graph.StatisticsMeasures, the one list of them.
func statisticsKeys() []string {
	var out []string
	for _, m := range graph.StatisticsMeasures {
		out = append(out, m.Name)
	}
	return out
}
