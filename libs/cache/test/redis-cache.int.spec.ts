import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { infraUrl, uniqueName } from '@edugraph/testing';
import { CachedFamily, CommandGuard, RateLimitExceeded, RedisCache, ResilientCache, connectRedis, createRateLimit } from '../src/index.ts';
import type { RedisClient, SharedRedis } from '../src/index.ts';

const redisUrl = await infraUrl('redis');

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.skipIf(!redisUrl)('Redis cache on a real Redis', () => {
  const prefix = `${uniqueName('t')}:`;
  const clients: RedisClient[] = [];
  const client = async () => {
    const c = await connectRedis(redisUrl!, () => {});
    clients.push(c);
    return c;
  };
  let replicaA: RedisCache;
  let replicaB: RedisCache;
  beforeAll(async () => {
    replicaA = new RedisCache(await client(), prefix);
    replicaB = new RedisCache(await client(), prefix);
  });
  afterAll(async () => {
    for (const c of clients) if (c.isOpen) await c.close();
  });

  it('stores JSON values with an expiry', async () => {
    await replicaA.set('k', { a: 1, b: ['x'] }, 1);
    expect(await replicaB.get('k')).toEqual({ a: 1, b: ['x'] });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await replicaB.get('k')).toBeUndefined();
  });

  it('serves a family from cache until one replica invalidates it, for every replica', async () => {
    let loads = 0;
    const load = async () => ({ list: [`v${++loads}`] });
    const a = new CachedFamily(replicaA, 'institutions', 30);
    const b = new CachedFamily(replicaB, 'institutions', 30);
    expect(await a.read('first-20', load)).toEqual({ list: ['v1'] });
    expect(await b.read('first-20', load)).toEqual({ list: ['v1'] });
    await b.invalidate();
    expect(await a.read('first-20', load)).toEqual({ list: ['v2'] });
    expect(loads).toBe(2);
  });

  it('answers from the loader when Redis is down, and logs the outage once', async () => {
    const { logger, lines } = capturingLogger();
    const dead = new ResilientCache(new RedisCache(await connectRedis('redis://127.0.0.1:1', () => {}, 200), prefix), logger);
    const family = new CachedFamily(dead, 'institutions', 30);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await family.read('k', async () => 'from the database'));
    expect(results).toEqual(Array(5).fill('from the database'));
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(1);
    expect(lines[0]!.msg).toMatch(/cache unavailable; answering from the database/);
    await dead.close().catch(() => {});
  });

  it('lets exactly one replica claim a key (an actor token id), and keeps it claimed while Redis is down', async () => {
    const claims = await Promise.all([replicaA, replicaB, replicaA, replicaB].map((r) => r.claim('jti-1', 30)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const dead = new ResilientCache(new RedisCache(await connectRedis('redis://127.0.0.1:1', () => {}, 200), prefix), capturingLogger().logger);
    expect([await dead.claim('jti-2', 30), await dead.claim('jti-2', 30)]).toEqual([true, false]);
    await dead.close().catch(() => {});
  });

  const shared = async (): Promise<SharedRedis> => ({ client: await client(), guard: new CommandGuard({ logger: capturingLogger().logger, backend: 'Redis', fallback: 'memory' }) });

  it('charges rate limits by points', async () => {
    const limit = createRateLimit({ points: 500, durationSeconds: 60, keyPrefix: `${prefix}cost`, redis: await shared() });
    expect(await limit.consume('caller', 300)).toBe(200);
    await expect(limit.consume('caller', 201)).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it('shares rate limits between replicas through Redis', async () => {
    const limitA = createRateLimit({ points: 3, durationSeconds: 60, keyPrefix: `${prefix}rl`, redis: await shared() });
    const limitB = createRateLimit({ points: 3, durationSeconds: 60, keyPrefix: `${prefix}rl`, redis: await shared() });
    await limitA.consume('actor:1');
    await limitB.consume('actor:1');
    await limitA.consume('actor:1');
    await expect(limitB.consume('actor:1')).rejects.toBeInstanceOf(RateLimitExceeded);
  });
});
