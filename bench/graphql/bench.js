// graphql-js side of the GraphQL engine benchmark: same schema (schema.graphql), data and queries (queries/*.graphql)
// as tests/Bff.Benchmarks/GraphQL. Prints ops/s for parse, validate and execute of each query.
// Run: NODE_PATH=tools/node/node_modules node bench/graphql/bench.js
const fs = require('fs');
const path = require('path');
const { buildSchema, parse, validate, execute } = require('graphql');

const here = __dirname;
const schema = buildSchema(fs.readFileSync(path.join(here, 'schema.graphql'), 'utf8'));
const users = Array.from({ length: 10 }, (_, i) => ({ id: 'u' + i, name: 'User ' + i }));
const products = Array.from({ length: 50 }, (_, i) => ({
  id: 'p' + i,
  name: 'Product ' + i,
  price: i * 1.5,
  tags: ['a', 'b', 'c'],
  reviews: Array.from({ length: 5 }, (_, j) => ({ id: `r${i}-${j}`, stars: j + 1, body: j % 2 === 0 ? 'Nice' : null, author: users[(i + j) % 10] })),
}));
const q = schema.getQueryType().getFields();
q.product.resolve = (_, a) => products.find((p) => p.id === a.id) ?? null;
q.products.resolve = () => products;
q.node.resolve = (_, a) => products.find((p) => p.id === a.id) ?? null;
schema.getType('Node').resolveType = (v) => (v.reviews ? 'Product' : v.stars ? 'Review' : 'User');

function measure(fn) {
  for (let i = 0; i < 200; i++) fn();
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n) {
    for (let i = 0; i < 50; i++) fn();
    iterations += 50;
    elapsed = process.hrtime.bigint() - start;
  }
  return iterations / (Number(elapsed) / 1e9);
}

const results = [];
for (const name of ['small', 'nested', 'introspection']) {
  const text = fs.readFileSync(path.join(here, 'queries', name + '.graphql'), 'utf8');
  const doc = parse(text);
  if (validate(schema, doc).length > 0) throw new Error('invalid ' + name);
  const check = execute({ schema, document: doc });
  if (check.errors) throw new Error(JSON.stringify(check.errors));
  results.push({ query: name, op: 'parse', opsPerSec: measure(() => parse(text)) });
  results.push({ query: name, op: 'validate', opsPerSec: measure(() => validate(schema, doc)) });
  results.push({ query: name, op: 'execute', opsPerSec: measure(() => execute({ schema, document: doc })) });
}
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
