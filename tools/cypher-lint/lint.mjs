// Lints Cypher statements with Neo4j's own parser and semantic checker.
// Input (stdin): JSON lines {"name": ..., "cypher": ...}, as printed by
// `python -m graph.catalogue`. Output (stdout): one JSON line per statement,
// {"name", "errors": [...], "warnings": [...]}. Exit code 1 when any statement
// has an error. Neo4j's built-in function list (shipped by the package as the
// test schema) is passed so that a function Neo4j lacks is an error too.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
// The package does not export its test data, so it is imported by file path.
import { testData } from './node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js';
import { readFileSync } from 'node:fs';

const { functions, procedures } = testData.mockSchema;
// Every $parameter is bound at run time by the application: declare them all.
const parameters = new Proxy({}, { get: () => ({}) });
const schema = { functions, procedures, parameters };

let failed = false;
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { name, cypher } = JSON.parse(line);
  const { diagnostics } = lintCypherQuery(cypher, schema);
  const describe = (d) => ({ message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 });
  // Severity 1 is an error, 2 a warning (LSP numbering).
  const errors = diagnostics.filter((d) => d.severity === 1).map(describe);
  const warnings = diagnostics.filter((d) => d.severity !== 1).map(describe);
  if (errors.length) failed = true;
  process.stdout.write(JSON.stringify({ name, errors, warnings }) + '\n');
}
process.exit(failed ? 1 : 0);
