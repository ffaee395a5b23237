import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '@edugraph/rules';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { toKindergartenView } from './kindergarten.view.ts';
import type { KindergartenView } from './kindergarten.view.ts';

/** An id that is not a UUID names no kindergarten (rather than an error from PostgreSQL's uuid type). */
export async function kindergartenOf(em: EntityManager, institutionId: string): Promise<KindergartenView | null> {
  if (!isUuid(institutionId)) return null;
  const kindergarten = await em.findOne(Kindergarten, { institutionId: institutionId.toLowerCase() });
  return kindergarten ? toKindergartenView(kindergarten) : null;
}
