import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { Logger } from 'pino';

/**
 * Builds one batch loader for one request. Module-level functions make good keys: the registry
 * makes each at most once per request, so every resolver of a field shares its batch.
 */
export type LoaderFactory<L> = (em: EntityManager) => L;

/** The batch loaders of one request, made on first use and dropped with the request. */
export interface LoaderRegistry {
  get<L>(factory: LoaderFactory<L>): L;
}

export function createLoaderRegistry(em: EntityManager): LoaderRegistry {
  const made = new Map<LoaderFactory<unknown>, unknown>();
  return {
    get<L>(factory: LoaderFactory<L>): L {
      if (!made.has(factory)) made.set(factory, factory(em));
      return made.get(factory) as L;
    },
  };
}

/** What every resolver gets: who asks, a forked entity manager, its batch loaders, and ids to trace the request. */
export interface RequestContext {
  actor: Actor;
  em: EntityManager;
  /** Per-request batch loaders over `em`: a field of many entities costs one query, not one per entity. */
  loaders: LoaderRegistry;
  requestId: string;
  correlationId: string;
  logger: Logger;
}
