import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { purgeInbox } from '@edugraph/events';
import type { OutboxRelay } from '@edugraph/events';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges published outbox rows and processed inbox rows older than `retentionDays`, first a minute
 * after start and then every hour, in batches and on its own timer, so the relay never waits on it.
 * The inbox must remember an event at least as long as the broker may redeliver it (Kafka keeps
 * messages 7 days by default), or a late redelivery would be applied twice.
 */
export function scheduleRetention(o: { orm: MikroORM; relay: OutboxRelay; logger: Logger; retentionDays: number }): { stop(): void } {
  const run = async () => {
    const before = new Date(Date.now() - o.retentionDays * DAY_MS);
    try {
      const outbox = await o.relay.purgeSent(before);
      const inbox = await purgeInbox(o.orm, before);
      if (outbox || inbox) o.logger.info({ outbox, inbox, before }, 'retention: purged published outbox rows and processed inbox rows');
    } catch (error) {
      o.logger.warn({ err: error }, 'retention: purge failed; will try again in an hour');
    }
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 60 * 60_000);
  first.unref();
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
