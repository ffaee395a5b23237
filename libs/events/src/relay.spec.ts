import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Database } from '@edugraph/persistence';
import { emitEvent } from './outbox.ts';
import { OutboxMessage } from './outbox.entity.ts';
import { OutboxRelay } from './relay.ts';
import { InProcessTransport } from './in-process.transport.ts';
import { MessageRefusedError } from './transport.ts';
import type { EventTransport, TransportMessage } from './transport.ts';
import { countStatements, openEventsDatabase } from './test-database.ts';

const logger = pino({ level: 'silent' });

function registered(em: Database['orm']['em'], aggregateId: string, name = 'School') {
  return emitEvent(em, {
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId,
    actor: { id: 'staff-1', kind: 'person' },
    correlationId: 'c1',
    payload: { institutionId: aggregateId, name, level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' },
  });
}

const A = '01a21311-7db0-73f3-b168-122cfa51aaaa';
const B = '01a21311-7db0-73f3-b168-122cfa51bbbb';

class RecordingTransport extends InProcessTransport {
  sent: TransportMessage[] = [];
  /** The broker is away: every publish fails and it does not answer a ping. */
  down = false;
  /** The broker answers a ping but a publish fails for a moment (a leader moving after a restart). */
  hiccup = false;
  /** Messages the broker refuses for what they are (e.g. too large), whatever else it accepts. */
  refuse: (m: TransportMessage) => boolean = () => false;
  override async publish(topic: string, messages: TransportMessage[]): Promise<void> {
    if (this.down) throw new Error('broker unavailable');
    if (this.hiccup) throw new Error('NOT_LEADER_FOR_PARTITION');
    if (messages.some(this.refuse)) throw new MessageRefusedError('MESSAGE_TOO_LARGE');
    this.sent.push(...messages);
    await super.publish(topic, messages);
  }
  override async ping(): Promise<boolean> {
    return !this.down;
  }
}

describe('outbox relay', () => {
  let db: Database;
  let transport: RecordingTransport;
  const relay = (id: string, t: EventTransport = transport, batchSize = 100) => new OutboxRelay({ orm: db.orm, transport: t, logger, relayId: id, batchSize });

  beforeEach(async () => {
    db = await openEventsDatabase();
    transport = new RecordingTransport();
  });
  afterEach(() => db.close());

  async function write(...events: [string, string][]) {
    const em = db.orm.em.fork();
    for (const [id, name] of events) registered(em, id, name);
    await em.flush();
  }

  it('publishes pending rows in creation order and marks them sent', async () => {
    await write([A, 'a1'], [B, 'b1'], [A, 'a2']);
    expect(await relay('r1').runOnce()).toBe(3);
    expect(transport.sent.map((m) => JSON.parse(m.value).payload.name)).toEqual(['a1', 'b1', 'a2']);
    expect(transport.sent[0]).toMatchObject({ key: A, headers: { 'edugraph-event-type': 'licensing.institution.registered' } });
    const rows = await db.orm.em.fork().find(OutboxMessage, {});
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1 && r.claimedBy === null)).toBe(true);
    expect(await relay('r1').runOnce()).toBe(0);
  });

  it('orders by the sequence the database assigned, not by the writer’s clock', async () => {
    await write([A, 'a1'], [A, 'a2']);
    // a1 was written by a replica whose clock runs an hour ahead
    await db.orm.em.fork().nativeUpdate(OutboxMessage, { seq: 1 }, { createdAt: new Date(Date.now() + 3_600_000) });
    await relay('r1').runOnce();
    expect(transport.sent.map((m) => JSON.parse(m.value).payload.name)).toEqual(['a1', 'a2']);
  });

  it('does not let a second relay take rows another relay has claimed', async () => {
    await write([A, 'a1'], [B, 'b1']);
    const em = db.orm.em.fork();
    const first = await em.findOneOrFail(OutboxMessage, { messageKey: A });
    first.claimedBy = 'other';
    first.claimedUntil = new Date(Date.now() + 60_000);
    await em.flush();
    expect(await relay('r2').runOnce()).toBe(1);
    expect(transport.sent.map((m) => m.key)).toEqual([B]);
  });

  it('holds back an aggregate whose earlier event another relay holds, so its order is kept', async () => {
    await write([A, 'a1'], [A, 'a2'], [B, 'b1']);
    const em = db.orm.em.fork();
    const a1 = await em.findOneOrFail(OutboxMessage, { messageKey: A }, { orderBy: { seq: 'asc' } });
    a1.claimedBy = 'other';
    a1.claimedUntil = new Date(Date.now() + 60_000);
    await em.flush();
    await relay('r2').runOnce();
    expect(transport.sent.map((m) => JSON.parse(m.value).payload.name)).toEqual(['b1']);
  });

  it('takes over rows whose claim expired (a relay that crashed mid-batch)', async () => {
    await write([A, 'a1']);
    const em = db.orm.em.fork();
    const row = await em.findOneOrFail(OutboxMessage, { messageKey: A });
    Object.assign(row, { claimedBy: 'crashed', claimedUntil: new Date(Date.now() - 1), attempts: 1 });
    await em.flush();
    expect(await relay('r3').runOnce()).toBe(1);
    expect((await db.orm.em.fork().findOneOrFail(OutboxMessage, { messageKey: A })).attempts).toBe(2);
  });

  it('keeps rows and records the error when the broker fails, then delivers them', async () => {
    await write([A, 'a1']);
    transport.down = true;
    await expect(relay('r4').runOnce()).rejects.toThrow('broker unavailable');
    transport.down = false;
    const failed = await db.orm.em.fork().findOneOrFail(OutboxMessage, { messageKey: A });
    expect(failed).toMatchObject({ sentAt: null, claimedBy: null, lastError: 'broker unavailable', attempts: 1, rejections: 0 });
    expect(await relay('r4').runOnce()).toBe(1);
    expect(transport.sent).toHaveLength(1);
  });

  it('parks a message the broker keeps refusing, while the other aggregates flow and its own waits', async () => {
    const name = (m: TransportMessage) => JSON.parse(m.value).payload.name;
    transport.refuse = (m) => name(m) === 'poison';
    await write([A, 'poison'], [B, 'b1']);
    const r = relay('r6');
    expect(await r.runOnce()).toBe(1);
    await write([A, 'a-after-poison'], [B, 'b2']);
    for (let round = 0; round < 6; round++) await r.runOnce();
    expect(transport.sent.map(name)).toEqual(['b1', 'b2']);
    const parked = await db.orm.em.fork().findOneOrFail(OutboxMessage, { messageKey: A, parkedAt: { $ne: null } });
    expect(parked).toMatchObject({ rejections: 5, sentAt: null, lastError: 'MESSAGE_TOO_LARGE' });
    expect(await db.orm.em.fork().count(OutboxMessage, { messageKey: A, sentAt: null })).toBe(2);
  });

  it('does not count a broker outage against any message', async () => {
    await write([A, 'a1'], [B, 'b1']);
    transport.down = true;
    for (let round = 0; round < 6; round++) await expect(relay('r7').runOnce()).rejects.toThrow('broker unavailable');
    const rows = await db.orm.em.fork().find(OutboxMessage, { sentAt: null });
    expect(rows.map((r) => [r.rejections, r.parkedAt])).toEqual([[0, null], [0, null]]);
  });

  it('does not count a hiccup of a broker that answers pings as a refusal of the message', async () => {
    await write([A, 'a1']);
    transport.hiccup = true;
    for (let round = 0; round < 6; round++) await expect(relay('r8').runOnce()).rejects.toThrow('NOT_LEADER_FOR_PARTITION');
    expect(await db.orm.em.fork().findOneOrFail(OutboxMessage, { messageKey: A })).toMatchObject({ rejections: 0, parkedAt: null, sentAt: null });
    transport.hiccup = false;
    expect(await relay('r8').runOnce()).toBe(1);
  });

  it('reports unsent, parked and the oldest unsent age, and purges sent rows older than the retention', async () => {
    await write([A, 'a1'], [B, 'b1']);
    const r = relay('r9');
    expect(await r.stats(new Date(Date.now() + 10_000))).toMatchObject({ unsent: 2, parked: 0, oldestUnsentSeconds: expect.closeTo(10, 0) });
    expect(await r.runOnce()).toBe(2);
    expect(await r.stats()).toEqual({ unsent: 0, parked: 0, oldestUnsentSeconds: 0 });
    await write([A, 'a2']);
    expect(await r.purgeSent(new Date(Date.now() + 1_000), 1)).toBe(2);
    expect(await db.orm.em.fork().count(OutboxMessage, {})).toBe(1);
  });

  it('goes round again for a nudge that came mid-round, instead of sleeping until the next poll', async () => {
    let releaseFirst!: () => void;
    const firstPublishHeld = new Promise<void>((r) => (releaseFirst = r));
    const slow = new RecordingTransport();
    const publish = slow.publish.bind(slow);
    slow.publish = async (topic, messages) => {
      if (slow.sent.length === 0) await firstPublishHeld;
      return publish(topic, messages);
    };
    const r = new OutboxRelay({ orm: db.orm, transport: slow, logger, relayId: 'r10', pollIntervalMs: 60_000 });
    await write([A, 'a1']);
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 50)); // round 1 holds a1 at the broker
    await write([B, 'b1']);
    r.nudge();
    releaseFirst();
    for (let i = 0; i < 100 && slow.sent.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(slow.sent.map((m) => JSON.parse(m.value).payload.name)).toEqual(['a1', 'b1']);
    await r.stop();
  });

  it('leaves the database alone while idle: at most one statement a second, and a nudge still wakes it', async () => {
    const r = new OutboxRelay({ orm: db.orm, transport, logger, relayId: 'r11' });
    const statements = countStatements(db.orm);
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(statements.count).toBeLessThanOrEqual(3);
    await write([A, 'a1']);
    r.nudge();
    for (let i = 0; i < 100 && transport.sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(transport.sent).toHaveLength(1);
    await r.stop();
  });

  it('drains what is pending when stopped', async () => {
    await write([A, 'a1'], [B, 'b1']);
    const r = relay('r5', transport, 1);
    await r.stop();
    r.start();
    await r.stop();
    expect(transport.sent).toHaveLength(2);
  });
});
