import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutboxMessage, eventEntities, upgradeSqliteOutbox } from '@edugraph/events';
import { openDatabase } from '@edugraph/persistence';
import { repoRoot } from '../start/real-processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'outbox-cli-'));
const url = `sqlite:${join(dir, 'licensing.sqlite')}`;
const cli = (...args: string[]) => execFileSync(process.execPath, ['tools/outbox/outbox-cli.ts', 'licensing', ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });

describe('npm run outbox', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a parked event and lets it go again', async () => {
    const db = await openDatabase({ url, entities: eventEntities, migrations: [], beforeSqliteSchemaSync: upgradeSqliteOutbox });
    const em = db.orm.em.fork();
    const id = '01a21311-7db0-73f3-b168-122cfa51aaaa';
    em.create(OutboxMessage, { id, topic: 'edugraph.licensing.events', messageKey: 'k', type: 'licensing.institution.registered', envelope: '{}', createdAt: new Date(), sentAt: null, claimedBy: null, claimedUntil: null, attempts: 5, rejections: 5, parkedAt: new Date(), lastError: 'MESSAGE_TOO_LARGE' });
    await em.flush();

    expect(JSON.parse(cli('stats'))).toMatchObject({ service: 'licensing', unsent: 0, parked: 1, deadLetters: 0 });
    expect(cli('list-parked')).toMatch(new RegExp(`${id}\\s+licensing.institution.registered .*rejections=5 .*MESSAGE_TOO_LARGE`));
    expect(cli('unpark', id)).toMatch(/unparked/);
    expect(await db.orm.em.fork().findOneOrFail(OutboxMessage, { id })).toMatchObject({ parkedAt: null, rejections: 0, sentAt: null });
    expect(cli('list-parked')).toMatch(/no parked events/);
    await db.close();
  });
});
