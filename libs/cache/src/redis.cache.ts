import { createClient } from 'redis';
import type { Cache } from './cache.port.ts';

function buildClient(url: string) {
  return createClient({
    url,
    RESP: 3,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000) },
  });
}
export type RedisClient = ReturnType<typeof buildClient>;

/**
 * Connects to Redis (RESP3). Commands fail fast while Redis is away (no offline queue), and the
 * client keeps reconnecting in the background. A Redis that is there but does not answer (stopped,
 * overloaded) holds commands until their reply comes: callers bound each one with a CommandGuard.
 */
export async function connectRedis(url: string, onError: (error: Error) => void, waitMs = 3_000): Promise<RedisClient> {
  const client = buildClient(url);
  client.on('error', onError);
  // Wait a little for the first connection so the first requests hit the cache, but never block
  // start-up on a Redis that is down: callers fall back until the background reconnect succeeds.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.connect().catch(onError), new Promise((r) => (timer = setTimeout(r, waitMs)))]);
  clearTimeout(timer);
  return client;
}

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly client: RedisClient;
  private readonly prefix: string;

  constructor(client: RedisClient, prefix = 'edugraph:') {
    this.client = client;
    this.prefix = prefix;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(this.prefix + key);
    return raw == null ? undefined : (JSON.parse(String(raw)) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.client.set(this.prefix + key, JSON.stringify(value), { expiration: { type: 'EX', value: ttlSeconds } });
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.client.set(this.prefix + key, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } });
    return reply !== null;
  }

  /** Rejects when Redis is away, so the guard counts it as the failure it is. */
  async ping(): Promise<boolean> {
    return (await this.client.ping()) === 'PONG';
  }

  close(): Promise<void> {
    return closeRedis(this.client);
  }
}

/**
 * Closes gracefully, but a Redis that stopped answering would hold a graceful close (it waits for
 * every pending reply) for ever: after `waitMs` the connection is dropped instead.
 */
export async function closeRedis(client: RedisClient, waitMs = 1_000): Promise<void> {
  if (!client.isOpen) return;
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([client.close().then(() => true), new Promise<false>((r) => (timer = setTimeout(r, waitMs, false)))]);
  clearTimeout(timer);
  if (!closed) client.destroy();
}
