// A refusal is a value, never a throw: the rules' own Result and its helpers.
export { ok, fail } from '@edugraph/rules';
export type { Result, RuleError } from '@edugraph/rules';
