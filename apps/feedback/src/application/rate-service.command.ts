import { createHash } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { isTransientError, isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, optionalTextInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkText } from '@edugraph/rules';
import { levelOfScore } from '../domain/review/index.ts';
import { EVALUATION_LEVELS, checkRating, isBadReview, ratingKey } from '../domain/evaluation.ts';
import { KnownInstitution } from '../entities/known-institution.entity.ts';
import { Rating } from '../entities/rating.entity.ts';
import { toSatisfactionView } from './satisfaction.view.ts';
import type { SatisfactionView } from './satisfaction.view.ts';

/** What a rating may hold; codes fold full-width forms (NFKC), the comment keeps its line breaks. */
const rateServiceInput = z.object({
  institutionId: idInput(),
  serviceItem: textInput({ max: 100, form: 'NFKC' }),
  matterId: optionalTextInput({ max: 100, form: 'NFKC' }),
  score: z.number(),
  comment: optionalTextInput({ max: 2000, multiline: true }),
});
export type RateService = z.input<typeof rateServiceInput>;

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
 * Records a rating and moves the institution's tally (kept for existing clients: such a rating names
 * no invited matter, so it stays out of the published 好差评 figures, which count rateMatter only) in the same transaction. The tally moves by an
 * atomic increment in the database, so many raters at once wait for each other instead of failing.
 */
export async function rateService(ctx: UseCaseContext, input: RateService): Promise<{ rating: RatingView; satisfaction: SatisfactionView }> {
  requireRole(ctx.actor, ['PARENT', 'MARKET_ENTITY', 'INSTITUTION_STAFF', 'BUREAU_STAFF'], 'rate a service');
  const raterId = checkRaterId(ctx.actor.id);
  const draft = parseInput(rateServiceInput, input);
  const problems = checkRating(draft);
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', problems.join('; '));
  // Stored as its SHA-256: a rater id is as long as the sign-in made it, and the key must fit a unique index.
  const matterKey = createHash('sha256').update(ratingKey({ ...draft, raterId }), 'utf8').digest('hex');
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const institution = await tx.findOne(KnownInstitution, { institutionId: draft.institutionId });
        if (!institution) throw new AppError('NOT_FOUND', 'No institution with this id is known to the feedback service.');
        if (await tx.findOne(Rating, { matterKey })) throw alreadyRated();
        const bad = isBadReview(draft.score);
        const rating = tx.create(Rating, { ...draft, matterKey, raterId, bad, level: levelOfScore(draft.score), ratedOn: null, excluded: false });
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
  return new AppError('ALREADY_RATED', 'You have already rated this: each person rates a matter once (一事一评), and without a matter a service of an institution once.');
}

/**
 * The rater is recorded by the sign-in's user id, of any length; one holding a control or bidi
 * character cannot be stored the same way by every database, so it cannot rate.
 */
function checkRaterId(id: string): string {
  const checked = checkText(id, { max: Number.POSITIVE_INFINITY });
  if (checked.ok) return id;
  throw new AppError(
    'UNAUTHENTICATED',
    `Your sign-in's user id cannot be recorded with a rating: it holds a control or bidirectional character, or is not well-formed Unicode (${checked.error.code}). Sign in with an account whose id is printable text.`,
  );
}
