import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { Logger } from 'pino';

/** What every resolver gets: who asks, a forked entity manager, and ids to trace the request. */
export interface RequestContext {
  actor: Actor;
  em: EntityManager;
  requestId: string;
  correlationId: string;
  logger: Logger;
}
