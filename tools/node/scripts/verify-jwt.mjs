// Verifies JWTs with jose, an implementation independent of the suite's .NET code.
// Usage: node verify-jwt.mjs <issuer> <audience> < tokens (one per line)
// Prints one JSON line per token: {"ok":true,"payload":{...}} or {"ok":false,"error":"..."}.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createInterface } from 'node:readline';

const [issuer, audience] = process.argv.slice(2);
const discovery = await (await fetch(new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : issuer + '/'))).json();
const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  try {
    const { payload, protectedHeader } = await jwtVerify(line.trim(), jwks, { issuer, audience, algorithms: ['RS256'] });
    console.log(JSON.stringify({ ok: true, alg: protectedHeader.alg, payload }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: e.code ?? e.message }));
  }
}
