import type { MikroORM } from '@mikro-orm/core';

const COLUMNS = 'id, topic, message_key, type, envelope, created_at, sent_at, claimed_by, claimed_until, attempts, rejections, parked_at, last_error';

/**
 * An embedded default's SQLite file from before the outbox was ordered by `seq` keeps its table
 * keyed by id, which SQLite cannot alter into the new shape. Its rows move to a table of the new
 * shape in the order they were written; nothing unsent is lost. A no-op on files already upgraded.
 */
export async function upgradeSqliteOutbox(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const columns = await connection.execute<{ name: string }[]>(`select name from pragma_table_info('outbox_message')`);
  if (columns.length === 0 || columns.some((c: { name: string }) => c.name === 'seq')) return;
  const indexes = await connection.execute<{ name: string }[]>(`select name from sqlite_master where type = 'index' and tbl_name = 'outbox_message' and sql is not null`);
  await connection.execute('alter table outbox_message rename to outbox_message_before_seq');
  for (const { name } of indexes) await connection.execute(`drop index if exists "${name}"`);
  await orm.schema.update({ dropTables: false }); // keep the renamed table until its rows moved
  await connection.execute(`insert into outbox_message (${COLUMNS}) select ${COLUMNS} from outbox_message_before_seq order by created_at, id`);
  await connection.execute('drop table outbox_message_before_seq');
}
