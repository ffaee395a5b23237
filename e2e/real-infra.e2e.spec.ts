import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActorKeyPair } from '@edugraph/auth';
import { SERVICES } from '@edugraph/contracts';
import { issueToken } from '@edugraph/gateway';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { KafkaTransport } from '@edugraph/events';
import { createLogger } from '@edugraph/platform';
import { createTestDatabase, creditCodeFrom, eventually, graphql, infraUrl, recordTopic, uniqueName } from '@edugraph/testing';
import { CITY_QUESTION, ONE_INSTITUTION, REGISTER } from './city-question.ts';
import type { CityAnswer, CityInstitution } from './city-question.ts';
import { startRealSystem } from '../tools/start/real-system.ts';
import { importCatalogueFile } from '../tools/catalogue/import-catalogue.ts';
import type { RealSystem } from '../tools/start/real-system.ts';

const pgUrl = await infraUrl('postgres');
const brokers = await infraUrl('kafka');
const redisUrl = await infraUrl('redis');
const ACTOR_KEYS = await generateActorKeyPair('e2e');
const JWT_SECRET = 'real-infra-jwt-secret-0123456789abcdef';

describe.skipIf(!pgUrl || !brokers || !redisUrl)('real infrastructure end to end: six processes on PostgreSQL, Kafka and Redis', () => {
  let system: RealSystem | undefined;
  const drops: (() => Promise<void>)[] = [];
  let urls: Record<string, string> = {};
  let gatewayUrl = '';
  let staff: Record<string, string>;
  const topicPrefix = `${uniqueName('e2e')}.`;

  beforeAll(async () => {
    // What `npm run start:real` runs, kept apart from other runs: free ports, a database of its own
    // per service, a topic prefix of its own, and the infrastructure the environment names.
    system = await startRealSystem({
      adminDatabaseUrl: pgUrl!,
      kafkaBrokers: brokers!,
      redisUrl: redisUrl!,
      startLocalKafka: false,
      databaseFor: async (service) => {
        const db = await createTestDatabase(pgUrl!, service);
        drops.push(db.drop);
        return db.url;
      },
      gatewayPort: 0,
      topicPrefix,
      jwtSecret: JWT_SECRET,
      actorKeys: ACTOR_KEYS,
      logLevel: 'warn',
      // Kept per process for the failure report instead of printed.
      onLine: () => {},
    });
    urls = system.urls;
    gatewayUrl = system.gatewayUrl;
    staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'] })}` };
  }, 180_000);

  afterAll(async () => {
    const codes = await system?.stop();
    for (const drop of drops) await drop().catch(() => {});
    // Graceful shutdown: every process drained and exited on SIGTERM by itself.
    expect(codes).toEqual(Object.fromEntries([...SERVICES, 'gateway'].map((name) => [name, 0])));
  }, 60_000);

  it('registerInstitution → event over Kafka → the other services react → CityQuestion shows it', async () => {
    const ids: Record<string, string> = {};
    for (const level of ['PRIMARY', 'PRESCHOOL', 'VOCATIONAL']) {
      const input = { name: `Real ${level} School`, level, ownership: 'PUBLIC', districtCode: 'D01' };
      ids[level] = (await graphql<{ registerInstitution: { institution: { id: string } } }>(gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;
    }
    await eventually(async () => {
      const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
      const kindergarten = institutions.nodes.find((n) => n.id === ids['PRESCHOOL']);
      expect(kindergarten?.kindergarten).toEqual({ places: 0, enrolled: 0, inclusive: true });
      expect(institutions.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    }, 60_000, 250);
    // Asked again, the public answer comes from the gateway's cache, keyed by the versions in Redis.
    const cacheOutcome = async () =>
      (await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CITY_QUESTION }) })).headers.get('x-edugraph-cache');
    // Once every service has applied the registrations (each application moves its data version).
    await eventually(async () => {
      await cacheOutcome();
      expect(await cacheOutcome()).toBe('hit');
    }, 30_000, 100);
  });

  it('writes through every service on PostgreSQL and reads the result back through the gateway', async () => {
    const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
    const id = (level: string) => institutions.nodes.find((n) => n.level === level)!.id;
    const parent = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-parent', roles: ['PARENT'] })}` };
    await eventually(() => graphql(gatewayUrl, `mutation { setSeatCapacity(input: { institutionId: "${id('PRIMARY')}", year: 2026, grade: 1, capacity: 45 }) { seatPool { capacity } } }`, {}, staff), 30_000);
    await eventually(() => graphql(gatewayUrl, `mutation { setKindergartenPlaces(input: { institutionId: "${id('PRESCHOOL')}", places: 120 }) { kindergarten { places } } }`, {}, staff), 30_000);
    await importCatalogueFile(gatewayUrl, staff, 'tools/catalogue/national-catalogue.sample.csv');
    await eventually(() => graphql(gatewayUrl, `mutation { publishProgramme(input: { institutionId: "${id('VOCATIONAL')}", code: "720201", name: "护理", lengthYears: 3, annualIntake: 80 }) { programme { id } } }`, {}, staff), 30_000);
    await eventually(() => graphql(gatewayUrl, `mutation { rateService(input: { institutionId: "${id('PRIMARY')}", serviceItem: "school-placement", matterId: "E2E-1", score: 4 }) { rating { id } } }`, {}, parent), 30_000);
    const one = async (i: string) => (await graphql<{ institution: CityInstitution }>(gatewayUrl, ONE_INSTITUTION, { id: i })).institution;
    expect(await one(id('PRIMARY'))).toMatchObject({ seatPools: [{ year: 2026, grade: 1, capacity: 45, placed: 0 }], satisfaction: { ratings: 1, average: 4 } });
    expect((await one(id('PRESCHOOL'))).kindergarten).toMatchObject({ places: 120 });
    expect((await one(id('VOCATIONAL'))).programmes).toEqual([{ code: '720201', name: '护理', annualIntake: 80 }]);
  });

  it('holds its rules under concurrency on PostgreSQL: one registration of twins, every rating counted', async () => {
    const input = { name: 'Concurrent Twin School', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D09' };
    const twins = await Promise.allSettled([1, 2, 3].map(() => graphql(gatewayUrl, REGISTER, { input }, staff)));
    expect(twins.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect(twins.filter((t) => t.status === 'rejected').map((t) => (t as PromiseRejectedResult).reason.code)).toEqual(['ALREADY_EXISTS', 'ALREADY_EXISTS']);

    const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
    const target = institutions.nodes.find((n) => n.level === 'PRESCHOOL')!.id;
    const parent = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-parent-2', roles: ['PARENT'] })}` };
    const rate = (n: number) =>
      graphql(gatewayUrl, `mutation { rateService(input: { institutionId: "${target}", serviceItem: "kindergarten-enrolment", matterId: "E2E-C-${n}", score: 5 }) { rating { id } } }`, {}, parent);
    await eventually(() => rate(0), 30_000);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => rate(i + 1)));
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual([]);
    const after = (await graphql<{ institution: CityInstitution }>(gatewayUrl, ONE_INSTITUTION, { id: target })).institution;
    expect(after.satisfaction).toEqual({ ratings: 11, average: 5 });
  });

  it('refuses a direct call to a subgraph that does not carry the gateway’s actor token', async () => {
    for (const name of SERVICES) {
      const response = await fetch(urls[name]!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(response.status).toBe(401);
    }
  });

  it('is ready on its database and reports Kafka and Redis per service', async () => {
    const ready = await (await fetch(urls['licensing']!.replace('/graphql', '/health/ready'))).json();
    expect(ready).toEqual({ status: 'ready', service: 'licensing', checks: { database: true }, dependencies: { kafka: true, redis: true } });
  });

  it('approves a division through the gateway: Kafka carries the new schools to enrollment and the completion to its readers', async () => {
    // What the licensing service publishes, read from Kafka as any consumer of the topic would.
    const transport = new KafkaTransport({ brokers: brokers!.split(','), clientId: 'e2e-recorder', logger: createLogger('e2e-recorder', 'silent') });
    try {
      const published = await recordTopic(transport, eventsTopic('licensing', topicPrefix));
      const creditCode = creditCodeFrom('52141010MJ0000201');
      const sponsor = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-sponsor-person', roles: ['MARKET_ENTITY'], creditCode })}` };
      const approval = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-approval', roles: ['APPROVAL_BUREAU_STAFF'] })}` };
      const input = { name: 'Real Private School', level: 'PRIMARY', ownership: 'PRIVATE', districtCode: 'D02', sponsorCreditCode: creditCode };
      const schoolId = (await graphql<{ registerInstitution: { institution: { id: string } } }>(gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;

      type Matter = { id: string; status: string; requirements: { code: string }[] };
      const step = async (headers: Record<string, string>, field: string, args: string, params: string, variables: Record<string, unknown>) =>
        (await graphql<Record<string, { matter: Matter }>>(gatewayUrl, `mutation(${params}) { ${field}(${args}) { matter { id status requirements { code } } } }`, variables, headers))[field]!.matter;
      const divisions = [{ name: 'Real Division East', level: 'PRIMARY', districtCode: 'D02' }, { name: 'Real Division West', level: 'JUNIOR', districtCode: 'D03' }];
      const matter = await step(sponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: { type: 'DIVISION', institutionId: schoolId, details: { divisions } } });
      for (const { code } of matter.requirements) {
        await step(sponsor, 'attachMaterial', 'matterId: $id, code: $code, fileName: "f.pdf", sha256: $sha, sizeBytes: 1024', '$id: ID!, $code: String!, $sha: String!', { id: matter.id, code, sha: 'c'.repeat(64) });
      }
      const id = { id: matter.id };
      await step(sponsor, 'submitMatter', 'matterId: $id', '$id: ID!', id);
      await step(staff, 'acceptMatter', 'matterId: $id', '$id: ID!', id);
      const decided = await step(approval, 'decide', 'matterId: $id, outcome: APPROVED, legalBasis: "《中华人民共和国民办教育促进法》第五十三条", reason: "分立方案可行"', '$id: ID!', id);
      expect(decided.status).toBe('APPROVED');

      const divided = await eventually(async () => {
        const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
        const found = divisions.map((d) => institutions.nodes.find((n) => n.name === d.name));
        expect(found.map((n) => n && { level: n.level, ownership: n.ownership, seatPools: n.seatPools, licence: n.licence })).toEqual([
          { level: 'PRIMARY', ownership: 'PRIVATE', seatPools: [], licence: null },
          { level: 'JUNIOR', ownership: 'PRIVATE', seatPools: [], licence: null },
        ]);
        return found.map((n) => n!.id);
      }, 60_000, 250);
      // Enrollment takes a capacity for the new school once licensing.institution.registered reached it over Kafka.
      await eventually(() => graphql(gatewayUrl, `mutation { setSeatCapacity(input: { institutionId: "${divided[0]}", year: 2026, grade: 1, capacity: 40 }) { seatPool { capacity } } }`, {}, staff), 60_000, 250);
      await eventually(async () => {
        const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
        expect(institutions.nodes.find((n) => n.id === divided[0])?.seatPools).toEqual([{ year: 2026, grade: 1, capacity: 40, placed: 0 }]);
      }, 30_000, 250);

      // Each aggregate's events keep their order on one partition; across partitions they arrive in any order.
      const completed = await eventually(async () => {
        const events = published as EventEnvelope<Record<string, unknown>>[];
        expect(events.filter((e) => e.type === 'licensing.institution.registered').map((e) => e.payload['institutionId'])).toEqual(expect.arrayContaining(divided));
        const event = events.find((e) => e.type === 'licensing.matter.completed' && e.aggregateId === matter.id);
        expect(event).toBeDefined();
        return event!;
      }, 60_000, 250);
      expect(completed.payload).toMatchObject({ matterId: matter.id, typeCode: expect.any(String), creditCode, applicantId: 'e2e-sponsor-person', institutionId: schoolId, outcome: 'APPROVED' });
    } finally {
      // Its consumer leaves the group after its current fetch (up to 5 s): closed while the system stops.
      const closed = transport.close();
      drops.push(() => closed);
    }
  }, 180_000);

  it('takes a migrant child from application to a school place over Kafka: verify, round, accept, enrol, transfer, funding follows', async () => {
    const { createHash } = await import('node:crypto');
    const { residentIdCheckCharacter } = await import('@edugraph/rules');
    const as = async (who: string, roles: string[], extra: { office?: string; institutionId?: string } = {}) =>
      ({ authorization: `Bearer ${await issueToken(JWT_SECRET, { id: who, roles: roles as never, ...extra })}` });
    const admissions = await as('e2e-admissions', ['BUREAU_STAFF'], { office: 'ADMISSIONS' });
    const call = <T = Record<string, never>>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) => graphql<T>(gatewayUrl, query, variables, headers);
    await call('mutation { a: setDistrict(input: { code: "RX", name: "河西", kind: URBAN }) { code } b: setDistrict(input: { code: "RY", name: "河东", kind: URBAN }) { code } }', {}, admissions);
    await call('mutation { setDistrictDistance(input: { fromCode: "RX", toCode: "RY", km: 6 }) { km } }', {}, admissions);
    const schools: string[] = [];
    for (const [districtCode, capacity] of [['RX', 2], ['RY', 1]] as const) {
      const input = { name: `Real Journey School ${districtCode}`, level: 'PRIMARY', ownership: 'PUBLIC', districtCode };
      const id = (await call<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input }, staff)).registerInstitution.institution.id;
      // Enrollment knows the school once licensing.institution.registered reached it over Kafka.
      await eventually(() => call('mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }', { i: { institutionId: id, year: 2026, grade: 1, capacity } }, staff), 60_000, 250);
      schools.push(id);
    }
    const rid = (date: string, seq: number) => `110101${date.replaceAll('-', '')}${seq}` + residentIdCheckCharacter(`110101${date.replaceAll('-', '')}${seq}`);
    const families: { headers: Record<string, string>; id: string }[] = [];
    for (const n of [1, 2]) {
      const headers = await as(`e2e-journey-parent-${n}`, ['PARENT']);
      const input = {
        year: 2026, grade: 1, residenceDistrictCode: 'RX', housing: 'OWNER', residenceSince: '2021-03-01', rankedSchoolIds: [schools[0]],
        child: { name: `赵小${n}`, residentId: rid(`2019-11-0${n}`, 301 + 2 * n), birthDate: `2019-11-0${n}`, sex: 'MALE' },
        guardians: [{ name: `赵建${n}`, residentId: rid('1987-05-20', 401 + 2 * n), phone: `1370013000${n}`, relation: 'FATHER' }],
      };
      const id = (await call<{ submitApplication: { application: { id: string } } }>('mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { id } } }', { input }, headers)).submitApplication.application.id;
      for (const t of ['RESIDENCE_PERMIT', 'PROPERTY_CERTIFICATE']) {
        const added = await call<{ addDocument: { application: { documents: { id: string; type: string }[] } } }>(
          'mutation($id: ID!, $t: DocumentType!) { addDocument(applicationId: $id, type: $t, number: "DOC-77889900", issuer: "河西区", validUntil: "2030-12-31") { application { documents { id type } } } }', { id, t }, headers);
        const doc = added.addDocument.application.documents.find((d) => d.type === t)!;
        await call('mutation($id: ID!, $d: ID!) { verifyDocument(applicationId: $id, documentId: $d, outcome: VERIFIED) { application { status } } }', { id, d: doc.id }, admissions);
      }
      families.push({ headers, id });
    }
    const seed = `real-infra-${topicPrefix}`;
    await call(`mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${createHash('sha256').update(seed).digest('hex')}") { round { seedHash } } }`, {}, admissions);
    const ran = await call<{ runPlacementRound: { round: { placedCount: number; waitlistedCount: number } } }>(`mutation { runPlacementRound(year: 2026, grade: 1, seed: "${seed}") { round { placedCount waitlistedCount } } }`, {}, admissions);
    expect(ran.runPlacementRound.round).toEqual({ placedCount: 2, waitlistedCount: 0 });
    const [family] = families;
    const placement = await call<{ application: { status: string; placement: { kind: string; school: { id: string }; explanationEn: string } } }>(
      'query($id: ID!) { application(id: $id) { status placement { kind school { id } explanationEn } } }', { id: family!.id }, family!.headers);
    expect(placement.application).toMatchObject({ status: 'PLACED', placement: { kind: 'IN_DISTRICT', school: { id: schools[0] } } });
    await call('mutation($id: ID!) { respondToPlacement(applicationId: $id, response: ACCEPT) { application { status } } }', { id: family!.id }, family!.headers);
    const school = await as('e2e-school-staff', ['INSTITUTION_STAFF'], { institutionId: schools[0]! });
    await call('mutation($id: ID!) { enrol(applicationId: $id) { application { status } } }', { id: family!.id }, school);
    type Ledger = { fundingLedger: { students: number; balanced: boolean; entries: { studentId: string; kind: string }[] } };
    const ledger = async (schoolId: string) => (await call<Ledger>('query($s: ID!) { fundingLedger(schoolId: $s, year: 2026) { students balanced entries { studentId kind } } }', { s: schoolId }, staff)).fundingLedger;
    const studentId = (await ledger(schools[0]!)).entries.find((e) => e.kind === 'ENROLMENT')!.studentId;
    const moved = await call<{ transferStudent: { entries: { kind: string }[] } }>(
      'mutation($s: ID!, $to: ID!) { transferStudent(studentId: $s, toSchoolId: $to, reason: "家庭搬迁至河东") { entries { kind } } }', { s: studentId, to: schools[1] }, admissions);
    expect(moved.transferStudent.entries.map((e) => e.kind)).toEqual(['TRANSFER_OUT', 'TRANSFER_IN']);
    expect(await ledger(schools[0]!)).toMatchObject({ students: 0, balanced: true, entries: [{ kind: 'ENROLMENT' }, { kind: 'TRANSFER_OUT' }] });
    expect(await ledger(schools[1]!)).toMatchObject({ students: 1, balanced: true, entries: [{ studentId, kind: 'TRANSFER_IN' }] });
    // The seat moved too, as the supergraph shows it.
    await eventually(async () => {
      const seats = async (id: string) => (await graphql<{ institution: CityInstitution }>(gatewayUrl, ONE_INSTITUTION, { id })).institution.seatPools;
      expect([await seats(schools[0]!), await seats(schools[1]!)]).toEqual([[{ year: 2026, grade: 1, capacity: 2, placed: 0 }], [{ year: 2026, grade: 1, capacity: 1, placed: 1 }]]);
    }, 30_000, 250);
  }, 120_000);

  it('licenses an unlicensed kindergarten that passed re-inspection: licensing issues the licence over Kafka and CityQuestion shows it', async () => {
    const districtCode = `UL-${topicPrefix.slice(-7, -1)}`;
    const name = `Real Unlicensed Kindergarten ${districtCode}`;
    const CASE = 'id state licence { licenceNumber institutionId }';
    type Case = { id: string; state: string; licence: { licenceNumber: string; institutionId: string } | null };
    const caseOp = async (op: string, args: string) => (await graphql<Record<string, { case: Case }>>(gatewayUrl, `mutation { ${op}(${args}) { case { ${CASE} } } }`, {}, staff))[op]!.case;
    const opened = await graphql<{ openUnlicensedCase: { case: Case } }>(gatewayUrl, `mutation($i: OpenUnlicensedCaseInput!) { openUnlicensedCase(input: $i) { case { ${CASE} } } }`,
      { i: { name, address: '城南路2号', districtCode, children: 30, hazards: [{ description: '消防通道堵塞', serious: false }] } }, staff);
    const caseId = opened.openUnlicensedCase.case.id;
    await caseOp('assessUnlicensedCase', `caseId: "${caseId}", licenceBasis: true`);
    await caseOp('orderRectification', `caseId: "${caseId}", dueOn: "2099-12-31", items: ["疏通消防通道"]`);
    expect(await caseOp('reinspect', `caseId: "${caseId}", passed: true, findings: []`)).toMatchObject({ state: 'PASSED', licence: null });
    // preschool.case.passed reaches licensing over Kafka; its registration and licence come back the same way.
    const licence = await eventually(async () => {
      const r = await graphql<{ unlicensedCases: { nodes: Case[] } }>(gatewayUrl, `{ unlicensedCases(filter: { districtCode: "${districtCode}" }) { nodes { ${CASE} } } }`, {}, staff);
      expect(r.unlicensedCases.nodes).toMatchObject([{ id: caseId, state: 'LICENSED', licence: { licenceNumber: expect.any(String) } }]);
      return r.unlicensedCases.nodes[0]!.licence!;
    }, 60_000, 250);
    await eventually(async () => {
      const { institutions } = await graphql<CityAnswer>(gatewayUrl, CITY_QUESTION);
      expect(institutions.nodes.find((n) => n.id === licence.institutionId)).toMatchObject({
        name, level: 'PRESCHOOL', ownership: 'PRIVATE', licence: { number: licence.licenceNumber, status: 'VALID' }, kindergarten: { places: 0, enrolled: 0, inclusive: false },
      });
    }, 60_000, 250);
    const one = (await graphql<{ institution: CityInstitution }>(gatewayUrl, ONE_INSTITUTION, { id: licence.institutionId })).institution;
    expect(one).toMatchObject({ licence: { number: licence.licenceNumber, status: 'VALID' }, kindergarten: { places: 0, enrolled: 0, inclusive: false } });
  }, 120_000);
});
