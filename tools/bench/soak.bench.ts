// Memory under a steady mix: `npm start`'s system (the embedded default, in a child process with
// the demo city) takes queries and mutations for `--minutes` (default 10) while its RSS is sampled
// every 15 s. Prints one JSON line: the RSS curve in MB, requests answered, and errors.
//   npm run bench:soak -- --minutes 10
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { issueToken } from '@edugraph/gateway';
import { repoRoot } from '../start/real-processes.ts';

const at = process.argv.indexOf('--minutes');
const minutes = at === -1 ? 10 : Number(process.argv[at + 1]);
const jwtSecret = `soak-${Date.now()}-jwt-secret-0123456789abcdef`;
const dataDir = mkdtempSync(join(tmpdir(), 'edugraph-soak-'));
const child = spawn(process.execPath, ['tools/start/embedded.ts'], { cwd: repoRoot, env: { ...process.env, EDUGRAPH_DATA_DIR: dataDir, EDUGRAPH_JWT_SECRET: jwtSecret, PORT: '4700', METRICS_PORT: '9700', LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve) => createInterface({ input: child.stdout! }).on('line', (line) => line.includes('Stop with Ctrl+C') && resolve()));
const url = 'http://127.0.0.1:4700/graphql';
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);

const staff = `Bearer ${await issueToken(jwtSecret, { id: 'soak-staff', roles: ['BUREAU_STAFF'] })}`;
const CITY = '{ institutions(first: 50) { nodes { id name seatPools { grade capacity } kindergarten { places } programmes { code } satisfaction { average } } } }';
let n = 0;
/** The demo city's primary schools and kindergartens: the writes update their seats and places. */
async function idsOf(level: string): Promise<string[]> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ institutions(first: 100, level: ${level}) { nodes { id } } }` }) });
  return ((await response.json()) as { data: { institutions: { nodes: { id: string }[] } } }).data.institutions.nodes.map((i) => i.id);
}
const primaries = await idsOf('PRIMARY');
const kindergartens = await idsOf('PRESCHOOL');
// Nine reads to one write at 50 requests/s (within the embedded default's rate budget): the
// CityQuestion, lists by level, and writes that change what they show without growing the city
// (seat capacities and kindergarten places, each an event other answers are invalidated by), so a
// growing curve would be the process's, not the data's.
const write = () => {
  const k = n++;
  return k % 2
    ? `mutation { setSeatCapacity(input: { institutionId: "${primaries[k % primaries.length]}", year: 2026, grade: ${1 + (k % 6)}, capacity: ${40 + (k % 20)} }) { seatPool { capacity } } }`
    : `mutation { setKindergartenPlaces(input: { institutionId: "${kindergartens[k % kindergartens.length]}", places: ${100 + (k % 50)} }) { kindergarten { places } } }`;
};
const requests = [
  ...Array.from({ length: 3 }, () => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CITY }) })),
  ...['PRIMARY', 'JUNIOR', 'PRESCHOOL', 'VOCATIONAL', 'PRIMARY', 'PRESCHOOL'].map((level) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ institutions(first: 20, level: ${level}) { totalCount nodes { id name } } }` }) })),
  {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: staff },
    setupRequest: ((req: autocannon.Request) => ({ ...req, body: JSON.stringify({ query: write() }) })) as never,
  },
];
/** The process's JavaScript heap in use, from the gateway's default metrics (one registry has them). */
async function heapMb(): Promise<number> {
  const text = await (await fetch('http://127.0.0.1:9700/metrics/gateway')).text();
  return Math.round(Number(/^nodejs_heap_size_used_bytes\{[^}]*\} (\d+(\.\d+)?)/m.exec(text)?.[1] ?? NaN) / 2 ** 20);
}
const sample = async (minute: number) => ({ minute: Math.round(minute * 100) / 100, rssMb: rssMb(), heapMb: await heapMb() });
const curve = [await sample(0)];
const started = Date.now();
const sampler = setInterval(async () => curve.push(await sample((Date.now() - started) / 60_000)), 15_000);
const result = await new Promise<autocannon.Result>((resolve, reject) => autocannon({ url, connections: 10, overallRate: 50, duration: minutes * 60, requests }, (e, r) => (e ? reject(e) : resolve(r))));
clearInterval(sampler);
curve.push(await sample(minutes));
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ minutes, requests: result.requests.total, errors: result.errors + result.non2xx, requestsPerSecond: Math.round(result.requests.average), memoryCurve: curve }));
