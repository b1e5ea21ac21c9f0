package neo4jstore_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/schema"
)

var linter = filepath.Join("..", "..", "scripts", "cypher-lint")

// cypherBlock finds the ```cypher blocks of a Markdown file.
var cypherBlock = regexp.MustCompile("(?s)```cypher\n(.*?)```")

// TestCypherLint checks every statement the project sends, and every example
// in docs/neo4j.md, with Neo4j's own linter (npm @neo4j-cypher/language-support),
// against the project's labels, relationship types, properties and
// parameters. Any diagnostic fails.
func TestCypherLint(t *testing.T) {
	if _, err := os.Stat(filepath.Join(linter, "node_modules", "@neo4j-cypher", "language-support")); err != nil {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_LINT") != "" {
			t.Fatalf("the Cypher linter is not installed: run npm ci in %s", linter)
		}
		t.Skipf("the Cypher linter is not installed (run npm ci in %s; scripts/test.sh does)", linter)
	}
	type statement struct {
		Source string `json:"source"`
		Query  string `json:"query"`
	}
	var stmts []statement
	for _, q := range neo4jstore.Statements() {
		stmts = append(stmts, statement{"internal/neo4jstore", q})
	}
	for _, q := range schema.Neo4j() {
		stmts = append(stmts, statement{"schema/neo4j.cypher", q})
	}
	stmts = append(stmts, statement{"tests", wipeAll})
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "neo4j.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples := cypherBlock.FindAllSubmatch(doc, -1)
	if n := len(examples); n < 8 || n > 16 {
		t.Errorf("docs/neo4j.md has %d Cypher examples; want 8 to 16", n)
	}
	for _, m := range examples {
		stmts = append(stmts, statement{"docs/neo4j.md", string(m[1])})
	}
	v := neo4jstore.Vocabulary
	// The linter reads row.from (a key of a parameter row) as a property
	// key, so the rows' own keys are declared too.
	rowKeys := []string{"from", "to", "node", "theme", "props"}
	row := map[string]any{}
	input, err := json.Marshal(map[string]any{
		"schema": map[string]any{
			"labels": v.Labels, "relationshipTypes": v.RelationshipTypes, "propertyKeys": append(append([]string{}, v.PropertyKeys...), rowKeys...),
			"parameters": map[string]any{"rows": []any{row}, "hids": []any{1}, "doc": 1, "document": "a.txt", "names": []any{"a.txt"}, "themes": "", "hid": 1, "props": row,
				"after": 1, "limit": 1, "value": "", "at": "", "theme": "send", "year": "2023-24", "council": "kent-county-council"},
		},
		"statements": stmts,
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "lint.mjs")
	cmd.Dir = linter
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Errorf("the Cypher linter found problems (above): %v", err)
	}
}
