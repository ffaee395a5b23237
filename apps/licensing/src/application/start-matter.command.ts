import { z } from 'zod';
import { AppError, idInput, optionalTextInput, parseInput } from '@edugraph/platform';
import { newId } from '@edugraph/persistence';
import { MATTER_TYPE_CODES, openMatter } from '../domain/matter/index.ts';
import type { MatterType } from '../domain/matter/index.ts';
import type { EntityManager } from '@mikro-orm/core';
import { Institution } from '../entities/institution.entity.ts';
import { Matter } from '../entities/matter.entity.ts';
import { requireSponsor } from './matter-access.ts';
import { loadCatalogue, matterTypeOf } from './matter-catalogue.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import { saveState } from './matter-change.ts';
import { parseMatterDetails } from './matter-details.ts';
import type { MatterDetailsInput } from './matter-details.ts';
import { stateOf, toMatterView } from './matter.view.ts';
import type { MatterView } from './matter.view.ts';

const startInput = z.object({
  type: z.enum(MATTER_TYPE_CODES),
  institutionId: idInput().nullish(),
  applicantName: optionalTextInput({ max: 200 }),
  details: z.unknown().optional(),
});
export type StartMatter = z.input<typeof startInput> & { details?: MatterDetailsInput | null };

/**
 * A sponsor opens a matter in DRAFT. A matter about an existing school needs that school in the
 * registry, active, private, and sponsored by this organisation; an establishment after preparation
 * names the organisation's approved, unlapsed preparation.
 */
export async function startMatter(ctx: MatterUseCaseContext, raw: StartMatter): Promise<MatterView> {
  const creditCode = requireSponsor(ctx.actor, 'start a licensing matter');
  const input = parseInput(startInput, raw);
  const details = parseMatterDetails(input.type, raw.details);
  return ctx.em.fork().transactional(async (tx) => {
    const catalogue = await loadCatalogue(tx);
    const type = matterTypeOf(catalogue, input.type);
    if (input.institutionId) await checkInstitution(tx, input.institutionId, creditCode, type);
    if (details.mergeIntoInstitutionId) await checkMergeTarget(tx, details.mergeIntoInstitutionId, input.institutionId ?? null);
    if (details.preparationMatterId) await checkPreparation(tx, details.preparationMatterId, creditCode);
    const opened = openMatter({
      id: newId(),
      type,
      applicant: { creditCode, name: input.applicantName ?? creditCode },
      institutionId: input.institutionId ?? null,
      preparedUnder: details.preparationMatterId ?? null,
    });
    if (!opened.ok) throw new AppError(opened.error.code, opened.error.message);
    const row = tx.create(Matter, {
      id: opened.value.id,
      typeCode: type.code,
      status: opened.value.status,
      authority: type.authority,
      applicantCreditCode: creditCode,
      startedBy: ctx.actor.id,
      institutionId: input.institutionId ?? null,
      details: details as Record<string, unknown>,
      state: {},
    });
    saveState(row, opened.value, catalogue, ctx.today);
    await tx.flush();
    return toMatterView(row, catalogue, ctx.today);
  });
}

async function checkInstitution(tx: EntityManager, institutionId: string, creditCode: string, type: MatterType): Promise<void> {
  const institution = await tx.findOne(Institution, { id: institutionId });
  if (!institution) throw new AppError('NOT_FOUND', 'No institution in the registry has this id.');
  if (institution.status === 'RETIRED') throw new AppError('CONFLICT', 'This institution has been retired (merged or terminated); no matter can be started for it.');
  if (institution.ownership !== 'PRIVATE') throw new AppError('BAD_USER_INPUT', `${type.code} is a private-school matter; this institution is public.`);
  if (institution.sponsorCreditCode !== creditCode) {
    throw new AppError('FORBIDDEN', institution.sponsorCreditCode ? 'This school has another sponsor on record; only its sponsor may start matters for it.' : 'No sponsor is on record for this school; the bureau records it first.');
  }
  if (type.code === 'ESTABLISHMENT' && institution.licenceNumber) throw new AppError('CONFLICT', 'This school already holds a licence; it is established.');
}

async function checkMergeTarget(tx: EntityManager, targetId: string, institutionId: string | null): Promise<void> {
  if (targetId === institutionId) throw new AppError('BAD_USER_INPUT', 'details.mergeIntoInstitutionId names the institution itself; a school merges into another.');
  const target = await tx.findOne(Institution, { id: targetId });
  if (!target || target.status === 'RETIRED') throw new AppError('NOT_FOUND', 'details.mergeIntoInstitutionId names no active institution.');
}

async function checkPreparation(tx: EntityManager, matterId: string, creditCode: string): Promise<void> {
  const preparation = await tx.findOne(Matter, { id: matterId });
  const state = preparation ? stateOf(preparation) : null;
  if (!preparation || state?.typeCode !== 'PREPARATION' || preparation.applicantCreditCode !== creditCode) {
    throw new AppError('NOT_FOUND', 'details.preparationMatterId names no preparation matter of your organisation.');
  }
  if (state.status !== 'APPROVED') throw new AppError('CONFLICT', 'The preparation named has not been approved.');
  if (preparation.preparationLapsedOn) throw new AppError('CONFLICT', `The preparation approval lapsed on ${preparation.preparationLapsedOn} (3 years without an establishment application).`);
}

