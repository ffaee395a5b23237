import { openDatabase } from '@edugraph/persistence';
import type { Database } from '@edugraph/persistence';
import { eventEntities } from './index.ts';

/** An outbox and inbox alone in a database (SQLite in memory by default), for tests of this library. */
export function openEventsDatabase(url = 'sqlite::memory:'): Promise<Database> {
  return openDatabase({ url, entities: eventEntities, migrations: [] });
}
