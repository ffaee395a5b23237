import type { Logger } from 'pino';
import type { Cache } from './cache.port.ts';
import { CommandGuard } from './command.guard.ts';
import type { CommandGuardOptions } from './command.guard.ts';
import { MemoryCache } from './memory.cache.ts';

/**
 * A service's cache: every command to the backend has a timeout and a breaker (CommandGuard), so
 * a Redis that is down or hung costs a caller at most one timeout and, once the breaker is open,
 * nothing. Reads and writes then reject with BackendUnavailableError and the caller answers from
 * its database (CachedFamily does); claims fall back to this process's memory.
 */
export class ResilientCache implements Cache {
  private readonly localClaims = new MemoryCache({ maxEntries: 100_000 });
  private readonly inner: Cache;
  private readonly guard: CommandGuard;

  constructor(inner: Cache, logger: Logger, options: CommandGuardOptions = {}) {
    this.inner = inner;
    this.guard = new CommandGuard({ ...options, logger, backend: `${inner.kind} cache`, fallback: 'answering from the database' });
  }

  get kind() {
    return this.inner.kind;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.guard.execute(() => this.inner.get<T>(key));
  }

  set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    return this.guard.execute(() => this.inner.set(key, value, ttlSeconds));
  }

  delete(key: string): Promise<void> {
    return this.guard.execute(() => this.inner.delete(key));
  }

  /**
   * Claimed in this process's memory as well: a replay to the same replica is caught even while
   * the backend is down; one to another replica is caught only by the backend.
   */
  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (!(await this.localClaims.claim(key, ttlSeconds))) return false;
    return this.guard.execute(() => this.inner.claim(key, ttlSeconds)).catch(() => true);
  }

  /** Bounded by the command timeout, so a readiness probe never hangs on a stopped Redis. */
  ping(): Promise<boolean> {
    return this.guard.execute(() => this.inner.ping()).catch(() => false);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
