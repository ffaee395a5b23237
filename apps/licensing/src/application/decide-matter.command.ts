import { z } from 'zod';
import { AppError, parseInput, textInput } from '@edugraph/platform';
import type { InstitutionLevel } from '@edugraph/rules';
import type { InstitutionChangedV1 } from '@edugraph/contracts';
import { requireDecider } from './matter-access.ts';
import { changeMatter } from './matter-change.ts';
import type { MatterStep, MatterUseCaseContext } from './matter-change.ts';
import type { MatterDetails } from './matter-details.ts';
import type { MatterState } from '../domain/matter/index.ts';
import { activeInstitution, addPrivateSchool, changeInstitution, retireInstitution } from './registry-writes.ts';
import type { MatterView } from './matter.view.ts';

const decideInput = z.object({
  outcome: z.enum(['APPROVED', 'REFUSED']),
  legalBasis: textInput({ max: 1000, multiline: true }),
  reason: textInput({ max: 4000, multiline: true }),
});

/**
 * The deciding authority decides; an approval changes the registry in the same transaction, each
 * change with its event. Two staff deciding at once: the first commits, the second finds the
 * matter decided (or loses on the row's version) and gets CONFLICT.
 */
export function decideMatter(ctx: MatterUseCaseContext, matterId: string, raw: z.input<typeof decideInput>): Promise<MatterView> {
  const input = parseInput(decideInput, raw);
  return changeMatter(ctx, matterId, {
    authorize: ({ row, type }) => {
      requireDecider(ctx.actor, type.authority, 'decide');
      const decided = (row.state as unknown as MatterState).decision;
      if (decided) throw new AppError('CONFLICT', `This matter was already decided (${decided.outcome} on ${decided.decidedOn}).`);
    },
    command: ({ type, row }) => {
      const details = row.details as MatterDetails;
      return {
        type: 'decide',
        outcome: input.outcome,
        legalBasis: input.legalBasis,
        reason: input.reason,
        deciderAuthority: type.authority,
        ...(details.boardVote ? { boardVote: details.boardVote } : {}),
      };
    },
    effects: async (step) => {
      if (step.after.status === 'APPROVED') await applyApproval(ctx, step);
    },
  });
}

/** What an approval does to the registry, by matter type. A preparation changes nothing: the school enters when established. */
async function applyApproval(ctx: MatterUseCaseContext, { tx, row, type }: MatterStep): Promise<void> {
  const details = row.details as MatterDetails;
  const sponsor = row.applicantCreditCode;
  switch (type.code) {
    case 'ESTABLISHMENT': {
      if (row.institutionId || !details.school) return; // an existing school: its licence follows (issueLicence)
      const school = await addPrivateSchool(tx, ctx, { ...details.school, address: details.school.address ?? null, category: details.school.category ?? null, sponsorCreditCode: sponsor }, row.id);
      row.institutionId = school.id;
      row.state = { ...row.state, institutionId: school.id };
      return;
    }
    case 'DIVISION':
      for (const school of details.divisions ?? []) {
        await addPrivateSchool(tx, ctx, { ...school, address: school.address ?? null, category: school.category ?? null, sponsorCreditCode: sponsor }, row.id);
      }
      return;
    case 'MERGER':
      retireInstitution(tx, ctx, await activeInstitution(tx, row.institutionId ?? null), { matterId: row.id, reason: 'MERGER', mergedInto: details.mergeIntoInstitutionId ?? null, on: ctx.today });
      return;
    case 'TERMINATION':
      retireInstitution(tx, ctx, await activeInstitution(tx, row.institutionId ?? null), { matterId: row.id, reason: 'TERMINATION', mergedInto: null, on: ctx.today });
      return;
    case 'CHANGE_NAME':
    case 'CHANGE_LEVEL_CATEGORY':
    case 'CHANGE_ADDRESS':
    case 'CHANGE_SPONSOR': {
      const changes: InstitutionChangedV1['changes'] = {
        ...(type.code === 'CHANGE_NAME' && details.newName ? { name: details.newName } : {}),
        ...(type.code === 'CHANGE_LEVEL_CATEGORY' && details.newLevel ? { level: details.newLevel as InstitutionLevel } : {}),
        ...(type.code === 'CHANGE_LEVEL_CATEGORY' && details.newCategory ? { category: details.newCategory } : {}),
        ...(type.code === 'CHANGE_ADDRESS' && details.newAddress ? { address: details.newAddress } : {}),
        ...(type.code === 'CHANGE_SPONSOR' && details.newSponsor ? { sponsorCreditCode: details.newSponsor.creditCode } : {}),
      };
      changeInstitution(tx, ctx, await activeInstitution(tx, row.institutionId ?? null), changes, row.id);
      return;
    }
    default:
      return;
  }
}
