// Runs graphql-http's server audits against the URL in argv[2] and prints the results as JSON.
const { auditServer } = require('graphql-http');

(async () => {
  const results = await auditServer({ url: process.argv[2] });
  const out = results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
