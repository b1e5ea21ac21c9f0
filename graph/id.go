package graph

import "strings"

// Kind names a kind of node in the graph. It is also the prefix of every
// global ID, and the label the node carries in Neo4j.
type Kind string

// The kinds of node.
const (
	KindCouncil       Kind = "Council"
	KindAuthorityType Kind = "AuthorityType"
	KindYear          Kind = "Year"
	KindStatistics    Kind = "Statistics"
	KindCase          Kind = "Case"
	KindCategory      Kind = "Category"
	KindSubcategory   Kind = "Subcategory"
	KindImprovement   Kind = "Improvement"
	KindReport        Kind = "Report"
	KindLetter        Kind = "Letter"
	KindArticle       Kind = "Article"
	KindClaim         Kind = "Claim"
	KindTheme         Kind = "Theme"
	KindDocument      Kind = "Document"
)

// Kinds lists every kind of node in a stable order.
var Kinds = []Kind{KindCouncil, KindAuthorityType, KindYear, KindStatistics, KindCase, KindCategory,
	KindSubcategory, KindImprovement, KindReport, KindLetter, KindArticle, KindClaim, KindTheme, KindDocument}

// NodeID returns the global ID of the node of the given kind and key. IDs are
// readable on purpose ("Council:kent-county-council") so that people can write
// them in queries and export selections.
func NodeID(k Kind, key string) string { return string(k) + ":" + key }

// SplitID splits a global ID into its kind and key. It reports false when the
// ID is not of the form "Kind:key" with a known kind.
func SplitID(id string) (Kind, string, bool) {
	k, key, ok := strings.Cut(id, ":")
	if !ok || key == "" {
		return "", "", false
	}
	for _, known := range Kinds {
		if Kind(k) == known {
			return known, key, true
		}
	}
	return "", "", false
}

// caseKeyOf appends to dst the key of a case reference's ID: "23 014 261"
// becomes "23-014-261", which needs no escaping in a URL. Case and
// improvement IDs are made with it in one allocation, NodeID's "Kind:key"
// form written out, as England's graph has 300,000 of them.
func caseKeyOf(dst []byte, ref string) []byte {
	start := len(dst)
	dst = append(dst, ref...)
	for i := start; i < len(dst); i++ {
		if dst[i] == ' ' {
			dst[i] = '-'
		}
	}
	return dst
}

// Node is any entity of the graph: it has a global ID.
type Node interface {
	ID() string
}
