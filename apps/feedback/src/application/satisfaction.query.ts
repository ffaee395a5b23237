import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { lookupIds, lookupKey } from '@edugraph/rules';
import { KnownInstitution } from '../entities/known-institution.entity.ts';
import { NO_RATINGS, toSatisfactionView } from './satisfaction.view.ts';
import type { SatisfactionView } from './satisfaction.view.ts';

/**
 * The satisfaction of many institutions in one query: the batch behind `Institution.satisfaction`.
 * An id that is not a UUID names no institution: no ratings, and no error for the rest of the
 * batch (PostgreSQL's uuid type would refuse the whole query).
 */
export async function satisfactionOf(em: EntityManager, institutionIds: readonly string[]): Promise<SatisfactionView[]> {
  const ids = lookupIds(institutionIds);
  if (ids.length === 0) return institutionIds.map(() => NO_RATINGS);
  const known = new Map((await em.find(KnownInstitution, { institutionId: { $in: ids } })).map((k) => [k.institutionId, k]));
  return institutionIds.map((id) => {
    const key = lookupKey(id);
    return key ? toSatisfactionView(known.get(key) ?? null) : NO_RATINGS;
  });
}

/** The request's loader of satisfaction by institution id (see LoaderRegistry). */
export function satisfactionLoader(em: EntityManager): DataLoader<string, SatisfactionView> {
  return new DataLoader((ids) => satisfactionOf(em, ids));
}
