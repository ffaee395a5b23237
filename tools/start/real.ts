// `npm run start:real`: the five services and the gateway as processes of their own on PostgreSQL,
// Kafka and Redis (from DATABASE_URL, KAFKA_BROKERS, REDIS_URL, else the local ones), with demo
// data on first start. Ctrl+C stops the gateway, then the services, each draining gracefully.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DEFAULT_PORTS } from '@edugraph/platform';
import { demoTokens, loadDemo } from '../demo/load-demo.ts';
import { loadOrCreateDevPiiKeyring } from '@edugraph/auth';
import { eventEntities } from '@edugraph/events';
import { openDatabase } from '@edugraph/persistence';
import { licensingService } from '../../apps/licensing/src/service.ts';
import { enrollmentService } from '../../apps/enrollment/src/service.ts';
import { preschoolService } from '../../apps/preschool/src/service.ts';
import { feedbackService } from '../../apps/feedback/src/service.ts';
import type { ServiceModule } from '@edugraph/platform';
import { realInfrastructureFromEnv, startRealSystem } from './real-system.ts';
import type { RealSystem } from './real-system.ts';

const startedAt = performance.now();
const dataDir = '.data-real';
mkdirSync(dataDir, { recursive: true });
// A secret kept on disk, so tokens printed at one start still work after a restart.
const secretFile = `${dataDir}/dev-jwt-secret`;
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
const jwtSecret = process.env['EDUGRAPH_JWT_SECRET'] ?? readFileSync(secretFile, 'utf8').trim();
// Personal data stays readable across restarts: the keyring is kept beside the secret.
const piiKeys = process.env['EDUGRAPH_PII_KEYS'] ?? loadOrCreateDevPiiKeyring(`${dataDir}/pii-keys.json`);

const infra = realInfrastructureFromEnv();
const withoutPassword = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
console.log(`EduGraph: starting on real infrastructure (PostgreSQL ${withoutPassword(infra.adminDatabaseUrl)}, Kafka ${infra.kafkaBrokers}, Redis ${withoutPassword(infra.redisUrl)})`);

const aborting = new AbortController();
let system: RealSystem | undefined;
let stopping: number | undefined;
// `npm run` passes the terminal's Ctrl+C on to us although the terminal has sent it to us too: a
// second signal means "kill now" only when a person sent it, a moment after the first.
const FORCE_AFTER_MS = 1_000;

async function stopAll(signal: string): Promise<never> {
  console.log(`\n${signal}: stopping the gateway, then the services (each drains its outbox first)…`);
  const codes = await system!.stop();
  const clean = Object.values(codes).every((code) => code === 0);
  console.log(`stopped: ${Object.entries(codes).map(([name, code]) => `${name} ${code ?? 'killed'}`).join(', ')}`);
  process.exit(clean ? 0 : 1);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping !== undefined) {
    if (performance.now() - stopping < FORCE_AFTER_MS) return;
    console.log(`${signal} again: killing every process`);
    system?.kill();
    process.exit(1);
  }
  stopping = performance.now();
  if (system) void stopAll(signal);
  else aborting.abort(); // the start stops whatever it had started
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

try {
  system = await startRealSystem({
    ...infra,
    jwtSecret,
    piiKeys,
    gatewayPort: Number(process.env['PORT'] ?? DEFAULT_PORTS.gateway),
    logLevel: process.env['LOG_LEVEL'] ?? 'info',
    ...(process.env['NODE_ENV'] ? { nodeEnv: process.env['NODE_ENV'] } : {}),
    signal: aborting.signal,
  });
} catch (error) {
  if (aborting.signal.aborted) {
    console.log('stopped before start-up finished');
    process.exit(1);
  }
  console.error(`start:real: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (aborting.signal.aborted) await stopAll('signal during start-up');

const tokens = await demoTokens(jwtSecret);
// The demo's matters and round are written on the services' databases by their own use cases; their relays send the events.
const databaseOf = (module: ServiceModule) => async () => {
  const database = await openDatabase({ url: system.databaseUrls[module.name]!, entities: [...module.entities, ...eventEntities], migrations: module.migrations });
  return { orm: database.orm, close: () => database.close() };
};
const demo = await loadDemo(system.gatewayUrl, jwtSecret, { licensing: databaseOf(licensingService), enrollment: databaseOf(enrollmentService), preschool: databaseOf(preschoolService), feedback: databaseOf(feedbackService) }, piiKeys).catch(
  (error: unknown) => `not loaded: ${error instanceof Error ? error.message : String(error)}`,
);
if (stopping !== undefined) await new Promise(() => {}); // a Ctrl+C during the demo load: stopAll exits
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
console.log(`
EduGraph is running on real infrastructure: each service and the gateway a process of its own.

  GraphQL gateway:  ${system.gatewayUrl}
  Open data:        ${system.gatewayUrl.replace(/\/graphql$/, '/open-data/programmes.jsonld')}
  Open311:          ${system.gatewayUrl.replace(/\/graphql$/, '/open311/v2/discovery.json')}
  Subgraphs:        ${Object.entries(system.urls).filter(([name]) => name !== 'gateway').map(([name, url]) => `${name} ${url}`).join(', ')}
  PostgreSQL:       ${Object.values(system.databaseUrls).map((url) => new URL(url).pathname.slice(1)).join(', ')} on ${withoutPassword(infra.adminDatabaseUrl)}
  Kafka:            ${infra.kafkaBrokers} (topics edugraph.<service>.events)
  Redis:            ${withoutPassword(infra.redisUrl)}
  Demo data:        ${demo}
  Started in:       ${seconds} s

  Tokens (12 h), send as "Authorization: Bearer <token>":
  bureau staff:    ${tokens.bureauStaff}
  school sponsor:  ${tokens.sponsor}

Stop with Ctrl+C.`);
