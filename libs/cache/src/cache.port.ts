/** A key-value cache with expiry. Values are JSON-serialisable. */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Atomically increments an integer counter (used for cache generations). */
  increment(key: string): Promise<number>;
  /** Stores `key` only if it is absent; true for the first caller, false for every later one until it expires. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
