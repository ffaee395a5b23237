// Public API of major administrative decisions (重大行政决策): the state machine and its policy.
export { DECISION_STEPS, DECISION_STEP_NAMES, DECISION_STATUSES, DEFAULT_DECISION_POLICY, DECISION_LIMITS } from './decision-policy.ts';
export type { CommentPeriodState, DecisionPolicy, DecisionStatus, DecisionStep } from './decision-policy.ts';
export { openDecision, recordStep, openCommentPeriod, acceptComment, answerComments, concludeDecision, commentPeriodState, missingSteps, orderViolation } from './decision.ts';
export type { CommentAnswer, Decision, DecisionDraft, DecisionEvent, DecisionRefusal, DecisionRefusalCode, DecisionResult, RecordedStep, StepRecord } from './decision.ts';
