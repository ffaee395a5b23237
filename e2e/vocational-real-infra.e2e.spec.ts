import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActorKeyPair } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import { issueToken } from '@edugraph/gateway';
import { GraphQLRequestError, eventually, graphql, infraUrl, uniqueName } from '@edugraph/testing';
import { ONE_INSTITUTION, REGISTER } from './city-question.ts';
import type { CityInstitution } from './city-question.ts';
import { importCatalogueFile } from '../tools/catalogue/import-catalogue.ts';
import { CLEAN_EXIT, readTopics, startRealTestSystem } from './real-system-fixture.ts';
import type { KafkaMessage, RealTestSystem } from './real-system-fixture.ts';

const pgUrl = await infraUrl('postgres');
const brokers = await infraUrl('kafka');
const redisUrl = await infraUrl('redis');
const ACTOR_KEYS = await generateActorKeyPair('e2e-vocational');
const JWT_SECRET = 'vocational-real-infra-jwt-secret-0123456789';

const SYNC = `mutation($schoolId: ID!, $snapshot: CatalogueSnapshotInput!) {
  syncCatalogue(schoolId: $schoolId, snapshot: $snapshot) {
    alreadyApplied snapshotHash
    added { code programmeId } changed { code programmeId fields } retired { code programmeId }
    unchanged kept rejected { row code field message }
  }
}`;
interface SyncResult {
  alreadyApplied: boolean;
  snapshotHash: string;
  added: { code: string; programmeId: string }[];
  changed: { code: string; programmeId: string; fields: string[] }[];
  retired: { code: string; programmeId: string }[];
  unchanged: string[];
  kept: string[];
  rejected: { row: number; code: string; field: string; message: string }[];
}
/** A message of the vocational topic as Kafka carries it: its key and the envelope it holds. */
interface Received {
  key: string;
  id: string;
  type: string;
  aggregateId: string;
  payload: { institutionId?: string; programmeId?: string; code?: string; annualIntake?: number; fields?: string[] };
}

/** Retries while the service answers NOT_FOUND (it has not heard of the school yet); any other error fails at once. */
async function retryWhileUnknown<T>(op: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await op();
    } catch (error) {
      if (!(error instanceof GraphQLRequestError && error.code === 'NOT_FOUND') || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const row = (code: string, name: string, annualIntake: number) => ({ code, name, lengthYears: 3, annualIntake, enrolled: 200, applicants: 90, industries: [] });
const CATALOGUE_2026 = [
  row('660301', '机电技术应用', 120),
  row('700206', '汽车运用与维修', 90),
  row('710201', '计算机应用', 160),
  row('720201', '护理', 120),
  row('740101', '旅游服务与管理', 80),
];
// The school's next snapshot: 护理 takes more students, 旅游服务与管理 is no longer offered.
const CATALOGUE_2027 = CATALOGUE_2026.filter((r) => r.code !== '740101').map((r) => (r.code === '720201' ? { ...r, annualIntake: 150 } : r));

describe.skipIf(!pgUrl || !brokers || !redisUrl)('vocational catalogue sync on real infrastructure: six processes on PostgreSQL, Kafka and Redis', () => {
  let real: RealTestSystem | undefined;
  let reader: { stop(): Promise<void> } | undefined;
  const topicPrefix = `${uniqueName('e2e_voc')}.`;
  const topic = eventsTopic('vocational', topicPrefix);
  const messages: KafkaMessage[] = [];
  /** The vocational topic as any reader outside EduGraph sees it. */
  const received = (): Received[] =>
    messages.map((m) => {
      const envelope = JSON.parse(m.value) as Omit<Received, 'key'>;
      return { key: m.key, id: envelope.id, type: envelope.type, aggregateId: envelope.aggregateId, payload: envelope.payload };
    });
  let gatewayUrl = '';

  beforeAll(async () => {
    real = await startRealTestSystem({ pgUrl: pgUrl!, brokers: brokers!, redisUrl: redisUrl!, topicPrefix, jwtSecret: JWT_SECRET, actorKeys: ACTOR_KEYS });
    gatewayUrl = real.system.gatewayUrl;
    reader = await readTopics(brokers!, `${topicPrefix}reader`, [topic], messages);
  }, 120_000);

  afterAll(async () => {
    await reader?.stop();
    expect(await real?.stop()).toEqual(CLEAN_EXIT);
  }, 60_000);

  it('syncs a school’s catalogue through the gateway: one Kafka message per programme keyed by its id, one per sync keyed by the school, and the city sees the new catalogue', async () => {
    const staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-bureau-staff', roles: ['BUREAU_STAFF'] })}` };
    const input = { name: '滨江职业技术学校', level: 'VOCATIONAL', ownership: 'PUBLIC', districtCode: 'D05' };
    const schoolId = (await graphql<{ registerInstitution: { institution: { id: string } } }>(gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;
    await importCatalogueFile(gatewayUrl, staff, 'tools/catalogue/national-catalogue.sample.csv');
    const school = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-school-staff', roles: ['INSTITUTION_STAFF'], institutionId: schoolId })}` };
    const sync = (programmes: unknown[]) => graphql<{ syncCatalogue: SyncResult }>(gatewayUrl, SYNC, { schoolId, snapshot: { year: 2026, programmes } }, school).then((r) => r.syncCatalogue);
    const ofSchool = (type: string) => received().filter((m) => m.type === type && m.payload.institutionId === schoolId);

    // The vocational service knows the school once licensing.institution.registered reached it over Kafka.
    const first = await retryWhileUnknown(() => sync(CATALOGUE_2026));
    expect(first).toMatchObject({ alreadyApplied: false, changed: [], retired: [], unchanged: [], kept: [], rejected: [] });
    expect(first.added.map((a) => a.code)).toEqual(CATALOGUE_2026.map((r) => r.code));
    const idOf = new Map(first.added.map((a) => [a.code, a.programmeId]));
    expect(new Set(idOf.values()).size).toBe(CATALOGUE_2026.length);

    await eventually(async () => {
      const published = ofSchool('vocational.programme.published');
      expect(published.map((m) => m.key).sort()).toEqual([...idOf.values()].sort());
      for (const m of published) expect([m.aggregateId, m.payload.programmeId]).toEqual([m.key, idOf.get(m.payload.code!)]);
      const synced = ofSchool('vocational.catalogue.synced');
      expect(synced.map((m) => m.key)).toEqual([schoolId]);
      expect(synced[0]!.payload).toMatchObject({ year: 2026, snapshotHash: first.snapshotHash, rows: 5, added: 5, changed: 0, retired: 0 });
    }, 30_000, 250);

    const second = await sync(CATALOGUE_2027);
    expect(second).toMatchObject({
      alreadyApplied: false,
      added: [],
      changed: [{ code: '720201', programmeId: idOf.get('720201'), fields: ['annualIntake'] }],
      retired: [{ code: '740101', programmeId: idOf.get('740101') }],
      unchanged: ['660301', '700206', '710201'],
      rejected: [],
    });
    await eventually(async () => {
      const changed = ofSchool('vocational.programme.changed');
      expect(changed.map((m) => [m.key, m.aggregateId, m.payload.code, m.payload.annualIntake])).toEqual([[idOf.get('720201'), idOf.get('720201'), '720201', 150]]);
      const retired = ofSchool('vocational.programme.retired');
      expect(retired.map((m) => [m.key, m.aggregateId, m.payload.code])).toEqual([[idOf.get('740101'), idOf.get('740101'), '740101']]);
      expect(ofSchool('vocational.catalogue.synced').map((m) => [m.key, m.payload])).toEqual([
        [schoolId, expect.objectContaining({ snapshotHash: first.snapshotHash, added: 5 })],
        [schoolId, expect.objectContaining({ snapshotHash: second.snapshotHash, rows: 4, added: 0, changed: 1, retired: 1, unchanged: 3 })],
      ]);
    }, 30_000, 250);
    // Nothing more for the school than those: one message per programme event, none twice.
    expect(new Set(received().filter((m) => m.payload.institutionId === schoolId).map((m) => m.id)).size).toBe(received().filter((m) => m.payload.institutionId === schoolId).length);
    expect(ofSchool('vocational.programme.published')).toHaveLength(5);

    // The public answer through the gateway: the new catalogue, the retired programme gone.
    await eventually(async () => {
      const { institution } = await graphql<{ institution: CityInstitution }>(gatewayUrl, ONE_INSTITUTION, { id: schoolId });
      expect([...institution.programmes].sort((a, b) => a.code.localeCompare(b.code))).toEqual(CATALOGUE_2027.map((r) => ({ code: r.code, name: r.name, annualIntake: r.annualIntake })));
    }, 30_000, 250);
  }, 90_000);
});
