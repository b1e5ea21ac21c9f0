// Lints Cypher statements with Neo4j's language support (lintCypherQuery).
// Reads JSON from standard input:
//   {"schema": {labels, relationshipTypes, propertyKeys, parameters},
//    "statements": [{"source": "where it is", "query": "MATCH …"}]}
// Prints one line per diagnostic, then "N passed, N failed", and exits 1 on
// any diagnostic, warnings included.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { schema, statements } = JSON.parse(input);
let passed = 0, failed = 0;
for (const { source, query } of statements) {
  const { diagnostics } = lintCypherQuery(query, schema);
  if (diagnostics.length === 0) { passed++; continue; }
  failed++;
  for (const d of diagnostics) {
    const kind = d.severity === 1 ? 'error' : 'warning';
    console.log(`${source}: ${kind}: ${d.message}\n    ${query.slice(0, 200)}`);
  }
}
console.log(`cypher lint: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
