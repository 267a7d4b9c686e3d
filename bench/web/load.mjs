// Load run of the web BFF's home-page query against the real stubs, each with a fixed latency.
// Prints p50/p99, upstream calls per query (from /_stub/stats) and what a client calling the services itself pays.
// Usage: node bench/web/load.mjs [requests=300] [concurrency=1] [latencyMs=20]   (run.sh builds first)
// WEB_BENCH_QUERY=reviews-per-product.graphql runs another page of this folder (without the direct-client comparison).
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [requests = 300, concurrency = 1, latencyMs = 20] = process.argv.slice(2).map(Number);
const artifacts = process.env.BFF_ARTIFACTS ?? join(process.cwd(), 'artifacts');
const stubsDll = join(artifacts, 'bin/Bff.Stubs/debug/Bff.Stubs.dll');
const bffDll = join(artifacts, 'bin/Web.Bff/debug/Web.Bff.dll');
const queryFile = process.env.WEB_BENCH_QUERY ?? 'home.graphql';
const query = readFileSync(new URL('./' + queryFile, import.meta.url), 'utf8');
const children = [];

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

async function waitReady(url, seconds = 120) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    try { if ((await fetch(url)).ok) { return; } } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready`);
}

function start(args, env = {}) {
  const child = spawn('dotnet', args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child;
}

// The edge's assertion (EdgeIdentityToken): a compact JWS, ES256, typ edge-identity+jwt, kid = RFC 7638 thumbprint.
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keyFolder = mkdtempSync(join(tmpdir(), 'web-bench-'));
const publicKeyPath = join(keyFolder, 'edge.pub.pem');
writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }));
const jwk = publicKey.export({ format: 'jwk' });
const kid = createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url');
const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function assertion() {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: '1', client_id: 'web-app', jti: randomUUID().replaceAll('-', ''), scope: 'openid', iss: 'bff-edge', aud: 'web-bff', iat: now, nbf: now, exp: now + 60 };
  const signed = part({ alg: 'ES256', kid, typ: 'edge-identity+jwt' }) + '.' + part(claims);
  return signed + '.' + sign('sha256', Buffer.from(signed), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (x) => Math.round(x * 10) / 10;

try {
  const services = ['users', 'orders', 'products', 'reviews'];
  const urls = {};
  for (const service of services) {
    const port = await freePort();
    urls[service] = `http://127.0.0.1:${port}/`;
    start([stubsDll, '--service', service, '--urls', `http://127.0.0.1:${port}`]);
  }
  await Promise.all(services.map((s) => waitReady(urls[s] + 'readyz')));
  const bffPort = await freePort();
  const bff = `http://127.0.0.1:${bffPort}/`;
  start([bffDll], {
    ASPNETCORE_ENVIRONMENT: 'Production',
    Urls: bff,
    EdgeIdentity__VerificationKeyPath: publicKeyPath,
    DomainServices__Users__BaseUrl: urls.users,
    DomainServices__Orders__BaseUrl: urls.orders,
    DomainServices__Products__BaseUrl: urls.products,
    DomainServices__Reviews__BaseUrl: urls.reviews,
    Logging__LogLevel__Default: 'Warning',
  });
  await waitReady(bff + 'healthz');

  const token = { value: assertion(), at: Date.now() };
  async function home() {
    if (Date.now() - token.at > 30_000) { token.value = assertion(); token.at = Date.now(); }
    const started = performance.now();
    const response = await fetch(bff + 'graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-edge-identity': token.value },
      body: JSON.stringify({ query }),
    });
    const body = await response.json();
    return { ms: performance.now() - started, body, ok: response.status === 200 && !body.errors, status: response.status };
  }

  // Warm-up: JIT, connection pools, document cache (the first answers of a cold process may miss the budgets).
  for (let i = 0; i < 50; i++) {
    const warm = await home();
    if (i === 0 && !warm.ok) { throw new Error(`${queryFile}: ${warm.status} ${JSON.stringify(warm.body.errors)}`); }
  }
  for (const s of services) {
    await fetch(urls[s] + '_stub/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });
    await fetch(urls[s] + '_stub/stats', { method: 'DELETE' });
  }

  const latencies = [];
  let next = 0;
  let sample;
  let failed = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < requests) {
      const r = await home();
      latencies.push(r.ms);
      if (r.ok) { sample = r.body; } else { failed++; }
    }
  }));
  if (!sample) { throw new Error('every measured answer had errors'); }
  latencies.sort((a, b) => a - b);
  let calls = 0;
  const perService = {};
  for (const s of services) {
    const stats = await (await fetch(urls[s] + '_stub/stats')).json();
    calls += stats.total;
    perService[s] = round(stats.total / requests);
  }

  const result = {
    query: queryFile, requests, concurrency, latencyMs, answersWithErrors: failed,
    p50: round(percentile(latencies, 0.5)), p99: round(percentile(latencies, 0.99)), max: round(latencies.at(-1)),
    upstreamCallsPerQuery: round(calls / requests), perService,
  };
  if (queryFile === 'home.graphql') {
    // What a client pays calling the services itself, sequentially, for the same page (same URLs the BFF calls).
    const viewer = sample.data.viewer;
    const productIds = [...new Set(viewer.orders.edges.flatMap((e) => e.node.items.map((i) => i.product.id)))];
    const direct = [
      urls.users + 'users/1', urls.users + 'users/1/notifications/unread-count', urls.orders + 'orders?userId=1&limit=5',
      urls.products + 'products?ids=' + productIds.join(','), urls.products + 'products/recommended?userId=1&limit=4',
      urls.reviews + 'reviews/summary?productIds=' + viewer.recommendedProducts.map((p) => p.id).join(','),
    ];
    const call = async (url) => (await fetch(url)).arrayBuffer();
    const [profile, unread, orders, products, recommended, ratings] = direct;
    // The best a client could do by itself: every call as early as its inputs allow (orders -> products, recommended -> ratings).
    const chain = () => Promise.all([call(profile), call(unread), call(orders).then(() => call(products)), call(recommended).then(() => call(ratings))]);
    const sequential = [];
    const parallel = [];
    for (let i = 0; i < 5; i++) { for (const url of direct) { await call(url); } } // warm the routes the BFF never calls (GET /users/{id})
    for (let i = 0; i < 50; i++) {
      let started = performance.now();
      for (const url of direct) { await call(url); }
      sequential.push(performance.now() - started);
      started = performance.now();
      await chain();
      parallel.push(performance.now() - started);
    }
    sequential.sort((a, b) => a - b);
    parallel.sort((a, b) => a - b);

    Object.assign(result, {
      slowestChainMs: 2 * latencyMs,
      clientSequentialP50: round(percentile(sequential, 0.5)),
      clientBestChainP50: round(percentile(parallel, 0.5)),
      overheadOverChainP50: round(percentile(latencies, 0.5) - percentile(parallel, 0.5)),
      clientSequentialCalls: direct.length,
    });
  }
  console.log(JSON.stringify(result, null, 2));
} finally {
  for (const child of children) { child.kill('SIGTERM'); }
}
