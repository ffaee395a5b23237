import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Database } from '@edugraph/persistence';
import { createEnvelope } from './create-envelope.ts';
import { InboxMessage } from './inbox.entity.ts';
import { DeadLetter } from './dead-letter.entity.ts';
import { processOnce, subscribeWithInbox } from './inbox-consumer.ts';
import type { EventHandler } from './inbox-consumer.ts';
import { InProcessTransport } from './in-process.transport.ts';
import { openEventsDatabase } from './test-database.ts';
import type { DeliveredMessage } from './transport.ts';

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

describe('inbox', () => {
  let db: Database;

  /** A consumer of topic `events` that gives up after 2 attempts, with a reader of its dead letters. */
  async function consumerWithDeadLetters(handler: EventHandler) {
    const transport = new InProcessTransport();
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
      { key: 'k', value: JSON.stringify({ ...envelope(), type: 'enrollment.school.renamed' }) },
      { key: id, value: JSON.stringify({ ...envelope(), payload: { institutionId: id } }) },
      { key: id, value: JSON.stringify(poison) },
      { key: id, value: JSON.stringify(envelope()) },
    ]);
    await transport.idle();
    expect(handled).toBe(1);
    // The type this consumer does not handle is skipped, not dead-lettered.
    expect(dead.map((m) => m.headers?.['edugraph-dead-letter-reason'])).toEqual([
      expect.stringMatching(/unreadable message/),
      expect.stringMatching(/invalid licensing.institution.registered v1 payload/),
      expect.stringMatching(/handler failed 2 times: cannot apply/),
    ]);
    expect(dead[2]!.headers?.['edugraph-dead-letter-source']).toBe('events/0/3');
    // Kept in the consumer's own database too, on every transport: an operator finds them after a restart.
    const kept = await db.orm.em.fork().find(DeadLetter, {}, { orderBy: { seq: 'asc' } });
    expect(kept.map((d) => [d.consumer, d.source, d.eventType])).toEqual([
      ['enrollment', 'events/0/0', null],
      ['enrollment', 'events/0/2', 'licensing.institution.registered'],
      ['enrollment', 'events/0/3', 'licensing.institution.registered'],
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
});
