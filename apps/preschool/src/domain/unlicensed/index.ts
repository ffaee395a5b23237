// Public API of unlicensed-kindergarten cases (无证幼儿园治理): the case machine, diversion, policy.
export { CASE_ALLOWED_FROM, CASE_EVENTS } from './case-types.ts';
export type { CaseState, Hazard, Placement, ClosingReason, UnlicensedCase, CaseInput, CaseCommand, CaseRefusal } from './case-types.ts';
export { openCase, handleCase, replacedChildren } from './case.ts';
export { divertChildren, caseProgress } from './divert.ts';
export type { FreeKindergarten, Proposal, Diversion, CaseProgress } from './divert.ts';
export { DEFAULT_UNLICENSED_POLICY } from './policy.ts';
export type { UnlicensedPolicy } from './policy.ts';
