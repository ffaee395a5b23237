// Benchmark of the events path on real PostgreSQL and Kafka:
//   npm run bench:events            (DATABASE_URL and KAFKA_BROKERS, else the local defaults)
// It drives the library directly, not GraphQL, so the events path itself is measured: writers put
// one event per transaction in a producer database's outbox (emitEvent + flush, then a nudge, as
// the service host does after a mutation), an OutboxRelay publishes to Kafka, and one consumer
// (subscribeWithInbox) applies each event with a trivial handler that writes a row into its own
// database. Prints one JSON line:
//   writesPerSecond     outbox writes at 20 concurrent writers
//   appliedPerSecond    one consumer draining 10,000 events already on the topic (first → last applied)
//   lagMs               end-to-end (occurredAt → handler) p50/p95/p99 at BENCH_RATE events/s
//   relayLagMs          the relay's share of it (outbox insert → marked sent)
//   burstSeconds        10,000 events written at once → all applied
//   idleStatementsPerSecond  statements the relay and consumer issue while nothing happens
// BENCH_PARTITIONS_CONCURRENTLY (default 3, what a PostgreSQL service uses) sets the consumer's
// partitions in flight. Not a test: timings depend on the machine. Each run uses its own databases
// and topics, and drops the databases after.
import pg from 'pg';
import { pino } from 'pino';
import { defineEntity, p } from '@mikro-orm/core';
import type { EntityManager, InferEntity, MikroORM } from '@mikro-orm/core';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { openDatabase } from '@edugraph/persistence';
import type { Database, OpenDatabaseOptions } from '@edugraph/persistence';
import type * as EventsLibrary from '@edugraph/events';
import type { Subscription } from '@edugraph/events';

const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const rate = Number(process.env['BENCH_RATE'] ?? 500);
const rateSeconds = Number(process.env['BENCH_RATE_SECONDS'] ?? 20);
const burst = Number(process.env['BENCH_BURST'] ?? 10_000);
const logger = pino({ level: process.env['BENCH_LOG_LEVEL'] ?? 'silent' });
const run = `bench${Date.now().toString(36)}`;
// BENCH_EVENTS_LIB points at another copy of libs/events/src/index.ts, to measure an older version.
const events = (await import(process.env['BENCH_EVENTS_LIB'] ?? '@edugraph/events')) as typeof EventsLibrary;
const { KafkaTransport, OutboxRelay, emitEvent, eventEntities, subscribeWithInbox } = events;

const Applied = defineEntity({
  name: 'BenchApplied',
  tableName: 'bench_applied',
  properties: { eventId: p.uuid().primary(), appliedAt: p.datetime() },
});
type Applied = InferEntity<typeof Applied>;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

/** A fresh database; counts the statements the ORM sends when `counter` is given. */
async function database(name: string, extra: OpenDatabaseOptions['entities'], counter?: { n: number }): Promise<Database> {
  await admin.query(`create database ${run}_${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${run}_${name}`;
  const db = await openDatabase({ url: url.toString(), entities: [...eventEntities, ...extra], migrations: [], prepareSchema: false });
  await db.orm.schema.create();
  if (counter) countStatements(db.orm, counter);
  return db;
}

/** Counts every statement the driver executes: each one, BEGIN and COMMIT too, passes logQuery. */
function countStatements(orm: MikroORM, counter: { n: number }): void {
  const log = orm.config.getLogger();
  const logQuery = log.logQuery.bind(log);
  log.logQuery = (context) => {
    counter.n++;
    logQuery(context);
  };
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function event(em: EntityManager): EventEnvelope {
  const institutionId = crypto.randomUUID();
  return emitEvent(em, {
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId: institutionId,
    actor: { id: 'staff-1', kind: 'person' },
    correlationId: crypto.randomUUID(),
    payload: { institutionId, name: 'School', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' },
  });
}

const producerStatements = { n: 0 };
const consumerStatements = { n: 0 };
const producer = await database('producer', [], producerStatements);
const consumer = await database('consumer', [Applied], consumerStatements);
const transport = new KafkaTransport({ brokers, clientId: 'events-bench', logger, partitionsConsumedConcurrently: Number(process.env['BENCH_PARTITIONS_CONCURRENTLY'] ?? 3) });
// The drain (phase 2) and the live phases publish to topics of their own, so the live consumer
// group starts on an empty topic.
const relayTo = (prefix: string) => new OutboxRelay({ orm: producer.orm, transport, logger, relayId: `bench-${prefix}`, skipLocked: true, topicPrefix: `${run}.${prefix}.` });
const drainRelay = relayTo('drain');
const relay = relayTo('live');

/** One event per transaction, then a nudge, as a mutation does. */
async function writeOne(): Promise<void> {
  const em = producer.orm.em.fork();
  event(em);
  await em.flush();
  relay.nudge();
}

const applied = new Map<string, number>();
const lags: number[] = [];
let recordLag = false;
async function subscribe(group: string): Promise<Subscription> {
  const topic = eventsTopic('licensing', `${run}.${group}.`);
  return subscribeWithInbox({
    orm: consumer.orm,
    transport,
    logger,
    consumer: `${run}.${group}`,
    topics: [topic],
    deadLetterTopic: `${run}.dead-letters`,
    handlers: {
      'licensing.institution.registered': async (em, e) => {
        em.create(Applied, { eventId: e.id, appliedAt: new Date() } as Applied);
        applied.set(e.id, Date.now());
        if (recordLag) lags.push(Date.now() - Date.parse(e.occurredAt));
      },
    },
  });
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(5);
  }
}

const result: Record<string, unknown> = { rate, rateSeconds, burst };
try {
  await transport.connect();

  // 1. Write rate: 20 writers, one event per transaction; the relay is not running yet.
  const writes = Math.min(4_000, burst);
  let written = 0;
  const writeStart = performance.now();
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (written < writes) {
      written++;
      await writeOne();
    }
  }));
  result['writesPerSecond'] = Math.round(writes / ((performance.now() - writeStart) / 1000));

  // 2. Applied rate: publish 10,000 events first, then one consumer drains the topic.
  const em = producer.orm.em.fork();
  for (let i = 0; i < burst - writes; i++) event(em);
  await em.flush();
  while ((await drainRelay.runOnce()) > 0);
  const drain = await subscribe('drain');
  await until(() => applied.size >= burst, 300_000);
  const times = [...applied.values()].sort((a, b) => a - b);
  result['appliedPerSecond'] = Math.round(burst / ((times.at(-1)! - times[0]!) / 1000));
  await drain.stop();
  applied.clear();

  // 3. Idle: relay running and a consumer subscribed, nothing written, for 5 s.
  relay.start();
  const live = await subscribe('live');
  await sleep(8_000); // the consumer joins its group meanwhile
  const idleFrom = { producer: producerStatements.n, consumer: consumerStatements.n };
  await sleep(5_000);
  result['idleStatementsPerSecond'] = {
    producer: (producerStatements.n - idleFrom.producer) / 5,
    consumer: (consumerStatements.n - idleFrom.consumer) / 5,
  };

  // 4. Lag at a fixed rate: `rate` events/s for `rateSeconds`, each in its own transaction.
  recordLag = true;
  const total = rate * rateSeconds;
  const tickMs = 10;
  const perTick = (rate * tickMs) / 1000;
  const pending: Promise<void>[] = [];
  const rateStart = performance.now();
  const rateFrom = new Date();
  for (let tick = 0, sent = 0; sent < total; tick++) {
    const due = Math.min(total, Math.round((tick + 1) * perTick));
    for (; sent < due; sent++) pending.push(writeOne());
    const wait = rateStart + (tick + 1) * tickMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(pending);
  result['writtenPerSecondAtRate'] = Math.round(total / ((performance.now() - rateStart) / 1000));
  await until(() => applied.size >= total, 600_000);
  lags.sort((a, b) => a - b);
  result['lagMs'] = { p50: percentile(lags, 0.5), p95: percentile(lags, 0.95), p99: percentile(lags, 0.99), max: lags.at(-1) };
  recordLag = false;
  applied.clear();
  // The relay's share of that lag: outbox insert → marked sent once the broker acknowledged.
  const relayLags = (
    await producer.orm.em
      .getConnection()
      .execute<{ ms: string }[]>(`select 1000 * extract(epoch from sent_at - created_at) as ms from outbox_message where created_at >= ? order by 1`, [rateFrom])
  ).map((r: { ms: string }) => Number(r.ms));
  result['relayLagMs'] = { p50: percentile(relayLags, 0.5), p95: percentile(relayLags, 0.95), p99: percentile(relayLags, 0.99) };

  // 5. Burst: `burst` events written at once (100 per transaction, 10 writers) → all applied.
  const burstStart = performance.now();
  await Promise.all(Array.from({ length: 10 }, async () => {
    for (let i = 0; i < burst / 1000; i++) {
      const tx = producer.orm.em.fork();
      for (let j = 0; j < 100; j++) event(tx);
      await tx.flush();
      relay.nudge();
    }
  }));
  result['burstWrittenSeconds'] = Number(((performance.now() - burstStart) / 1000).toFixed(2));
  await until(() => applied.size >= burst, 300_000);
  result['burstSeconds'] = Number(((performance.now() - burstStart) / 1000).toFixed(2));
  await live.stop();
} catch (error) {
  result['error'] = String(error);
} finally {
  await relay.stop(0);
  await transport.close();
  await producer.close();
  await consumer.close();
  await admin.query(`drop database if exists ${run}_producer`);
  await admin.query(`drop database if exists ${run}_consumer`);
  await admin.end();
}
console.log(JSON.stringify(result));
