// Differential runner: reads { sdl, corpus: [{ name, query, variables, operationName }] } on stdin, and for each
// document reports what graphql-js does: syntax error, which specified rules fail, and the execution result.
// The resolvers mirror tests/Bff.GraphQL.Tests/TestSchema.cs over the same data.
const { buildSchema, parse, validate, execute, specifiedRules } = require('graphql');

function newProducts() {
  const product = (id, name, price, color, tags, reviewIds) => ({ __typename: 'Product', id, name, price, color, tags, reviewIds });
  return [
    product('p1', 'Laptop', 999.5, 'RED', ['tech', 'work'], ['r1', 'r2']),
    product('p2', 'Phone', 599, 'BLUE', ['tech'], ['r3']),
    product('p3', 'Desk', null, null, [], []),
  ];
}
const users = [
  { __typename: 'User', id: 'u1', name: 'Ada' },
  { __typename: 'User', id: 'u2', name: 'Linus' },
];
const reviews = [
  { id: 'r1', stars: 5, body: 'Great', authorId: 'u1' },
  { id: 'r2', stars: 3, body: null, authorId: 'u2' },
  { id: 'r3', stars: 4, body: 'Fine', authorId: 'u1' },
];

function format(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[' + v.map(format).join(',') + ']';
  return String(v);
}

function bind(schema, data) {
  const q = schema.getQueryType().getFields();
  q.product.resolve = (_, a) => data.find((p) => p.id === a.id) ?? null;
  q.products.resolve = (_, a) => data.filter((p) => !a.filter
    || ((a.filter.name == null || p.name === a.filter.name) && (a.filter.color == null || p.color === a.filter.color)));
  q.find.resolve = (_, a) => data.find((p) => ('id' in a.ref ? p.id === a.ref.id : p.name === a.ref.name)) ?? null;
  q.search.resolve = (_, a) => [
    ...data.filter((p) => p.name.toLowerCase().includes(a.text.toLowerCase())),
    ...users.filter((u) => u.name.toLowerCase().includes(a.text.toLowerCase())),
  ];
  q.node.resolve = (_, a) => data.find((p) => p.id === a.id) ?? users.find((u) => u.id === a.id) ?? null;
  q.echo.resolve = (_, a) => {
    const keys = Object.keys(a).sort();
    return keys.length === 0 ? null : keys.map((k) => k + '=' + format(a[k])).join(',');
  };
  q.failing.resolve = () => { throw new Error('boom'); };
  q.failingNonNull.resolve = () => null;
  const p = schema.getType('Product').getFields();
  p.reviews.resolve = (src, a) => src.reviewIds.slice(0, a.first).map((id) => reviews.find((r) => r.id === id));
  p.mustExist.resolve = () => null;
  schema.getType('Review').getFields().author.resolve = (src) => users.find((u) => u.id === src.authorId);
  schema.getMutationType().getFields().rename.resolve = (_, a) => {
    const found = data.find((x) => x.id === a.id);
    if (found) found.name = a.name;
    return found ?? null;
  };
}

(async () => {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = [];
  for (const doc of input.corpus) {
    const schema = buildSchema(input.sdl);
    bind(schema, newProducts());
    let ast;
    try {
      ast = parse(doc.query);
    } catch (e) {
      out.push({ name: doc.name, syntaxError: e.message });
      continue;
    }
    const failed = [];
    for (const rule of specifiedRules) {
      if (validate(schema, ast, [rule]).length > 0) failed.push(rule.name);
    }
    if (failed.length > 0) {
      const messages = validate(schema, ast).map((e) => e.message).sort();
      out.push({ name: doc.name, rules: failed, messages });
      continue;
    }
    const result = await execute({ schema, document: ast, variableValues: doc.variables ?? undefined, operationName: doc.operationName ?? undefined });
    out.push({
      name: doc.name,
      rules: [],
      hasData: 'data' in result,
      data: result.data ?? null,
      errorPaths: (result.errors ?? []).map((e) => (e.path ?? []).join('.')).sort(),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
