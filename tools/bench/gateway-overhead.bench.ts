// What the gateway costs on a one-subgraph list: the same `institutions(first: 50)` read through
// the gateway and straight from the licensing subgraph, back to back in one run.
//   npm run bench:gateway-overhead -- --institutions 500 --connections 20 --seconds 10
// Prints one JSON line: req/s (answered 2xx) and p50/p95/p99 (ms) of each, and the gateway's share
// of the direct throughput; `distinctCallers` is the gateway again with a different signed-in caller
// per request, so that no identical calls in flight are merged. The direct call needs a fresh actor
// token bound to its body per request (tokens live 30 s): a batch is signed just before each timed
// run, outside it (`signUs`: microseconds per signature). Not a test: timings depend on the machine.
import { createRequire } from 'node:module';
import { createActorSigner, generateActorKeyPair } from '@edugraph/auth';
import { ACTOR_TOKEN_HEADER, ANONYMOUS } from '@edugraph/auth';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../start/embedded-system.ts';

/** The part of autocannon's API used here (it ships no types). */
interface LoadOptions {
  url: string;
  method: 'POST';
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
  requests?: { setupRequest: (req: { headers: Record<string, string> }) => { headers: Record<string, string> } }[];
}
interface LoadRun {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTimeMs: number) => void): void;
}
type Autocannon = (o: LoadOptions, done: (error: Error | null, result: { non2xx: number; errors: number }) => void) => LoadRun;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Runs one load and measures every response itself (autocannon's summary has no p95). */
function load(o: LoadOptions) {
  const times: number[] = [];
  return new Promise<{ reqPerSec: number; p50: number; p95: number; p99: number; failed: number }>((resolve, reject) => {
    const run = autocannon(o, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 10) / 10;
      resolve({ reqPerSec: Math.round(times.length / o.duration), p50: at(0.5), p95: at(0.95), p99: at(0.99), failed: result.non2xx + result.errors });
    });
    run.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms); // a refused request is no throughput
    });
  });
}

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
const institutions = arg('institutions', 500);
const connections = arg('connections', 20);
const seconds = arg('seconds', 10);

const JWT_SECRET = 'gateway-overhead-bench-secret-0123456789';
const QUERY = '{ institutions(first: 50) { nodes { id name } } }';
const REGISTER = 'mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }';

const actorKeys = await generateActorKeyPair('bench-gateway-overhead');
const system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, actorKeys, logger: createLogger('bench', 'silent') });
try {
  const staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'bench-staff', roles: ['BUREAU_STAFF'] })}` };
  for (let i = 0; i < institutions; i++) {
    const input = { name: `测试学校${i}`, level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'XS' };
    await graphql(system.gatewayUrl, REGISTER, { input }, staff);
  }

  // The direct call is what the gateway sends licensing for this query, for the anonymous public.
  const directUrl = system.services.find((s) => s.name === 'licensing')!.url;
  const directBody = JSON.stringify({ query: QUERY });
  const signer = await createActorSigner(actorKeys.privateJwk);
  // Tokens live 30 s: each run gets a batch signed just before it, used in the order signed.
  let tokens: string[] = [];
  let next = 0;
  let signUs = 0;
  const signTokens = async (count: number) => {
    const started = performance.now();
    tokens = [];
    next = 0;
    for (let i = 0; i < count; i++) tokens.push(await signer.sign(ANONYMOUS, 'licensing', directBody));
    signUs = Math.round(((performance.now() - started) * 1000 * 10) / count) / 10;
  };

  const options = { method: 'POST' as const, connections, headers: { 'content-type': 'application/json' }, body: directBody };
  const direct = async (duration: number, perSecond: number) => {
    await signTokens(Math.ceil(duration * perSecond * 1.5));
    return load({
      ...options,
      url: directUrl,
      duration,
      requests: [
        {
          setupRequest: (req) => {
            const token = tokens[next++];
            if (!token) throw new Error('ran out of pre-signed actor tokens');
            return { ...req, headers: { ...req.headers, [ACTOR_TOKEN_HEADER]: token } };
          },
        },
      ],
    });
  };
  // Signed-in callers, a different one per request: no two calls in flight share an actor, so
  // nothing is merged and this is the gateway's own cost per request.
  const callers = await Promise.all(Array.from({ length: 2000 }, (_, i) => issueToken(JWT_SECRET, { id: `bench-staff-${i}`, roles: ['BUREAU_STAFF'] })));
  let nextCaller = 0;
  const eachCallerOnce = [{ setupRequest: (req: { headers: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${callers[nextCaller++ % callers.length]!}` } }) }];

  // Warm-up of both (plans, connection pools, JIT), then the measured runs back to back.
  await load({ ...options, url: system.gatewayUrl, duration: 2 });
  const warmDirect = await direct(2, 8000);
  const gateway = await load({ ...options, url: system.gatewayUrl, duration: seconds });
  const directRun = await direct(seconds, warmDirect.reqPerSec);
  const distinctCallers = await load({ ...options, url: system.gatewayUrl, duration: seconds, requests: eachCallerOnce });
  const share = (r: { reqPerSec: number }) => Math.round((r.reqPerSec / directRun.reqPerSec) * 100) / 100;
  console.log(JSON.stringify({ institutions, connections, seconds, gateway, direct: directRun, ratio: share(gateway), distinctCallers: { ...distinctCallers, ratio: share(distinctCallers) }, signUs }));
} finally {
  await system.stop();
}
