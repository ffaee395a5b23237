import { raw } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { AppError, idInput, parseInput, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { DEFAULT_REVIEW_POLICY, decideAppeal as decide, dueOnOf, fileAppeal, withdrawCase } from '../../domain/review/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { Rating } from '../../entities/rating.entity.ts';
import { AppealRecord, BadReviewCaseRecord } from '../../entities/review.entities.ts';

const idOf = idInput();

/** The reviewed office appeals a review it holds malicious or mistaken; one appeal per rating. */
export async function appealReview(ctx: UseCaseContext, args: { ratingId: string; grounds: string }): Promise<AppealRecord> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'appeal a review');
  const ratingId = parseInput(idOf, args.ratingId);
  return ctx.em.fork().transactional(async (tx) => {
    const rating = await tx.findOne(Rating, { id: ratingId });
    if (!rating || !rating.office) throw new AppError('NOT_FOUND', 'No rated matter with this id (only ratings of a matter can be appealed).');
    if (await tx.findOne(AppealRecord, { ratingId })) throw new AppError('APPEAL_EXISTS', 'This review was already appealed; an appeal is decided once.');
    const filed = fileAppeal(rating.office, ctx.actor.office, args.grounds, DEFAULT_REVIEW_POLICY.maxTextLength);
    if (!filed.ok) throw new AppError(filed.error.code, `${filed.error.message}.`);
    const appeal = tx.create(AppealRecord, { ratingId, office: rating.office, status: 'PENDING', filedBy: ctx.actor.id, state: filed.value, decidedAt: null });
    emitEvent(tx, { type: 'feedback.appeal.filed', aggregateType: 'Appeal', aggregateId: appeal.id, actor: ctx.actor, correlationId: ctx.correlationId, payload: { appealId: appeal.id, ratingId, office: rating.office } });
    await tx.flush();
    return appeal;
  });
}

/**
 * Staff of another office decide. Upheld: the rating leaves the published figures (marked
 * excluded, never deleted), its case is withdrawn and the institution's tally moves back.
 */
export async function decideAppeal(ctx: UseCaseContext, args: { appealId: string; upheld: boolean; reason: string }): Promise<AppealRecord> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'decide an appeal');
  const appealId = parseInput(idOf, args.appealId);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const appeal = await tx.findOne(AppealRecord, { id: appealId });
      if (!appeal) throw new AppError('NOT_FOUND', 'No appeal with this id.');
      const decided = decide(appeal.state, { id: ctx.actor.id, office: ctx.actor.office }, args.upheld, args.reason, DEFAULT_REVIEW_POLICY.maxTextLength);
      if (!decided.ok) throw new AppError(decided.error.code, `${decided.error.message}.`);
      Object.assign(appeal, { state: decided.value, status: decided.value.status, decidedAt: new Date() });
      if (args.upheld) {
        const rating = await tx.findOneOrFail(Rating, { id: appeal.ratingId });
        rating.excluded = true;
        const badCase = await tx.findOne(BadReviewCaseRecord, { ratingId: rating.id });
        if (badCase) {
          const withdrawn = withdrawCase(badCase.state);
          Object.assign(badCase, { state: withdrawn, status: withdrawn.status, dueOn: dueOnOf(withdrawn) });
        }
        if (rating.institutionId) {
          const fixed = badCase?.state.fixedOn ? 1 : 0;
          await tx.nativeUpdate(
            KnownInstitution,
            { institutionId: rating.institutionId },
            { ratings: raw('ratings - 1'), scoreSum: raw('score_sum - ?', [rating.score]), badReviews: raw('bad_reviews - ?', [rating.bad ? 1 : 0]), fixedBadReviews: raw('fixed_bad_reviews - ?', [fixed]) },
          );
        }
      }
      emitEvent(tx, {
        type: 'feedback.appeal.decided',
        aggregateType: 'Appeal',
        aggregateId: appeal.id,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: { appealId: appeal.id, ratingId: appeal.ratingId, office: appeal.office, upheld: args.upheld, decidingOffice: ctx.actor.office! },
      });
      await tx.flush();
      return appeal;
    });
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw new AppError('CONFLICT', 'Someone decided this appeal at the same moment; reload it.');
    throw error;
  }
}
