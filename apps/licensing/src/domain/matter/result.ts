// The rules package exports the Result type but not its constructors; these build the same shape.
import type { Result, RuleError } from '@edugraph/rules';

export type { Result, RuleError };

export function ok<Value>(value: Value): { ok: true; value: Value } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  code: Code,
  message: string,
  details?: Readonly<Record<string, string | number>>,
): { ok: false; error: RuleError<Code> } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
