// How much a flood of automatic persisted-query registrations grows the process: two waves of 200
// anonymous registrations of 200 KB queries, then five waves (WAVES=n) of 400 of the longest allowed
// query, each from its own address (behind a trusted proxy), so neither the length limit nor the
// per-caller registration rate stops them and only the caches' bounds are left.
//   npm run bench:persisted-query-flood
// Prints one JSON line: RSS and heap in MB (after a GC) before and after each wave, and what the
// gateway answered.
import { createHash } from 'node:crypto';
import { createLogger } from '@edugraph/platform';
import { embeddedGatewayLimits } from '@edugraph/gateway';
import { startEmbeddedSystem } from '../start/embedded-system.ts';

const system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: 'bench-jwt-secret-0123456789abcdef-0123', logger: createLogger('bench', 'silent') });
const memory = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heapUsed / 2 ** 20) };
};

async function register(query: string, from: string): Promise<number> {
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const body = JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
  const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body });
  await response.arrayBuffer();
  return response.status;
}

async function wave(count: number, chars: number, distinctCallers: boolean, offset = 0) {
  const statuses: Record<string, number> = {};
  for (let n = offset; n < offset + count; n++) {
    // Valid and as long as asked: the length is in a string argument (aliases and tokens are bounded).
    const query = `{ institution(id: "${'x'.repeat(chars - 40)}-${n}") { id } }`;
    const status = await register(query, distinctCallers ? `10.9.${Math.floor(n / 250)}.${n % 250}` : '10.8.0.1');
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return statuses;
}

const before = memory();
// Two waves of the oversized registrations: refused before parsing; the second shows whether memory keeps growing.
const oversized = [];
for (let w = 0; w < 2; w++) oversized.push({ statuses: await wave(200, 200_000, false, w * 200), after: memory() });
const chars = embeddedGatewayLimits.maxQueryLength - 10;
// Three waves of the longest allowed query: if the caches are bounded, memory levels off.
const longest = [];
const waves = Number(process.env["WAVES"] ?? 5);
for (let w = 0; w < waves; w++) longest.push({ statuses: await wave(400, chars, true, w * 400), after: memory() });
console.log(JSON.stringify({ before, oversized200KB: oversized, longestAllowed: { chars, waves: longest } }));
await system.stop();
