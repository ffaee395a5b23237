import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Database } from '@edugraph/persistence';
import { createEnvelope } from './create-envelope.ts';
import { InboxMessage } from './inbox.entity.ts';
import { DeadLetter } from './dead-letter.entity.ts';
import { processOnce, subscribeWithInbox } from './inbox-consumer.ts';
import type { EventHandler } from './inbox-consumer.ts';
import { InProcessTransport } from './in-process.transport.ts';
import { countStatements, openEventsDatabase } from './test-database.ts';
import type { DeliveredBatch, DeliveredMessage, SubscribeOptions, Subscription, TransportMessage } from './transport.ts';

const id = '01a21311-7db0-73f3-b168-122cfa51cccc';
const envelope = () =>
  createEnvelope({
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId: id,
    actor: { id: 'staff-1', kind: 'person' },
    correlationId: 'c1',
    payload: { institutionId: id, name: 'School', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' },
  });

/** Hands a consumer several messages at once, as Kafka's eachBatch does, and records what it resolved. */
class BatchingTransport extends InProcessTransport {
  private readonly batchHandlers = new Map<string, (batch: DeliveredBatch) => Promise<void>>();
  override async subscribe(options: SubscribeOptions): Promise<Subscription> {
    for (const topic of options.topics) if (options.handleBatch) this.batchHandlers.set(topic, options.handleBatch);
    return super.subscribe(options);
  }
  async deliverBatch(topic: string, messages: TransportMessage[]): Promise<string[]> {
    const resolved: string[] = [];
    const handleBatch = this.batchHandlers.get(topic);
    if (!handleBatch) throw new Error(`no batch handler for ${topic}`);
    await handleBatch({
      messages: messages.map((m, i) => ({ ...m, topic, partition: 0, offset: String(i) })),
      resolve: (m) => void resolved.push(m.offset),
      heartbeat: async () => {},
    });
    return resolved;
  }
}

describe('inbox', () => {
  let db: Database;

  /** A consumer of topic `events` that gives up after 2 attempts, with a reader of its dead letters. */
  async function consumerWithDeadLetters<T extends InProcessTransport = InProcessTransport>(handler: EventHandler, transport: T = new InProcessTransport() as T) {
    const dead: DeliveredMessage[] = [];
    await transport.subscribe({ groupId: 'dlq-reader', topics: ['dlq'], handle: async (m) => void dead.push(m) });
    await subscribeWithInbox({
      orm: db.orm,
      transport,
      logger: pino({ level: 'silent' }),
      consumer: 'enrollment',
      topics: ['events'],
      deadLetterTopic: 'dlq',
      maxAttempts: 2,
      retryDelayMs: 1,
      handlers: { 'licensing.institution.registered': handler },
    });
    return { transport, dead };
  }
  const withName = (name: string) => {
    const e = envelope();
    return { ...e, payload: { ...e.payload, name } };
  };
  beforeEach(async () => {
    db = await openEventsDatabase();
  });
  afterEach(() => db.close());

  it('applies an event once, however often it is delivered', async () => {
    let applied = 0;
    const e = envelope();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await processOnce(db.orm, 'enrollment', e, async () => void applied++));
    expect(outcomes).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(applied).toBe(1);
  });

  it('keeps consumers apart: the same event is new to another consumer', async () => {
    const e = envelope();
    expect(await processOnce(db.orm, 'enrollment', e, async () => {})).toBe('processed');
    expect(await processOnce(db.orm, 'preschool', e, async () => {})).toBe('processed');
  });

  it('records nothing when the handler fails, so a retry applies the event', async () => {
    const e = envelope();
    await expect(processOnce(db.orm, 'enrollment', e, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await db.orm.em.fork().count(InboxMessage, {})).toBe(0);
    expect(await processOnce(db.orm, 'enrollment', e, async () => {})).toBe('processed');
  });

  it('parks invalid messages and persistently failing ones on the dead-letter topic, and moves on', async () => {
    let handled = 0;
    const { transport, dead } = await consumerWithDeadLetters(async (_em, e) => {
      if ((e.payload as { name: string }).name === 'poison') throw new Error('cannot apply');
      handled++;
    });
    const poison = { ...envelope(), payload: { ...envelope().payload, name: 'poison' } };
    await transport.publish('events', [
      { key: 'k', value: 'not json' },
      { key: 'k', value: JSON.stringify({ ...envelope(), type: 'enrollment.school.opened' }) },
      { key: id, value: JSON.stringify({ ...envelope(), payload: { institutionId: id } }) },
      { key: id, value: JSON.stringify(poison) },
      { key: id, value: JSON.stringify(envelope()) },
      { key: 'k', value: JSON.stringify({ ...envelope(), type: 'enrollment.school.renamed' }) },
    ]);
    await transport.idle();
    expect(handled).toBe(1);
    // A known type this consumer does not handle is skipped; a type no contract names is parked.
    expect(dead.map((m) => m.headers?.['edugraph-dead-letter-reason'])).toEqual([
      expect.stringMatching(/unreadable message/),
      expect.stringMatching(/invalid licensing.institution.registered v1 payload/),
      expect.stringMatching(/handler failed 2 times: cannot apply/),
      'unknown event type enrollment.school.renamed',
    ]);
    expect(dead[2]!.headers?.['edugraph-dead-letter-source']).toBe('events/0/3');
    // Kept in the consumer's own database too, on every transport: an operator finds them after a restart.
    const kept = await db.orm.em.fork().find(DeadLetter, {}, { orderBy: { seq: 'asc' } });
    expect(kept.map((d) => [d.consumer, d.source, d.eventType])).toEqual([
      ['enrollment', 'events/0/0', null],
      ['enrollment', 'events/0/2', 'licensing.institution.registered'],
      ['enrollment', 'events/0/3', 'licensing.institution.registered'],
      ['enrollment', 'events/0/5', 'enrollment.school.renamed'],
    ]);
  });

  it('does not take a unique violation of the handler’s own for a duplicate', async () => {
    const violation = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    await expect(processOnce(db.orm, 'enrollment', envelope(), async () => Promise.reject(violation))).rejects.toThrow('duplicate key');
  });

  it('keeps retrying a transient failure past maxAttempts instead of dead-lettering a good event', async () => {
    let calls = 0;
    const { transport, dead } = await consumerWithDeadLetters(async () => {
      if (++calls < 6) throw Object.assign(new Error('connection terminated'), { code: '57P01' });
    });
    await transport.publish('events', [{ key: id, value: JSON.stringify(envelope()) }]);
    expect(calls).toBe(6);
    expect(dead).toEqual([]);
    expect(await db.orm.em.fork().count(InboxMessage, {})).toBe(1);
  });

  it('applies a delivered batch in one transaction, skipping events already in its inbox', async () => {
    const names: string[] = [];
    const { transport } = await consumerWithDeadLetters(async (_em, e) => void names.push((e.payload as { name: string }).name), new BatchingTransport());
    const [seen, a, b] = [withName('seen'), withName('a'), withName('b')];
    await processOnce(db.orm, 'enrollment', seen, async () => {});
    const statements = countStatements(db.orm);
    const resolved = await transport.deliverBatch('events', [
      { key: id, value: JSON.stringify(seen) },
      { key: id, value: JSON.stringify(a) },
      { key: 'k', value: JSON.stringify({ ...envelope(), type: 'enrollment.school.opened' }) },
      { key: id, value: JSON.stringify(b) },
    ]);
    expect(names).toEqual(['a', 'b']);
    expect(statements.sql.filter((q) => /^begin/i.test(q))).toHaveLength(1);
    expect(resolved.at(-1)).toBe('3');
    expect((await db.orm.em.fork().find(InboxMessage, {})).map((r) => r.eventId).sort()).toEqual([seen.id, a.id, b.id].sort());
  });

  it('falls back to one by one when a batch fails: only the poison message goes to dead letters', async () => {
    const { transport, dead } = await consumerWithDeadLetters(async (_em, e) => {
      if ((e.payload as { name: string }).name === 'poison') throw new Error('cannot apply');
    }, new BatchingTransport());
    const [a, poison, b] = [withName('a'), withName('poison'), withName('b')];
    const resolved = await transport.deliverBatch('events', [a, poison, b].map((e) => ({ key: id, value: JSON.stringify(e) })));
    expect(dead.map((m) => m.headers?.['edugraph-dead-letter-source'])).toEqual(['events/0/1']);
    expect((await db.orm.em.fork().find(InboxMessage, {})).map((r) => r.eventId).sort()).toEqual([a.id, b.id].sort());
    expect(resolved).toContain('2');
  });
});
