// The fault suite: the real-infrastructure system under a steady write load while the broker is
// SIGKILLed and restarted, a consumer service is killed and restarted, Redis hangs and a subgraph
// hangs; then every registration in licensing's outbox is counted against every consumer's inbox,
// the rows it derives and the topic.
//   npm run chaos                      (10 broker kills, about 4 minutes)
//   npm run chaos -- --short           (2 broker kills, about 1 minute; what CI runs)
// Needs PostgreSQL, Redis and the local Kafka (started if not running), like `npm run start:real`.
// Prints a table and one JSON line; exits 1 when an event was lost, doubled or stuck, or the
// consumers did not catch up within the settle time.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { eventsTopic } from '@edugraph/contracts';
import { issueToken } from '@edugraph/gateway';
import { GraphQLRequestError, graphql, startTcpProxy } from '@edugraph/testing';
import { realInfrastructureFromEnv, startRealSystem, ensureDatabase } from '../start/real-system.ts';
import { repoRoot } from '../start/real-processes.ts';
import { readLedger, readTopic } from './event-ledger.ts';

const short = process.argv.includes('--short');
const plan = short
  ? { brokerKills: 2, writesPerSecond: 10, hangMs: 3_000, brokerDownMs: 3_000, settleMs: 60_000 }
  : { brokerKills: 10, writesPerSecond: 20, hangMs: 8_000, brokerDownMs: 5_000, settleMs: 180_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (message: string) => console.error(`chaos | ${message}`);

const infra = realInfrastructureFromEnv();
const run = `chaos_${Date.now().toString(36)}`;
const redis = await startTcpProxy(infra.redisUrl);
const jwtSecret = randomUUID() + randomUUID();
log(`starting the real-infrastructure system (run ${run})`);
const system = await startRealSystem({
  ...infra,
  redisUrl: `redis://${redis.address}`,
  jwtSecret,
  gatewayPort: 0,
  topicPrefix: `${run}.`,
  logLevel: 'warn',
  databaseFor: (service) => ensureDatabase(infra.adminDatabaseUrl, `${run}_${service}`),
  onLine: () => {},
});
const staff = { authorization: `Bearer ${await issueToken(jwtSecret, { id: 'chaos-staff', roles: ['BUREAU_STAFF'] })}` };

// The write load: registrations of every consuming level, at a steady rate, never retried.
const LEVELS = ['PRIMARY', 'JUNIOR', 'PRESCHOOL', 'VOCATIONAL'];
const REGISTER = 'mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }';
const outcome = { acknowledged: 0, failed: new Map<string, number>() };
let writing = true;
const writer = (async () => {
  for (let n = 0; writing; n++) {
    const started = Date.now();
    const input = { name: `Chaos School ${run} ${n}`, level: LEVELS[n % LEVELS.length], ownership: 'PUBLIC', districtCode: `D${String(n % 9).padStart(2, '0')}` };
    void graphql(system.gatewayUrl, REGISTER, { input }, staff).then(
      () => void outcome.acknowledged++,
      (error: unknown) => {
        const why = error instanceof GraphQLRequestError ? (error.code ?? 'ERROR') : (error as Error).message.slice(0, 60);
        outcome.failed.set(why, (outcome.failed.get(why) ?? 0) + 1);
      },
    );
    await sleep(Math.max(0, 1000 / plan.writesPerSecond - (Date.now() - started)));
  }
})();

const brokerPid = () => Number(readFileSync(`${repoRoot}tools/kafka/.data/kafka.pid`, 'utf8').trim());
const catchUps: number[] = [];
/**
 * From the broker's return until every consumer has applied every event written before it returned
 * (writes go on meanwhile, so "everything" would be a moving target).
 */
async function timeToCatchUp(since: number): Promise<number> {
  const writtenBefore = (await readLedger(system.databaseUrls, `${run}.`)).eventIds;
  for (;;) {
    const ledger = await readLedger(system.databaseUrls, `${run}.`).catch(() => undefined);
    if (ledger && Object.values(ledger.applied).every((applied) => writtenBefore.every((id) => applied.has(id)))) return Date.now() - since;
    if (Date.now() - since > plan.settleMs) return Number.NaN;
    await sleep(250);
  }
}

await sleep(3_000);
for (let kill = 1; kill <= plan.brokerKills; kill++) {
  log(`broker kill ${kill}/${plan.brokerKills}`);
  process.kill(brokerPid(), 'SIGKILL');
  await sleep(plan.brokerDownMs);
  execFileSync('bash', ['tools/kafka/start.sh'], { cwd: repoRoot, stdio: 'ignore' });
  const back = Date.now();
  if (kill === 1) {
    log('kill and restart a consumer service (enrollment) while the broker is back');
    system.signal('enrollment', 'SIGKILL');
    await sleep(1_000);
    await system.restartProcess('enrollment');
  }
  if (kill === Math.min(2, plan.brokerKills)) {
    log(`Redis hangs for ${plan.hangMs} ms; the vocational subgraph hangs (SIGSTOP) as long`);
    redis.pause();
    system.signal('vocational', 'SIGSTOP');
    await sleep(plan.hangMs);
    system.signal('vocational', 'SIGCONT');
    redis.resume();
  }
  catchUps.push(await timeToCatchUp(back));
}
writing = false;
await writer;
await sleep(2_000); // the last requests answer

const finalCatchUp = await timeToCatchUp(Date.now());
const ledger = await readLedger(system.databaseUrls, `${run}.`);
const topic = await readTopic(infra.kafkaBrokers.split(','), eventsTopic('licensing', `${run}.`), ledger.eventIds);
await system.stop();
await redis.close();
// The run's databases go; its topics stay with the broker's retention (they are prefixed by the run).
const admin = new pg.Client({ connectionString: infra.adminDatabaseUrl });
await admin.connect();
for (const url of Object.values(system.databaseUrls)) await admin.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
await admin.end();

const lost = Math.max(...Object.values(ledger.missing), ledger.events - topic.onTopic);
const doubled = Math.max(...Object.values(ledger.doubled));
const stuck = ledger.unsent + ledger.parked;
const result = {
  brokerKills: plan.brokerKills,
  writesAcknowledged: outcome.acknowledged,
  eventsInOutbox: ledger.events,
  eventsLost: lost,
  eventsDoubled: doubled,
  eventsStuck: stuck,
  underived: Object.values(ledger.underived).reduce((a, b) => a + b, 0),
  topicRedeliveries: topic.duplicates,
  catchUpMs: { afterEachBrokerReturn: catchUps, max: Math.max(...catchUps), final: finalCatchUp },
  requestsFailed: Object.fromEntries(outcome.failed),
};
console.log(`
| measure | value |
| --- | --- |
| broker SIGKILLs | ${result.brokerKills} |
| writes acknowledged | ${result.writesAcknowledged} |
| registrations in the outbox | ${result.eventsInOutbox} |
| events lost | ${result.eventsLost} |
| events doubled | ${result.eventsDoubled} |
| events stuck | ${result.eventsStuck} |
| broker back → every consumer caught up (ms) | ${catchUps.join(', ')} |
| requests failed | ${[...outcome.failed].map(([why, n]) => `${n} ${why}`).join('; ') || 'none'} |`);
console.log(JSON.stringify(result));
const caughtUp = [...catchUps, finalCatchUp].every((ms) => Number.isFinite(ms));
process.exit(lost || doubled || stuck || result.underived || !caughtUp || outcome.acknowledged > ledger.events ? 1 : 0);
