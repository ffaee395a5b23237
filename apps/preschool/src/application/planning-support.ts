import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import type { EventActor, EventEnvelope, EventType } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import type { DomainEvent, RuleError } from '../domain/index.ts';

/** A use case's context plus today's date in Asia/Shanghai (from the injected clock). */
export interface PlanningContext extends UseCaseContext {
  today: CalendarDate;
}

/** A domain refusal as the error the caller sees: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, error.message, error.details ? { ...error.details } : undefined);
}

/** Queues the domain's events in the caller's transaction; returns the envelopes (their ids correlate answers). */
export function queueEvents(
  tx: EntityManager,
  ctx: { actor: EventActor; correlationId: string; causationId?: string | null },
  aggregate: { type: string; id: string },
  events: readonly DomainEvent[],
): EventEnvelope[] {
  return events.map((e) =>
    emitEvent(tx, {
      type: e.type as EventType,
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? null,
      payload: e.payload as never,
    }),
  );
}
