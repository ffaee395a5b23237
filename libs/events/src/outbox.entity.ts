import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * An event waiting to be published, written in the same transaction as the state change it
 * describes. The relay claims rows (claimedUntil acts as a lock with expiry), counts attempts,
 * and sets sentAt once the broker has acknowledged the message; one the broker keeps refusing is
 * parked (parkedAt) instead of blocking the rest. Rows are ordered by `seq`, a sequence the
 * database assigns on insert, never by a writer's clock: replicas' clocks may disagree.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    seq: p.bigint('number').primary().autoincrement(),
    id: p.uuid().unique(),
    topic: p.string(),
    messageKey: p.string(),
    type: p.string(),
    envelope: p.text(),
    createdAt: p.datetime().index(),
    sentAt: p.datetime().nullable().index(),
    claimedBy: p.string().nullable(),
    claimedUntil: p.datetime().nullable(),
    attempts: p.integer().default(0),
    /** Times the broker refused this message while accepting others: it is the message, not the broker. */
    rejections: p.integer().default(0),
    /** Set when the broker kept refusing it: left for an operator; later events of its key wait. */
    parkedAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
});
export type OutboxMessage = InferEntity<typeof OutboxMessage>;
