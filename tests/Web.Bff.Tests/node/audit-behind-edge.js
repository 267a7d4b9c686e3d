// Runs graphql-http's server audits against the URL in argv[2] as a client behind the edge: every audit request
// also carries the header argv[3] with value argv[4] (the edge identity assertion). Prints the results as JSON.
const { auditServer } = require('graphql-http');

const [url, headerName, headerValue] = process.argv.slice(2);

// The audits set their own Accept and Content-Type headers; the edge's header is added beside them.
const fetchBehindEdge = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set(headerName, headerValue);
  return fetch(input, { ...init, headers });
};

(async () => {
  const results = await auditServer({ url, fetchFn: fetchBehindEdge });
  const out = results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
