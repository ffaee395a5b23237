import { emitEvent } from '@edugraph/events';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError, requireInstitutionAccess } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkProgramme } from '../domain/programme.rules.ts';
import { Programme } from '../entities/programme.entity.ts';
import { VocationalSchool } from '../entities/vocational-school.entity.ts';
import { toProgrammeView } from './programme.view.ts';
import type { ProgrammeView } from './programme.view.ts';

export interface PublishProgramme {
  institutionId: string;
  code: string;
  name: string;
  lengthYears: number;
  annualIntake: number;
  featured?: boolean | null;
}

/**
 * Creates or updates the school's programme with this code; publishing the same data again changes
 * nothing. Two staff at once: the loser's insert (unique key) or update (version) is retried.
 */
export async function publishProgramme(ctx: UseCaseContext, input: PublishProgramme): Promise<ProgrammeView> {
  requireInstitutionAccess(ctx.actor, input.institutionId, 'publish programmes');
  const draft = { ...input, code: input.code.trim(), name: input.name.trim(), featured: input.featured ?? false };
  const problems = checkProgramme(draft);
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', problems.join('; '));
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        if (!(await tx.findOne(VocationalSchool, { institutionId: input.institutionId }))) {
          throw new AppError('NOT_FOUND', 'No vocational school with this institution id is known (is it registered as VOCATIONAL?).');
        }
        const existing = await tx.findOne(Programme, { institutionId: input.institutionId, code: draft.code });
        const unchanged =
          existing && existing.name === draft.name && existing.lengthYears === draft.lengthYears && existing.annualIntake === draft.annualIntake && existing.featured === draft.featured;
        if (existing && unchanged) return toProgrammeView(existing);
        const programme = existing ?? tx.create(Programme, { ...draft });
        Object.assign(programme, { name: draft.name, lengthYears: draft.lengthYears, annualIntake: draft.annualIntake, featured: draft.featured });
        emitEvent(tx, {
          type: 'vocational.programme.published',
          aggregateType: 'Programme',
          aggregateId: programme.id,
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          payload: { programmeId: programme.id, institutionId: input.institutionId, code: draft.code, name: draft.name, annualIntake: draft.annualIntake },
        });
        await tx.flush();
        return toProgrammeView(programme);
      });
    } catch (error) {
      if (attempt < 3 && (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError')) continue;
      throw error;
    }
  }
}
