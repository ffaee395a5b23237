import { describe, expect, it } from 'vitest';
import { eventEntities } from '@edugraph/events';
import { openDatabase } from '@edugraph/persistence';
import { createTestDatabase, infraUrl } from '@edugraph/testing';
import { SERVICE_MODULES } from '../start/embedded-system.ts';

const pgUrl = await infraUrl('postgres');

describe.skipIf(!pgUrl)('PostgreSQL migrations on a real PostgreSQL', () => {
  it.each(SERVICE_MODULES.map((m) => [m.name, m] as const))('%s: committed migrations build exactly the schema its entities describe', async (_name, module) => {
    const db = await createTestDatabase(pgUrl!, `migr_${module.name}`);
    try {
      const opened = await openDatabase({ url: db.url, entities: [...module.entities, ...eventEntities], migrations: module.migrations });
      try {
        expect(module.migrations.length).toBeGreaterThan(0);
        // Search indexes a migration adds beyond what entities can describe (GIN trigram, named *_trgm) stay.
        const diff = (await opened.orm.schema.getUpdateSchemaSQL({ wrap: false })).split('\n').filter((line) => !/^drop index "[a-z_]+_trgm";$/.test(line.trim()));
        expect(diff.join('\n').trim()).toBe('');
        // Running them again at the next start changes nothing.
        expect(await opened.orm.migrator.up()).toEqual([]);
      } finally {
        await opened.close();
      }
    } finally {
      await db.drop();
    }
  });
});
