import { createHash } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { isTransientError, isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkText, normaliseText } from '@edugraph/rules';
import { ratingKey } from '../../domain/evaluation.ts';
import { LEVEL_SCORE, RATING_CHANNELS, isBadLevel, isReviewLevel, openCase } from '../../domain/review/index.ts';
import type { RatingChannel, ReviewLevel } from '../../domain/review/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { Rating } from '../../entities/rating.entity.ts';
import { BadReviewCaseRecord, ServiceMatter } from '../../entities/review.entities.ts';
import { loadCaseContext } from './review-context.ts';

export interface RateMatterArgs {
  matterId: string;
  level: string;
  comment?: string | null;
  channel?: string | null;
}

const matterIdInput = idInput();

export interface MatterRatingView {
  id: string;
  matterId: string;
  level: ReviewLevel;
  score: number;
  comment: string | null;
  channel: RatingChannel;
  bad: boolean;
  ratedOn: string;
  caseId: string | null;
}

function checkComment(comment: string | null | undefined, max: number): string | null {
  if (comment === null || comment === undefined) return null;
  const text = normaliseText(comment, { multiline: true });
  if (text === '') return null;
  const checked = checkText(text, { max, multiline: true });
  if (!checked.ok) throw new AppError('BAD_USER_INPUT', `comment ${checked.error.message}.`);
  return text;
}

/**
 * The applicant rates a completed matter once (一事一评), within the rating window. A bad review
 * opens its case in the same transaction; the institution's tally moves by atomic increments.
 */
export async function rateMatter(ctx: UseCaseContext & { clock: () => Date }, args: RateMatterArgs): Promise<MatterRatingView> {
  requireRole(ctx.actor, ['PARENT', 'MARKET_ENTITY', 'INSTITUTION_STAFF', 'BUREAU_STAFF'], 'rate a matter');
  const matterId = parseInput(matterIdInput, args.matterId);
  if (!isReviewLevel(args.level)) throw new AppError('BAD_USER_INPUT', 'level must be VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or VERY_DISSATISFIED.');
  const level = args.level;
  const channel = (args.channel ?? 'ONLINE') as RatingChannel;
  if (!RATING_CHANNELS.includes(channel)) throw new AppError('BAD_USER_INPUT', `channel must be one of ${RATING_CHANNELS.join(', ')}.`);
  const cc = await loadCaseContext(ctx.em, ctx.clock);
  const comment = checkComment(args.comment, cc.policy.maxTextLength);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const matter = await tx.findOne(ServiceMatter, { id: matterId });
        if (!matter || matter.applicantId !== ctx.actor.id) throw new AppError('NOT_FOUND', 'No matter of yours with this id is waiting for a rating.');
        if (matter.ratingId) throw alreadyRated();
        if (cc.today > matter.closesOn) throw new AppError('RATING_CLOSED', `Ratings for this matter closed on ${matter.closesOn}, the end of its rating window after it was completed on ${matter.completedOn}.`);
        const score = LEVEL_SCORE[level];
        const bad = isBadLevel(level);
        const matterKey = createHash('sha256').update(ratingKey({ matterId: `matter:${matter.id}`, raterId: ctx.actor.id, institutionId: matter.institutionId ?? '', serviceItem: matter.itemCode })).digest('hex');
        const rating = tx.create(Rating, {
          institutionId: matter.institutionId,
          serviceItem: matter.itemCode,
          matterId: matter.id,
          matterKey,
          score,
          comment,
          raterId: ctx.actor.id,
          bad,
          level,
          channel,
          serviceMatterId: matter.id,
          office: matter.office,
          ratedOn: cc.today,
          excluded: false,
        });
        matter.ratingId = rating.id;
        const ref = { actor: ctx.actor, correlationId: ctx.correlationId };
        emitEvent(tx, {
          ...ref,
          type: 'feedback.matter.rated',
          aggregateType: 'Rating',
          aggregateId: rating.id,
          payload: { ratingId: rating.id, matterId: matter.id, serviceItem: matter.itemCode, office: matter.office, institutionId: matter.institutionId ?? null, level, score, bad, channel },
        });
        let caseId: string | null = null;
        if (bad) {
          const opened = openCase(level, matter.office, cc);
          if (!opened.ok) throw new AppError(opened.error.code, opened.error.message);
          const record = tx.create(BadReviewCaseRecord, {
            ratingId: rating.id,
            matterId: matter.id,
            itemCode: matter.itemCode,
            office: matter.office,
            institutionId: matter.institutionId,
            reviewerId: ctx.actor.id,
            status: opened.value.status,
            dueOn: opened.value.callbackDueOn,
            state: opened.value,
          });
          caseId = record.id;
          emitEvent(tx, {
            ...ref,
            type: 'feedback.case.opened',
            aggregateType: 'BadReviewCase',
            aggregateId: record.id,
            payload: { caseId: record.id, ratingId: rating.id, office: matter.office, serviceItem: matter.itemCode, callbackDueOn: opened.value.callbackDueOn },
          });
        }
        await tx.flush();
        if (matter.institutionId) {
          await tx.nativeUpdate(
            KnownInstitution,
            { institutionId: matter.institutionId },
            { ratings: raw('ratings + 1'), scoreSum: raw('score_sum + ?', [score]), badReviews: raw('bad_reviews + ?', [bad ? 1 : 0]) },
          );
        }
        return { id: rating.id, matterId: matter.id, level, score, comment, channel, bad, ratedOn: cc.today, caseId };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRated();
      if (attempt < 3 && isTransientError(error)) continue;
      throw error;
    }
  }
}

function alreadyRated(): AppError {
  return new AppError('ALREADY_RATED', 'You have already rated this matter: each matter is rated once (一事一评).');
}

