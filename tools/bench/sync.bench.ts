// Benchmark of a school's catalogue sync (syncCatalogue) through the gateway:
//   npm run bench:sync -- --programmes 2000              (PostgreSQL, Kafka, Redis: DATABASE_URL,
//                                                        KAFKA_BROKERS, REDIS_URL, else the local ones)
//   npm run bench:sync -- --programmes 2000 --embedded   (the embedded default: SQLite, in process)
// PostgreSQL mode starts what `npm run start:real` runs (each service and the gateway a process of
// its own) on fresh databases of this run's own (dropped at the end) and a topic prefix of its own.
// Embedded mode starts the embedded default in this process on SQLite files in a fresh temporary
// folder (removed at the end). Then, through the gateway as the school's staff: registers a
// VOCATIONAL school, loads the sample national catalogue, and times, wall clock as the client sees
// it (request sent → answer read):
//   firstMs    the first snapshot of N programmes (every programme added)
//   noopMs     the same snapshot again (nothing changes: alreadyApplied)
//   dryRunMs   a dry run of it
//   changeMs   a snapshot that changes the intake of every tenth programme
// Codes not in the sample catalogue go as approved out-of-catalogue programmes (目录外专业), so
// N may be up to the snapshot limit of 2,000. Between steps the vocational outbox is left to drain
// (its events reach Kafka or the in-process bus), so one step's relay does not weigh on the next.
// Prints progress on stderr and one JSON line on stdout; exits non-zero when a sync answers with
// errors, rejected rows or counts other than expected. Targets (first < 3 s, no-op < 300 ms on
// PostgreSQL) are printed, never asserted. Not a test: timings depend on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { issueToken } from '@edugraph/gateway';
import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { creditCodeFrom, graphql, uniqueName } from '@edugraph/testing';
import { importCatalogueFile, readCatalogueFile } from '../catalogue/import-catalogue.ts';
import { startEmbeddedSystem } from '../start/embedded-system.ts';
import type { EmbeddedSystem } from '../start/embedded-system.ts';
import { realInfrastructureFromEnv, startRealSystem } from '../start/real-system.ts';
import type { RealSystem } from '../start/real-system.ts';

function argument(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (argv[at + 1] ?? '');
}
const programmes = Number(argument('programmes', '2000'));
if (!Number.isInteger(programmes) || programmes < 10 || programmes > 2_000) throw new Error(`--programmes needs a whole number 10–2000, got ${argument('programmes', '')}`);
const embedded = process.argv.includes('--embedded');
const mode = embedded ? 'embedded' : 'postgresql';

const log = (message: string) => process.stderr.write(`[sync.bench] ${message}\n`);
const CATALOGUE_FILE = 'tools/catalogue/national-catalogue.sample.csv';
const JWT_SECRET = `sync-bench-${Date.now()}-jwt-secret-0123456789abcdef`;
const YEAR = 2026;
const REFERENCE = '教职成函〔2026〕5号';

const SYNC = `mutation($schoolId: ID!, $snapshot: CatalogueSnapshotInput!, $dryRun: Boolean) {
  syncCatalogue(schoolId: $schoolId, snapshot: $snapshot, dryRun: $dryRun) {
    dryRun alreadyApplied snapshotHash
    added { code programmeId } changed { code programmeId fields } retired { code programmeId }
    unchanged kept rejected { row code programmeCode field message }
  }
}`;
const REGISTER = 'mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }';

interface SyncResult {
  dryRun: boolean;
  alreadyApplied: boolean;
  added: { code: string; programmeId: string | null }[];
  changed: { code: string; programmeId: string; fields: string[] }[];
  retired: { code: string }[];
  unchanged: string[];
  kept: string[];
  rejected: { row: number; code: string; programmeCode: string; field: string; message: string }[];
}
interface GraphQLAnswer {
  data?: { syncCatalogue: SyncResult } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

// ---- The snapshot: codes 71xxxx of the secondary level, in the catalogue or approved outside it.
const inCatalogue = new Set(readCatalogueFile(CATALOGUE_FILE).map((e) => e.code));
const PARTNER = { name: '滨江精工机械有限公司', creditCode: creditCodeFrom('91330100MA27A0001') };
function snapshotRows(count: number, intakeOf: (i: number) => number) {
  return Array.from({ length: count }, (_, i) => {
    const code = `71${String(i).padStart(4, '0')}`;
    return {
      code,
      name: `信息技术专业${code}`,
      lengthYears: 3,
      annualIntake: intakeOf(i),
      enrolled: 100 + (i % 150),
      applicants: 40 + (i % 90),
      featured: i % 20 === 0,
      partnerEnterprises: i % 5 === 0 ? [PARTNER] : [],
      industries: [],
      ...(inCatalogue.has(code) ? {} : { outOfCatalogueReference: REFERENCE }),
    };
  });
}
const intake = (i: number) => 40 + (i % 8) * 10;
const changedIntake = (i: number) => (i % 10 === 0 ? intake(i) + 5 : intake(i));

// ---- The system.
interface Running {
  gatewayUrl: string;
  /** Messages the vocational service has not yet handed to the broker (or the in-process bus). */
  outboxPending(): Promise<number>;
  stop(): Promise<void>;
}

async function startPostgres(): Promise<Running> {
  const infra = realInfrastructureFromEnv();
  const run = uniqueName('edugraph_bench_sync');
  const created: string[] = [];
  const admin = new pg.Client({ connectionString: infra.adminDatabaseUrl });
  await admin.connect();
  const databaseFor = async (service: ServiceName) => {
    const name = `${run}_${service}`;
    await admin.query(`create database ${name}`);
    created.push(name);
    const url = new URL(infra.adminDatabaseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const dropAll = async () => {
    for (const name of created) await admin.query(`drop database if exists ${name} with (force)`).catch((e: Error) => log(`could not drop ${name}: ${e.message}`));
    await admin.end();
  };
  let system: RealSystem;
  try {
    system = await startRealSystem({
      ...infra,
      databaseFor,
      gatewayPort: 0,
      topicPrefix: `${run}.`,
      jwtSecret: JWT_SECRET,
      logLevel: 'warn',
      // Warnings and errors of the six processes go to stderr; stdout carries the result alone.
      onLine: (name, line) => process.stderr.write(`${name.padEnd(10)} | ${line}\n`),
    });
  } catch (error) {
    await dropAll();
    throw error;
  }
  const vocational = new pg.Client({ connectionString: system.databaseUrls.vocational });
  await vocational.connect();
  return {
    gatewayUrl: system.gatewayUrl,
    outboxPending: async () => Number((await vocational.query<{ n: string }>('select count(*) as n from outbox_message where sent_at is null')).rows[0]!.n),
    stop: async () => {
      await vocational.end();
      const codes = await system.stop();
      const unclean = SERVICES.filter((s) => codes[s] !== 0);
      if (unclean.length > 0 || codes.gateway !== 0) log(`not every process exited cleanly: ${JSON.stringify(codes)}`);
      await dropAll();
    },
  };
}

async function startEmbedded(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'edugraph-sync-bench-'));
  let system: EmbeddedSystem;
  try {
    system = await startEmbeddedSystem({
      dataDir,
      gatewayPort: 0,
      metricsPort: 0,
      jwtSecret: JWT_SECRET,
      // Logs to stderr: stdout carries the result alone.
      logger: pino({ level: 'warn', base: { service: 'edugraph' } }, pino.destination(2)),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const orm = system.services.find((s) => s.name === 'vocational')!.orm;
  return {
    gatewayUrl: system.gatewayUrl,
    outboxPending: async () => Number((await orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*) as n from outbox_message where sent_at is null'))[0]!.n),
    stop: async () => {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const failures: string[] = [];
const result: Record<string, unknown> = { bench: 'sync', mode, programmes };
log(`starting the ${embedded ? 'embedded default (SQLite, in process)' : 'real system (each service a process on PostgreSQL, Kafka, Redis)'}`);
const startedAt = performance.now();
const system = embedded ? await startEmbedded() : await startPostgres();
log(`system ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s at ${system.gatewayUrl}`);

/** One sync through the gateway: the body is made before the clock starts, the answer read before it stops. */
async function timedSync(label: string, headers: Record<string, string>, schoolId: string, rows: unknown[], dryRun = false): Promise<{ ms: number; bytes: number; sync: SyncResult }> {
  const body = JSON.stringify({ query: SYNC, variables: { schoolId, snapshot: { year: YEAR, intakeIsCap: false, programmes: rows }, dryRun } });
  const from = performance.now();
  const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await response.json()) as GraphQLAnswer;
  const ms = Math.round((performance.now() - from) * 10) / 10;
  if (answer.errors?.length || !answer.data) {
    throw Object.assign(new Error(`${label}: HTTP ${response.status} ${answer.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? 'without data'}`), {
      code: answer.errors?.[0]?.extensions?.code,
    });
  }
  const sync = answer.data.syncCatalogue;
  if (sync.rejected.length > 0) failures.push(`${label}: ${sync.rejected.length} rejected rows, first: ${JSON.stringify(sync.rejected[0])}`);
  return { ms, bytes: Buffer.byteLength(body), sync };
}

function expectCounts(label: string, sync: SyncResult, want: { added: number; changed: number; unchanged: number; alreadyApplied: boolean }): void {
  const got = { added: sync.added.length, changed: sync.changed.length, unchanged: sync.unchanged.length, alreadyApplied: sync.alreadyApplied };
  if (JSON.stringify(got) !== JSON.stringify(want) || sync.retired.length > 0 || sync.kept.length > 0) {
    failures.push(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify({ ...got, retired: sync.retired.length, kept: sync.kept.length })}`);
  }
}

async function outboxDrained(label: string): Promise<void> {
  const from = performance.now();
  for (;;) {
    const pending = await system.outboxPending();
    if (pending === 0) break;
    if (performance.now() - from > 120_000) throw new Error(`${label}: ${pending} events still in the vocational outbox after 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`${label}: vocational outbox drained ${Math.round(performance.now() - from)} ms after the answer`);
}

/** Retries while the vocational service has not yet heard of the school from the registry's event. */
async function onceKnown<T>(op: () => Promise<T>): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await op();
    } catch (error) {
      if ((error as { code?: string }).code !== 'NOT_FOUND' || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let exitCode = 0;
try {
  const staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'bench-bureau-staff', roles: ['BUREAU_STAFF'] })}` };
  const register = async (name: string) =>
    (await graphql<{ registerInstitution: { institution: { id: string } } }>(system.gatewayUrl, REGISTER, { input: { name, level: 'VOCATIONAL', ownership: 'PUBLIC', districtCode: 'D07' } }, staff)).registerInstitution.institution.id;
  const schoolId = await register('滨江职业技术学校');
  const warmUpSchoolId = await register('城东职业高级中学');
  const schoolStaff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'bench-school-staff', roles: ['INSTITUTION_STAFF'], institutionId: schoolId })}` };
  const warmUpStaff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'bench-warm-up-staff', roles: ['INSTITUTION_STAFF'], institutionId: warmUpSchoolId })}` };
  const imported = await importCatalogueFile(system.gatewayUrl, staff, CATALOGUE_FILE);
  log(`registered two VOCATIONAL schools; catalogue loaded (${imported.total} entries)`);

  // Warm-up, not counted: one small sync to another school, so the JIT of the gateway and the
  // vocational service, their connection pools and the gateway's query plan are warm before the
  // first timed figure. It is retried until the vocational service has heard of that school.
  const warmUp = await onceKnown(() => timedSync('warm-up', warmUpStaff, warmUpSchoolId, snapshotRows(20, intake)));
  log(`warm-up sync of 20 programmes to another school: ${warmUp.ms} ms`);
  // The measured school must be known too: an empty dry run writes nothing and answers NOT_FOUND until it is.
  await onceKnown(() => timedSync('school known', schoolStaff, schoolId, [], true));
  await outboxDrained('warm-up');

  const rows = snapshotRows(programmes, intake);
  const first = await timedSync('first sync', schoolStaff, schoolId, rows);
  expectCounts('first sync', first.sync, { added: programmes, changed: 0, unchanged: 0, alreadyApplied: false });
  if (first.sync.added.some((a) => !a.programmeId)) failures.push('first sync: an added programme without its id');
  result['firstMs'] = first.ms;
  log(`first sync of ${programmes} programmes (${(first.bytes / 1024).toFixed(0)} KiB request): ${first.ms} ms (target < 3000 ms on PostgreSQL)`);
  await outboxDrained('first sync');

  const noop = await timedSync('no-op sync', schoolStaff, schoolId, rows);
  expectCounts('no-op sync', noop.sync, { added: 0, changed: 0, unchanged: programmes, alreadyApplied: true });
  result['noopMs'] = noop.ms;
  log(`same snapshot again (no-op): ${noop.ms} ms (target < 300 ms on PostgreSQL)`);

  const dry = await timedSync('dry run', schoolStaff, schoolId, rows, true);
  expectCounts('dry run', dry.sync, { added: 0, changed: 0, unchanged: programmes, alreadyApplied: true });
  if (!dry.sync.dryRun) failures.push('dry run: the answer does not say dryRun');
  result['dryRunMs'] = dry.ms;
  log(`dry run of it: ${dry.ms} ms`);

  const expectedChanged = Math.ceil(programmes / 10);
  const change = await timedSync('change sync', schoolStaff, schoolId, snapshotRows(programmes, changedIntake));
  expectCounts('change sync', change.sync, { added: 0, changed: expectedChanged, unchanged: programmes - expectedChanged, alreadyApplied: false });
  if (change.sync.changed.some((c) => c.fields.join() !== 'annualIntake')) failures.push('change sync: a change beyond annualIntake');
  result['changeMs'] = change.ms;
  log(`snapshot changing ${expectedChanged} intakes: ${change.ms} ms`);
  await outboxDrained('change sync');

  result['alreadyApplied'] = noop.sync.alreadyApplied;
  result['requestBytes'] = first.bytes;
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  log('stopping');
  await system.stop().catch((error: Error) => log(`stop failed: ${error.message}`));
}
for (const failure of failures) log(`FAILED ${failure}`);
if (failures.length > 0) exitCode = 1;
console.log(JSON.stringify(result));
process.exit(exitCode);
