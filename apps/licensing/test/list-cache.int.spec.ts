import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { createClient } from 'redis';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { InProcessTransport } from '@edugraph/events';
import { createLogger, startService } from '@edugraph/platform';
import type { RunningService } from '@edugraph/platform';
import { TEST_ACTOR_KEYS, TEST_ACTOR_PUBLIC_KEYS, anonymous, bureauStaff, eventually, graphql, infraUrl, uniqueName } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const redisUrl = await infraUrl('redis');
const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);

/** A TCP proxy to Redis that can be cut: connections dropped and refused, as when Redis is unreachable. */
async function cuttableProxy(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let cut = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const server = createServer((client) => {
    track(client);
    if (cut) return void client.destroy();
    const upstream = createConnection({ host: hostname, port: Number(port) });
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    cut() {
      cut = true;
      dropAll();
    },
    restore() {
      cut = false;
    },
    async close() {
      dropAll();
      await new Promise((r) => server.close(r));
    },
  };
}

const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
const LIST = `{ institutions(first: 100) { nodes { name } totalCount } }`;
type List = { institutions: { nodes: { name: string }[]; totalCount: number } };

describe.skipIf(!redisUrl)('licensing’s cached public list when Redis goes away', () => {
  const topicPrefix = `${uniqueName('lic')}-`;
  const generationKey = `${topicPrefix}edugraph:licensing:institutions:generation-token`;
  const direct = createClient({ url: redisUrl! });
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let service: RunningService;
  const as = (actor: Actor) => <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(service.url, query, variables, {}, async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(actor, 'licensing', body) }));
  const names = async () => (await as(anonymous)<List>(LIST)).institutions.nodes.map((n) => n.name);
  const consumed = async () => ((await service.metricsRegistry.getSingleMetric('edugraph_events_consumed_total')?.get())?.values ?? []).reduce((sum, v) => sum + v.value, 0);

  beforeAll(async () => {
    await direct.connect();
    proxy = await cuttableProxy(redisUrl!);
    const config = { host: '127.0.0.1', port: 0, databaseUrl: 'sqlite::memory:', kafkaBrokers: undefined, redisUrl: proxy.url, redisCommandTimeoutMs: 200 };
    service = await startService(
      licensingService,
      { ...config, actorPublicKeys: TEST_ACTOR_PUBLIC_KEYS, metrics: null, topicPrefix, logLevel: 'silent' },
      { transport: new InProcessTransport(), logger: createLogger('licensing', 'silent'), collectDefaultMetrics: false, relayPollIntervalMs: 60_000 },
    );
  });
  afterAll(async () => {
    await service?.stop();
    await proxy?.close();
    await direct.close();
  });

  it('lists an institution registered while Redis was unreachable, during the outage and after it', async () => {
    expect(await names()).toEqual([]); // now cached
    const before = await direct.get(generationKey);

    proxy.cut();
    await as(bureauStaff)(REGISTER, { input: { name: 'Outage Primary', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' } });
    await eventually(async () => expect(await consumed()).toBe(1)); // its invalidation could not reach Redis
    expect(await names()).toEqual(['Outage Primary']); // from the database

    proxy.restore();
    // Every read is right while the service reconnects, until the owed invalidation has landed.
    for (;;) {
      expect(await names()).toEqual(['Outage Primary']);
      if ((await direct.get(generationKey)) !== before) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await names()).toEqual(['Outage Primary']);
  });
});
