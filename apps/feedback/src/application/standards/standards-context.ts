import type { EntityManager } from '@mikro-orm/core';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import type { CalendarDate, RuleError } from '@edugraph/rules';
import { OFFICES } from '../../domain/offices.ts';
import { SEED_SERVICE_ITEMS } from '../../domain/review/index.ts';
import { ServiceItemRecord } from '../../entities/review.entities.ts';

/** A use case's context plus the service's clock (today is its date in Asia/Shanghai). */
export interface StandardsContext extends UseCaseContext {
  clock: () => Date;
}

export const todayOf = (ctx: { clock: () => Date }): CalendarDate => todayInShanghai(ctx.clock());

export const OFFICE_CODES: readonly string[] = OFFICES.map((o) => o.code);

/** A domain refusal as the error the caller sees: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, `${error.message}.`, error.details ? { ...error.details } : undefined);
}

export function unknownOffice(office: string): AppError {
  return new AppError('UNKNOWN_OFFICE', `No office ${JSON.stringify(office)}; offices are ${OFFICE_CODES.join(', ')}.`);
}

export function officeName(office: string): string {
  return OFFICES.find((o) => o.code === office)?.name ?? office;
}

export interface CatalogueItem {
  code: string;
  name: string;
  office: string;
}

/** The service-item catalogue shared with 好差评: the table (seeded and learnt from events) over the seed list. */
export async function catalogueItem(em: EntityManager, code: string): Promise<CatalogueItem | null> {
  const row = await em.findOne(ServiceItemRecord, { code });
  const item = row ?? SEED_SERVICE_ITEMS.find((i) => i.code === code);
  return item ? { code: item.code, name: item.name, office: item.office } : null;
}

export async function requireItem(em: EntityManager, rawCode: string): Promise<CatalogueItem> {
  const code = rawCode.normalize('NFKC').trim();
  const item = code === '' ? null : await catalogueItem(em, code);
  if (!item) throw new AppError('UNKNOWN_ITEM', `No service item ${JSON.stringify(rawCode)} in the catalogue (事项目录); use an item code such as JY-XK-002.`);
  return item;
}

/** Every item of the catalogue, the table's rows over the seed's, in code order. */
export async function catalogue(em: EntityManager, where: { office?: string; codes?: readonly string[] } = {}): Promise<CatalogueItem[]> {
  const filter: Record<string, unknown> = {};
  if (where.office) filter.office = where.office;
  if (where.codes) filter.code = { $in: [...where.codes] };
  const rows = await em.find(ServiceItemRecord, filter);
  const byCode = new Map<string, CatalogueItem>();
  for (const i of SEED_SERVICE_ITEMS) {
    if ((where.office === undefined || i.office === where.office) && (where.codes === undefined || where.codes.includes(i.code))) byCode.set(i.code, { code: i.code, name: i.name, office: i.office });
  }
  for (const r of rows) byCode.set(r.code, { code: r.code, name: r.name, office: r.office });
  // A table row may move a seeded item to another office: it no longer belongs to the one asked for.
  if (where.office) for (const r of await em.find(ServiceItemRecord, { code: { $in: [...byCode.keys()] }, office: { $ne: where.office } })) byCode.delete(r.code);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Two staff changed the same thing at once: the second is told to reload and try again. */
export function isConflict(error: unknown): boolean {
  return (error as Error)?.name === 'OptimisticLockError' || isUniqueViolation(error);
}
