// Public API of the vocational domain's shared helpers.
export { ok, fail } from './result.ts';
export type { Result, RuleError } from './result.ts';
