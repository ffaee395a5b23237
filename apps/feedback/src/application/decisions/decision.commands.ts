import type { EntityManager } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import { z } from 'zod';
import { RateLimitExceeded } from '@edugraph/cache';
import { newId } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { isCalendarDate } from '@edugraph/rules';
import {
  DECISION_LIMITS,
  DECISION_STEPS,
  DEFAULT_DECISION_POLICY,
  acceptComment,
  answerComments as answerInDomain,
  concludeDecision as concludeInDomain,
  openCommentPeriod as openPeriodInDomain,
  openDecision as openInDomain,
  recordStep,
} from '../../domain/decisions/index.ts';
import type { Decision, DecisionResult } from '../../domain/decisions/index.ts';
import { DecisionCommentRow, DecisionRow } from '../../entities/decision.entities.ts';
import { CONFLICT_MESSAGE, DECISIONS_SYSTEM_ACTOR, isConflict, queueDecisionEvents, refusal, saveDecision, toDecision } from './decision-support.ts';
import type { DecisionContext } from './decision-support.ts';
import { toDecisionView } from './decision.view.ts';
import type { DecisionView } from './decision.view.ts';

const STAFF_ONLY = ['BUREAU_STAFF'] as const;

const openInput = z
  .object({
    title: textInput({ min: 1, max: DECISION_LIMITS.title }),
    summary: textInput({ max: DECISION_LIMITS.summary, multiline: true }),
    affectsPublic: z.boolean(),
  })
  .strict();
export type OpenDecision = z.input<typeof openInput>;

/** Bureau staff open a decision record (feedback.decision.opened); their office is the decision's. */
export async function openDecision(ctx: DecisionContext, raw: OpenDecision): Promise<DecisionView> {
  requireRole(ctx.actor, [...STAFF_ONLY], 'open a major decision');
  const input = parseInput(openInput, raw);
  const id = newId();
  const opened = openInDomain(id, { title: input.title, summary: input.summary, affectsPublic: input.affectsPublic, office: ctx.actor.office, openedBy: ctx.actor.id }, ctx.today);
  if (!opened.ok) throw refusal(opened.error);
  const state = opened.value.state;
  return ctx.em.fork().transactional(async (tx) => {
    const row = tx.create(DecisionRow, {
      id,
      title: state.title,
      summary: state.summary,
      affectsPublic: state.affectsPublic,
      office: state.office,
      openedBy: state.openedBy,
      openedOn: state.openedOn,
      status: state.status,
      steps: [],
      commentOpensOn: null,
      commentClosesOn: null,
      commentCount: 0,
      answer: null,
      answeredOn: null,
      answeredBy: null,
      concludedOn: null,
      concludedBy: null,
    });
    queueDecisionEvents(tx, ctx, { id: ctx.actor.id, kind: ctx.actor.kind }, id, opened.value.events);
    await tx.flush();
    return toDecisionView(row, ctx.actor, ctx);
  });
}

/** Loads a decision, lets the state machine decide, saves it and queues its events: one transaction under the decision's version. */
async function changeDecision(ctx: DecisionContext, decisionId: string, decide: (decision: Decision) => DecisionResult): Promise<DecisionView> {
  const id = parseInput(idInput(), decisionId);
  try {
    return await ctx.em.fork().transactional(async (tx: EntityManager) => {
      const row = await tx.findOne(DecisionRow, { id });
      if (!row) throw new AppError('NOT_FOUND', 'No major decision with this id.');
      const result = decide(toDecision(row));
      if (!result.ok) throw refusal(result.error);
      saveDecision(row, result.value.state);
      queueDecisionEvents(tx, ctx, { id: ctx.actor.id, kind: ctx.actor.kind }, row.id, result.value.events);
      await tx.flush();
      return toDecisionView(row, ctx.actor, ctx);
    });
  } catch (error) {
    if (isConflict(error)) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    throw error;
  }
}

const stepInput = z.object({
  decisionId: z.string(),
  step: z.enum(DECISION_STEPS),
  documentRef: textInput({ min: 1, max: DECISION_LIMITS.documentRef }),
  heldOn: z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' }),
});
export type RecordDecisionStep = z.input<typeof stepInput>;

/**
 * Staff record one of the four steps with its document and the day it was held
 * (feedback.decision.step-recorded). Once per step (STEP_ALREADY_RECORDED); the collective
 * discussion only after the legality review, and not held before it (STEP_OUT_OF_ORDER).
 */
export async function recordDecisionStep(ctx: DecisionContext, raw: RecordDecisionStep): Promise<DecisionView> {
  requireRole(ctx.actor, [...STAFF_ONLY], 'record a step of a major decision');
  const input = parseInput(stepInput, raw);
  return changeDecision(ctx, input.decisionId, (decision) =>
    recordStep(decision, { step: input.step, documentRef: input.documentRef, heldOn: input.heldOn, recordedBy: ctx.actor.id, office: ctx.actor.office }, ctx.today, ctx.policy ?? DEFAULT_DECISION_POLICY),
  );
}

/** Staff open the public comment period of a decision affecting the public (feedback.decision.comment-period-opened). */
export async function openCommentPeriod(ctx: DecisionContext, decisionId: string): Promise<DecisionView> {
  requireRole(ctx.actor, [...STAFF_ONLY], 'open a comment period');
  return changeDecision(ctx, decisionId, (decision) => openPeriodInDomain(decision, ctx.today, ctx.policy ?? DEFAULT_DECISION_POLICY));
}

const answerInput = z.object({ decisionId: z.string(), answer: textInput({ min: 1, max: DECISION_LIMITS.answer, multiline: true }) });
export type AnswerComments = z.input<typeof answerInput>;

/** Staff publish the bureau's answer to the public comments, once the period has closed (feedback.decision.comments-answered). */
export async function answerComments(ctx: DecisionContext, raw: AnswerComments): Promise<DecisionView> {
  requireRole(ctx.actor, [...STAFF_ONLY], 'answer the comments on a major decision');
  const input = parseInput(answerInput, raw);
  return changeDecision(ctx, input.decisionId, (decision) => answerInDomain(decision, { text: input.answer, answeredBy: ctx.actor.id }, ctx.today));
}

/** Staff conclude the decision once its steps, comment period and answer are all there (feedback.decision.concluded). */
export async function concludeDecision(ctx: DecisionContext, decisionId: string): Promise<DecisionView> {
  requireRole(ctx.actor, [...STAFF_ONLY], 'conclude a major decision');
  return changeDecision(ctx, decisionId, (decision) => concludeInDomain(decision, ctx.actor.id, ctx.today, ctx.policy ?? DEFAULT_DECISION_POLICY));
}

const commentInput = z.object({ decisionId: z.string(), text: textInput({ min: 1, max: DECISION_LIMITS.comment, multiline: true }) });
export type CommentOnDecision = z.input<typeof commentInput>;

/**
 * A signed-in person comments while the period is open (feedback.decision.commented, naming
 * nobody). A person over the limit of comments in the policy's window is refused (RATE_LIMITED);
 * a refused comment does not count against it. The decision's count rises atomically, so comments
 * never collide with each other or with staff changing the decision.
 */
export async function commentOnDecision(ctx: DecisionContext, rawInput: CommentOnDecision): Promise<{ id: string; commentedOn: string; decision: DecisionView }> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to comment on a decision.');
  if (ctx.actor.kind !== 'person') throw new AppError('FORBIDDEN', 'Comments on a decision come from people, not from systems.');
  const input = parseInput(commentInput, rawInput);
  const decisionId = parseInput(idInput(), input.decisionId);
  const commentId = newId();
  return ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(DecisionRow, { id: decisionId });
    if (!row) throw new AppError('NOT_FOUND', 'No major decision with this id.');
    const accepted = acceptComment(toDecision(row), commentId, ctx.today);
    if (!accepted.ok) throw refusal(accepted.error);
    await consume(ctx);
    tx.create(DecisionCommentRow, { id: commentId, decisionId, authorId: ctx.actor.id, text: input.text, commentedOn: ctx.today });
    await tx.nativeUpdate(DecisionRow, { id: decisionId }, { commentCount: raw('comment_count + 1') });
    queueDecisionEvents(tx, ctx, DECISIONS_SYSTEM_ACTOR, decisionId, accepted.value.events);
    await tx.flush();
    await tx.refresh(row);
    return { id: commentId, commentedOn: ctx.today, decision: toDecisionView(row, ctx.actor, ctx) };
  });
}

async function consume(ctx: DecisionContext): Promise<void> {
  const policy = ctx.policy ?? DEFAULT_DECISION_POLICY;
  try {
    await ctx.commentLimit.consume(`person:${ctx.actor.id}`);
  } catch (error) {
    if (!(error instanceof RateLimitExceeded)) throw error;
    const minutes = Math.max(1, Math.ceil(error.retryAfterMs / 60_000));
    throw new AppError('RATE_LIMITED', `You may comment ${policy.commentsPerPerson} times in ${policy.commentWindowSeconds / 60} minutes; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000),
    });
  }
}
