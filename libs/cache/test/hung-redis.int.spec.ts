import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { eventually, infraUrl, uniqueName } from '@edugraph/testing';
import { CachedFamily, CommandGuard, RateLimitExceeded, RedisCache, ResilientCache, closeRedis, connectRedis, createRateLimit } from '../src/index.ts';
import type { RedisClient } from '../src/index.ts';
import { startRedisProxy, startSilentServer } from './redis-proxy.ts';

const redisUrl = await infraUrl('redis');
const TIMEOUT_MS = 100;

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: pino({ level: 'info' }, stream), errors: () => lines.filter((l) => l.level >= 50), infos: () => lines.filter((l) => l.level === 30) };
}

describe.skipIf(!redisUrl)('a Redis that hangs or drops away', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
  });
  const connect = async (url: string, waitMs?: number): Promise<RedisClient> => {
    const client = await connectRedis(url, () => {}, waitMs);
    cleanup.push(() => closeRedis(client, 100));
    return client;
  };
  const proxy = async () => {
    const p = await startRedisProxy(redisUrl!);
    cleanup.push(() => p.close());
    return p;
  };
  const replica = async (url: string, logger = capturingLogger().logger) =>
    new ResilientCache(new RedisCache(await connect(url), `${uniqueName('hung')}:`), logger, { commandTimeoutMs: TIMEOUT_MS, halfOpenAfterMs: 50 });

  it('answers the gateway’s rate limits from memory while Redis hangs, logs the outage once, and goes back to Redis', async () => {
    const log = capturingLogger();
    const p = await proxy();
    const guard = new CommandGuard({ logger: log.logger, backend: 'Redis', fallback: 'counting in memory', commandTimeoutMs: TIMEOUT_MS, halfOpenAfterMs: 50 });
    const redis = { client: await connect(p.url), guard };
    const keyPrefix = uniqueName('edge');
    // The gateway's three limiters, on one connection and one guard.
    const [perIp, perCaller, registrations] = ['ip', 'caller', 'apq'].map((k) => createRateLimit({ points: 10, durationSeconds: 60, keyPrefix: `${keyPrefix}-${k}`, redis }));
    expect(await perIp!.consume('ip:before', 4)).toBe(6);

    p.pause();
    const remaining = [];
    for (let i = 0; i < 5; i++) remaining.push(await perIp!.consume('ip:1'), await perCaller!.consume('actor:1'), await registrations!.consume('actor:1'));
    expect(remaining.filter((_, i) => i % 3 === 0)).toEqual([9, 8, 7, 6, 5]); // counted in memory, from zero
    await expect(perCaller!.consume('actor:1', 6)).rejects.toBeInstanceOf(RateLimitExceeded); // limits still apply
    expect(log.errors()).toHaveLength(1);
    expect(log.errors()[0]!.msg).toBe('Redis unavailable; counting in memory until it answers again');

    p.resume();
    await eventually(async () => {
      await perIp!.consume('ip:2');
      expect(guard.available).toBe(true);
    });
    expect(await perIp!.consume('ip:before')).toBe(5); // Redis's count again: 4 before the outage, now 5
    expect(log.errors()).toHaveLength(1);
    expect(log.infos().map((l) => l.msg)).toEqual(['Redis answers again']);
  });

  it('answers cached reads from the database while Redis hangs, and logs the outage once', async () => {
    const log = capturingLogger();
    const p = await proxy();
    const family = new CachedFamily(await replica(p.url, log.logger), 'institutions', 30);
    let version = 1;
    expect(await family.read('first-20', async () => version)).toBe(1);
    p.pause();
    version = 2;
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await family.read('first-20', async () => version));
    expect(results).toEqual(Array(10).fill(2));
    expect(log.errors()).toHaveLength(1);
    expect(log.errors()[0]!.msg).toMatch(/redis cache unavailable; answering from the database/);
    p.resume();
  });

  it('answers at once from a Redis that accepted the connection but never said a word', async () => {
    const silent = await startSilentServer();
    cleanup.push(() => silent.close());
    const log = capturingLogger();
    const cache = new ResilientCache(new RedisCache(await connect(silent.url, 100), 'silent:'), log.logger, { commandTimeoutMs: TIMEOUT_MS });
    const limit = createRateLimit({ points: 2, durationSeconds: 60, keyPrefix: 'silent', redis: { client: await connect(silent.url, 100), guard: new CommandGuard({ logger: log.logger, backend: 'Redis', fallback: 'memory', commandTimeoutMs: TIMEOUT_MS }) } });
    expect(await new CachedFamily(cache, 'institutions', 30).read('k', async () => 'from the database')).toBe('from the database');
    expect([await limit.consume('ip:1'), await limit.consume('ip:1')]).toEqual([1, 0]);
    expect([await cache.claim('jti-1', 30), await cache.claim('jti-1', 30)]).toEqual([true, false]);
    expect(await cache.ping()).toBe(false);
  });

  it('does not lose an invalidation made while Redis was unreachable: it lands once Redis is back, with no read on that replica', async () => {
    const p = await proxy();
    const prefix = `${uniqueName('inv')}:`;
    const through = async () => new ResilientCache(new RedisCache(await connect(p.url), prefix), capturingLogger().logger, { commandTimeoutMs: TIMEOUT_MS, halfOpenAfterMs: 50 });
    const writer = new CachedFamily(await through(), 'institutions', 30, { retryMs: 50 });
    // A replica whose own connection never broke: it cannot know an invalidation is owed.
    const reader = new CachedFamily(new RedisCache(await connect(redisUrl!), prefix), 'institutions', 30);
    let list = ['A'];
    const load = async () => [...list];
    expect(await reader.read('all', load)).toEqual(['A']);
    expect(await writer.read('all', load)).toEqual(['A']);

    p.cut();
    list = ['A', 'B'];
    await writer.invalidate(); // fails: Redis is unreachable; the consumer goes on as before
    p.resume();
    // No read on the writer: its retry lands the invalidation on its own.
    await eventually(async () => expect(await reader.read('all', load)).toEqual(['A', 'B']));
    expect(await writer.read('all', load)).toEqual(['A', 'B']);
  });

  it('serves nothing cached before an outage once Redis answers again, on a replica that saw the outage', async () => {
    const p = await proxy();
    const prefix = `${uniqueName('seen')}:`;
    const through = async () => new ResilientCache(new RedisCache(await connect(p.url), prefix), capturingLogger().logger, { commandTimeoutMs: TIMEOUT_MS, halfOpenAfterMs: 50 });
    const writer = new CachedFamily(await through(), 'institutions', 30, { retryMs: 60_000 });
    const readerCache = await through();
    const reader = new CachedFamily(readerCache, 'institutions', 30, { retryMs: 60_000 });
    let list = ['A'];
    const load = async () => [...list];
    expect(await reader.read('all', load)).toEqual(['A']);

    p.pause();
    list = ['A', 'B'];
    await writer.invalidate(); // times out while Redis hangs
    expect(await reader.read('all', load)).toEqual(['A', 'B']); // from the database
    p.cut(); // and Redis restarts: what it held, the invalidation too, is lost
    p.resume();
    await eventually(async () => expect(await readerCache.ping()).toBe(true));
    expect(await reader.read('all', load)).toEqual(['A', 'B']);
  });

  it('reads the database once for concurrent misses of one key', async () => {
    const family = new CachedFamily(await replica(redisUrl!), 'institutions', 30);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 50));
      return ['A'];
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => family.read('all', load)));
    expect(results).toEqual(Array(20).fill(['A']));
    expect(loads).toBe(1);
  });
});
