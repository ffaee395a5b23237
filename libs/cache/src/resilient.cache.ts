import type { Logger } from 'pino';
import type { Cache } from './cache.port.ts';
import { MemoryCache } from './memory.cache.ts';

/**
 * A cache that never fails its caller: when the backend errors, reads are misses and writes are
 * skipped, so the service answers from its database. The outage is logged once when it starts and
 * once when it ends, not once per request.
 */
export class ResilientCache implements Cache {
  private down = false;
  private readonly localClaims = new MemoryCache({ maxEntries: 100_000 });
  private readonly inner: Cache;
  private readonly logger: Logger;

  constructor(inner: Cache, logger: Logger) {
    this.inner = inner;
    this.logger = logger;
  }

  get kind() {
    return this.inner.kind;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.guard(() => this.inner.get<T>(key), undefined);
  }

  set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    return this.guard(() => this.inner.set(key, value, ttlSeconds), undefined);
  }

  delete(key: string): Promise<void> {
    return this.guard(() => this.inner.delete(key), undefined);
  }

  /** Returns NaN while the backend is down: a generation nobody has cached under. */
  increment(key: string): Promise<number> {
    return this.guard(() => this.inner.increment(key), Number.NaN);
  }

  /**
   * While the backend is down, claims are kept in this process's memory: a replay to the same
   * replica is still caught, one to another replica is not until the backend returns.
   */
  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const local = await this.localClaims.claim(key, ttlSeconds);
    return this.guard(() => this.inner.claim(key, ttlSeconds), local);
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async guard<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await op();
      if (this.down) {
        this.down = false;
        this.logger.info({ cache: this.inner.kind }, 'cache is back; serving from cache again');
      }
      return result;
    } catch (error) {
      if (!this.down) {
        this.down = true;
        this.logger.error({ err: error, cache: this.inner.kind }, 'cache unavailable; answering from the database until it returns');
      }
      return fallback;
    }
  }
}
