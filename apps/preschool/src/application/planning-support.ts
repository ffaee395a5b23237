import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import type { EventActor, EventEnvelope, EventType } from '@edugraph/contracts';
import { AppError, checkPageSize, decodeCursor, encodeCursor } from '@edugraph/platform';
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

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Keyset paging by id (UUID v7, so in creation order), the shape of every growing list. */
export async function pageById<Row extends { id: string }, V>(
  count: () => Promise<number>,
  find: (where: { id?: { $gt: string } }, limit: number) => Promise<Row[]>,
  view: (row: Row) => V,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<V>> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after);
  const [rows, totalCount] = await Promise.all([find(after ? { id: { $gt: after } } : {}, first + 1), count()]);
  const page = rows.slice(0, first);
  return {
    nodes: page.map(view),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null },
    totalCount,
  };
}
