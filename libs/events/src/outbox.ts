import type { EntityManager } from '@mikro-orm/core';
import { eventsTopic, serviceOfEventType } from '@edugraph/contracts';
import type { EventEnvelope, EventType } from '@edugraph/contracts';
import { createEnvelope } from './create-envelope.ts';
import type { NewEvent } from './create-envelope.ts';
import { OutboxMessage } from './outbox.entity.ts';

/**
 * Queues an event in the outbox of the given entity manager; it is written by the same flush /
 * transaction as the state change, so the two are never apart.
 */
export function recordEvent(em: EntityManager, envelope: EventEnvelope): void {
  em.create(OutboxMessage, {
    id: envelope.id,
    topic: eventsTopic(serviceOfEventType(envelope.type)),
    messageKey: envelope.aggregateId,
    type: envelope.type,
    envelope: JSON.stringify(envelope),
    createdAt: new Date(envelope.occurredAt),
    sentAt: null,
    claimedBy: null,
    claimedUntil: null,
    attempts: 0,
    rejections: 0,
    parkedAt: null,
    lastError: null,
  });
}

/** Validates an event, wraps it in its envelope and queues it in the outbox of `em`. */
export function emitEvent<T extends EventType>(em: EntityManager, event: NewEvent<T>): EventEnvelope {
  const envelope = createEnvelope(event);
  recordEvent(em, envelope);
  return envelope;
}
