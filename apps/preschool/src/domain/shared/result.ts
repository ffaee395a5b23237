// @edugraph/rules exports the Result and RuleError types but not its ok/fail helpers, so these
// tiny equivalents build values of exactly the same shape (a refusal is a value, never a throw).
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

/** A plain event another service can read (licensing, feedback); no personal data in payloads. */
export interface DomainEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export function event(type: string, payload: DomainEvent['payload']): DomainEvent {
  return { type, payload };
}

/** What every command returns: the next state and the events it raises, or a refusal. */
export type Step<State, Code extends string = string> = Result<{ readonly state: State; readonly events: readonly DomainEvent[] }, Code>;

export function step<State>(state: State, ...events: DomainEvent[]): { ok: true; value: { state: State; events: DomainEvent[] } } {
  return ok({ state, events });
}
