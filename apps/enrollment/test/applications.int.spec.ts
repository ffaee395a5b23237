import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, eventually, institutionStaff, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../src/service.ts';
import { admissions, applicationSteps, dataProtectionOfficer, form, guardian } from './application-support.ts';

const NOW = new Date('2026-05-11T02:00:00Z');
const SEED = 'round-2026-grade-1-public-seed';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SET_DISTRICT = 'mutation($i: DistrictInput!) { setDistrict(input: $i) { code } }';
const SET_SEATS = 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }';

for (const database of await serviceTestDatabases()) describe(`enrollment applications and rounds (${database.label})`, () => {
  let t: TestService;
  let steps: ReturnType<typeof applicationSteps>;
  let published: EventEnvelope<Record<string, unknown>>[];
  const schools: Record<string, string> = {};
  const parents = Array.from({ length: 8 }, (_, i) => guardian(`parent-${i}`));
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database, clock: () => NOW });
    steps = applicationSteps(t);
    published = (await recordTopic(t.transport, eventsTopic('enrollment'))) as EventEnvelope<Record<string, unknown>>[];
    await t.as(admissions)(SET_DISTRICT, { i: { code: 'CG', name: '城关', kind: 'URBAN' } });
    await t.as(admissions)(SET_DISTRICT, { i: { code: 'BJ', name: '滨江', kind: 'URBAN' } });
    await t.as(admissions)('mutation { setDistrictDistance(input: { fromCode: "CG", toCode: "BJ", km: 8.5 }) { km } }');
    for (const [key, district, level, seats] of [['A', 'CG', 'PRIMARY', 2], ['B', 'CG', 'PRIMARY', 1], ['C', 'BJ', 'PRIMARY', 2], ['J', 'CG', 'JUNIOR', 0]] as const) {
      schools[key] = (await publishInstitutionRegistered(t.transport, { level, districtCode: district, name: `学校${key}` })).payload.institutionId;
      if (seats) await eventually(() => t.as(bureauStaff)(SET_SEATS, { i: { institutionId: schools[key], year: 2026, grade: 1, capacity: seats } }));
    }
  });
  afterAll(() => t.stop());

  it('takes an application with every personal value masked, once per child and year', async () => {
    const a = await steps.submit(parents[0]!, form(0, { ranked: [schools['A']!] }));
    ids.push(a.id);
    expect(a).toMatchObject({ status: 'SUBMITTED', child: { name: '王***', birthDate: expect.any(String), sex: 'MALE' }, noticesSent: 0 });
    expect(a.child.residentId).toMatch(/^1101\*{10}\d{3}[\dX]$/);
    expect(a.guardians[0]!.phone).toMatch(/^138\*{4}\d{4}$/);
    const twice = await refusalOf(steps.submit(parents[1]!, form(0)));
    expect(twice.code).toBe('ALREADY_EXISTS');
    await eventually(async () => expect(published.some((e) => e.type === 'enrollment.application.submitted' && e.aggregateId === a.id)).toBe(true));
    // No event carries the child's name or ID.
    expect(JSON.stringify(published)).not.toContain(form(0).child.residentId);
  });

  it('refuses a bad form with every problem at once, and anyone but a guardian', async () => {
    const wrongBirth = { ...form(1), child: { ...form(1).child, birthDate: '2019-01-01' } };
    const refused = await refusalOf(steps.submit(parents[1]!, wrongBirth));
    expect(refused.code).toBe('INVALID_APPLICATION');
    const tooYoung = form(2);
    const young = { ...tooYoung, child: { ...tooYoung.child, birthDate: '2021-02-02', residentId: (await import('./application-support.ts')).residentId('2021-02-02', 5) } };
    expect((await refusalOf(steps.submit(parents[1]!, young))).message).toMatch(/needs 6 full years/);
    const juniorRanked = await refusalOf(steps.submit(parents[1]!, form(3, { ranked: [schools['J']!] })));
    expect(juniorRanked).toMatchObject({ code: 'INVALID_APPLICATION', message: expect.stringContaining('does not teach grade 1') });
    const unknown = await refusalOf(steps.submit(parents[1]!, form(3, { ranked: ['01900000-0000-7000-8000-000000000000'] })));
    expect(unknown.message).toContain('not a primary or junior school of the city');
    expect((await refusalOf(steps.submit(bureauStaff, form(4)))).code).toBe('FORBIDDEN');
  });

  it('verifies documents in the admissions office only, and sends all corrections in one notice', async () => {
    const renter = await steps.submit(parents[1]!, form(5, { housing: 'RENTER' }));
    ids.push(renter.id);
    await steps.addDocument(parents[1]!, renter.id, 'RESIDENCE_PERMIT', '2030-01-01');
    const added = await steps.addDocument(parents[1]!, renter.id, 'RENTAL_AGREEMENT', '2027-06-30');
    expect(added.documents.map((d) => d.number)).toEqual(['********7788', '********7788']);
    expect((await refusalOf(steps.addDocument(parents[2]!, renter.id, 'PARENT_WORK_PROOF'))).code).toBe('FORBIDDEN');
    expect((await refusalOf(steps.addDocument(parents[1]!, renter.id, 'PARENT_WORK_PROOF', '2026-01-01'))).code).toMatch(/EXPIRED|INVALID_DOCUMENT/);
    const [permit, lease] = added.documents;
    expect((await refusalOf(steps.verify(bureauStaff, renter.id, permit!.id))).code).toBe('FORBIDDEN');
    expect((await refusalOf(steps.verify(admissions, renter.id, lease!.id, 'REJECTED'))).code).toBe('REASON_REQUIRED');
    await steps.verify(admissions, renter.id, permit!.id);
    await steps.verify(admissions, renter.id, lease!.id, 'REJECTED', '租房协议未备案');
    const noticed = await steps.notice(admissions, renter.id);
    expect(noticed).toMatchObject({ status: 'CORRECTIONS_REQUESTED', noticesSent: 1 });
    expect((await refusalOf(steps.notice(admissions, renter.id))).code).toMatch(/ONE_NOTICE_ONLY|INVALID_TRANSITION/);
    await steps.addDocument(parents[1]!, renter.id, 'RENTAL_AGREEMENT', '2027-06-30');
    expect((await steps.resubmit(parents[1]!, renter.id)).status).toBe('SUBMITTED');
  });

  it('runs a round only with the committed seed, once, and explains every placement in Chinese and English', async () => {
    await steps.ready(parents[0]!, ids[0]!);
    for (let n = 2; n <= 6; n++) {
      const a = await steps.submit(parents[n]!, form(10 + n, { since: n % 2 ? '2018-01-01' : '2025-06-01' }));
      ids.push(a.id);
      await steps.ready(parents[n]!, a.id);
    }
    const commit = (hash: string, grade = 1) => t.as(admissions)(`mutation { commitRoundSeed(year: 2026, grade: ${grade}, seedHash: "${hash}") { round { seedHash seed } } }`);
    const run = (seed: string, grade = 1) => t.as(admissions)<{ runPlacementRound: { round: Record<string, number | string | null> } }>(
      `mutation { runPlacementRound(year: 2026, grade: ${grade}, seed: "${seed}") { round { seed placedCount reassignedCount waitlistedCount ineligibleCount ranAt } } }`,
    );
    expect((await refusalOf(commit(sha256(SEED), 1).then(() => t.as(bureauStaff)(`mutation { commitRoundSeed(year: 2026, grade: 2, seedHash: "${sha256('x')}") { round { seed } } }`)))).code).toBe('FORBIDDEN');
    expect((await refusalOf(commit(sha256('another')))).code).toBe('SEED_ALREADY_COMMITTED');
    expect((await refusalOf(run('not-the-seed'))).code).toBe('SEED_MISMATCH');
    expect((await refusalOf(run(SEED, 2))).code).toBe('SEED_NOT_COMMITTED');
    const round = (await run(SEED)).runPlacementRound.round;
    // Seven applications: CG has 3 seats, BJ (8.5 km) 2; the renter's lease is not verified.
    expect(round).toMatchObject({ seed: SEED, placedCount: 5, reassignedCount: 2, waitlistedCount: 1, ineligibleCount: 1 });
    expect((await refusalOf(run(SEED))).code).toBe('ROUND_ALREADY_RUN');
    const first = (await steps.get(parents[0]!, ids[0]!))!;
    // In its home district; which of CG's schools depends on the lottery (the others did not rank).
    expect(first.placement).toMatchObject({ kind: 'IN_DISTRICT', round: { seed: SEED } });
    const at = Object.entries(schools).find(([, id]) => id === first.placement!.school!.id)![0];
    expect(['A', 'B']).toContain(at);
    expect(first.placement!.explanation).toContain(`学校${at}`);
    expect(first.placement!.explanationEn).toContain(`学校${at}`);
    const renter = (await steps.get(parents[1]!, ids[1]!))!;
    expect(renter.placement).toMatchObject({ kind: 'INELIGIBLE' });
    const publicRound = await t.as(guardian('anyone'))<{ placementRound: { seed: string; seedHash: string } }>('{ placementRound(year: 2026, grade: 1) { seed seedHash } }');
    expect(publicRound.placementRound).toEqual({ seed: SEED, seedHash: sha256(SEED) });
  });

  it('enrols an accepted child at the placed school only, within capacity, with its events', async () => {
    const placed = (await steps.get(parents[0]!, ids[0]!))!;
    expect((await refusalOf(steps.respond(parents[1]!, ids[0]!, 'ACCEPT'))).code).toBe('FORBIDDEN');
    await steps.respond(parents[0]!, ids[0]!, 'ACCEPT');
    expect((await refusalOf(steps.enrol(institutionStaff(schools['C']!), ids[0]!))).code).toBe('FORBIDDEN');
    const enrolled = await steps.enrol(institutionStaff(placed.placement!.school!.id), ids[0]!);
    expect(enrolled.status).toBe('ENROLLED');
    const pools = await t.as(bureauStaff)<{ _entities: { seatPools: { placed: number }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { seatPools(year: 2026) { placed } } } }`,
      { r: [{ __typename: 'Institution', id: placed.placement!.school!.id }] },
    );
    expect(pools._entities[0]!.seatPools).toEqual([{ placed: 1 }]);
    await eventually(async () => {
      const completed = published.filter((e) => e.type === 'enrollment.application.completed' && e.aggregateId === ids[0]);
      expect(completed.map((e) => e.payload['step'])).toEqual(['PLACEMENT', 'ENROLMENT']);
      expect(completed[1]!.payload).toMatchObject({ applicantId: parents[0]!.id, completedOn: '2026-05-11' });
    });
    expect(published.some((e) => e.type === 'enrollment.student.enrolled' && e.aggregateId === ids[0])).toBe(true);
  });

  it('shows unmasked data only through the audited field, to the owner and the admissions office', async () => {
    const PERSONAL = `query($id: ID!) { application(id: $id) { personalData(reason: "核对入学材料") { childName childResidentId guardians { phone } } } }`;
    const own = await t.as(parents[0]!)<{ application: { personalData: { childResidentId: string } } }>(PERSONAL, { id: ids[0] });
    expect(own.application.personalData.childResidentId).toBe(form(0).child.residentId);
    await t.as(admissions)(PERSONAL, { id: ids[0] });
    expect((await refusalOf(t.as(parents[2]!)(PERSONAL, { id: ids[0] }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(bureauStaff)(PERSONAL, { id: ids[0] }))).code).toBe('FORBIDDEN');
    const log = await t.as(dataProtectionOfficer)<{ piiAccessLog: { totalCount: number; nodes: { actorId: string; reason: string; applicationId: string }[] } }>(
      `query($id: ID) { piiAccessLog(filter: { applicationId: $id }) { totalCount nodes { actorId reason applicationId } } }`,
      { id: ids[0] },
    );
    expect(log.piiAccessLog.nodes.map((n) => n.actorId).sort()).toEqual([admissions.id, parents[0]!.id].sort());
    expect(log.piiAccessLog.nodes[0]).toMatchObject({ reason: '核对入学材料', applicationId: ids[0] });
    expect((await refusalOf(t.as(admissions)('{ piiAccessLog { totalCount } }'))).code).toBe('FORBIDDEN');
    // Every other read, by every role that may read, is masked; and nothing is stored in clear.
    const reads = [
      await t.as(parents[0]!)(`{ myApplications { child { name residentId } guardians { name residentId phone } documents { number } } }`),
      await t.as(admissions)(`{ applications(first: 100) { nodes { child { name residentId } guardians { residentId phone } documents { number } } } }`),
    ];
    for (const n of [0, 5, 12, 14]) {
      for (const read of reads) expect(JSON.stringify(read)).not.toContain(form(n).child.residentId);
    }
    const stored = JSON.stringify(await t.service.orm.em.fork().getConnection().execute('select state from application'));
    expect(stored).not.toContain(form(0).child.residentId);
    expect(stored).not.toContain(form(0).child.name);
    expect(stored).not.toContain('55667788');
  });

  it('closes finished applications after their admission cycle and erases their personal data after the retention period, keeping the statistics', async () => {
    const { runPersonalDataJob } = await import('../src/application/personal-data.job.ts');
    const { enrollmentCipher } = await import('../src/application/personal-data.ts');
    const { TEST_PII_KEYS } = await import('@edugraph/testing');
    const cipher = enrollmentCipher(TEST_PII_KEYS);
    expect(await runPersonalDataJob(t.service.orm.em, '2026-12-31', cipher)).toEqual({ closed: 0, erased: 0 });
    const closing = await runPersonalDataJob(t.service.orm.em, '2027-01-01', cipher);
    expect(closing.closed).toBeGreaterThanOrEqual(2); // the enrolled child, the waitlisted and the ineligible
    expect((await steps.get(parents[0]!, ids[0]!))!.status).toBe('CLOSED');
    expect((await runPersonalDataJob(t.service.orm.em, '2029-12-31', cipher)).erased).toBe(0);
    const erasing = await runPersonalDataJob(t.service.orm.em, '2030-01-02', cipher);
    expect(erasing.erased).toBe(closing.closed);
    const after = (await steps.get(parents[0]!, ids[0]!))!;
    expect(after).toMatchObject({ status: 'CLOSED', placement: { kind: 'IN_DISTRICT' } });
    const own = await t.as(parents[0]!)<{ application: { personalData: { childResidentId: string } } }>(`query($id: ID!) { application(id: $id) { personalData(reason: "查看") { childResidentId } } }`, { id: ids[0] });
    expect(own.application.personalData.childResidentId).toBe('（已删除）');
  });
});
