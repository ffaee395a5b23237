import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
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

/**
 * One API over two backends: Redis when replicas must share the count, memory for the embedded
 * default. With Redis down, the memory limiter stands in (insurance), so limits still apply.
 */
export function createRateLimit(options: { points: number; durationSeconds: number; keyPrefix: string; redis?: RedisClient }): RateLimit {
  const memory = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix: options.keyPrefix });
  const limiter = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        useRedisPackage: true,
        points: options.points,
        duration: options.durationSeconds,
        keyPrefix: options.keyPrefix,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async consume(key, points = 1) {
      try {
        const res = await limiter.consume(key, points);
        return res.remainingPoints;
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new RateLimitExceeded(error.msBeforeNext);
        throw error;
      }
    },
  };
}
