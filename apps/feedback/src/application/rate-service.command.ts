import { raw } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { isTransientError, isUniqueViolation } from '@edugraph/persistence';
import { AppError, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { EVALUATION_LEVELS, checkRating, isBadReview, ratingKey } from '../domain/evaluation.ts';
import { KnownInstitution } from '../entities/known-institution.entity.ts';
import { Rating } from '../entities/rating.entity.ts';
import { toSatisfactionView } from './satisfaction.view.ts';
import type { SatisfactionView } from './satisfaction.view.ts';

export interface RateService {
  institutionId: string;
  serviceItem: string;
  matterId?: string | null;
  score: number;
  comment?: string | null;
}

export interface RatingView {
  id: string;
  institutionId: string;
  serviceItem: string;
  matterId: string | null;
  score: number;
  level: string;
  comment: string | null;
  bad: boolean;
  ratedAt: string;
}

/**
 * Records a rating and moves the institution's tally in the same transaction. The tally moves by an
 * atomic increment in the database, so many raters at once wait for each other instead of failing.
 */
export async function rateService(ctx: UseCaseContext, input: RateService): Promise<{ rating: RatingView; satisfaction: SatisfactionView }> {
  requireRole(ctx.actor, ['PARENT', 'MARKET_ENTITY', 'INSTITUTION_STAFF', 'BUREAU_STAFF'], 'rate a service');
  const draft = { ...input, matterId: input.matterId?.trim() || null, comment: input.comment?.trim() || null, serviceItem: input.serviceItem.trim() };
  const problems = checkRating(draft);
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', problems.join('; '));
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const institution = await tx.findOne(KnownInstitution, { institutionId: draft.institutionId });
        if (!institution) throw new AppError('NOT_FOUND', 'No institution with this id is known to the feedback service.');
        const matterKey = ratingKey({ ...draft, raterId: ctx.actor.id });
        if (await tx.findOne(Rating, { matterKey })) throw alreadyRated();
        const bad = isBadReview(draft.score);
        const rating = tx.create(Rating, { ...draft, matterKey, raterId: ctx.actor.id, bad });
        emitEvent(tx, {
          type: 'feedback.rating.recorded',
          aggregateType: 'Rating',
          aggregateId: rating.id,
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          payload: { ratingId: rating.id, institutionId: draft.institutionId, serviceItem: draft.serviceItem, matterId: draft.matterId, score: draft.score, bad },
        });
        await tx.flush();
        await tx.nativeUpdate(
          KnownInstitution,
          { institutionId: draft.institutionId },
          { ratings: raw('ratings + 1'), scoreSum: raw('score_sum + ?', [draft.score]), badReviews: raw('bad_reviews + ?', [bad ? 1 : 0]) },
        );
        const tally = await tx.findOneOrFail(KnownInstitution, { institutionId: draft.institutionId }, { refresh: true });
        return {
          rating: { ...draft, id: rating.id, level: EVALUATION_LEVELS[draft.score]!, bad, ratedAt: rating.createdAt.toISOString() },
          satisfaction: toSatisfactionView(tally),
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRated();
      // PostgreSQL may pick one of two waiting transactions as a deadlock victim: take it again.
      if (attempt < 3 && isTransientError(error)) continue;
      throw error;
    }
  }
}

function alreadyRated(): AppError {
  return new AppError('ALREADY_RATED', 'Already rated: each matter is rated once (一事一评), and without a matter each person rates a service of an institution once.');
}
