// The benchmark suite: EduGraph's gateway side by side with stock @apollo/gateway, Hive Gateway
// (with and without inbound in-flight merging) and the direct subgraph call, on the same supergraph,
// the same subgraphs and the same data, each gateway in a process of its own.
//   npm run bench                 (500 institutions, 10 s per case, 50 connections)
//   npm run bench -- --smoke      (60 institutions, 2 s per case: what CI runs)
// Prints one JSON line per case (and the events line) and writes docs/benchmarks.md and its chart
// docs/benchmarks.svg, unless --smoke.
// Not a test: numbers depend on the machine, which the page names.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { ACTOR_TOKEN_HEADER, ANONYMOUS, createActorSigner, generateActorKeyPair } from '@edugraph/auth';
import { repoRoot } from '../start/real-processes.ts';
import { renderBenchmarkPage, renderChart } from './suite/benchmark-page.ts';
import type { CaseResult, StatementCount } from './suite/benchmark-page.ts';

const smoke = process.argv.includes('--smoke');
const INSTITUTIONS = smoke ? 60 : 500;
const SECONDS = smoke ? 2 : 10;
const CONNECTIONS = smoke ? 10 : 50;
const keys = await generateActorKeyPair('bench');
const env = { ...process.env, BENCH_ACTOR_PRIVATE_KEY: JSON.stringify(keys.privateJwk), BENCH_ACTOR_PUBLIC_KEY: JSON.stringify(keys.publicJwk), BENCH_JWT_SECRET: `bench-${Date.now()}-jwt-secret-0123456789abcdef` };
const children: ChildProcess[] = [];

function child(entry: string, args: string[], extra: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const proc = spawn(process.execPath, [entry, ...args], { cwd: repoRoot, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line)));
    proc.once('exit', (code) => reject(new Error(`${entry} ${args.join(' ')} exited with ${code}`)));
  });
}
// SIGKILL: a gateway waiting on keep-alive connections must not outlive the suite.
const stopAll = () => children.forEach((c) => c.kill('SIGKILL'));
process.on('exit', stopAll);

console.error(`bench | starting subgraphs with ${INSTITUTIONS} institutions`);
const system = (await child('tools/bench/suite/system-child.ts', [String(INSTITUTIONS)])) as {
  subgraphUrls: Record<string, string>;
  institutionIds: string[];
  /** The embedded default's own gateway, in the subgraphs' process, with its response cache. */
  gatewayUrl: string;
  statementsUrl: string;
};
const VARIANTS = ['edugraph', 'apollo-stock', 'hive', 'hive-merging'] as const;
const gateways: Record<string, { url: string; cpuUrl: string }> = {};
for (const v of VARIANTS) gateways[v] = (await child('tools/bench/suite/gateway-child.ts', [v], { BENCH_SUBGRAPH_URLS: JSON.stringify(system.subgraphUrls) })) as { url: string; cpuUrl: string };

const CITY = `query CityQuestion($after: String, $level: InstitutionLevel) { institutions(first: 50, after: $after, level: $level) {
  nodes { id name level ownership licence { number status } seatPools { year grade capacity placed } kindergarten { places enrolled inclusive } programmes { code name annualIntake } satisfaction { ratings average } }
  pageInfo { hasNextPage endCursor } } }`;
const LIST = '{ institutions(first: 50) { nodes { id name } } }';
const ONE = 'query One($id: ID!) { institution(id: $id) { id name seatPools { grade capacity } kindergarten { places } programmes { code } satisfaction { average } } }';
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const LEVELS = [null, 'PRIMARY', 'JUNIOR', 'PRESCHOOL', 'VOCATIONAL'];
const cursors = [null, ...Array.from({ length: 8 }, (_, i) => Buffer.from(system.institutionIds[(i + 1) * Math.floor(INSTITUTIONS / 10)]!).toString('base64url'))];

const CASES: { name: string; body: () => string }[] = [
  { name: 'CityQuestion identical', body: () => JSON.stringify({ query: CITY, variables: {} }) },
  { name: 'CityQuestion varied', body: () => JSON.stringify({ query: CITY, variables: { after: pick(cursors), level: pick(LEVELS) } }) },
  { name: 'institution(id) varied', body: () => JSON.stringify({ query: ONE, variables: { id: pick(system.institutionIds) } }) },
  { name: 'single-subgraph list', body: () => JSON.stringify({ query: LIST }) },
];

/**
 * SQL statements each subgraph runs for one query of each shape, through EduGraph's gateway (no
 * response cache), measured first, while licensing's own list cache is still cold.
 */
async function statementsSection(): Promise<StatementCount[]> {
  const shapes = [
    // A page other than the list's first, so licensing's cache of one does not serve the other.
    { shape: 'CityQuestion(first: 50)', body: JSON.stringify({ query: CITY, variables: { after: cursors[1] } }) },
    { shape: 'institution(id)', body: JSON.stringify({ query: ONE, variables: { id: system.institutionIds[7] } }) },
    { shape: 'single-subgraph list (50)', body: JSON.stringify({ query: LIST }) },
  ];
  const counts: StatementCount[] = [];
  for (const [n, { shape, body }] of shapes.entries()) {
    const requestId = `bench-sql-${n}-${Date.now()}`;
    await fetch(gateways['edugraph']!.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body });
    const perService = (await (await fetch(`${system.statementsUrl}${requestId}`)).json()) as Record<string, number>;
    counts.push({ shape, perService });
    console.log(JSON.stringify({ statements: shape, ...perService }));
  }
  return counts;
}
const statementCounts = await statementsSection();

async function cpuOf(target: string | undefined): Promise<number> {
  return target ? ((await (await fetch(target)).json()) as { cpuMs: number }).cpuMs : 0;
}

async function load(url: string, body: () => string, headers: (b: string) => Promise<Record<string, string>>): Promise<Omit<CaseResult, 'case' | 'target' | 'cpuMsPerRequest'>> {
  // Bodies (and a direct call's tokens) are made before the run, so the load generator measures the server.
  const requests = await Promise.all(Array.from({ length: 200 }, async () => {
    const b = body();
    return { method: 'POST' as const, body: b, headers: { 'content-type': 'application/json', ...(await headers(b)) } };
  }));
  const latencies: number[] = [];
  // Each connection cycles through the prepared requests.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN) * 10) / 10;
  return { requestsPerSecond: Math.round(result.requests.average), p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.errors + result.non2xx };
}

const signer = await createActorSigner(keys.privateJwk);
const results: CaseResult[] = [];
for (const c of CASES) {
  type Target = { target: string; url: string; cpuUrl: string; headers: (body: string) => Promise<Record<string, string>> };
  const targets: Target[] = VARIANTS.map((v) => ({ target: v, url: gateways[v]!.url, cpuUrl: gateways[v]!.cpuUrl, headers: async () => ({}) }));
  if (c.name === 'CityQuestion identical') {
    // What `npm start` serves to the public: the same answer from the response cache until data changes.
    targets.push({ target: 'edugraph (response cache)', url: system.gatewayUrl, cpuUrl: '', headers: async () => ({}) });
  }
  if (c.name === 'single-subgraph list') {
    // The direct call: the licensing subgraph itself, with a token a gateway would have signed.
    targets.push({ target: 'direct (licensing)', url: system.subgraphUrls['licensing']!, cpuUrl: '', headers: async (b: string) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(ANONYMOUS, 'licensing', b) }) });
  }
  for (const t of targets) {
    // A fast wrong answer is no result: every target must answer the case with data and no error.
    const probe = c.body();
    const answer = (await (await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await t.headers(probe)) }, body: probe })).json()) as { data?: unknown; errors?: { message: string }[] };
    if (!answer.data || answer.errors?.length) {
      console.error(`bench | ${t.target} answers ${c.name} wrongly: ${JSON.stringify(answer).slice(0, 300)}`);
      results.push({ case: c.name, target: t.target, requestsPerSecond: 0, p50: NaN, p95: NaN, p99: NaN, errors: 1, cpuMsPerRequest: null });
      continue;
    }
    const before = await cpuOf(t.cpuUrl || undefined);
    const measured = await load(t.url, c.body, t.headers);
    const cpu = (await cpuOf(t.cpuUrl || undefined)) - before;
    const total = measured.requestsPerSecond * SECONDS;
    const row: CaseResult = { case: c.name, target: t.target, ...measured, cpuMsPerRequest: t.cpuUrl && total ? Math.round((cpu / total) * 100) / 100 : null };
    results.push(row);
    console.log(JSON.stringify(row));
  }
}


/** The events path, measured by its own script on real PostgreSQL and Kafka (skipped when they are not there). */
async function eventsSection(): Promise<string> {
  const proc = spawn(process.execPath, ['tools/bench/events.bench.ts'], { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  let line = '';
  createInterface({ input: proc.stdout! }).on('line', (l) => l.startsWith('{') && (line = l));
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  if (code !== 0 || !line) return `Not measured in this run: \`npm run bench:events\` exited with ${code} (it needs PostgreSQL and Kafka).`;
  console.log(line);
  return `\`npm run bench:events\` (the library's outbox → relay → Kafka → inbox path on real PostgreSQL and Kafka, not through GraphQL):\n\n\`\`\`json\n${JSON.stringify(JSON.parse(line), null, 2)}\n\`\`\``;
}

if (!smoke) {
  console.error('bench | the events path');
  const events = await eventsSection();
  mkdirSync(`${repoRoot}docs`, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(`${repoRoot}docs/benchmarks.md`, renderBenchmarkPage({ machine, institutions: INSTITUTIONS, seconds: SECONDS, connections: CONNECTIONS, results, date: new Date().toISOString().slice(0, 10), events, statements: statementCounts }));
  writeFileSync(`${repoRoot}docs/benchmarks.svg`, renderChart(results));
  console.error('bench | wrote docs/benchmarks.md and docs/benchmarks.svg');
}
stopAll();
// A statement count of zero would mean the counter saw nothing: as wrong as a failed case.
process.exit(results.some((r) => r.requestsPerSecond === 0) || statementCounts.some((c) => Object.keys(c.perService).length === 0) ? 1 : 0);
