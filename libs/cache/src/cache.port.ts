/**
 * A key-value cache with expiry, shared by a service's replicas. Values are JSON-serialisable.
 * A backend's commands reject when it cannot answer. Behind `ResilientCache` (what services get)
 * `get`, `set` and `delete` reject within the command timeout (`BackendUnavailableError`) and
 * never hang, so a caller can tell a miss from an outage; `claim` and `ping` always answer.
 */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  /** The stored value, or undefined when there is none (absent or expired). */
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores `key` only if it is absent; true for the first caller, false for every later one until it expires. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
