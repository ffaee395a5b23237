import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.port.ts';

/**
 * The embedded default's cache, and each process's fallback for claims: least recently used
 * entries go first when it is full, so keys read on every request stay while one-off keys leave.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  // Values are kept as JSON so a caller never shares (and mutates) another caller's object.
  private readonly entries: LRUCache<string, string>;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    const clock = options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {};
    this.entries = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000, ...clock });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = this.entries.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.entries.set(key, JSON.stringify(value), { ttl: ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.entries.has(key)) return false;
    this.entries.set(key, '1', { ttl: ttlSeconds * 1000 });
    return true;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
