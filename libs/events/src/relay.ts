import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { OutboxMessage } from './outbox.entity.ts';
import { MessageRefusedError } from './transport.ts';
import type { EventTransport, TransportMessage } from './transport.ts';
import { CORRELATION_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER } from './headers.ts';

export interface RelayOptions {
  orm: MikroORM;
  transport: EventTransport;
  logger: Logger;
  relayId: string;
  batchSize?: number;
  /** How long a claim holds before another relay may take the row over (a crashed relay). */
  claimTtlMs?: number;
  /** How soon to look again while rows wait on another relay's claim or the broker is away. */
  pollIntervalMs?: number;
  /**
   * How often to look when the outbox was empty and nothing nudged the relay: only rows written by
   * another process (another replica, the outbox tool) wait this long, since a commit in this
   * process nudges. Long, so an idle service leaves its database alone.
   */
  idlePollIntervalMs?: number;
  /** Refusals of one row (while others went through) before it is parked. */
  maxRejections?: number;
  /** Prepended to each row's topic when publishing (tests keep their runs apart with it). */
  topicPrefix?: string;
  /** PostgreSQL: claim with FOR UPDATE SKIP LOCKED so replicas never take the same rows. */
  skipLocked?: boolean;
  /** Told after each publish to the broker: how many events went out, or that it failed (metrics). */
  onPublished?: (count: number) => void;
  onPublishFailed?: () => void;
}

type Claimed = Pick<OutboxMessage, 'seq' | 'id' | 'topic' | 'messageKey' | 'type' | 'envelope'>;

/** What an operator watches: how far behind the outbox is, and what waits for a person. */
export interface OutboxStats {
  unsent: number;
  parked: number;
  /** Age of the oldest event not yet published (0 when none waits). */
  oldestUnsentSeconds: number;
}

/**
 * Moves outbox rows to the broker: claim a batch (lock with expiry, attempts counted), publish with
 * the transport's idempotent producer, mark sent. Rows are published in the order the database
 * numbered them (`seq`), and a row is held back while an earlier unsent row of the same aggregate is
 * outside this batch, so one aggregate's events keep their order even with several relays.
 * It wakes on a nudge (a commit in this process); otherwise it looks again soon only while rows
 * wait on another relay or the broker, and every `idlePollIntervalMs` when the outbox was empty.
 */
export class OutboxRelay {
  private readonly o: Required<RelayOptions>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wake: (() => void) | undefined;
  private nudged = false;
  private failures = 0;
  /** The last claim found rows held back for another relay, or none at all (then probe first). */
  private heldBack = false;
  private empty = true;

  constructor(options: RelayOptions) {
    this.o = { batchSize: 100, claimTtlMs: 30_000, pollIntervalMs: 500, idlePollIntervalMs: 5_000, skipLocked: false, maxRejections: 5, topicPrefix: '', onPublished: () => {}, onPublishFailed: () => {}, ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /**
   * Asks the loop to look at the outbox now instead of at the next poll (after a commit). A nudge
   * that arrives mid-round is remembered, so the loop goes round again instead of sleeping.
   */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Stops polling after publishing what is already in the outbox (bounded by timeoutMs). */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.nudge();
    await this.running;
    const until = Date.now() + timeoutMs;
    try {
      while (Date.now() < until && (await this.runOnce()) > 0);
    } catch (error) {
      this.o.logger.warn({ err: error }, 'outbox relay: could not drain on stop; rows stay for the next start');
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let published = 0;
      this.nudged = false;
      try {
        published = await this.runOnce();
        if (this.failures > 0) this.o.logger.info({ failures: this.failures }, 'outbox relay: publishing again');
        this.failures = 0;
      } catch (error) {
        // Once per outage, not once per attempt: the rows wait in the outbox meanwhile.
        if (++this.failures === 1) this.o.logger.error({ err: error }, 'outbox relay: cannot publish; events wait in the outbox until the broker answers');
      }
      if (published >= this.o.batchSize || this.stopped || (this.nudged && this.failures === 0)) continue;
      const backoff = this.failures
        ? Math.min(this.o.pollIntervalMs * 2 ** Math.min(this.failures, 5), 10_000)
        : this.heldBack || published > 0
          ? this.o.pollIntervalMs
          : Math.max(this.o.pollIntervalMs, this.o.idlePollIntervalMs);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, backoff);
      });
      clearTimeout(this.timer);
      this.wake = undefined;
    }
  }

  /** One claim-publish-mark round; returns how many events were published. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length === 0) return 0;
    const byTopic = new Map<string, Claimed[]>();
    for (const row of claimed) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    const sent: string[] = [];
    try {
      for (const [topic, rows] of byTopic) {
        await this.o.transport.publish(this.o.topicPrefix + topic, rows.map(toMessage));
        sent.push(...rows.map((r) => r.id));
      }
    } catch (error) {
      this.o.onPublishFailed();
      if (!(error instanceof MessageRefusedError)) {
        // The broker is away or hiccuped: nothing is the messages' fault. Keep what went out,
        // give the rest back uncounted, and let the loop back off.
        await this.markSent(sent);
        await this.release(claimed.filter((r) => !sent.includes(r.id)), error, false);
        throw error;
      }
      return this.isolateRefused(claimed.filter((r) => !sent.includes(r.id)), sent, error);
    }
    await this.markSent(sent);
    this.o.onPublished(sent.length);
    return sent.length;
  }

  /**
   * The broker refused a message of the batch for what it is (too large, say), which would block
   * every later batch. Publishing the rest one by one finds it: each message the broker refuses
   * counts a rejection, and after `maxRejections` it is parked for an operator; only its own
   * aggregate waits behind it. An outage in the middle counts against no message.
   */
  private async isolateRefused(rest: Claimed[], sent: string[], batchError: unknown): Promise<number> {
    const refused: { row: Claimed; error: unknown }[] = [];
    const heldKeys = new Set<string>();
    let outage: unknown;
    for (const row of rest) {
      if (heldKeys.has(row.messageKey)) continue;
      try {
        await this.o.transport.publish(this.o.topicPrefix + row.topic, [toMessage(row)]);
        sent.push(row.id);
      } catch (error) {
        if (!(error instanceof MessageRefusedError)) {
          outage = error;
          break;
        }
        refused.push({ row, error });
        heldKeys.add(row.messageKey);
      }
    }
    await this.markSent(sent);
    if (sent.length) this.o.onPublished(sent.length);
    const unsent = rest.filter((r) => !sent.includes(r.id));
    for (const { row, error } of refused) await this.release([row], error, true);
    await this.release(unsent.filter((r) => !refused.some((f) => f.row.id === r.id)), outage ?? batchError, false);
    if (outage) throw outage;
    return sent.length;
  }

  /** Counts for metrics, read straight from the outbox table. */
  async stats(now = new Date()): Promise<OutboxStats> {
    const em = this.o.orm.em.fork();
    const [unsent, parked, oldest] = await Promise.all([
      em.count(OutboxMessage, { sentAt: null, parkedAt: null }),
      em.count(OutboxMessage, { parkedAt: { $ne: null } }),
      em.findOne(OutboxMessage, { sentAt: null }, { orderBy: { seq: 'asc' }, fields: ['createdAt'] }),
    ]);
    return { unsent, parked, oldestUnsentSeconds: oldest ? Math.max(0, (now.getTime() - oldest.createdAt.getTime()) / 1000) : 0 };
  }

  /**
   * Deletes events published before `before`, at most `batchSize` per statement, so a large purge
   * never holds a long lock the relay would wait on. Returns how many rows went.
   */
  async purgeSent(before: Date, batchSize = 1_000): Promise<number> {
    let purged = 0;
    for (;;) {
      const em = this.o.orm.em.fork();
      const batch = await em.find(OutboxMessage, { sentAt: { $lt: before } }, { fields: ['seq'], orderBy: { seq: 'asc' }, limit: batchSize });
      if (batch.length === 0) return purged;
      purged += await em.nativeDelete(OutboxMessage, { seq: { $in: batch.map((r) => r.seq) } });
      if (batch.length < batchSize) return purged;
    }
  }

  private async claim(): Promise<Claimed[]> {
    const em = this.o.orm.em.fork();
    // After an empty round one plain query tells whether there is anything at all, so an idle
    // relay costs one statement per look instead of a transaction.
    if (this.empty && !(await em.findOne(OutboxMessage, { sentAt: null, parkedAt: null }, { fields: ['seq'] }))) {
      this.heldBack = false;
      return [];
    }
    const claimed = await em.transactional(async (tx) => {
      const now = new Date();
      const candidates = await tx.find(
        OutboxMessage,
        { sentAt: null, parkedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        {
          orderBy: { seq: 'asc' },
          limit: this.o.batchSize,
          ...(this.o.skipLocked ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
        },
      );
      this.heldBack = false;
      if (candidates.length === 0) return [];
      const blocked = await this.keysWithEarlierRowsElsewhere(tx, candidates);
      this.heldBack = blocked.size > 0;
      const claimUntil = new Date(now.getTime() + this.o.claimTtlMs);
      const mine = candidates.filter((row) => !blocked.has(row.messageKey));
      for (const row of mine) {
        row.claimedBy = this.o.relayId;
        row.claimedUntil = claimUntil;
        row.attempts += 1;
      }
      await tx.flush();
      return mine.map((r) => ({ seq: r.seq, id: r.id, topic: r.topic, messageKey: r.messageKey, type: r.type, envelope: r.envelope }));
    });
    this.empty = claimed.length === 0 && !this.heldBack;
    return claimed;
  }

  /**
   * Keys that have an unsent row outside this batch (claimed by another relay, or locked by one right
   * now) older than one of our candidates: publishing ours first would reorder that aggregate.
   */
  private async keysWithEarlierRowsElsewhere(tx: EntityManager, candidates: OutboxMessage[]): Promise<Set<string>> {
    const latestByKey = new Map<string, number>();
    for (const c of candidates) latestByKey.set(c.messageKey, Math.max(c.seq, latestByKey.get(c.messageKey) ?? 0));
    const others = await tx.find(
      OutboxMessage,
      { sentAt: null, messageKey: { $in: [...latestByKey.keys()] }, seq: { $nin: candidates.map((c) => c.seq) } },
      { fields: ['seq', 'messageKey'] },
    );
    return new Set(others.filter((o) => o.seq < latestByKey.get(o.messageKey)!).map((o) => o.messageKey));
  }

  private async markSent(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const em = this.o.orm.em.fork();
    await em.nativeUpdate(OutboxMessage, { id: { $in: ids } }, { sentAt: new Date(), claimedBy: null, claimedUntil: null, lastError: null });
  }

  /** Gives rows back; a refused row counts a rejection and is parked after `maxRejections`. */
  private async release(rows: Claimed[], error: unknown, refused: boolean): Promise<void> {
    if (rows.length === 0) return;
    const em = this.o.orm.em.fork();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const owned = await em.find(OutboxMessage, { id: { $in: rows.map((r) => r.id) }, claimedBy: this.o.relayId });
    for (const row of owned) {
      row.claimedBy = null;
      row.claimedUntil = null;
      row.lastError = message;
      if (refused) row.rejections += 1;
      if (row.rejections >= this.o.maxRejections) {
        row.parkedAt = new Date();
        this.o.logger.error({ eventId: row.id, type: row.type, key: row.messageKey, error: message }, 'outbox relay: broker keeps refusing this event; parked, its aggregate waits');
      }
    }
    await em.flush();
  }
}

function toMessage(row: Claimed): TransportMessage {
  const envelope = JSON.parse(row.envelope) as { correlationId: string };
  return {
    key: row.messageKey,
    value: row.envelope,
    headers: { [EVENT_ID_HEADER]: row.id, [EVENT_TYPE_HEADER]: row.type, [CORRELATION_HEADER]: envelope.correlationId },
  };
}
