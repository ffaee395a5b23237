import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * One row per event a consumer has processed, written in the same transaction as the consumer's
 * effects: the primary key makes a redelivered event a no-op.
 */
export const InboxMessage = defineEntity({
  name: 'InboxMessage',
  tableName: 'inbox_message',
  properties: {
    consumer: p.string().primary(),
    eventId: p.uuid().primary(),
    type: p.string(),
    processedAt: p.datetime(),
  },
});
export type InboxMessage = InferEntity<typeof InboxMessage>;
