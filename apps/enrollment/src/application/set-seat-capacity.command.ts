import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireInstitutionAccess } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkCapacityChange } from '../domain/seat-capacity.rules.ts';
import { School } from '../entities/school.entity.ts';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { toSeatPoolView } from './seat-pool.view.ts';
import type { SeatPoolView } from './seat-pool.view.ts';

// Numbers are checked against the school's level by the domain.
const setSeatCapacityInput = z.object({ institutionId: idInput(), year: z.number(), grade: z.number(), capacity: z.number() });
export type SetSeatCapacity = z.input<typeof setSeatCapacityInput>;

/**
 * Sets a grade's capacity and queues enrollment.seat-pool.capacity-set in the same transaction.
 * Two staff creating the same pool at once: the loser's insert hits the unique key and is retried
 * as an update, so the last write wins and nothing is lost or duplicated.
 */
export async function setSeatCapacity(ctx: UseCaseContext, raw: SetSeatCapacity): Promise<SeatPoolView> {
  const input = parseInput(setSeatCapacityInput, raw);
  requireInstitutionAccess(ctx.actor, input.institutionId, 'set seat capacity');
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional((tx) => apply(tx, ctx, input));
    } catch (error) {
      if (attempt < 3 && (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError')) continue;
      throw error;
    }
  }
}

async function apply(tx: UseCaseContext['em'], ctx: UseCaseContext, input: z.output<typeof setSeatCapacityInput>): Promise<SeatPoolView> {
  const school = await tx.findOne(School, { institutionId: input.institutionId });
  if (!school) {
    throw new AppError('NOT_FOUND', 'No primary or junior school with this institution id is known to enrollment (is it registered as PRIMARY or JUNIOR?).');
  }
  const pool = await tx.findOne(SeatPool, { institutionId: input.institutionId, year: input.year, grade: input.grade });
  const problems = checkCapacityChange({ level: school.level, ...input, placed: pool?.placed ?? 0 });
  if (problems.length > 0) throw new AppError(problems.some((p) => p.includes('already placed')) ? 'CONFLICT' : 'BAD_USER_INPUT', problems.join('; '));
  const previousCapacity = pool?.capacity ?? null;
  const target = pool ?? tx.create(SeatPool, { institutionId: input.institutionId, year: input.year, grade: input.grade, capacity: input.capacity, placed: 0 });
  target.capacity = input.capacity;
  if (previousCapacity !== input.capacity) {
    emitEvent(tx, {
      type: 'enrollment.seat-pool.capacity-set',
      aggregateType: 'SeatPool',
      aggregateId: target.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: { institutionId: input.institutionId, year: input.year, grade: input.grade, capacity: input.capacity, previousCapacity },
    });
  }
  await tx.flush();
  return toSeatPoolView(target);
}
