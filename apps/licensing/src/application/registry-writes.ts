import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import type { InstitutionChangedV1 } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate, InstitutionLevel } from '@edugraph/rules';
import { institutionNameKey } from '../domain/institution.rules.ts';
import { Institution } from '../entities/institution.entity.ts';

type Actor = Pick<UseCaseContext, 'actor' | 'correlationId'>;

export interface NewPrivateSchool {
  name: string;
  level: InstitutionLevel;
  districtCode: string;
  address: string | null;
  category: 'FOR_PROFIT' | 'NON_PROFIT' | null;
  sponsorCreditCode: string;
}

/** A private school enters the registry (an establishment or a division approved); the same name in the district is a CONFLICT. */
export async function addPrivateSchool(tx: EntityManager, ctx: Actor, school: NewPrivateSchool, matterId: string): Promise<Institution> {
  const nameKey = institutionNameKey(school.name);
  if (await tx.findOne(Institution, { districtCode: school.districtCode, nameKey })) {
    throw new AppError('CONFLICT', `The district ${school.districtCode} already has an institution named ${school.name}; the decision cannot register another.`, { matterId });
  }
  const institution = tx.create(Institution, { ...school, nameKey, ownership: 'PRIVATE', creditCode: null, licenceNumber: null, licenceStatus: null, status: 'ACTIVE' });
  emitEvent(tx, {
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId: institution.id,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    payload: { institutionId: institution.id, name: school.name, level: school.level, ownership: 'PRIVATE', districtCode: school.districtCode },
  });
  return institution;
}

export async function activeInstitution(tx: EntityManager, id: string | null): Promise<Institution> {
  const institution = id ? await tx.findOne(Institution, { id }) : null;
  if (!institution || institution.status === 'RETIRED') throw new AppError('CONFLICT', 'The institution concerned is no longer active in the registry.');
  return institution;
}

/** Applies the changed fields and announces exactly those. */
export function changeInstitution(tx: EntityManager, ctx: Actor, institution: Institution, changes: InstitutionChangedV1['changes'], matterId: string): void {
  if (changes.name !== undefined) {
    institution.name = changes.name;
    institution.nameKey = institutionNameKey(changes.name);
  }
  if (changes.level !== undefined) institution.level = changes.level;
  if (changes.category !== undefined) institution.category = changes.category;
  if (changes.address !== undefined) institution.address = changes.address;
  if (changes.sponsorCreditCode !== undefined) institution.sponsorCreditCode = changes.sponsorCreditCode;
  emitEvent(tx, {
    type: 'licensing.institution.changed',
    aggregateType: 'Institution',
    aggregateId: institution.id,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    payload: { institutionId: institution.id, matterId, changes },
  });
}

/** A merged or terminated school leaves the registry's active list; a terminated one hands its licence back. */
export function retireInstitution(
  tx: EntityManager,
  ctx: Actor,
  institution: Institution,
  o: { matterId: string; reason: 'MERGER' | 'TERMINATION'; mergedInto: string | null; on: CalendarDate },
): void {
  institution.status = 'RETIRED';
  if (o.reason === 'TERMINATION' && institution.licenceNumber) institution.licenceStatus = 'RETURNED';
  emitEvent(tx, {
    type: 'licensing.institution.retired',
    aggregateType: 'Institution',
    aggregateId: institution.id,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    payload: { institutionId: institution.id, matterId: o.matterId, reason: o.reason, mergedInto: o.mergedInto, retiredOn: o.on },
  });
}
