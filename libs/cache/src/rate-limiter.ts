import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandGuard } from './command.guard.ts';
import type { RedisClient } from './redis.cache.ts';

export interface RateLimit {
  /** Resolves with the remaining points, or rejects with `RateLimitExceeded`. */
  consume(key: string, points?: number): Promise<number>;
}

export class RateLimitExceeded extends Error {
  override readonly name = 'RateLimitExceeded';
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super(`rate limit exceeded; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A Redis connection and the one guard every command on it goes through. */
export interface SharedRedis {
  client: RedisClient;
  guard: CommandGuard;
}

type Outcome = { allowed: boolean; res: RateLimiterRes };

/** rate-limiter-flexible refuses with a RateLimiterRes: an answer, not a failure of the store. */
async function attempt(limiter: RateLimiterAbstract, key: string, points: number): Promise<Outcome> {
  try {
    return { allowed: true, res: await limiter.consume(key, points) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, res: error };
    throw error;
  }
}

/**
 * One API over two backends: Redis when replicas must share the count, memory for the embedded
 * default. While Redis fails or hangs, the guard answers within its timeout (at once when its
 * breaker is open) and this process's memory counts instead, so limits still apply, per replica.
 * (rate-limiter-flexible's own insurance limiter is not used: it would charge memory too when a
 * timed-out Redis command finally fails.)
 */
export function createRateLimit(options: { points: number; durationSeconds: number; keyPrefix: string; redis?: SharedRedis | undefined }): RateLimit {
  const memory = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix: options.keyPrefix });
  const redis = options.redis;
  const shared = redis
    ? new RateLimiterRedis({ storeClient: redis.client, useRedisPackage: true, points: options.points, duration: options.durationSeconds, keyPrefix: options.keyPrefix })
    : undefined;
  return {
    async consume(key, points = 1) {
      const outcome =
        redis && shared
          ? await redis.guard.execute(() => attempt(shared, key, points)).catch(() => attempt(memory, key, points))
          : await attempt(memory, key, points);
      if (!outcome.allowed) throw new RateLimitExceeded(outcome.res.msBeforeNext);
      return outcome.res.remainingPoints;
    },
  };
}
