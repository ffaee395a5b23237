// A refusal is a value, never a throw: the rules' own Result and its helpers.
export { fail, ok } from '@edugraph/rules';
export type { Result, RuleError } from '@edugraph/rules';

