import { z } from 'zod';
import { AppError, idInput, optionalTextInput, parseInput, textInput } from '@edugraph/platform';
import { INSTITUTION_LEVELS, validateCreditCode } from '@edugraph/rules';
import type { MatterTypeCode } from '../domain/matter/index.ts';

const newSchool = z.object({
  name: textInput({ max: 200 }),
  level: z.enum(INSTITUTION_LEVELS),
  districtCode: textInput({ max: 40, form: 'NFKC' }),
  address: optionalTextInput({ max: 300 }),
  category: z.enum(['FOR_PROFIT', 'NON_PROFIT']).nullish(),
});
const creditCode = z.string().transform((raw, ctx) => {
  const checked = validateCreditCode(raw.trim());
  if (checked.ok) return checked.value.code;
  ctx.addIssue({ code: 'custom', message: `is not a valid unified social credit code: ${checked.error.message}` });
  return z.NEVER;
});
const detailsInput = z.object({
  school: newSchool.nullish(),
  preparationMatterId: idInput().nullish(),
  newName: optionalTextInput({ max: 200 }),
  newLevel: z.enum(INSTITUTION_LEVELS).nullish(),
  newCategory: z.enum(['FOR_PROFIT', 'NON_PROFIT']).nullish(),
  newAddress: optionalTextInput({ max: 300 }),
  newSponsor: z.object({ creditCode, name: textInput({ max: 200 }) }).nullish(),
  boardVote: z.object({ membersTotal: z.number().int().min(1).max(1000), inFavour: z.number().int().min(0).max(1000) }).nullish(),
  divisions: z.array(newSchool).max(10).nullish(),
  mergeIntoInstitutionId: idInput().nullish(),
  branchAddress: optionalTextInput({ max: 300 }),
  note: optionalTextInput({ max: 2000, multiline: true }),
});
export type MatterDetailsInput = z.input<typeof detailsInput>;
export type MatterDetails = z.output<typeof detailsInput>;

/** What each type must state; everything else it may leave out. */
const REQUIRED: Partial<Record<MatterTypeCode, { field: keyof MatterDetails; why: string }[]>> = {
  PREPARATION: [{ field: 'school', why: 'the school to be prepared' }],
  ESTABLISHMENT: [{ field: 'school', why: 'the school to be established' }],
  DIVISION: [{ field: 'divisions', why: 'the schools the institution divides into' }],
  MERGER: [{ field: 'mergeIntoInstitutionId', why: 'the institution it merges into' }],
  CHANGE_NAME: [{ field: 'newName', why: 'the new name' }],
  CHANGE_ADDRESS: [{ field: 'newAddress', why: 'the new address' }],
  CHANGE_SPONSOR: [
    { field: 'newSponsor', why: 'the sponsor after the change' },
    { field: 'boardVote', why: 'the board’s vote on the change' },
  ],
  BRANCH_FILING: [{ field: 'branchAddress', why: 'where the branch campus is' }],
};

/** Parses and checks a matter's details for its type; every problem at once. */
export function parseMatterDetails(type: MatterTypeCode, raw: MatterDetailsInput | null | undefined): MatterDetails {
  const details = parseInput(detailsInput, raw ?? {});
  const problems = (REQUIRED[type] ?? [])
    .filter(({ field }) => details[field] == null || (Array.isArray(details[field]) && (details[field] as unknown[]).length === 0))
    .map(({ field, why }) => `details.${field} is required for ${type}: ${why}`);
  if (type === 'CHANGE_LEVEL_CATEGORY' && !details.newLevel && !details.newCategory) problems.push('details.newLevel or details.newCategory is required for CHANGE_LEVEL_CATEGORY');
  if (details.boardVote && details.boardVote.inFavour > details.boardVote.membersTotal) problems.push('details.boardVote.inFavour cannot exceed membersTotal');
  if (details.preparationMatterId && type !== 'ESTABLISHMENT') problems.push('details.preparationMatterId belongs to ESTABLISHMENT only');
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', `${problems.join('; ')}.`, { problems });
  return details;
}
