import { randomUUID } from 'node:crypto';
import type { Cache } from './cache.port.ts';
import { SingleFlight } from './single-flight.ts';

/** A generation outlives every entry; should it be lost anyway, the next read starts a new one. */
const GENERATION_TTL_SECONDS = 24 * 3600;

/**
 * Read-through cache for a family of keys invalidated as a whole. Every key includes the family's
 * generation, a random token that invalidation replaces, so older entries are never read again and
 * simply expire. A token is never reused: a lost generation key (evicted, expired) starts a new
 * generation instead of bringing back an old one's entries, as a counter restarting at 0 would.
 * Concurrent misses of one key share one load.
 *
 * An invalidation is never lost. After any failed cache command (its own invalidation, or another:
 * other replicas' invalidations may fail in the same outage) a replica treats the family as cold —
 * database reads, nothing cached — until it has written a new generation, which it retries every
 * `retryMs` and before each read. So once the cache answers, that replica serves nothing cached
 * before the failure, and every other replica stops doing so within `retryMs`.
 */
export class CachedFamily {
  private readonly cache: Cache;
  private readonly family: string;
  private readonly ttlSeconds: number;
  private readonly retryMs: number;
  private readonly generationKey: string;
  private readonly flights = new SingleFlight();
  /** True while an invalidation is owed: reads bypass the cache until one lands. */
  private cold = false;
  /** Counts this replica's invalidations, so a database read begun before one is not shared after it. */
  private epoch = 0;
  private failures = 0;
  private recovering: Promise<string | undefined> | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(cache: Cache, family: string, ttlSeconds: number, options: { retryMs?: number } = {}) {
    this.cache = cache;
    this.family = family;
    this.ttlSeconds = ttlSeconds;
    this.retryMs = options.retryMs ?? 1_000;
    // Not `:generation`, where a counter used to be: entries of the two schemes never meet.
    this.generationKey = `${family}:generation-token`;
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const generation = await this.generation();
    if (generation === undefined) return this.flights.run(`cold:${this.epoch}:${key}`, load);
    const entryKey = `${this.family}:${generation}:${key}`;
    let hit: { value: T } | undefined;
    try {
      hit = await this.cache.get<{ value: T }>(entryKey);
    } catch {
      this.turnCold();
      return this.flights.run(`cold:${this.epoch}:${key}`, load);
    }
    if (hit) return hit.value;
    return this.flights.run(entryKey, async () => {
      const value = await load();
      await this.cache.set(entryKey, { value }, this.ttlSeconds).catch(() => this.turnCold());
      return value;
    });
  }

  /** Starts a new generation; when the cache cannot take it now, it is retried until it can. */
  async invalidate(): Promise<void> {
    this.epoch++;
    await this.startGeneration();
  }

  /** The generation to read under, or undefined when this replica must not use the cache now. */
  private async generation(): Promise<string | undefined> {
    if (this.cold) return this.recover();
    try {
      return (await this.cache.get<string>(this.generationKey)) ?? (await this.recover());
    } catch {
      this.turnCold();
      return undefined;
    }
  }

  /** One new generation for every reader that finds the family cold or without one at once. */
  private recover(): Promise<string | undefined> {
    return (this.recovering ??= this.startGeneration().finally(() => (this.recovering = undefined)));
  }

  // Readers use a token only after its write has completed, so every entry under it was loaded
  // after any change whose invalidation it replaced. A write that completes while another command
  // failed may have landed before the change that failure was about: it does not end the outage.
  private async startGeneration(): Promise<string | undefined> {
    const token = randomUUID();
    const failuresBefore = this.failures;
    try {
      await this.cache.set(this.generationKey, token, GENERATION_TTL_SECONDS);
    } catch {
      this.turnCold();
      return undefined;
    }
    if (this.failures !== failuresBefore) return undefined;
    this.cold = false;
    clearInterval(this.retry);
    this.retry = undefined;
    return token;
  }

  private turnCold(): void {
    this.cold = true;
    this.failures++;
    // The retry lands the owed invalidation even if this replica gets no reads; unref: it never
    // keeps a process alive.
    this.retry ??= setInterval(() => void this.recover(), this.retryMs).unref();
  }
}
