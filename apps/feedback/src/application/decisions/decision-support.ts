import type { EntityManager } from '@mikro-orm/core';
import { createRateLimit } from '@edugraph/cache';
import type { RateLimit, SharedRedis } from '@edugraph/cache';
import { emitEvent } from '@edugraph/events';
import type { EventActor, EventType } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate, RuleError } from '@edugraph/rules';
import { DEFAULT_DECISION_POLICY } from '../../domain/decisions/index.ts';
import type { Decision, DecisionEvent, DecisionPolicy, DecisionStatus, DecisionStep } from '../../domain/decisions/index.ts';
import type { DecisionRow } from '../../entities/decision.entities.ts';

/** A use case's context plus today (Asia/Shanghai, from the service's clock) and the per-person comment limit. */
export interface DecisionContext extends UseCaseContext {
  today: CalendarDate;
  commentLimit: RateLimit;
  policy?: DecisionPolicy;
}

/** Events of a comment name this system, never the person who commented. */
export const DECISIONS_SYSTEM_ACTOR: EventActor = { id: 'feedback-decisions', kind: 'system' };

/**
 * The limit on comments per person, counted in the replicas' shared Redis (in this process's
 * memory on the embedded default, or while Redis does not answer).
 */
export function createCommentLimit(redis: SharedRedis | undefined, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): RateLimit {
  return createRateLimit({ points: policy.commentsPerPerson, durationSeconds: policy.commentWindowSeconds, keyPrefix: 'feedback-decision-comment', redis });
}

/** A domain refusal as the error the caller sees: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, error.message, error.details ? { ...error.details } : undefined);
}

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    affectsPublic: row.affectsPublic,
    office: row.office ?? null,
    openedBy: row.openedBy,
    openedOn: row.openedOn,
    status: row.status as DecisionStatus,
    steps: row.steps.map((s) => ({ ...s, step: s.step as DecisionStep, office: s.office ?? null })),
    commentPeriod: row.commentOpensOn && row.commentClosesOn ? { opensOn: row.commentOpensOn, closesOn: row.commentClosesOn } : null,
    commentCount: row.commentCount,
    answer: row.answer != null && row.answeredOn != null ? { text: row.answer, answeredOn: row.answeredOn, answeredBy: row.answeredBy ?? '' } : null,
    concludedOn: row.concludedOn ?? null,
    concludedBy: row.concludedBy ?? null,
  };
}

/** Writes the domain's new state back to the row (not the comment count: commenters raise it atomically). */
export function saveDecision(row: DecisionRow, state: Decision): void {
  row.status = state.status;
  if (state.steps.length !== row.steps.length) row.steps = state.steps.map((s) => ({ ...s }));
  row.commentOpensOn = state.commentPeriod?.opensOn ?? null;
  row.commentClosesOn = state.commentPeriod?.closesOn ?? null;
  row.answer = state.answer?.text ?? null;
  row.answeredOn = state.answer?.answeredOn ?? null;
  row.answeredBy = state.answer?.answeredBy ?? null;
  row.concludedOn = state.concludedOn;
  row.concludedBy = state.concludedBy;
}

/** Queues the domain's events in the caller's transaction. */
export function queueDecisionEvents(tx: EntityManager, ctx: { correlationId: string }, actor: EventActor, decisionId: string, events: readonly DecisionEvent[]): void {
  for (const e of events) {
    emitEvent(tx, { type: e.type as EventType, aggregateType: 'MajorDecision', aggregateId: decisionId, actor, correlationId: ctx.correlationId, payload: e.payload as never });
  }
}

/** A concurrent change under the decision's version. */
export function isConflict(error: unknown): boolean {
  return (error as Error)?.name === 'OptimisticLockError';
}

export const CONFLICT_MESSAGE = 'Someone else changed this decision at the same moment; read it again and retry.';
