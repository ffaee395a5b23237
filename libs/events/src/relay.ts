import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { OutboxMessage } from './outbox.entity.ts';
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
  pollIntervalMs?: number;
  /** Refusals of one row (while others went through) before it is parked. */
  maxRejections?: number;
  /** Prepended to each row's topic when publishing (tests keep their runs apart with it). */
  topicPrefix?: string;
  /** PostgreSQL: claim with FOR UPDATE SKIP LOCKED so replicas never take the same rows. */
  skipLocked?: boolean;
}

type Claimed = Pick<OutboxMessage, 'id' | 'topic' | 'messageKey' | 'type' | 'envelope'>;

/**
 * Moves outbox rows to the broker: claim a batch (lock with expiry, attempts counted), publish with
 * the transport's idempotent producer, mark sent. Rows are published in creation order, and a row
 * is held back while an earlier unsent row of the same aggregate is outside this batch, so one
 * aggregate's events keep their order even with several relays.
 */
export class OutboxRelay {
  private readonly o: Required<RelayOptions>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wake: (() => void) | undefined;
  private failures = 0;

  constructor(options: RelayOptions) {
    this.o = { batchSize: 100, claimTtlMs: 30_000, pollIntervalMs: 500, skipLocked: false, maxRejections: 5, topicPrefix: '', ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Asks the loop to look at the outbox now instead of at the next poll (after a commit). */
  nudge(): void {
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
      try {
        published = await this.runOnce();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        // Log the first failure and then every 20th, so a broker outage does not flood the log.
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.o.logger.error({ err: error, failures: this.failures }, 'outbox relay: publish failed; will retry');
        }
      }
      if (published >= this.o.batchSize) continue;
      const backoff = this.failures ? Math.min(this.o.pollIntervalMs * 2 ** Math.min(this.failures, 5), 10_000) : this.o.pollIntervalMs;
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
      return this.isolateFailure(claimed.filter((r) => !sent.includes(r.id)), sent, error);
    }
    await this.markSent(sent);
    return sent.length;
  }

  /**
   * A batch failed: the broker is away, or one message is refused for what it is (too large, say)
   * and would block every later batch. Publishing the rest one by one, and asking the broker whether
   * it is there, tells the two apart: messages refused while the broker answers count a rejection;
   * after `maxRejections` a row is parked for an operator, and only its own aggregate waits behind it.
   */
  private async isolateFailure(rest: Claimed[], sent: string[], batchError: unknown): Promise<number> {
    const refused: { row: Claimed; error: unknown }[] = [];
    const heldKeys = new Set<string>();
    for (const row of rest) {
      if (heldKeys.has(row.messageKey)) continue;
      try {
        await this.o.transport.publish(this.o.topicPrefix + row.topic, [toMessage(row)]);
        sent.push(row.id);
      } catch (error) {
        // The first refusal with nothing through yet: ask whether the broker is there at all, so an
        // outage costs one probe, not one timeout per row, and counts against no message.
        if (sent.length === 0 && refused.length === 0 && !(await this.o.transport.ping())) {
          await this.release(rest, batchError, false);
          throw batchError;
        }
        refused.push({ row, error });
        heldKeys.add(row.messageKey);
      }
    }
    await this.markSent(sent);
    const unsent = rest.filter((r) => !sent.includes(r.id));
    for (const { row, error } of refused) await this.release([row], error, true);
    await this.release(unsent.filter((r) => !refused.some((f) => f.row.id === r.id)), batchError, false);
    return sent.length;
  }

  private async claim(): Promise<Claimed[]> {
    const em = this.o.orm.em.fork();
    return em.transactional(async (tx) => {
      const now = new Date();
      const candidates = await tx.find(
        OutboxMessage,
        { sentAt: null, parkedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        {
          orderBy: { createdAt: 'asc', id: 'asc' },
          limit: this.o.batchSize,
          ...(this.o.skipLocked ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
        },
      );
      if (candidates.length === 0) return [];
      const blocked = await this.keysWithEarlierRowsElsewhere(tx, candidates);
      const claimUntil = new Date(now.getTime() + this.o.claimTtlMs);
      const mine = candidates.filter((row) => !blocked.has(row.messageKey));
      for (const row of mine) {
        row.claimedBy = this.o.relayId;
        row.claimedUntil = claimUntil;
        row.attempts += 1;
      }
      await tx.flush();
      return mine.map((r) => ({ id: r.id, topic: r.topic, messageKey: r.messageKey, type: r.type, envelope: r.envelope }));
    });
  }

  /**
   * Keys that have an unsent row outside this batch (claimed by another relay, or locked by one right
   * now) older than one of our candidates: publishing ours first would reorder that aggregate.
   */
  private async keysWithEarlierRowsElsewhere(tx: EntityManager, candidates: OutboxMessage[]): Promise<Set<string>> {
    const latestByKey = new Map<string, Date>();
    for (const c of candidates) {
      const seen = latestByKey.get(c.messageKey);
      if (!seen || c.createdAt > seen) latestByKey.set(c.messageKey, c.createdAt);
    }
    const others = await tx.find(
      OutboxMessage,
      { sentAt: null, messageKey: { $in: [...latestByKey.keys()] }, id: { $nin: candidates.map((c) => c.id) } },
      { fields: ['id', 'messageKey', 'createdAt'] },
    );
    return new Set(others.filter((o) => o.createdAt <= latestByKey.get(o.messageKey)!).map((o) => o.messageKey));
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
