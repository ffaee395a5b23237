import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import type { EventEnvelope } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { institutionNameKey } from '../domain/institution.rules.ts';
import { licenceNumber } from '../domain/matter/index.ts';
import { Institution } from '../entities/institution.entity.ts';
import { Matter } from '../entities/matter.entity.ts';
import { CITY_AREA_CODE } from './issue-licence.command.ts';

/** The preschool event licensing is answering: its actor and correlation go on, its id becomes the causation. */
type Cause = Pick<EventEnvelope, 'id' | 'actor' | 'correlationId'>;

export interface NewKindergarten {
  name: string;
  districtCode: string;
  ownership: 'PUBLIC' | 'PRIVATE';
  address: string | null;
}

/**
 * Registers a kindergarten preschool asked for (a completed capacity project, an unlicensed one that
 * passed re-inspection) and queues licensing.institution.registered with the asking event's id as
 * causationId, which is how preschool finds its project or case again. The same name in the district
 * is a CONFLICT: the registry never holds two, and the message goes to the dead-letter topic with why.
 */
export async function registerKindergartenFor(tx: EntityManager, cause: Cause, k: NewKindergarten): Promise<Institution> {
  const nameKey = institutionNameKey(k.name);
  const existing = await tx.findOne(Institution, { $or: [{ districtCode: k.districtCode, nameKey }, { districtCode: k.districtCode, name: k.name }] });
  if (existing) {
    throw new AppError('CONFLICT', `The district ${k.districtCode} already has an institution named ${k.name} (${existing.id}); preschool's request cannot register another.`, {
      institutionId: existing.id,
    });
  }
  const institution = tx.create(Institution, {
    name: k.name,
    nameKey,
    level: 'PRESCHOOL',
    ownership: k.ownership,
    districtCode: k.districtCode,
    address: k.address,
    creditCode: null,
    licenceNumber: null,
    licenceStatus: null,
    licenceIssuedOn: null,
    category: null,
    status: 'ACTIVE',
    sponsorCreditCode: null,
  });
  emitEvent(tx, {
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId: institution.id,
    actor: cause.actor,
    correlationId: cause.correlationId,
    causationId: cause.id,
    payload: { institutionId: institution.id, name: institution.name, level: 'PRESCHOOL', ownership: k.ownership, districtCode: k.districtCode },
  });
  return institution;
}

/**
 * Issues a kindergarten's licence (办园许可证) without a licensing matter: the bureau's re-inspection
 * of an unlicensed kindergarten is the basis. The number is the one format of issue-licence; its
 * sequence counts every licence of the year (through matters or not) and skips a number in use, so
 * nothing collides inside the consumer's transaction.
 */
export async function issueKindergartenLicence(
  tx: EntityManager,
  cause: Cause,
  institution: Institution,
  o: { today: CalendarDate; caseId: string; workingDaysAfterApproval: number },
): Promise<string> {
  const year = Number(o.today.slice(0, 4));
  const [byMatter, byInstitution] = await Promise.all([
    tx.count(Matter, { licenceIssuedOn: { $like: `${year}-%` } }),
    tx.count(Institution, { licenceIssuedOn: { $like: `${year}-%` } }),
  ]);
  for (let sequence = Math.max(byMatter, byInstitution) + 1; ; sequence++) {
    const number = licenceNumber({ areaCode: CITY_AREA_CODE, level: 'PRESCHOOL', year, sequence });
    if (!number.ok) throw new AppError('CONFLICT', `No licence number is left for ${year}: ${number.error.message}`);
    if (await tx.findOne(Institution, { licenceNumber: number.value })) continue;
    institution.licenceNumber = number.value;
    institution.licenceStatus = 'VALID';
    institution.licenceIssuedOn = o.today;
    emitEvent(tx, {
      type: 'licensing.licence.issued',
      aggregateType: 'Institution',
      aggregateId: institution.id,
      actor: cause.actor,
      correlationId: cause.correlationId,
      causationId: cause.id,
      // No licensing matter exists: matterId carries preschool's case id (the contract requires an id).
      payload: { institutionId: institution.id, matterId: o.caseId, licenceNumber: number.value, issuedOn: o.today, workingDaysAfterApproval: o.workingDaysAfterApproval },
    });
    return number.value;
  }
}
