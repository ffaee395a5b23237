// Helpers every folder of the enrollment domain shares: refusals as values, plain events.
export { ok, fail, refuseWith, event } from './result.ts';
export type { Result, RuleError, Problem, Refusal, Decision, DomainEvent } from './result.ts';
export { levelOfGrade } from './school-level.ts';
export type { SchoolLevel } from './school-level.ts';
