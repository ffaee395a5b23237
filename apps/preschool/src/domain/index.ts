// Public API of the preschool domain: pure rules only (no ORM, events bus or I/O), one folder each.
export * from './kindergarten/index.ts';
export * from './capacity/index.ts';
export * from './coverage/index.ts';
export * from './subsidy/index.ts';
export * from './unlicensed/index.ts';
export { ok, fail, event, step } from './shared/index.ts';
export type { Result, RuleError, DomainEvent, Step } from './shared/index.ts';
export { checkPlaces, MAX_PLACES } from './places.rules.ts';
