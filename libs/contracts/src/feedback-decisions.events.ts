import { z } from 'zod';

// Events of major administrative decisions (重大行政决策). No event names a person who commented:
// a comment's event carries its id and day only, and names the system as its actor.

const date = z.iso.date();
const step = z.enum(['EXPERT_ARGUMENT', 'RISK_ASSESSMENT', 'LEGALITY_REVIEW', 'COLLECTIVE_DISCUSSION']);

/** Bureau staff opened a decision record; `affectsPublic` decisions take public comments before they are concluded. */
export const decisionOpenedV1 = z.object({
  decisionId: z.uuid(),
  title: z.string().min(1).max(200),
  affectsPublic: z.boolean(),
  office: z.string().min(1).nullable(),
  openedOn: date,
});

/** One of the four statutory steps was recorded, with the document that records it and the day it was held. */
export const decisionStepRecordedV1 = z.object({
  decisionId: z.uuid(),
  step,
  documentRef: z.string().min(1).max(200),
  heldOn: date,
  recordedOn: date,
});

/** The public comment period opened: comments are taken from opensOn through closesOn. */
export const decisionCommentPeriodOpenedV1 = z.object({ decisionId: z.uuid(), opensOn: date, closesOn: date });

/** Someone commented on a decision (who, and what, are not in the event). */
export const decisionCommentedV1 = z.object({ decisionId: z.uuid(), commentId: z.uuid(), commentedOn: date });

/** The bureau published its answer to the public comments. */
export const decisionCommentsAnsweredV1 = z.object({ decisionId: z.uuid(), answeredOn: date, commentCount: z.number().int().min(0) });

/** The decision was concluded: all four steps recorded in order and, when it affects the public, its comments answered. */
export const decisionConcludedV1 = z.object({ decisionId: z.uuid(), affectsPublic: z.boolean(), commentCount: z.number().int().min(0), concludedOn: date });

export const feedbackDecisionEvents = {
  'feedback.decision.opened': { 1: decisionOpenedV1 },
  'feedback.decision.step-recorded': { 1: decisionStepRecordedV1 },
  'feedback.decision.comment-period-opened': { 1: decisionCommentPeriodOpenedV1 },
  'feedback.decision.commented': { 1: decisionCommentedV1 },
  'feedback.decision.comments-answered': { 1: decisionCommentsAnsweredV1 },
  'feedback.decision.concluded': { 1: decisionConcludedV1 },
} as const;
