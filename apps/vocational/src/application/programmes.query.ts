import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '@edugraph/rules';
import { Programme } from '../entities/programme.entity.ts';
import { toProgrammeView } from './programme.view.ts';
import type { ProgrammeView } from './programme.view.ts';

/** An id that is not a UUID names no school: no programmes (rather than an error from PostgreSQL's uuid type). */
export async function programmesOf(em: EntityManager, institutionId: string): Promise<ProgrammeView[]> {
  if (!isUuid(institutionId)) return [];
  const programmes = await em.find(Programme, { institutionId: institutionId.toLowerCase() }, { orderBy: { code: 'asc' } });
  return programmes.map(toProgrammeView);
}
