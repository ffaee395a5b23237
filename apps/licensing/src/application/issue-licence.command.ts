import { emitEvent } from '@edugraph/events';
import { AppError } from '@edugraph/platform';
import { isUniqueViolation } from '@edugraph/persistence';
import type { InstitutionLevel } from '@edugraph/rules';
import { licenceNumber } from '../domain/matter/index.ts';
import { Institution } from '../entities/institution.entity.ts';
import { Matter } from '../entities/matter.entity.ts';
import { requireDecider } from './matter-access.ts';
import { loadCatalogue, matterTypeOf } from './matter-catalogue.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import { stateOf, toMatterView } from './matter.view.ts';
import type { MatterView } from './matter.view.ts';
import { toInstitutionView } from './institution.view.ts';
import type { InstitutionView } from './institution.view.ts';

/** The city's administrative-division code, the area part of its licence numbers. */
export const CITY_AREA_CODE = '141010';

export interface IssuedLicence {
  licence: { number: string; status: string; issuedOn: string };
  matter: MatterView;
  institution: InstitutionView;
}

/**
 * Issues the licence of an approved establishment (行政许可法 art. 44: within 10 working days). The
 * number's sequence counts the year's licences; two issued at once collide on the unique number and
 * the later is numbered again.
 */
export async function issueLicence(ctx: MatterUseCaseContext, matterId: string): Promise<IssuedLicence> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await issueOnce(ctx, matterId);
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function issueOnce(ctx: MatterUseCaseContext, matterId: string): Promise<IssuedLicence> {
  return ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(Matter, { id: matterId });
    if (!row) throw new AppError('NOT_FOUND', 'No licensing matter has this id.');
    const catalogue = await loadCatalogue(tx);
    const type = matterTypeOf(catalogue, row.typeCode);
    requireDecider(ctx.actor, type.authority, 'issue a licence');
    const state = stateOf(row);
    if (!type.issuesLicence) throw new AppError('BAD_USER_INPUT', `${type.code} is not followed by a licence; only an approved establishment is.`);
    if (state.status !== 'APPROVED' || !state.decision) throw new AppError('INVALID_TRANSITION', 'A licence follows an approval; this matter is not approved.');
    if (row.licenceIssuedOn) throw new AppError('CONFLICT', `The licence was issued on ${row.licenceIssuedOn}.`);
    const institution = row.institutionId ? await tx.findOne(Institution, { id: row.institutionId }) : null;
    if (!institution) throw new Error(`approved establishment ${row.id} has no institution`);
    const year = Number(ctx.today.slice(0, 4));
    // Licences come from matters and from licensing a rectified kindergarten: count every one of the year.
    const issuedThisYear = await tx.count(Institution, { licenceIssuedOn: { $like: `${year}-%` } });
    const number = licenceNumber({ areaCode: CITY_AREA_CODE, level: institution.level as InstitutionLevel, year, sequence: issuedThisYear + 1 });
    if (!number.ok) throw new AppError('CONFLICT', `No licence number is left for ${year}: ${number.error.message}`);
    institution.licenceNumber = number.value;
    institution.licenceStatus = 'VALID';
    institution.licenceIssuedOn = ctx.today;
    row.licenceIssuedOn = ctx.today;
    const approvedOn = state.decision.decidedOn;
    emitEvent(tx, {
      type: 'licensing.licence.issued',
      aggregateType: 'Institution',
      aggregateId: institution.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: {
        institutionId: institution.id,
        matterId: row.id,
        licenceNumber: number.value,
        issuedOn: ctx.today,
        workingDaysAfterApproval: catalogue.calendar.workingDaysBetween(approvedOn, ctx.today),
      },
    });
    await tx.flush();
    return {
      licence: { number: number.value, status: 'VALID', issuedOn: ctx.today },
      matter: toMatterView(row, catalogue, ctx.today),
      institution: toInstitutionView(institution),
    };
  });
}
