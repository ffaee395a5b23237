import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';

/** What a use case needs from the request: who acts, the unit of work, and the trace id for events. */
export interface UseCaseContext {
  em: EntityManager;
  actor: Actor;
  correlationId: string;
}
