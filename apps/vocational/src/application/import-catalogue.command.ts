import { AppError, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkCatalogueEntries } from '../domain/catalogue/index.ts';
import { CatalogueEntryRecord } from '../entities/catalogue.entities.ts';

export interface CatalogueEntryInput {
  code: string;
  name: string;
  level: string;
  category: string;
}

/** Entries one call may load: the whole 2021 catalogue has about 1,350. */
export const MAX_IMPORT_ENTRIES = 5_000;

/**
 * Loads entries of the national catalogue: new codes are added, known ones renamed or re-levelled.
 * The catalogue is reference data every school's sync is checked against, so any bad entry refuses
 * the whole import, each problem named with its position; nothing is half-loaded.
 */
export async function importCatalogue(ctx: UseCaseContext, list: CatalogueEntryInput[]): Promise<{ added: number; updated: number; unchanged: number; total: number }> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'load the national programme catalogue');
  if (list.length === 0) throw new AppError('BAD_USER_INPUT', 'The import holds no entries.');
  if (list.length > MAX_IMPORT_ENTRIES) throw new AppError('BAD_USER_INPUT', `An import may hold at most ${MAX_IMPORT_ENTRIES} entries (got ${list.length}).`);
  const { entries, problems } = checkCatalogueEntries(list.map((raw, i) => ({ line: i + 1, raw })));
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `entry ${p.line} ${p.field}: ${p.message}`);
    throw new AppError('BAD_USER_INPUT', `The catalogue was not loaded: ${shown.join('; ')}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}.`);
  }
  return ctx.em.fork().transactional(async (tx) => {
    const existing = new Map((await tx.find(CatalogueEntryRecord, { code: { $in: entries.map((e) => e.code) } })).map((e) => [e.code, e]));
    let added = 0;
    let updated = 0;
    const now = new Date();
    for (const entry of entries) {
      const record = existing.get(entry.code);
      if (!record) {
        tx.create(CatalogueEntryRecord, { ...entry, importedAt: now });
        added++;
      } else if (record.name !== entry.name || record.level !== entry.level || record.category !== entry.category) {
        Object.assign(record, entry, { importedAt: now });
        updated++;
      }
    }
    await tx.flush();
    const total = await tx.count(CatalogueEntryRecord, {});
    return { added, updated, unchanged: entries.length - added - updated, total };
  });
}
