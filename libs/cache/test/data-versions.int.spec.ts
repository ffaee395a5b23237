import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { infraUrl, uniqueName } from '@edugraph/testing';
import { CommandGuard, RedisDataVersions, connectRedis, dataVersionKey } from '../src/index.ts';
import type { RedisClient } from '../src/index.ts';
import { startRedisProxy } from './redis-proxy.ts';

const redisUrl = await infraUrl('redis');
const logger = pino({ level: 'silent' });

describe.skipIf(!redisUrl)('data versions in Redis, as services bump them and gateways read them', () => {
  const prefix = `${uniqueName('dv')}.`;
  const clients: RedisClient[] = [];
  const versionsAt = async (url: string) => {
    const client = await connectRedis(url, () => {});
    clients.push(client);
    const guard = new CommandGuard({ logger, backend: 'Redis', fallback: 'test', commandTimeoutMs: 200, halfOpenAfterMs: 100 });
    return new RedisDataVersions({ client, guard }, { prefix, retryMs: 50 });
  };
  afterAll(async () => {
    for (const c of clients) if (c.isOpen) await c.close();
  });

  it('starts a version for each service a reader finds without one, and moves only the bumped service’s', async () => {
    const service = await versionsAt(redisUrl!);
    const gateway = await versionsAt(redisUrl!);
    // First read: no versions yet — not cacheable, and they are created for the next reader.
    expect(await gateway.read(['licensing', 'preschool'])).toBeUndefined();
    const [licensing, preschool] = (await gateway.read(['licensing', 'preschool']))!;
    expect(licensing).toMatch(/^[0-9a-f-]{36}$/);
    service.bump('preschool');
    await expect.poll(async () => (await gateway.read(['licensing', 'preschool']))![1]).not.toBe(preschool);
    expect((await gateway.read(['licensing']))![0]).toBe(licensing);
  });

  it('treats a lost version as unknown, never as an old one', async () => {
    const gateway = await versionsAt(redisUrl!);
    const [before] = (await gateway.read(['feedback'])) ?? (await gateway.read(['feedback']))!;
    await clients[0]!.del(dataVersionKey(prefix, 'feedback'));
    expect(await gateway.read(['feedback'])).toBeUndefined();
    const [after] = (await gateway.read(['feedback']))!;
    expect(after).not.toBe(before);
  });

  it('owes a bump Redis could not take and lands it once Redis answers; readers meanwhile get nothing to cache by', async () => {
    const proxy = await startRedisProxy(redisUrl!);
    try {
      const service = await versionsAt(proxy.url);
      const gateway = await versionsAt(redisUrl!);
      await gateway.read(['vocational']);
      const [before] = (await gateway.read(['vocational']))!;
      proxy.cut();
      service.bump('vocational');
      expect(await service.read(['vocational'])).toBeUndefined(); // this side cannot read either
      await new Promise((r) => setTimeout(r, 300));
      expect((await gateway.read(['vocational']))![0]).toBe(before); // not landed yet
      proxy.resume();
      await expect.poll(async () => (await gateway.read(['vocational']))![0], { timeout: 10_000 }).not.toBe(before);
      service.close();
    } finally {
      await proxy.close();
    }
  });
});
