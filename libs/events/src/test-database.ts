import { openDatabase } from '@edugraph/persistence';
import type { Database } from '@edugraph/persistence';
import { eventEntities } from './index.ts';

/** An outbox and inbox alone in a database (SQLite in memory by default), for tests of this library. */
export function openEventsDatabase(url = 'sqlite::memory:'): Promise<Database> {
  return openDatabase({ url, entities: eventEntities, migrations: [] });
}

/** Counts the statements an ORM sends from now on; BEGIN and COMMIT pass through logQuery too. */
export function countStatements(orm: Database['orm']): { readonly count: number; readonly sql: string[] } {
  const sql: string[] = [];
  const log = orm.config.getLogger();
  const logQuery = log.logQuery.bind(log);
  log.logQuery = (context) => {
    sql.push(context.query ?? '');
    logQuery(context);
  };
  return { get count() { return sql.length; }, sql };
}
