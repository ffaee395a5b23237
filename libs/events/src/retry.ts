import { ExponentialBackoff, handleAll, handleWhen, retry } from 'cockatiel';
import type { RetryPolicy } from 'cockatiel';

export interface RetryOptions {
  /** Attempts in all, the first included; Infinity retries until it succeeds or is aborted. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Which failures are worth another attempt; the others are thrown at once. */
  shouldRetry?: (error: unknown) => boolean;
}

/**
 * The one way this library retries: exponential backoff with jitter (cockatiel), so connecting to
 * the broker, creating topics, handling a message and delivering in-process all behave alike.
 */
export function retryPolicy(o: RetryOptions): RetryPolicy {
  const backoff = new ExponentialBackoff({ initialDelay: o.initialDelayMs, maxDelay: o.maxDelayMs });
  // cockatiel counts retries after the first attempt.
  const maxAttempts = Number.isFinite(o.maxAttempts) ? Math.max(0, o.maxAttempts - 1) : Number.MAX_SAFE_INTEGER;
  return retry(o.shouldRetry ? handleWhen(o.shouldRetry) : handleAll, { maxAttempts, backoff });
}
