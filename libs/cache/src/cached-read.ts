import type { Cache } from './cache.port.ts';

/**
 * Read-through cache for a family of keys that is invalidated as a whole: every key includes the
 * family's generation number, and invalidation increments it, so stale entries are never read again
 * and simply expire.
 */
export class CachedFamily {
  private readonly cache: Cache;
  private readonly family: string;
  private readonly ttlSeconds: number;

  constructor(cache: Cache, family: string, ttlSeconds: number) {
    this.cache = cache;
    this.family = family;
    this.ttlSeconds = ttlSeconds;
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const generation = (await this.cache.get<number>(`${this.family}:generation`)) ?? 0;
    const fullKey = `${this.family}:${generation}:${key}`;
    const hit = await this.cache.get<T>(fullKey);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.cache.set(fullKey, value, this.ttlSeconds);
    return value;
  }

  async invalidate(): Promise<void> {
    await this.cache.increment(`${this.family}:generation`);
  }
}
