// A major administrative decision (重大行政决策) as a state machine: OPEN while its four steps —
// expert argument, risk assessment, legality review, collective discussion — are recorded (each
// once, with who, when and the document), then CONCLUDED. The collective discussion may only be
// recorded once the legality review is, and not held before it. A decision that affects the
// public also needs a public comment period that has run its course and the bureau's published
// answer to the comments before it can be concluded. No I/O: today and the policy are given.
import { addDays, fail, ok } from '@edugraph/rules';
import type { CalendarDate, Result, RuleError } from '@edugraph/rules';
import { DECISION_STEPS, DECISION_STEP_NAMES, DEFAULT_DECISION_POLICY } from './decision-policy.ts';
import type { CommentPeriodState, DecisionPolicy, DecisionStatus, DecisionStep } from './decision-policy.ts';

export interface RecordedStep {
  readonly step: DecisionStep;
  /** The document that records it (minutes, opinion, report), e.g. 教法审〔2026〕3号. */
  readonly documentRef: string;
  /** The day it was held or signed. */
  readonly heldOn: CalendarDate;
  /** The staff member who recorded it, and their office. */
  readonly recordedBy: string;
  readonly office: string | null;
  readonly recordedOn: CalendarDate;
}

export interface CommentAnswer {
  readonly text: string;
  readonly answeredOn: CalendarDate;
  readonly answeredBy: string;
}

export interface Decision {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly affectsPublic: boolean;
  /** The office that opened it (the sign-in's office claim). */
  readonly office: string | null;
  readonly openedBy: string;
  readonly openedOn: CalendarDate;
  readonly status: DecisionStatus;
  readonly steps: readonly RecordedStep[];
  /** Comments are taken from opensOn through closesOn; null until staff open the period. */
  readonly commentPeriod: { readonly opensOn: CalendarDate; readonly closesOn: CalendarDate } | null;
  readonly commentCount: number;
  readonly answer: CommentAnswer | null;
  readonly concludedOn: CalendarDate | null;
  readonly concludedBy: string | null;
}

export type DecisionEvent =
  | { type: 'feedback.decision.opened'; payload: { decisionId: string; title: string; affectsPublic: boolean; office: string | null; openedOn: CalendarDate } }
  | { type: 'feedback.decision.step-recorded'; payload: { decisionId: string; step: DecisionStep; documentRef: string; heldOn: CalendarDate; recordedOn: CalendarDate } }
  | { type: 'feedback.decision.comment-period-opened'; payload: { decisionId: string; opensOn: CalendarDate; closesOn: CalendarDate } }
  | { type: 'feedback.decision.commented'; payload: { decisionId: string; commentId: string; commentedOn: CalendarDate } }
  | { type: 'feedback.decision.comments-answered'; payload: { decisionId: string; answeredOn: CalendarDate; commentCount: number } }
  | { type: 'feedback.decision.concluded'; payload: { decisionId: string; affectsPublic: boolean; commentCount: number; concludedOn: CalendarDate } };

export type DecisionRefusalCode =
  | 'BAD_USER_INPUT'
  | 'DECISION_CONCLUDED'
  | 'STEP_ALREADY_RECORDED'
  | 'STEP_OUT_OF_ORDER'
  | 'STEPS_MISSING'
  | 'NO_PUBLIC_COMMENT'
  | 'COMMENT_PERIOD_ALREADY_OPENED'
  | 'COMMENT_PERIOD_NOT_OPEN'
  | 'COMMENT_PERIOD_CLOSED'
  | 'COMMENT_PERIOD_MISSING'
  | 'COMMENT_PERIOD_RUNNING'
  | 'ALREADY_ANSWERED'
  | 'ANSWER_MISSING';
export type DecisionRefusal = RuleError<DecisionRefusalCode>;
export type DecisionResult = Result<{ state: Decision; events: DecisionEvent[] }, DecisionRefusalCode>;

const stepName = (step: DecisionStep) => `${DECISION_STEP_NAMES[step]} (${step})`;

function stillOpen(decision: Decision): { ok: false; error: DecisionRefusal } | null {
  if (decision.status !== 'CONCLUDED') return null;
  return fail('DECISION_CONCLUDED', `This decision was concluded on ${decision.concludedOn}; its record can no longer change.`);
}

export interface DecisionDraft {
  readonly title: string;
  readonly summary: string;
  readonly affectsPublic: boolean;
  readonly office: string | null;
  readonly openedBy: string;
}

/** Opens a decision record (feedback.decision.opened): it needs a title. */
export function openDecision(id: string, draft: DecisionDraft, today: CalendarDate): DecisionResult {
  if (draft.title.trim() === '') return fail('BAD_USER_INPUT', 'A decision needs a title: say what is being decided.');
  const state: Decision = {
    id,
    title: draft.title,
    summary: draft.summary,
    affectsPublic: draft.affectsPublic,
    office: draft.office,
    openedBy: draft.openedBy,
    openedOn: today,
    status: 'OPEN',
    steps: [],
    commentPeriod: null,
    commentCount: 0,
    answer: null,
    concludedOn: null,
    concludedBy: null,
  };
  return ok({ state, events: [{ type: 'feedback.decision.opened', payload: { decisionId: id, title: draft.title, affectsPublic: draft.affectsPublic, office: draft.office, openedOn: today } }] });
}

/** The steps not recorded yet, in the statutory order. */
export function missingSteps(decision: Pick<Decision, 'steps'>): DecisionStep[] {
  return DECISION_STEPS.filter((s) => !decision.steps.some((r) => r.step === s));
}

/** The first ordering rule the recorded steps break (a step held before the one it must follow), or null. */
export function orderViolation(steps: readonly RecordedStep[], policy: DecisionPolicy = DEFAULT_DECISION_POLICY): DecisionRefusal | null {
  for (const rule of policy.order) {
    const later = steps.find((s) => s.step === rule.step);
    if (!later) continue;
    const earlier = steps.find((s) => s.step === rule.after);
    if (!earlier) {
      return { code: 'STEP_OUT_OF_ORDER', message: `${stepName(rule.step)} must come after ${stepName(rule.after)}, which is not recorded yet: record it first.`, details: { step: rule.step, after: rule.after } };
    }
    if (later.heldOn < earlier.heldOn) {
      return {
        code: 'STEP_OUT_OF_ORDER',
        message: `${stepName(rule.step)} (held on ${later.heldOn}) cannot come before ${stepName(rule.after)} (held on ${earlier.heldOn}).`,
        details: { step: rule.step, after: rule.after },
      };
    }
  }
  return null;
}

export interface StepRecord {
  readonly step: DecisionStep;
  readonly documentRef: string;
  readonly heldOn: CalendarDate;
  readonly recordedBy: string;
  readonly office: string | null;
}

/**
 * Records one of the four steps (feedback.decision.step-recorded). Each step is recorded once
 * (STEP_ALREADY_RECORDED: the record is what happened; it is not rewritten). A step that must
 * follow another is refused until that one is recorded, and when held before it (STEP_OUT_OF_ORDER).
 * A step cannot be held in the future.
 */
export function recordStep(decision: Decision, record: StepRecord, today: CalendarDate, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): DecisionResult {
  const closed = stillOpen(decision);
  if (closed) return closed;
  if (record.documentRef.trim() === '') return fail('BAD_USER_INPUT', 'A step needs the reference of the document that records it (minutes, opinion or report).');
  if (record.heldOn > today) return fail('BAD_USER_INPUT', `A step is recorded once it has been held; ${record.heldOn} is after today (${today}).`, { heldOn: record.heldOn });
  const existing = decision.steps.find((s) => s.step === record.step);
  if (existing) {
    return fail('STEP_ALREADY_RECORDED', `${stepName(record.step)} was already recorded on ${existing.recordedOn} (${existing.documentRef}); a step is recorded once.`, {
      step: record.step,
    });
  }
  const recorded: RecordedStep = { ...record, recordedOn: today };
  const steps = [...decision.steps, recorded];
  const violation = orderViolation(steps, policy);
  if (violation) return { ok: false, error: violation };
  return ok({
    state: { ...decision, steps },
    events: [{ type: 'feedback.decision.step-recorded', payload: { decisionId: decision.id, step: record.step, documentRef: record.documentRef, heldOn: record.heldOn, recordedOn: today } }],
  });
}

/** Where the public comment period stands on `today`. */
export function commentPeriodState(decision: Pick<Decision, 'affectsPublic' | 'commentPeriod'>, today: CalendarDate): CommentPeriodState {
  if (!decision.affectsPublic) return 'NOT_REQUIRED';
  if (decision.commentPeriod === null) return 'NOT_OPENED';
  return today > decision.commentPeriod.closesOn ? 'CLOSED' : 'OPEN';
}

/** Staff open the public comment period of a decision affecting the public (feedback.decision.comment-period-opened); once. */
export function openCommentPeriod(decision: Decision, today: CalendarDate, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): DecisionResult {
  const closed = stillOpen(decision);
  if (closed) return closed;
  if (!decision.affectsPublic) return fail('NO_PUBLIC_COMMENT', 'This decision does not affect the public; it takes no public comments.');
  if (decision.commentPeriod !== null) {
    return fail('COMMENT_PERIOD_ALREADY_OPENED', `The comment period was already opened: it runs from ${decision.commentPeriod.opensOn} to ${decision.commentPeriod.closesOn}.`);
  }
  const commentPeriod = { opensOn: today, closesOn: addDays(today, policy.commentPeriodDays) };
  return ok({ state: { ...decision, commentPeriod }, events: [{ type: 'feedback.decision.comment-period-opened', payload: { decisionId: decision.id, ...commentPeriod } }] });
}

/**
 * A person comments while the period is open (feedback.decision.commented, naming nobody). The
 * comment itself is kept by the caller; the decision counts it.
 */
export function acceptComment(decision: Decision, commentId: string, today: CalendarDate): DecisionResult {
  if (!decision.affectsPublic) return fail('NO_PUBLIC_COMMENT', 'This decision does not affect the public; it takes no public comments.');
  const period = decision.commentPeriod;
  if (decision.status === 'CONCLUDED' || (period !== null && today > period.closesOn)) {
    return fail('COMMENT_PERIOD_CLOSED', `The comment period of this decision closed${period ? ` on ${period.closesOn}` : ''}; comments are no longer taken.`);
  }
  if (period === null || today < period.opensOn) return fail('COMMENT_PERIOD_NOT_OPEN', 'The comment period of this decision has not opened yet; comments are taken once the bureau publishes the draft.');
  return ok({
    state: { ...decision, commentCount: decision.commentCount + 1 },
    events: [{ type: 'feedback.decision.commented', payload: { decisionId: decision.id, commentId, commentedOn: today } }],
  });
}

/**
 * The bureau publishes its answer to the public's comments (feedback.decision.comments-answered):
 * once the comment period has closed, and once (ALREADY_ANSWERED: the published answer stands).
 */
export function answerComments(decision: Decision, answer: { text: string; answeredBy: string }, today: CalendarDate): DecisionResult {
  const closed = stillOpen(decision);
  if (closed) return closed;
  if (answer.text.trim() === '') return fail('BAD_USER_INPUT', 'The answer to the comments cannot be empty.');
  const state = commentPeriodState(decision, today);
  if (state === 'NOT_REQUIRED') return fail('NO_PUBLIC_COMMENT', 'This decision does not affect the public; it takes no public comments to answer.');
  if (state === 'NOT_OPENED') return fail('COMMENT_PERIOD_MISSING', 'The comment period has not been opened yet; open it and answer the comments once it has closed.');
  if (state === 'OPEN') return fail('COMMENT_PERIOD_RUNNING', `The comment period runs until ${decision.commentPeriod!.closesOn}; answer the comments after it has closed.`, { closesOn: decision.commentPeriod!.closesOn });
  if (decision.answer !== null) return fail('ALREADY_ANSWERED', `The answer to the comments was published on ${decision.answer.answeredOn}; it stands as published.`);
  return ok({
    state: { ...decision, answer: { text: answer.text, answeredOn: today, answeredBy: answer.answeredBy } },
    events: [{ type: 'feedback.decision.comments-answered', payload: { decisionId: decision.id, answeredOn: today, commentCount: decision.commentCount } }],
  });
}

/**
 * Concludes the decision (feedback.decision.concluded). Refused, in this order: STEPS_MISSING
 * naming every step not recorded; STEP_OUT_OF_ORDER; for a decision affecting the public,
 * COMMENT_PERIOD_MISSING (never opened), COMMENT_PERIOD_RUNNING (not over yet) and ANSWER_MISSING.
 */
export function concludeDecision(decision: Decision, concludedBy: string, today: CalendarDate, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): DecisionResult {
  const closed = stillOpen(decision);
  if (closed) return closed;
  const missing = missingSteps(decision);
  if (missing.length > 0) {
    return fail('STEPS_MISSING', `This decision cannot be concluded before ${missing.map(stepName).join(', ')} ${missing.length === 1 ? 'is' : 'are'} recorded.`, { missing: missing.join(',') });
  }
  const violation = orderViolation(decision.steps, policy);
  if (violation) return { ok: false, error: violation };
  const period = commentPeriodState(decision, today);
  if (period === 'NOT_OPENED') return fail('COMMENT_PERIOD_MISSING', 'This decision affects the public: open its public comment period, and answer the comments once it has closed, before concluding it.');
  if (period === 'OPEN') return fail('COMMENT_PERIOD_RUNNING', `The public comment period runs until ${decision.commentPeriod!.closesOn}; the decision can be concluded after it has closed and the comments are answered.`, { closesOn: decision.commentPeriod!.closesOn });
  if (period === 'CLOSED' && decision.answer === null) return fail('ANSWER_MISSING', 'Publish the bureau’s answer to the public comments (answerComments) before concluding this decision.');
  return ok({
    state: { ...decision, status: 'CONCLUDED', concludedOn: today, concludedBy },
    events: [{ type: 'feedback.decision.concluded', payload: { decisionId: decision.id, affectsPublic: decision.affectsPublic, commentCount: decision.commentCount, concludedOn: today } }],
  });
}
