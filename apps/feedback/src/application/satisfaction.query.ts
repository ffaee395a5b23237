import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '@edugraph/rules';
import { KnownInstitution } from '../entities/known-institution.entity.ts';
import { NO_RATINGS, toSatisfactionView } from './satisfaction.view.ts';
import type { SatisfactionView } from './satisfaction.view.ts';

/** An id that is not a UUID names no institution: no ratings (rather than an error from PostgreSQL's uuid type). */
export async function satisfactionOf(em: EntityManager, institutionId: string): Promise<SatisfactionView> {
  if (!isUuid(institutionId)) return NO_RATINGS;
  return toSatisfactionView(await em.findOne(KnownInstitution, { institutionId: institutionId.toLowerCase() }));
}
