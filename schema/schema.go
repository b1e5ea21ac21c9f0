// Package schema holds ombudsgraph's schemas: the GraphQL schema
// (*.graphqls, read by gqlgen) and the Neo4j schema, embedded here for the
// loader to apply.
package schema

import (
	_ "embed"
	"strings"
)

//go:embed neo4j.cypher
var neo4jCypher string

// Neo4j returns the statements of neo4j.cypher: the constraints and indexes
// the Neo4j store needs, each safe to run again.
func Neo4j() []string {
	var lines []string
	for _, l := range strings.Split(neo4jCypher, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
			lines = append(lines, l)
		}
	}
	var out []string
	for _, s := range strings.Split(strings.Join(lines, "\n"), ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
