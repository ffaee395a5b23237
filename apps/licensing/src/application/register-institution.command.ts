import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { AppError, optionalTextInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { isUniqueViolation } from '@edugraph/persistence';
import { INSTITUTION_LEVELS, OWNERSHIPS, characterCount } from '@edugraph/rules';
import { checkRegistration, institutionNameKey, normaliseRegistration } from '../domain/institution.rules.ts';
import { Institution } from '../entities/institution.entity.ts';
import { toInstitutionView } from './institution.view.ts';
import type { InstitutionView } from './institution.view.ts';

/** What a registration may hold; the maximum lengths are the columns'. */
const registrationInput = z.object({
  name: textInput({ max: 200 }),
  level: z.enum(INSTITUTION_LEVELS),
  ownership: z.enum(OWNERSHIPS),
  districtCode: textInput({ max: 40, form: 'NFKC' }),
  address: optionalTextInput({ max: 300 }),
  creditCode: optionalTextInput({ max: 18, form: 'NFKC' }),
  licenceNumber: optionalTextInput({ max: 60, form: 'NFKC' }),
  sponsorCreditCode: optionalTextInput({ max: 18, form: 'NFKC' }),
});
export type RegisterInstitution = z.input<typeof registrationInput>;

/** Room for the name key in its column (see the entity). */
const NAME_KEY_MAX = 400;

/**
 * Registers an institution and, in the same transaction, queues licensing.institution.registered.
 * Registering the same institution twice (a name with the same key in the district, or the same
 * credit code) is refused with the id of the one that exists, whether the two requests come one
 * after the other or at once.
 */
export async function registerInstitution(ctx: UseCaseContext, raw: RegisterInstitution): Promise<InstitutionView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'register institutions');
  const input = normaliseRegistration(parseInput(registrationInput, raw));
  const problems = checkRegistration(input);
  if (problems.length > 0) {
    throw new AppError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), { problems });
  }
  const nameKey = institutionNameKey(input.name);
  if (characterCount(nameKey) > NAME_KEY_MAX) {
    throw new AppError('BAD_USER_INPUT', `name is more than ${NAME_KEY_MAX} characters once compatibility characters are spelled out (NFKC); write them as plain letters.`);
  }
  const sameInstitution = [
    { districtCode: input.districtCode, nameKey },
    // Rows of an embedded SQLite file from before name keys have none: match those by name.
    { districtCode: input.districtCode, name: input.name },
    ...(input.creditCode ? [{ creditCode: input.creditCode }] : []),
  ];
  try {
    return await ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(Institution, { $or: sameInstitution });
      if (existing) throw alreadyRegistered(existing.id);
      const institution = tx.create(Institution, {
        ...input,
        nameKey,
        licenceStatus: input.licenceNumber ? 'VALID' : null,
      });
      emitEvent(tx, {
        type: 'licensing.institution.registered',
        aggregateType: 'Institution',
        aggregateId: institution.id,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: {
          institutionId: institution.id,
          name: institution.name,
          level: input.level,
          ownership: input.ownership,
          districtCode: institution.districtCode,
        },
      });
      await tx.flush();
      return toInstitutionView(institution);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await ctx.em.fork().findOne(Institution, { $or: sameInstitution });
      throw alreadyRegistered(winner?.id ?? null);
    }
    throw error;
  }
}

function alreadyRegistered(id: string | null): AppError {
  return new AppError(
    'ALREADY_EXISTS',
    'This institution is already registered: the district has one of the same name (ignoring case, width, spacing and invisible characters), or one with the same credit code.',
    { institutionId: id },
  );
}
