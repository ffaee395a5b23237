import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis.cache.ts';
import type { SharedRedis } from './rate-limiter.ts';

/**
 * One version token per service, replaced each time the service's data changes: after it commits
 * a mutation, publishes its events or applies another service's. A reader that keys cached
 * answers by the versions of every service it asked never serves an answer older than a change
 * whose bump it has seen: the gateway's public response cache is built on it.
 *
 * Tokens are random, never counters: a version lost with the store (flushed, evicted) starts a
 * new token instead of bringing an old one's answers back.
 */
export interface DataVersions {
  /** Records that `service`'s data changed. Never rejects: an unwritten bump is retried until it lands. */
  bump(service: string): void;
  /** The current token of each service, in order; undefined when they cannot be known now (do not cache). */
  read(services: readonly string[]): Promise<string[] | undefined>;
}

/** The embedded default's versions: one map shared by the services and the gateway of one process. */
export class MemoryDataVersions implements DataVersions {
  private readonly versions = new Map<string, string>();

  bump(service: string): void {
    this.versions.set(service, randomUUID());
  }

  async read(services: readonly string[]): Promise<string[]> {
    return services.map((service) => {
      let version = this.versions.get(service);
      if (version === undefined) this.versions.set(service, (version = randomUUID()));
      return version;
    });
  }
}

/** Where a service's version lives in Redis; `prefix` is the deployment's (topic) prefix. */
export const dataVersionKey = (prefix: string, service: string) => `${prefix}edugraph:data-version:${service}`;

/**
 * Versions in Redis, shared by every replica of every service and every gateway. A bump that
 * cannot be written (Redis away) stays owed and is retried every `retryMs`; bumps asked for while
 * one is being written are folded into one more write after it, which still starts after every
 * change it stands for.
 */
export class RedisDataVersions implements DataVersions {
  private readonly redis: SharedRedis;
  private readonly prefix: string;
  private readonly retryMs: number;
  private readonly writing = new Map<string, { again: boolean }>();
  private readonly owed = new Set<string>();
  private retry: NodeJS.Timeout | undefined;

  constructor(redis: SharedRedis, options: { prefix?: string; retryMs?: number } = {}) {
    this.redis = redis;
    this.prefix = options.prefix ?? '';
    this.retryMs = options.retryMs ?? 1_000;
  }

  bump(service: string): void {
    const inFlight = this.writing.get(service);
    if (inFlight) {
      inFlight.again = true;
      return;
    }
    const state = { again: false };
    this.writing.set(service, state);
    void this.write(service, state);
  }

  async read(services: readonly string[]): Promise<string[] | undefined> {
    const keys = services.map((s) => dataVersionKey(this.prefix, s));
    const client: RedisClient = this.redis.client;
    let values: (string | null)[];
    try {
      values = (await this.redis.guard.execute(() => client.mGet(keys))).map((v) => (v == null ? null : String(v)));
    } catch {
      return undefined;
    }
    const missing = keys.filter((_, i) => values[i] === null);
    if (missing.length === 0) return values as string[];
    // A lost version starts a new one; this reader does not know which answers it would match.
    await Promise.allSettled(missing.map((key) => this.redis.guard.execute(() => client.set(key, randomUUID(), { condition: 'NX' }))));
    return undefined;
  }

  /** Stops retrying owed bumps (process shutdown). */
  close(): void {
    clearInterval(this.retry);
    this.retry = undefined;
  }

  private async write(service: string, state: { again: boolean }): Promise<void> {
    for (;;) {
      state.again = false;
      try {
        await this.redis.guard.execute(() => this.redis.client.set(dataVersionKey(this.prefix, service), randomUUID()));
        this.owed.delete(service);
      } catch {
        this.owed.add(service);
        this.retry ??= setInterval(() => this.retryOwed(), this.retryMs).unref();
      }
      if (!state.again) break;
    }
    this.writing.delete(service);
  }

  private retryOwed(): void {
    if (this.owed.size === 0) {
      clearInterval(this.retry);
      this.retry = undefined;
      return;
    }
    for (const service of this.owed) this.bump(service);
  }
}
