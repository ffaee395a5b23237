import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@edugraph/persistence';
import { eventEntities } from './index.ts';
import { OutboxMessage } from './outbox.entity.ts';
import { upgradeSqliteOutbox } from './sqlite-outbox-upgrade.ts';

const dir = mkdtempSync(join(tmpdir(), 'outbox-upgrade-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an embedded SQLite file from before the outbox sequence', () => {
  it('moves its rows to the new table in the order they were written, unsent ones included', async () => {
    const url = `sqlite:${join(dir, 'old.sqlite')}`;
    const old = await openDatabase({ url, entities: eventEntities, migrations: [], prepareSchema: false });
    const sql = (s: string) => old.orm.em.getConnection().execute(s);
    await sql(`create table outbox_message (id text not null primary key, topic text not null, message_key text not null, type text not null, envelope text not null, created_at datetime not null, sent_at datetime null, claimed_by text null, claimed_until datetime null, attempts integer not null default 0, rejections integer not null default 0, parked_at datetime null, last_error text null)`);
    await sql('create index outbox_message_created_at_index on outbox_message (created_at)');
    // written in this order (created_at), inserted physically out of it
    await sql(`insert into outbox_message (id, topic, message_key, type, envelope, created_at) values ('00000000-0000-7000-8000-000000000002', 't', 'A', 'x', '{}', 2000), ('00000000-0000-7000-8000-000000000001', 't', 'A', 'x', '{}', 1000)`);
    await old.close();

    const upgraded = await openDatabase({ url, entities: eventEntities, migrations: [], beforeSqliteSchemaSync: upgradeSqliteOutbox });
    const rows = await upgraded.orm.em.fork().find(OutboxMessage, {}, { orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.id.slice(-1), r.sentAt])).toEqual([[1, '1', null], [2, '2', null]]);
    await upgraded.close();
    // and opening it again changes nothing
    const again = await openDatabase({ url, entities: eventEntities, migrations: [], beforeSqliteSchemaSync: upgradeSqliteOutbox });
    expect(await again.orm.em.fork().count(OutboxMessage, {})).toBe(2);
    await again.close();
  });
});
