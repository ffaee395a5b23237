import { emitEvent } from '@edugraph/events';
import { AppError, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { isUniqueViolation } from '@edugraph/persistence';
import { checkRegistration, normaliseRegistration } from '../domain/institution.rules.ts';
import type { NewInstitution } from '../domain/institution.rules.ts';
import { Institution } from '../entities/institution.entity.ts';
import { toInstitutionView } from './institution.view.ts';
import type { InstitutionView } from './institution.view.ts';

/**
 * Registers an institution and, in the same transaction, queues licensing.institution.registered.
 * Registering the same institution twice (same name in the district, or same credit code) is refused
 * with the id of the one that exists, whether the two requests come one after the other or at once.
 */
export async function registerInstitution(ctx: UseCaseContext, raw: NewInstitution): Promise<InstitutionView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'register institutions');
  const input = normaliseRegistration(raw);
  const problems = checkRegistration(input);
  if (problems.length > 0) {
    throw new AppError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), { problems });
  }
  try {
    return await ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(Institution, {
        $or: [{ name: input.name, districtCode: input.districtCode }, ...(input.creditCode ? [{ creditCode: input.creditCode }] : [])],
      });
      if (existing) throw alreadyRegistered(existing.id);
      const institution = tx.create(Institution, {
        ...input,
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
      const winner = await ctx.em.fork().findOne(Institution, { name: input.name, districtCode: input.districtCode });
      throw alreadyRegistered(winner?.id ?? null);
    }
    throw error;
  }
}

function alreadyRegistered(id: string | null): AppError {
  return new AppError('ALREADY_EXISTS', 'This institution is already registered (same name in the district, or same credit code).', { institutionId: id });
}
