import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { lookupIds, lookupKey } from '@edugraph/rules';
import { Programme } from '../entities/programme.entity.ts';
import { toProgrammeView } from './programme.view.ts';
import type { ProgrammeView } from './programme.view.ts';

/**
 * The programmes of many schools in one query: the batch behind `Institution.programmes`.
 * An id that is not a UUID names no school: no programmes, and no error for the rest of the batch
 * (PostgreSQL's uuid type would refuse the whole query).
 */
export async function programmesOf(em: EntityManager, institutionIds: readonly string[]): Promise<ProgrammeView[][]> {
  const ids = lookupIds(institutionIds);
  if (ids.length === 0) return institutionIds.map(() => []);
  const programmes = await em.find(Programme, { institutionId: { $in: ids }, status: 'PUBLISHED' }, { orderBy: { institutionId: 'asc', code: 'asc' } });
  const bySchool = Map.groupBy(programmes, (p) => p.institutionId);
  return institutionIds.map((id) => (bySchool.get(lookupKey(id) ?? '') ?? []).map(toProgrammeView));
}

/** The request's loader of programmes by institution id (see LoaderRegistry). */
export function programmesLoader(em: EntityManager): DataLoader<string, ProgrammeView[]> {
  return new DataLoader((ids) => programmesOf(em, ids));
}
