// Writes the introspection documents standard tools send, as test fixtures of Bff.GraphQL.Tests.
//   node tools/node/scripts/introspection-documents.mjs OUT_DIR [GRAPHQL_16_DIR]
// graphql-js 17 (tools/node) gives getIntrospectionQuery() with each option; GraphiQL 3.8.3 bundles graphql-js 16.9.0
// and calls getIntrospectionQuery({ inputValueDeprecation, schemaDescription }) with both unset, so its document
// comes from that version (GRAPHQL_16_DIR: a folder where `npm install graphql@16.9.0` ran).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [out, graphql16Dir] = process.argv.slice(2);
const require = createRequire(resolve('tools/node/package.json'));
const { getIntrospectionQuery } = require('graphql');

const documents = {
  'graphql-js-default': getIntrospectionQuery(),
  'graphql-js-no-descriptions': getIntrospectionQuery({ descriptions: false }),
  'graphql-js-all-options': getIntrospectionQuery({
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }),
};
if (graphql16Dir) {
  const graphql16 = createRequire(join(resolve(graphql16Dir), 'package.json'))('graphql');
  documents[`graphiql-3.8.3-graphql-${graphql16.version}`] = graphql16.getIntrospectionQuery({});
}

for (const [name, text] of Object.entries(documents)) {
  writeFileSync(join(out, `${name}.graphql`), text.trim() + '\n');
}
