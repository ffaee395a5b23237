import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { eventsTopic } from '@edugraph/contracts';
import { openDatabase } from '@edugraph/persistence';
import type { Database } from '@edugraph/persistence';
import { createTestDatabase, infraUrl, uniqueName } from '@edugraph/testing';
import { InboxMessage, KafkaTransport, OutboxMessage, OutboxRelay, emitEvent, eventEntities, subscribeWithInbox } from '../src/index.ts';
import type { DeliveredMessage, Subscription } from '../src/index.ts';
import { countStatements } from '../src/test-database.ts';

const pgUrl = await infraUrl('postgres');
const brokers = await infraUrl('kafka');
const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

describe.skipIf(!pgUrl || !brokers)('outbox → Kafka → inbox on real PostgreSQL and Kafka', () => {
  const prefix = `${uniqueName('t')}.`;
  const topic = eventsTopic('licensing', prefix);
  let db: Database;
  let dropDb: () => Promise<void>;
  let transport: KafkaTransport;
  let subscription: Subscription;
  const applied: string[] = [];

  beforeAll(async () => {
    const created = await createTestDatabase(pgUrl!, 'events');
    dropDb = created.drop;
    db = await openDatabase({ url: created.url, entities: eventEntities, migrations: [], prepareSchema: false });
    await db.orm.schema.create();
    transport = new KafkaTransport({ brokers: brokers!.split(','), clientId: 'events-int-test', logger });
    subscription = await subscribeWithInbox({
      orm: db.orm,
      transport,
      logger,
      consumer: `${prefix}enrollment`,
      topics: [topic],
      deadLetterTopic: `${prefix}dead-letters`,
      handlers: { 'licensing.institution.registered': async (_em, e) => void applied.push(e.id) },
    });
  });
  afterAll(async () => {
    await subscription?.stop();
    await transport?.close();
    await db?.close();
    await dropDb?.();
  });

  async function writeEvents(n: number, aggregateId?: string): Promise<string[]> {
    const em = db.orm.em.fork();
    const ids = [];
    for (let i = 0; i < n; i++) {
      const institutionId = aggregateId ?? crypto.randomUUID();
      ids.push(
        emitEvent(
          em,
          {
            type: 'licensing.institution.registered',
            aggregateType: 'Institution',
            aggregateId: institutionId,
            actor: { id: 'staff-1', kind: 'person' },
            correlationId: 'c',
            payload: { institutionId, name: `School ${i}`, level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' },
          },
        ).id,
      );
    }
    await em.flush();
    return ids;
  }

  async function until(check: () => boolean, timeoutMs = 30_000) {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('delivers every event exactly once, even when the relay publishes them all twice', async () => {
    const ids = await writeEvents(20);
    const relay = new OutboxRelay({ orm: db.orm, transport, logger, relayId: 'relay-1', skipLocked: true, topicPrefix: prefix });
    expect(await relay.runOnce()).toBe(20);
    await until(() => ids.every((id) => applied.includes(id)));
    // Forced redelivery: as if the relay crashed after publishing but before marking the rows sent.
    await db.orm.em.fork().nativeUpdate(OutboxMessage, { id: { $in: ids } }, { sentAt: null });
    expect(await relay.runOnce()).toBe(20);
    const inbox = async () => db.orm.em.fork().count(InboxMessage, { eventId: { $in: ids } });
    // Wait until the duplicates have been read: a marker event written after them arrives last.
    const [marker] = await writeEvents(1);
    await relay.runOnce();
    await until(() => applied.includes(marker!));
    expect(applied.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(await inbox()).toBe(20);
  });

  it('applies what Kafka fetches together in one transaction per batch, not one per event', async () => {
    const ids = await writeEvents(300);
    const relay = new OutboxRelay({ orm: db.orm, transport, logger, relayId: 'relay-4', skipLocked: true, batchSize: 300, topicPrefix: prefix });
    expect(await relay.runOnce()).toBe(300);
    const statements = countStatements(db.orm);
    await until(() => ids.every((id) => applied.includes(id)));
    expect(statements.sql.filter((q) => /^begin/i.test(q)).length).toBeLessThan(ids.length / 10);
    expect(await db.orm.em.fork().count(InboxMessage, { eventId: { $in: ids } })).toBe(300);
  });

  it('keeps events written while the broker is unreachable and delivers them once it answers', async () => {
    const ids = await writeEvents(5);
    const deadTransport = new KafkaTransport({ brokers: ['127.0.0.1:1'], clientId: 'dead', logger });
    const deadRelay = new OutboxRelay({ orm: db.orm, transport: deadTransport, logger, relayId: 'relay-dead', skipLocked: true, topicPrefix: prefix });
    await expect(deadRelay.runOnce()).rejects.toThrow();
    await deadTransport.close();
    const pending = await db.orm.em.fork().find(OutboxMessage, { id: { $in: ids } });
    expect(pending.every((r) => r.sentAt === null && r.attempts === 1 && r.lastError)).toBe(true);
    const relay = new OutboxRelay({ orm: db.orm, transport, logger, relayId: 'relay-2', skipLocked: true, pollIntervalMs: 100, topicPrefix: prefix });
    relay.start();
    await until(() => ids.every((id) => applied.includes(id)));
    await relay.stop();
    expect((await db.orm.em.fork().find(OutboxMessage, { id: { $in: ids } })).every((r) => r.sentAt !== null)).toBe(true);
  });

  it('sends a message that fails validation to the dead-letter topic without blocking the partition', async () => {
    const dead: DeliveredMessage[] = [];
    const reader = await transport.subscribe({ groupId: `${prefix}dlq-reader`, topics: [`${prefix}dead-letters`], fromBeginning: true, handle: async (m) => void dead.push(m) });
    // Same key as the good event after it: same partition, so the partition must move past it.
    const key = crypto.randomUUID();
    await transport.publish(topic, [{ key, value: '{"type":"licensing.institution.registered"}' }]);
    const [after] = await writeEvents(1, key);
    await new OutboxRelay({ orm: db.orm, transport, logger, relayId: 'relay-3', topicPrefix: prefix }).runOnce();
    await until(() => dead.length > 0 && applied.includes(after!));
    expect(dead[0]!.headers?.['edugraph-dead-letter-reason']).toMatch(/invalid event envelope/);
    await reader.stop();
  });
});
