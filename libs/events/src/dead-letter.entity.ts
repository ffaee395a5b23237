import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * A message a consumer could not use (invalid, or its handler kept failing), kept in the consumer's
 * own database on both transports, so it survives a restart of the embedded default and an operator
 * finds it with SQL. On Kafka it is also published to the consumer's dead-letter topic.
 */
export const DeadLetter = defineEntity({
  name: 'DeadLetter',
  tableName: 'dead_letter',
  properties: {
    seq: p.bigint('number').primary().autoincrement(),
    consumer: p.string(),
    /** Where it came from: topic/partition/offset. */
    source: p.text(),
    messageKey: p.text(),
    eventType: p.text().nullable(),
    value: p.text(),
    reason: p.text(),
    createdAt: p.datetime().index(),
  },
});
export type DeadLetter = InferEntity<typeof DeadLetter>;
