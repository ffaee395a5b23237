// Helpers every folder of the preschool domain shares: refusals as values, plain events, dates.
export { ok, fail, event, step } from './result.ts';
export type { Result, RuleError, DomainEvent, Step } from './result.ts';
export { isAfter, isDueSoon, isCount, isText, isCalendarDate } from './dates.ts';
export type { CalendarDate } from './dates.ts';
