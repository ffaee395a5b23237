import type { EntityManager } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { AppError, idInput, parseInput, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { Result } from '@edugraph/rules';
import { completeRectification, dueOnOf, isReviewLevel, rateFix, recordCallback, resolveCase } from '../../domain/review/index.ts';
import type { BadReviewCase, CaseContext, CaseError, ResolveInput } from '../../domain/review/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { BadReviewCaseRecord } from '../../entities/review.entities.ts';
import { loadCaseContext } from './review-context.ts';

const caseIdInput = idInput();
type ReviewContext = UseCaseContext & { clock: () => Date };

/** The office's staff act on their office's cases; anyone else is told whose case it is. */
function requireOfficeStaff(ctx: UseCaseContext, office: string, action: string): void {
  requireRole(ctx.actor, ['BUREAU_STAFF'], action);
  if (ctx.actor.office !== office) throw new AppError('FORBIDDEN', `Only staff of ${office}, the office responsible, may ${action}.`);
}

/**
 * Loads the case, checks who acts, applies the domain's step, saves it under its row version (two
 * staff at once: the second is refused with CONFLICT, nothing half-written) and emits its event.
 */
async function changeCase(
  ctx: ReviewContext,
  rawCaseId: string,
  authorise: (record: BadReviewCaseRecord) => void,
  step: (state: BadReviewCase, cc: CaseContext) => Result<BadReviewCase, CaseError>,
  announce: (tx: EntityManager, record: BadReviewCaseRecord, before: BadReviewCase) => void,
): Promise<BadReviewCaseRecord> {
  const caseId = parseInput(caseIdInput, rawCaseId);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const cc = await loadCaseContext(tx, ctx.clock);
      const record = await tx.findOne(BadReviewCaseRecord, { id: caseId });
      if (!record) throw new AppError('NOT_FOUND', 'No bad-review case with this id.');
      authorise(record);
      const before = record.state;
      const next = step(before, cc);
      if (!next.ok) throw new AppError(next.error.code, `${next.error.message}.`);
      Object.assign(record, { state: next.value, status: next.value.status, dueOn: dueOnOf(next.value) });
      announce(tx, record, before);
      if (next.value.fixedOn !== null && before.fixedOn === null && record.institutionId) {
        await tx.nativeUpdate(KnownInstitution, { institutionId: record.institutionId }, { fixedBadReviews: raw('fixed_bad_reviews + 1') });
      }
      await tx.flush();
      return record;
    });
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw new AppError('CONFLICT', 'Someone changed this case at the same moment; reload it and try again.');
    throw error;
  }
}

const ref = (ctx: UseCaseContext, record: BadReviewCaseRecord) => ({
  actor: ctx.actor,
  correlationId: ctx.correlationId,
  aggregateType: 'BadReviewCase',
  aggregateId: record.id,
});
const caseRef = (record: BadReviewCaseRecord) => ({ caseId: record.id, ratingId: record.ratingId, office: record.office });

export function recordCaseCallback(ctx: ReviewContext, args: { caseId: string; contactedAt: string; summary: string }): Promise<BadReviewCaseRecord> {
  return changeCase(
    ctx,
    args.caseId,
    (r) => requireOfficeStaff(ctx, r.office, 'record the callback'),
    (state, cc) => recordCallback(state, { contactedAt: args.contactedAt, summary: args.summary, by: ctx.actor.id }, cc),
    (tx, r) => emitEvent(tx, { ...ref(ctx, r), type: 'feedback.case.called-back', payload: { ...caseRef(r), contactedAt: r.state.callback!.contactedAt } }),
  );
}

export function resolveBadReviewCase(ctx: ReviewContext, args: { caseId: string } & ResolveInput): Promise<BadReviewCaseRecord> {
  return changeCase(
    ctx,
    args.caseId,
    (r) => requireOfficeStaff(ctx, r.office, 'resolve the case'),
    (state, cc) => resolveCase(state, args, cc),
    (tx, r) =>
      emitEvent(tx, { ...ref(ctx, r), type: 'feedback.case.resolved', payload: { ...caseRef(r), resolution: r.state.resolution!, dueOn: r.state.rectification?.dueOn ?? null } }),
  );
}

export function completeCaseRectification(ctx: ReviewContext, args: { caseId: string; evidence: string }): Promise<BadReviewCaseRecord> {
  return changeCase(
    ctx,
    args.caseId,
    (r) => requireOfficeStaff(ctx, r.office, 'complete the rectification'),
    (state, cc) => completeRectification(state, args.evidence, cc),
    (tx, r) => emitEvent(tx, { ...ref(ctx, r), type: 'feedback.case.rectified', payload: { ...caseRef(r), completedOn: r.state.fixedOn! } }),
  );
}

/** The reviewer, and only they, rates the fix. */
export function rateRectification(ctx: ReviewContext, args: { caseId: string; level: string }): Promise<BadReviewCaseRecord> {
  const level = args.level;
  if (!isReviewLevel(level)) throw new AppError('BAD_USER_INPUT', 'level must be VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or VERY_DISSATISFIED.');
  return changeCase(
    ctx,
    args.caseId,
    (r) => {
      if (r.reviewerId !== ctx.actor.id) throw new AppError('FORBIDDEN', 'Only the person who wrote the review may rate its fix.');
    },
    (state) => rateFix(state, level),
    (tx, r) => emitEvent(tx, { ...ref(ctx, r), type: 'feedback.case.fix-rated', payload: { ...caseRef(r), level } }),
  );
}
