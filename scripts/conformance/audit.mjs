// Runs graphql-http's GraphQL over HTTP audits against a running server:
//   node audit.mjs http://127.0.0.1:8080/query
// Prints each audit's result, then "N passed, N failed" counting the MUST
// audits, and exits 1 when a MUST audit fails. SHOULD and MAY audits that do
// not pass are printed as warnings; docs/conformance.md explains each.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url, fetchFn: fetch });
let passed = 0, failed = 0;
for (const r of results) {
  const must = r.name.startsWith('MUST');
  if (r.status === 'ok') {
    if (must) passed++;
    continue;
  }
  if (must) failed++;
  console.log(`${must ? 'FAIL' : 'warn'} ${r.id} ${r.name}: ${r.reason}`);
}
console.log(`graphql-http MUST audits: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
