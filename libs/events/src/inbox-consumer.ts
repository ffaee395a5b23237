import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { InvalidEventError, isKnownEventType, parseEnvelope } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { isTransientError, isUniqueViolation } from '@edugraph/persistence';
import { InboxMessage } from './inbox.entity.ts';
import { DeadLetter } from './dead-letter.entity.ts';
import { retryPolicy } from './retry.ts';
import type { DeliveredBatch, DeliveredMessage, EventTransport, Subscription } from './transport.ts';
import { DEAD_LETTER_REASON_HEADER, DEAD_LETTER_SOURCE_HEADER } from './headers.ts';

/**
 * Reacts to one event inside the consumer's transaction. `em` may carry other events of the same
 * batch in that transaction; its identity map is cleared between them, as if forked per event.
 */
export type EventHandler = (em: EntityManager, envelope: EventEnvelope) => Promise<void>;

export type InboxOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * Applies an event at most once per consumer: the inbox row and the handler's effects commit in
 * one transaction, so a redelivered event finds its row and changes nothing.
 */
export async function processOnce(
  orm: MikroORM,
  consumer: string,
  envelope: EventEnvelope,
  handler: EventHandler,
): Promise<InboxOutcome> {
  const em = orm.em.fork();
  try {
    return await em.transactional(async (tx) => {
      const seen = await tx.findOne(InboxMessage, { consumer, eventId: envelope.id });
      if (seen) return 'duplicate' as const;
      await handler(tx, envelope);
      tx.create(InboxMessage, { consumer, eventId: envelope.id, type: envelope.type, processedAt: new Date() });
      return 'processed' as const;
    });
  } catch (error) {
    // Two deliveries raced: the other one committed the inbox row first, and our effects rolled
    // back. Only then is it a duplicate; a unique violation of the handler's own is a failure.
    if (isUniqueViolation(error) && (await orm.em.fork().findOne(InboxMessage, { consumer, eventId: envelope.id }))) return 'duplicate';
    throw error;
  }
}

/**
 * Applies several events in one transaction: one query finds those already in the inbox, each
 * other event's handler runs and is flushed in turn (with a cleared identity map, as if it had its
 * own fork), and their inbox rows are inserted together before the one commit. Any failure rolls
 * back the lot; the caller then applies them one by one.
 */
export async function processBatch(
  orm: MikroORM,
  consumer: string,
  events: { envelope: EventEnvelope; handler: EventHandler }[],
): Promise<InboxOutcome[]> {
  return orm.em.fork().transactional(async (tx) => {
    const ids = events.map((e) => e.envelope.id);
    const seen = new Set((await tx.find(InboxMessage, { consumer, eventId: { $in: ids } }, { fields: ['eventId'] })).map((r) => r.eventId));
    tx.clear();
    const outcomes: InboxOutcome[] = [];
    const rows: InboxMessage[] = [];
    for (const { envelope, handler } of events) {
      if (seen.has(envelope.id)) {
        outcomes.push('duplicate');
        continue;
      }
      seen.add(envelope.id);
      await handler(tx, envelope);
      await tx.flush();
      tx.clear();
      rows.push({ consumer, eventId: envelope.id, type: envelope.type, processedAt: new Date() });
      outcomes.push('processed');
    }
    if (rows.length) await tx.insertMany(InboxMessage, rows);
    return outcomes;
  });
}

export interface InboxSubscriptionOptions {
  orm: MikroORM;
  transport: EventTransport;
  logger: Logger;
  /** Consumer name: the inbox key and the consumer group id (one per consuming service). */
  consumer: string;
  topics: string[];
  handlers: Partial<Record<string, EventHandler>>;
  deadLetterTopic: string;
  /** Attempts before a message whose handler keeps failing is parked on the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
  onProcessed?: (envelope: EventEnvelope, outcome: InboxOutcome) => void;
  onDeadLetter?: (reason: string) => void;
  /** Most events applied in one transaction when the transport delivers batches; 1 turns batching off. */
  maxBatchSize?: number;
}

/**
 * The longest wait between two attempts at one message. The consumer heartbeats before each wait,
 * and the broker session (10 s) outlasts two such waits, so a database outage never looks like a
 * dead consumer and never starts a rebalance.
 */
const MAX_RETRY_DELAY_MS = 5_000;

function safeParse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The type named by a message, read before anything else so unhandled types are skipped unvalidated. */
function typeOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type : undefined;
}

/**
 * Subscribes a service to other services' events. Types it has no handler for are skipped. A
 * message that fails validation goes to the dead-letter topic at once; one whose handler keeps
 * failing goes there after maxAttempts, so the partition moves on; either way it is kept in the
 * consumer's `dead_letter` table. A transient failure (the database away or restarting) is retried
 * until it passes: the partition waits rather than dead-lettering good events, and stopping the
 * subscription leaves the message for redelivery.
 */
export async function subscribeWithInbox(options: InboxSubscriptionOptions): Promise<Subscription> {
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const log = options.logger.child({ consumer: options.consumer });
  let stopping = false;

  const deadLetter = async (message: DeliveredMessage, reason: string): Promise<void> => {
    log.error({ topic: message.topic, offset: message.offset, reason }, 'event sent to dead letters');
    const source = `${message.topic}/${message.partition}/${message.offset}`;
    // Kept first in the database: if that fails the message is redelivered, never dropped.
    const em = options.orm.em.fork();
    em.create(DeadLetter, { consumer: options.consumer, source, messageKey: message.key, eventType: typeOf(safeParse(message.value)) ?? null, value: message.value, reason, createdAt: new Date() });
    await em.flush();
    options.onDeadLetter?.(reason);
    await options.transport.publish(options.deadLetterTopic, [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DEAD_LETTER_REASON_HEADER]: reason.slice(0, 4000),
          [DEAD_LETTER_SOURCE_HEADER]: source,
        },
      },
    ]);
  };

  type Prepared = { kind: 'skip' } | { kind: 'dead'; reason: string } | { kind: 'apply'; envelope: EventEnvelope; handler: EventHandler };
  const prepare = (message: DeliveredMessage): Prepared => {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value);
    } catch (error) {
      return { kind: 'dead', reason: `unreadable message: ${(error as Error).message}` };
    }
    const type = typeOf(raw);
    // A type no contract names is a producer's mistake (or a forged message): park it, loudly.
    if (type && !isKnownEventType(type)) return { kind: 'dead', reason: `unknown event type ${type}` };
    const handler = type ? options.handlers[type] : undefined;
    if (type && !handler) return { kind: 'skip' };
    try {
      return { kind: 'apply', envelope: parseEnvelope(raw), handler: handler! };
    } catch (error) {
      return { kind: 'dead', reason: error instanceof InvalidEventError ? error.message : String(error) };
    }
  };

  const consumed = (envelope: EventEnvelope, outcome: InboxOutcome): void => {
    log.debug({ eventId: envelope.id, type: envelope.type, outcome, correlationId: envelope.correlationId }, 'event consumed');
    options.onProcessed?.(envelope, outcome);
  };

  const handle = async (message: DeliveredMessage): Promise<void> => {
    const prepared = prepare(message);
    if (prepared.kind === 'skip') return;
    if (prepared.kind === 'dead') return deadLetter(message, prepared.reason);
    const { envelope, handler } = prepared;
    // Transient failures (the database away) are retried without limit; others up to maxAttempts.
    let failures = 0;
    const policy = retryPolicy({
      maxAttempts: Infinity,
      initialDelayMs: retryDelayMs,
      maxDelayMs: MAX_RETRY_DELAY_MS,
      shouldRetry: (error) => !stopping && (isTransientError(error) || failures < maxAttempts),
    });
    policy.onRetry(({ attempt, ...reason }) => {
      if (attempt === 1 || attempt % 20 === 0) log.warn({ err: 'error' in reason ? reason.error : undefined, eventId: envelope.id, attempt }, 'event handler failed; retrying');
      void message.heartbeat?.().catch(() => {});
    });
    try {
      const outcome = await policy.execute(async () => {
        try {
          return await processOnce(options.orm, options.consumer, envelope, handler);
        } catch (error) {
          if (!isTransientError(error)) failures++;
          throw error;
        }
      });
      consumed(envelope, outcome);
    } catch (error) {
      if (stopping) throw new Error(`consumer ${options.consumer} stopping; event ${envelope.id} left for redelivery`);
      return deadLetter(message, `handler failed ${failures} times: ${(error as Error).message}`);
    }
  };

  /**
   * A batch is applied in one transaction per chunk. If that fails (a poison message, a transient
   * error, a race with another delivery), the chunk is handled one message at a time instead, so
   * only the message at fault is retried or dead-lettered, exactly as without batching.
   */
  const maxBatchSize = options.maxBatchSize ?? 500;
  const handleBatch = async (batch: DeliveredBatch): Promise<void> => {
    for (let from = 0; from < batch.messages.length; from += maxBatchSize) {
      if (stopping) throw new Error(`consumer ${options.consumer} stopping; the rest of the batch is left for redelivery`);
      const chunk = batch.messages.slice(from, from + maxBatchSize);
      const prepared = chunk.map(prepare);
      const work = prepared.flatMap((p) => (p.kind === 'apply' ? [p] : []));
      let applied = !prepared.some((p) => p.kind === 'dead');
      if (applied && work.length > 0) {
        try {
          const outcomes = await processBatch(options.orm, options.consumer, work);
          work.forEach((w, i) => consumed(w.envelope, outcomes[i]!));
        } catch (error) {
          log.debug({ err: error, size: work.length }, 'event batch failed; handling its events one by one');
          applied = false;
        }
      }
      if (!applied) {
        for (const message of chunk) {
          await handle(message);
          batch.resolve(message);
        }
      }
      batch.resolve(chunk[chunk.length - 1]!);
      await batch.heartbeat();
    }
  };

  const subscription = await options.transport.subscribe({
    groupId: options.consumer,
    topics: options.topics,
    fromBeginning: true,
    handle,
    ...(maxBatchSize > 1 ? { handleBatch } : {}),
  });
  return {
    stop: async () => {
      stopping = true;
      await subscription.stop();
    },
  };
}
