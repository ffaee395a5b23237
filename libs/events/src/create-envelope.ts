import { v7 as uuidv7 } from 'uuid';
import { validatePayload } from '@edugraph/contracts';
import type { EventActor, EventEnvelope, EventPayload, EventType } from '@edugraph/contracts';

export interface NewEvent<T extends EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayload<T>;
  actor: EventActor;
  correlationId: string;
  causationId?: string | null;
  version?: number;
}

/** Builds a validated envelope; an invalid payload fails here, before anything is stored. */
export function createEnvelope<T extends EventType>(event: NewEvent<T>, now = new Date()): EventEnvelope<EventPayload<T>> {
  const version = event.version ?? 1;
  return {
    id: uuidv7(),
    type: event.type,
    version,
    occurredAt: now.toISOString(),
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    actor: { id: event.actor.id, kind: event.actor.kind },
    payload: validatePayload(event.type, version, event.payload),
  };
}
