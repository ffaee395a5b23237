import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { lookupIds, lookupKey } from '@edugraph/rules';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { toKindergartenView } from './kindergarten.view.ts';
import type { KindergartenView } from './kindergarten.view.ts';

/**
 * The kindergartens of many institutions in one query: the batch behind `Institution.kindergarten`.
 * An id that is not a UUID names no kindergarten: null, and no error for the rest of the batch
 * (PostgreSQL's uuid type would refuse the whole query).
 */
export async function kindergartensOf(em: EntityManager, institutionIds: readonly string[]): Promise<(KindergartenView | null)[]> {
  const ids = lookupIds(institutionIds);
  if (ids.length === 0) return institutionIds.map(() => null);
  const found = new Map((await em.find(Kindergarten, { institutionId: { $in: ids } })).map((k) => [k.institutionId, k]));
  return institutionIds.map((id) => {
    const kindergarten = found.get(lookupKey(id) ?? '');
    return kindergarten ? toKindergartenView(kindergarten) : null;
  });
}

/** The request's loader of kindergartens by institution id (see LoaderRegistry). */
export function kindergartenLoader(em: EntityManager): DataLoader<string, KindergartenView | null> {
  return new DataLoader((ids) => kindergartensOf(em, ids));
}
