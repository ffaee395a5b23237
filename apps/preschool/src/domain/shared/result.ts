// A refusal is a value, never a throw: the rules' Result and its helpers, plus events and steps.
import { fail, ok } from '@edugraph/rules';
import type { Result, RuleError } from '@edugraph/rules';

export { fail, ok };
export type { Result, RuleError };

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
