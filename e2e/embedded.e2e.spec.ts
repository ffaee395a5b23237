import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { eventually, graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { loadDemoCity } from '../tools/demo/load-demo-city.ts';
import { CITY_QUESTION, ONE_INSTITUTION, REGISTER } from './city-question.ts';
import type { CityAnswer, CityInstitution } from './city-question.ts';

const JWT_SECRET = 'embedded-e2e-jwt-secret-0123456789abcdef';

describe('the embedded default end to end: five subgraphs behind the gateway in one process', () => {
  let system: EmbeddedSystem;
  let staff: Record<string, string>;
  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    const token = await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'] });
    staff = { authorization: `Bearer ${token}` };
    expect(await loadDemoCity(system.gatewayUrl, token, JWT_SECRET)).toEqual({ loaded: true, institutions: 20 });
  });
  afterAll(() => system?.stop());

  it('answers CityQuestion with data contributed by all five subgraphs', async () => {
    const { institutions } = await graphql<CityAnswer>(system.gatewayUrl, CITY_QUESTION);
    const by = (name: string) => institutions.nodes.find((n) => n.name === name)!;
    expect(institutions.nodes).toHaveLength(20);
    expect(institutions.pageInfo.hasNextPage).toBe(false);
    expect(by('滨江育才学校（民办）')).toMatchObject({ level: 'PRIMARY', ownership: 'PRIVATE', licence: { number: '教民141010070000011', status: 'VALID' }, kindergarten: null, programmes: [] });
    expect(by('城关第一小学').seatPools).toHaveLength(6);
    expect(by('城关第一小学').seatPools[0]).toEqual({ year: 2026, grade: 1, capacity: 180, placed: 0 });
    expect(by('城关第一小学').satisfaction).toEqual({ ratings: 3, average: 4.67 });
    expect(by('城关第一幼儿园').kindergarten).toEqual({ places: 360, enrolled: 0, inclusive: true });
    expect(by('市职业教育中心').programmes.map((p) => p.code)).toEqual(['660301', '710201', '720201', '740101']);
    expect(by('启航艺术培训学校（民办）')).toMatchObject({ seatPools: [], kindergarten: null, programmes: [], satisfaction: { ratings: 0, average: null } });
  });

  it('shows a newly registered institution of each kind in CityQuestion once the other services reacted', async () => {
    const ids: Record<string, string> = {};
    for (const level of ['PRIMARY', 'PRESCHOOL', 'VOCATIONAL']) {
      const input = { name: `新建${level}学校`, level, ownership: 'PUBLIC', districtCode: 'XS' };
      ids[level] = (await graphql<{ registerInstitution: { institution: { id: string } } }>(system.gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;
    }
    const one = (id: string) => graphql<{ institution: CityInstitution }>(system.gatewayUrl, ONE_INSTITUTION, { id });
    await eventually(async () => {
      expect((await one(ids['PRESCHOOL']!)).institution.kindergarten).toEqual({ places: 0, enrolled: 0, inclusive: true });
    });
    await eventually(async () => {
      const { institutions } = await graphql<CityAnswer>(system.gatewayUrl, CITY_QUESTION);
      expect(institutions.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    });
    // The write paths of the other services accept the new institutions: their records exist.
    await eventually(() => graphql(system.gatewayUrl, `mutation { setSeatCapacity(input: { institutionId: "${ids['PRIMARY']}", year: 2026, grade: 1, capacity: 40 }) { seatPool { capacity } } }`, {}, staff));
    await eventually(() => graphql(system.gatewayUrl, `mutation { publishProgramme(input: { institutionId: "${ids['VOCATIONAL']}", code: "710201", name: "计算机应用", lengthYears: 3, annualIntake: 50 }) { programme { id } } }`, {}, staff));
    const primary = (await one(ids['PRIMARY']!)).institution;
    expect(primary.seatPools).toEqual([{ year: 2026, grade: 1, capacity: 40, placed: 0 }]);
    expect(primary.satisfaction).toEqual({ ratings: 0, average: null });
    expect((await one(ids['VOCATIONAL']!)).institution.programmes).toEqual([{ code: '710201', name: '计算机应用', annualIntake: 50 }]);
  });

  it('answers null for an unknown institution, and refuses bad sign-ins and runaway queries at the edge', async () => {
    expect((await graphql<{ institution: null }>(system.gatewayUrl, ONE_INSTITUTION, { id: '00000000-0000-7000-8000-000000000000' })).institution).toBeNull();
    const badToken = await graphql(system.gatewayUrl, CITY_QUESTION, {}, { authorization: 'Bearer not-a-token' }).catch((e) => e);
    expect(badToken.code).toBe('UNAUTHENTICATED');
    const anonymousWrite = await graphql(system.gatewayUrl, REGISTER, { input: { name: 'Anon', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'CG' } }).catch((e) => e);
    expect(anonymousWrite.code).toBe('UNAUTHENTICATED');
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: institutions(first: 1) { totalCount }`).join(' ')} }`;
    const tooMany = await graphql(system.gatewayUrl, aliases).catch((e) => e);
    expect(tooMany.code).toBe('TOO_MANY_ALIASES');
    expect(tooMany.message).toMatch(/Aliases limit of 30 exceeded, found 31/);
  });
});
