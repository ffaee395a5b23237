import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';

/** Schools' names by institution id, one query per request however many measures show theirs. */
export function schoolNameLoader(em: EntityManager): DataLoader<string, string | null> {
  return new DataLoader(async (ids) => {
    const names = new Map((await em.find(KnownInstitution, { institutionId: { $in: [...ids] } })).map((k) => [k.institutionId, k.name]));
    return ids.map((id) => names.get(id) ?? null);
  });
}
