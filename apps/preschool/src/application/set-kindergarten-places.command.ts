import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { AppError, idInput, parseInput, requireInstitutionAccess } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkPlaces } from '../domain/places.rules.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { toKindergartenView } from './kindergarten.view.ts';
import type { KindergartenView } from './kindergarten.view.ts';

// The number of places is checked against enrolment by the domain.
const setPlacesInput = z.object({ institutionId: idInput(), places: z.number() });
export type SetKindergartenPlaces = z.input<typeof setPlacesInput>;

/**
 * Sets approved places. The row's version detects a concurrent edit; the loser is applied again on
 * fresh data (last write wins, both events recorded), and after 3 tries it is a CONFLICT.
 */
export async function setKindergartenPlaces(ctx: UseCaseContext, raw: SetKindergartenPlaces): Promise<KindergartenView> {
  const input = parseInput(setPlacesInput, raw);
  requireInstitutionAccess(ctx.actor, input.institutionId, 'set kindergarten places');
  for (let attempt = 1; ; attempt++) {
    try {
      return await apply(ctx, input);
    } catch (error) {
      if (attempt < 3 && (error as Error).name === 'OptimisticLockError') continue;
      throw error;
    }
  }
}

function apply(ctx: UseCaseContext, input: z.output<typeof setPlacesInput>): Promise<KindergartenView> {
  return ctx.em.fork().transactional(async (tx) => {
    const kindergarten = await tx.findOne(Kindergarten, { institutionId: input.institutionId });
    if (!kindergarten) throw new AppError('NOT_FOUND', 'No kindergarten with this institution id is known to preschool (is it registered as PRESCHOOL?).');
    const problems = checkPlaces(input.places, kindergarten.enrolled);
    if (problems.length > 0) throw new AppError(problems.some((p) => p.includes('children enrolled')) ? 'CONFLICT' : 'BAD_USER_INPUT', problems.join('; '));
    const previousPlaces = kindergarten.places;
    if (previousPlaces !== input.places) {
      kindergarten.places = input.places;
      emitEvent(tx, {
        type: 'preschool.kindergarten.places-set',
        aggregateType: 'Kindergarten',
        aggregateId: kindergarten.institutionId,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: { institutionId: kindergarten.institutionId, places: input.places, previousPlaces },
      });
    }
    await tx.flush();
    return toKindergartenView(kindergarten);
  });
}
