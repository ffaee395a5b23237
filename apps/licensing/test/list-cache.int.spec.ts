import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { InProcessTransport } from '@edugraph/events';
import { createLogger, startService } from '@edugraph/platform';
import type { RunningService } from '@edugraph/platform';
import { TEST_ACTOR_KEYS, TEST_ACTOR_PUBLIC_KEYS, anonymous, bureauStaff, eventually, graphql, infraUrl, startTcpProxy, uniqueName } from '@edugraph/testing';
import type { TcpProxy } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const redisUrl = await infraUrl('redis');
const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);


const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
const LIST = `{ institutions(first: 100) { nodes { name } totalCount } }`;
type List = { institutions: { nodes: { name: string }[]; totalCount: number } };

describe.skipIf(!redisUrl)('licensing’s cached public list when Redis goes away', () => {
  const topicPrefix = `${uniqueName('lic')}-`;
  const generationKey = `${topicPrefix}edugraph:licensing:institutions:generation-token`;
  const direct = createClient({ url: redisUrl! });
  let proxy: TcpProxy;
  let service: RunningService;
  const as = (actor: Actor) => <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(service.url, query, variables, {}, async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(actor, 'licensing', body) }));
  const names = async () => (await as(anonymous)<List>(LIST)).institutions.nodes.map((n) => n.name);
  const consumed = async () => ((await service.metricsRegistry.getSingleMetric('edugraph_events_consumed_total')?.get())?.values ?? []).reduce((sum, v) => sum + v.value, 0);

  beforeAll(async () => {
    await direct.connect();
    proxy = await startTcpProxy(redisUrl!);
    const config = { host: '127.0.0.1', port: 0, databaseUrl: 'sqlite::memory:', kafkaBrokers: undefined, redisUrl: `redis://${proxy.address}`, redisCommandTimeoutMs: 200 };
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

    proxy.resume();
    // Every read is right while the service reconnects, until the owed invalidation has landed.
    for (;;) {
      expect(await names()).toEqual(['Outage Primary']);
      if ((await direct.get(generationKey)) !== before) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await names()).toEqual(['Outage Primary']);
  });
});
