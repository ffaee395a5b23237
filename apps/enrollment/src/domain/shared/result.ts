// A refusal is a value, never a throw: the rules' Result and its helpers, plus form problems.
import { fail, ok } from '@edugraph/rules';
import type { Result, RuleError } from '@edugraph/rules';

export { fail, ok };
export type { Result, RuleError };

/** One problem with one field of a form, so a parent sees every problem at once (一次性告知). */
export interface Problem {
  /** Path of the field, e.g. `guardians[1].phone`. */
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A refused command: the RuleError shape, plus the field problems when a form caused it. */
export interface Refusal<Code extends string = string> extends RuleError<Code> {
  readonly problems?: readonly Problem[];
}

export type Decision<Value, Code extends string = string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: Refusal<Code> };

/** Refuses with every problem listed; the code is the problem's own when there is just one. */
export function refuseWith<Code extends string>(
  manyCode: Code,
  problems: readonly Problem[],
): { ok: false; error: Refusal } {
  const [only] = problems;
  const code = problems.length === 1 && only ? only.code : manyCode;
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return { ok: false, error: { code, message, problems } };
}

/** A plain event another service can read (feedback, gateway); no personal data in payloads. */
export interface DomainEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export function event(type: string, payload: DomainEvent['payload']): DomainEvent {
  return { type, payload };
}
