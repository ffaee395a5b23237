import type { EntityManager } from '@mikro-orm/core';
import { eventsTopic, serviceOfEventType } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { OutboxMessage } from './outbox.entity.ts';

/**
 * Queues an event in the outbox of the given entity manager; it is written by the same flush /
 * transaction as the state change, so the two are never apart.
 */
export function recordEvent(em: EntityManager, envelope: EventEnvelope, topicPrefix = ''): void {
  em.create(OutboxMessage, {
    id: envelope.id,
    topic: eventsTopic(serviceOfEventType(envelope.type), topicPrefix),
    messageKey: envelope.aggregateId,
    type: envelope.type,
    envelope: JSON.stringify(envelope),
    createdAt: new Date(envelope.occurredAt),
    sentAt: null,
    claimedBy: null,
    claimedUntil: null,
    attempts: 0,
    lastError: null,
  });
}
