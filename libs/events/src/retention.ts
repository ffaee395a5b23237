import type { MikroORM } from '@mikro-orm/core';
import { InboxMessage } from './inbox.entity.ts';

/**
 * Deletes inbox rows processed before `before`, at most `batchSize` per statement so a large purge
 * never holds long locks on the table consumers write to. An event redelivered after its row is gone
 * would be applied again, so keep rows at least as long as the broker keeps messages.
 */
export async function purgeInbox(orm: MikroORM, before: Date, batchSize = 1_000): Promise<number> {
  let purged = 0;
  for (;;) {
    const em = orm.em.fork();
    const batch = await em.find(InboxMessage, { processedAt: { $lt: before } }, { fields: ['consumer', 'eventId'], limit: batchSize });
    if (batch.length === 0) return purged;
    purged += await em.nativeDelete(InboxMessage, { $or: batch.map((r) => ({ consumer: r.consumer, eventId: r.eventId })) });
    if (batch.length < batchSize) return purged;
  }
}
