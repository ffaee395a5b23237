import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { InvalidEventError, parseEnvelope } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { isUniqueViolation } from '@edugraph/persistence';
import { InboxMessage } from './inbox.entity.ts';
import type { DeliveredMessage, EventTransport, Subscription } from './transport.ts';
import { DEAD_LETTER_REASON_HEADER, DEAD_LETTER_SOURCE_HEADER } from './headers.ts';

/** Reacts to one event inside the consumer's transaction; `em` is forked for this message. */
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
    // Two deliveries raced: the other one committed the inbox row first, and our effects rolled back.
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
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
  /** Attempts before a failing message is parked on the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
  onProcessed?: (envelope: EventEnvelope, outcome: InboxOutcome) => void;
}

/**
 * Subscribes a service to other services' events. A message that fails validation goes to the
 * dead-letter topic at once; one whose handler keeps failing goes there after maxAttempts. Either
 * way the partition moves on.
 */
export async function subscribeWithInbox(options: InboxSubscriptionOptions): Promise<Subscription> {
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const log = options.logger.child({ consumer: options.consumer });

  const deadLetter = async (message: DeliveredMessage, reason: string): Promise<void> => {
    log.error({ topic: message.topic, offset: message.offset, reason }, 'event sent to dead-letter topic');
    await options.transport.publish(options.deadLetterTopic, [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DEAD_LETTER_REASON_HEADER]: reason.slice(0, 4000),
          [DEAD_LETTER_SOURCE_HEADER]: `${message.topic}/${message.partition}/${message.offset}`,
        },
      },
    ]);
  };

  return options.transport.subscribe({
    groupId: options.consumer,
    topics: options.topics,
    fromBeginning: true,
    handle: async (message) => {
      let envelope: EventEnvelope;
      try {
        envelope = parseEnvelope(JSON.parse(message.value));
      } catch (error) {
        const reason = error instanceof InvalidEventError ? error.message : `unreadable message: ${(error as Error).message}`;
        return deadLetter(message, reason);
      }
      const handler = options.handlers[envelope.type];
      if (!handler) return;
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await processOnce(options.orm, options.consumer, envelope, handler);
          log.debug({ eventId: envelope.id, type: envelope.type, outcome, correlationId: envelope.correlationId }, 'event consumed');
          options.onProcessed?.(envelope, outcome);
          return;
        } catch (error) {
          if (attempt >= maxAttempts) {
            return deadLetter(message, `handler failed ${attempt} times: ${(error as Error).message}`);
          }
          log.warn({ err: error, eventId: envelope.id, attempt }, 'event handler failed; retrying');
          await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
        }
      }
    },
  });
}
