// Validators return a result instead of throwing: bad input from a form is expected, not exceptional.
export interface RuleError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  /** Extra facts for the caller, e.g. the check character that was expected. */
  readonly details?: Readonly<Record<string, string | number>>;
}

export type Result<Value, Code extends string = string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: RuleError<Code> };

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
