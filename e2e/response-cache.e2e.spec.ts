import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql, publishInstitutionRegistered } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { CITY_QUESTION, REGISTER } from './city-question.ts';
import type { CityAnswer } from './city-question.ts';

const JWT_SECRET = 'response-cache-e2e-jwt-secret-0123456789';
const BY_LEVEL = `query ByLevel($level: InstitutionLevel) { institutions(first: 10, level: $level) { nodes { name level } } }`;

interface Answer<T> {
  data: T;
  /** The gateway's response-cache outcome: hit, miss or bypass. */
  cache: string | null;
}

describe('the public response cache at the gateway', () => {
  let system: EmbeddedSystem;
  let staff: Record<string, string>;
  const ask = async <T = CityAnswer>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer<T>> => {
    const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { data: body.data, cache: response.headers.get('x-edugraph-cache') };
  };
  const register = (name: string, level: string) =>
    graphql<{ registerInstitution: { institution: { id: string } } }>(system.gatewayUrl, REGISTER, { input: { name, level, ownership: 'PUBLIC', districtCode: 'CG' } }, staff);
  const consumedBy = async (service: string) =>
    ((await system.services.find((s) => s.name === service)!.metricsRegistry.getSingleMetric('edugraph_events_consumed_total')?.get())?.values ?? []).reduce((n, v) => n + v.value, 0);

  /** Publishes every outbox and waits until licensing has applied its own events (its list is cached too). */
  const deliverEvents = async () => {
    const consumed = await consumedBy('licensing');
    let published = 0;
    for (let n = -1; n !== 0; ) {
      n = 0;
      for (const s of system.services) n += await s.relay.runOnce();
      published += n;
    }
    await expect.poll(() => consumedBy('licensing')).toBeGreaterThanOrEqual(consumed + Math.min(published, 1));
  };

  beforeAll(async () => {
    // Relays held back: the test decides when each event leaves its outbox.
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, startRelays: false, logger: createLogger('e2e', 'silent') });
    staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'cache-staff', roles: ['BUREAU_STAFF'] })}` };
  });
  afterAll(() => system?.stop());

  it('serves a repeated anonymous question from the cache until the events of a change are applied, then the changed answer', async () => {
    expect(await ask(CITY_QUESTION)).toMatchObject({ cache: 'miss', data: { institutions: { nodes: [] } } });
    expect(await ask(CITY_QUESTION)).toMatchObject({ cache: 'hit', data: { institutions: { nodes: [] } } });

    const { id } = (await register('城东新建幼儿园', 'PRESCHOOL')).registerInstitution.institution;
    await deliverEvents();
    const after = await ask(CITY_QUESTION);
    expect(after.cache).toBe('miss');
    expect(after.data.institutions.nodes).toEqual([expect.objectContaining({ id, kindergarten: { places: 0, enrolled: 0, inclusive: true } })]);
    expect(await ask(CITY_QUESTION)).toMatchObject({ cache: 'hit', data: after.data });
  });

  it('moves a service’s data version when it applies another service’s event, though it takes no mutation and publishes nothing', async () => {
    // Relays are held back here: preschool publishes nothing, so only applying the event can move it.
    const [before] = (await system.dataVersions.read(['preschool']))!;
    const consumed = await consumedBy('preschool');
    await publishInstitutionRegistered(system.transport, { level: 'PRESCHOOL' });
    await expect.poll(() => consumedBy('preschool')).toBe(consumed + 1);
    const [after] = (await system.dataVersions.read(['preschool']))!;
    expect(after).not.toBe(before);
  });

  it('keys answers by variables: each filter has its own answer', async () => {
    await register('城东第二小学', 'PRIMARY');
    await deliverEvents();
    const primary = await ask<{ institutions: { nodes: { level: string }[] } }>(BY_LEVEL, { level: 'PRIMARY' });
    const preschool = await ask<{ institutions: { nodes: { level: string }[] } }>(BY_LEVEL, { level: 'PRESCHOOL' });
    expect(primary.data.institutions.nodes.map((n) => n.level)).toEqual(['PRIMARY']);
    expect(preschool.data.institutions.nodes.map((n) => n.level)).toEqual(['PRESCHOOL']);
    expect((await ask<{ institutions: { nodes: { level: string }[] } }>(BY_LEVEL, { level: 'PRIMARY' })).data).toEqual(primary.data);
  });

  it('never answers a signed-in person from the cache nor keeps their answer for the public', async () => {
    const publicAnswer = await ask(CITY_QUESTION);
    expect(await ask(CITY_QUESTION)).toMatchObject({ cache: 'hit' });
    const staffAnswer = await ask(CITY_QUESTION, {}, staff);
    expect(staffAnswer.cache).toBe('bypass');
    expect((await ask(CITY_QUESTION, {}, staff)).cache).toBe('bypass');

    // A registration the public sees only once licensing's version moves: the staff member's
    // fresh answer (asked first) is not what the public then gets from the cache.
    await register('城东第三小学', 'PRIMARY');
    await deliverEvents();
    const staffFresh = await ask(CITY_QUESTION, {}, staff);
    expect(staffFresh.cache).toBe('bypass');
    const publicFresh = await ask(CITY_QUESTION);
    expect(publicFresh.cache).toBe('miss');
    expect(publicFresh.data.institutions.nodes).toHaveLength(publicAnswer.data.institutions.nodes.length + 1);
  });

  it('counts its outcomes in the gateway metrics', async () => {
    const values = (await system.gateway.metricsRegistry.getSingleMetric('edugraph_gateway_response_cache_total')!.get()).values;
    const count = (outcome: string) => values.find((v) => v.labels['outcome'] === outcome)?.value ?? 0;
    expect(count('hit')).toBeGreaterThanOrEqual(3);
    expect(count('miss')).toBeGreaterThanOrEqual(4);
    expect(count('bypass')).toBeGreaterThanOrEqual(3);
  });
});
