import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, bureauStaff, eventually, institutionStaff, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import type { Actor } from '@edugraph/auth';
import { recordEnrolmentFunding } from '../src/application/funding.commands.ts';
import { Student } from '../src/entities/application.entity.ts';
import { FundingEntry } from '../src/entities/funding.entity.ts';
import { enrollmentService } from '../src/service.ts';
import { admissions, applicationSteps, form, guardian } from './application-support.ts';

const NOW = new Date('2026-05-11T02:00:00Z');
const SEED = 'funding-round-2026-grade-1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SET_DISTRICT = 'mutation($i: DistrictInput!) { setDistrict(input: $i) { code } }';
const SET_SEATS = 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }';
const ENTRY = 'studentId schoolId kind amountFen amount on';
const LEDGER = `query($s: ID!, $y: Int!) { fundingLedger(schoolId: $s, year: $y) { schoolId year rateFen rate students balanceFen balance expectedFen entries { ${ENTRY} } balanced } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!, $reason: String!) { transferStudent(studentId: $id, toSchoolId: $to, reason: $reason) { student { id school { id } year grade enrolledOn } entries { ${ENTRY} } } }`;
const AID = 'id studentId year difficulty boarding status amountFen amount basis appliedOn decidedOn refusalCode reason';
const APPLY = `mutation($id: ID!, $c: AidCriteriaInput!) { applyForAid(studentId: $id, criteria: $c) { aidApplication { ${AID} } } }`;
const DECIDE = `mutation($id: ID!, $ok: Boolean!, $reason: String) { decideAid(aidApplicationId: $id, approve: $ok, reason: $reason) { aidApplication { ${AID} } } }`;

interface Entry { studentId: string; schoolId: string; kind: string; amountFen: number; amount: string; on: string }
interface Ledger { schoolId: string; rateFen: number; rate: string; students: number; balanceFen: number; balance: string; expectedFen: number; entries: Entry[]; balanced: boolean }
interface Aid { id: string; status: string; amountFen: number | null; amount: string | null; difficulty: string; boarding: boolean; refusalCode: string | null; reason: string | null; basis: string | null }

for (const database of await serviceTestDatabases()) describe(`enrollment funding, aid and statistics (${database.label})`, () => {
  let t: TestService;
  let published: EventEnvelope<Record<string, unknown>>[];
  const schools: Record<string, string> = {};
  const parents = Array.from({ length: 6 }, (_, i) => guardian(`funding-parent-${i}`));
  /** The three children enrolled in their own district: student, school, guardian. */
  const enrolled: { studentId: string; schoolId: string; parent: (typeof parents)[number]; applicationId: string }[] = [];

  const ledger = async (schoolId: string, actor = bureauStaff) => (await t.as(actor)<{ fundingLedger: Ledger }>(LEDGER, { s: schoolId, y: 2026 })).fundingLedger;
  const transfer = (studentId: string, to: string, actor = admissions) =>
    t.as(actor)<{ transferStudent: { student: { id: string; school: { id: string } }; entries: Entry[] } }>(TRANSFER, { id: studentId, to, reason: '家庭搬迁至滨江' });
  const placedAt = async (schoolId: string) => {
    const r = await t.as(bureauStaff)<{ _entities: { seatPools: { placed: number }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { seatPools(year: 2026) { placed } } } }',
      { r: [{ __typename: 'Institution', id: schoolId }] },
    );
    return r._entities[0]!.seatPools[0]?.placed;
  };
  const apply = (actor: Actor, studentId: string, difficulty: string, boarding: boolean) =>
    t.as(actor)<{ applyForAid: { aidApplication: Aid } }>(APPLY, { id: studentId, c: { difficulty, boarding } }).then((r) => r.applyForAid.aidApplication);
  const decide = (id: string, ok: boolean, reason: string | null = null, actor = admissions) =>
    t.as(actor)<{ decideAid: { aidApplication: Aid } }>(DECIDE, { id, ok, reason }).then((r) => r.decideAid.aidApplication);

  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database, clock: () => NOW });
    const steps = applicationSteps(t);
    published = (await recordTopic(t.transport, eventsTopic('enrollment'))) as EventEnvelope<Record<string, unknown>>[];
    await t.as(admissions)(SET_DISTRICT, { i: { code: 'CG', name: '城关', kind: 'URBAN' } });
    await t.as(admissions)(SET_DISTRICT, { i: { code: 'BJ', name: '滨江', kind: 'URBAN' } });
    await t.as(admissions)('mutation { setDistrictDistance(input: { fromCode: "CG", toCode: "BJ", km: 8.5 }) { km } }');
    // C takes the three children CG cannot seat (offers they hold, not enrolled) and has two seats left.
    for (const [key, district, level, seats] of [['A', 'CG', 'PRIMARY', 2], ['B', 'CG', 'PRIMARY', 1], ['C', 'BJ', 'PRIMARY', 5], ['J', 'CG', 'JUNIOR', 0]] as const) {
      schools[key] = (await publishInstitutionRegistered(t.transport, { level, districtCode: district, name: `学校${key}` })).payload.institutionId;
      if (seats) await eventually(() => t.as(bureauStaff)(SET_SEATS, { i: { institutionId: schools[key], year: 2026, grade: 1, capacity: seats } }));
    }
    const applicationIds: string[] = [];
    for (const [n, parent] of parents.entries()) {
      const a = await steps.submit(parent, form(40 + n));
      applicationIds.push(a.id);
      await steps.ready(parent, a.id);
    }
    await t.as(admissions)(`mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${sha256(SEED)}") { round { seedHash } } }`);
    await t.as(admissions)(`mutation { runPlacementRound(year: 2026, grade: 1, seed: "${SEED}") { round { placedCount } } }`);
    // The children placed in their own district are accepted and enrolled through the API.
    for (const [n, id] of applicationIds.entries()) {
      const a = (await steps.get(parents[n]!, id))!;
      if (a.placement?.kind !== 'IN_DISTRICT') continue;
      await steps.respond(parents[n]!, id, 'ACCEPT');
      await steps.enrol(admissions, id);
      const em = t.service.orm.em.fork();
      const student = (await em.findOne(Student, { applicationId: id }))!;
      // Enrolling recorded the year's funding with the student.
      expect(await em.count(FundingEntry, { studentId: student.id, kind: 'ENROLMENT' })).toBe(1);
      enrolled.push({ studentId: student.id, schoolId: student.schoolId, parent: parents[n]!, applicationId: id });
    }
    expect(enrolled).toHaveLength(3);
  }, 120_000);
  afterAll(() => t.stop());

  it('funds every enrolled student once, at the year rate, and the ledger adds up', async () => {
    for (const key of ['A', 'B'] as const) {
      const l = await ledger(schools[key]!);
      const here = enrolled.filter((e) => e.schoolId === schools[key]);
      expect(l).toMatchObject({ rateFen: 65_000, rate: '¥650.00', students: here.length, balanceFen: here.length * 65_000, balanced: true });
      expect(l.entries.map((e) => [e.studentId, e.kind, e.amountFen, e.amount, e.on])).toEqual(here.map((e) => [e.studentId, 'ENROLMENT', 65_000, '¥650.00', '2026-05-11']));
    }
    const again = await t.service.orm.em
      .fork()
      .transactional((tx) => recordEnrolmentFunding(tx, { actor: admissions, today: '2026-05-11' }, { id: enrolled[0]!.studentId, schoolId: enrolled[0]!.schoolId, year: 2026, grade: 1 }))
      .then(() => null, (error: { code?: string }) => error.code);
    expect(again).toBe('ALREADY_FUNDED');
  });

  it('transfers a student with the funding and the seat, in one step, by the admissions office only', async () => {
    const [first] = enrolled;
    const from = first!.schoolId;
    const fromPlaced = await placedAt(from);
    expect((await refusalOf(transfer(first!.studentId, schools['C']!, bureauStaff))).code).toBe('FORBIDDEN');
    expect((await refusalOf(transfer(first!.studentId, schools['C']!, institutionStaff(from)))).code).toBe('FORBIDDEN');
    expect((await refusalOf(transfer(first!.studentId, schools['C']!, anonymous))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(transfer(first!.studentId, from))).code).toBe('SAME_SCHOOL');
    expect((await refusalOf(transfer(first!.studentId, schools['J']!))).code).toBe('GRADE_NOT_TAUGHT');
    expect((await refusalOf(transfer(first!.studentId, '01900000-0000-7000-8000-000000000000'))).code).toBe('NOT_FOUND');
    expect((await refusalOf(transfer('01900000-0000-7000-8000-000000000001', schools['C']!))).code).toBe('NOT_FOUND');
    expect((await refusalOf(transfer(first!.studentId, 'not-an-id'))).code).toBe('BAD_USER_INPUT');

    const moved = (await transfer(first!.studentId, schools['C']!)).transferStudent;
    expect(moved.student).toMatchObject({ id: first!.studentId, school: { id: schools['C'] } });
    expect(moved.entries.map((e) => [e.schoolId, e.kind, e.amountFen])).toEqual([
      [from, 'TRANSFER_OUT', -65_000],
      [schools['C'], 'TRANSFER_IN', 65_000],
    ]);
    expect(await placedAt(schools['C']!)).toBe(1);
    expect(await placedAt(from)).toBe(fromPlaced! - 1);
    const old = await ledger(from);
    const stay = enrolled.filter((e) => e.schoolId === from).length - 1;
    expect(old).toMatchObject({ students: stay, balanceFen: stay * 65_000, expectedFen: stay * 65_000, balanced: true });
    expect(old.entries.filter((e) => e.studentId === first!.studentId).map((e) => [e.kind, e.amount])).toEqual([['ENROLMENT', '¥650.00'], ['TRANSFER_OUT', '-¥650.00']]);
    const next = await ledger(schools['C']!, institutionStaff(schools['C']!));
    expect(next).toMatchObject({ students: 1, balanceFen: 65_000, balance: '¥650.00', balanced: true, entries: [{ studentId: first!.studentId, kind: 'TRANSFER_IN', amountFen: 65_000 }] });
    expect((await refusalOf(transfer(first!.studentId, schools['C']!))).code).toBe('SAME_SCHOOL');
    first!.schoolId = schools['C']!;

    await eventually(async () => {
      const e = published.filter((x) => x.type === 'enrollment.student.transferred' && x.aggregateId === first!.studentId);
      expect(e).toHaveLength(1);
      expect(e[0]!.payload).toEqual({ studentId: first!.studentId, applicationId: first!.applicationId, fromSchoolId: from, toSchoolId: schools['C'], year: 2026, grade: 1, amountFen: 65_000, on: '2026-05-11' });
    });
    expect(JSON.stringify(published)).not.toContain('家庭搬迁');
  });

  it('never transfers into a full grade, and a refused transfer changes nothing', async () => {
    const [, second, third] = enrolled;
    await transfer(second!.studentId, schools['C']!);
    second!.schoolId = schools['C']!;
    const before = await ledger(third!.schoolId);
    // Two enrolled of five seats, but the other three are offered to children who have not enrolled yet.
    expect((await refusalOf(transfer(third!.studentId, schools['C']!))).code).toBe('SEATS_FULL');
    expect(await ledger(third!.schoolId)).toEqual(before);
    expect(await placedAt(schools['C']!)).toBe(2);
    expect(await ledger(schools['C']!)).toMatchObject({ students: 2, balanceFen: 130_000, balanced: true });
  });

  it('shows a ledger to bureau staff and the school only', async () => {
    const school = enrolled[2]!.schoolId;
    const other = [schools['A'], schools['B'], schools['C']].find((s) => s !== school)!;
    expect((await ledger(school, institutionStaff(school))).schoolId).toBe(school);
    expect((await refusalOf(ledger(school, institutionStaff(other)))).code).toBe('FORBIDDEN');
    expect((await refusalOf(ledger(school, enrolled[2]!.parent))).code).toBe('FORBIDDEN');
    expect((await refusalOf(ledger(school, anonymous))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(t.as(bureauStaff)(LEDGER, { s: '01900000-0000-7000-8000-000000000000', y: 2026 }))).code).toBe('NOT_FOUND');
    expect((await refusalOf(t.as(bureauStaff)(LEDGER, { s: school, y: 2031 }))).code).toBe('RATE_NOT_SET');
  });

  it('takes aid applications from the guardian or the school, and grants the table amount', async () => {
    const [first, second] = enrolled;
    expect((await refusalOf(apply(parents.find((p) => p !== first!.parent)!, first!.studentId, 'MINIMUM_LIVING_ALLOWANCE', false))).code).toBe('FORBIDDEN');
    expect((await refusalOf(apply(institutionStaff(schools['A'] === first!.schoolId ? schools['B']! : schools['A']!), first!.studentId, 'ORPHAN', false))).code).toBe('FORBIDDEN');
    expect((await refusalOf(apply(admissions, first!.studentId, 'ORPHAN', false))).code).toBe('FORBIDDEN');
    const pending = await apply(first!.parent, first!.studentId, 'MINIMUM_LIVING_ALLOWANCE', false);
    expect(pending).toMatchObject({ status: 'PENDING', difficulty: 'MINIMUM_LIVING_ALLOWANCE', boarding: false, amountFen: null });
    expect((await refusalOf(apply(institutionStaff(first!.schoolId), first!.studentId, 'ORPHAN', true))).code).toBe('ALREADY_APPLIED');

    expect((await refusalOf(decide(pending.id, true, null, bureauStaff))).code).toBe('FORBIDDEN');
    expect((await refusalOf(decide(pending.id, true, null, first!.parent))).code).toBe('FORBIDDEN');
    const granted = await decide(pending.id, true);
    expect(granted).toMatchObject({ status: 'GRANTED', amountFen: 50_000, amount: '¥500.00', basis: expect.stringContaining('财教〔2021〕310号') });
    expect((await refusalOf(decide(pending.id, false, '重复'))).code).toBe('ALREADY_DECIDED');
    expect((await refusalOf(apply(first!.parent, first!.studentId, 'ORPHAN', false))).code).toBe('ALREADY_APPLIED');

    await eventually(async () => {
      const grant = published.filter((e) => e.type === 'enrollment.aid.granted' && e.aggregateId === pending.id);
      expect(grant.map((e) => e.payload)).toEqual([{ aidApplicationId: pending.id, studentId: first!.studentId, applicationId: first!.applicationId, year: 2026, granted: true, amountFen: 50_000, amount: '¥500.00' }]);
      const completed = published.filter((e) => e.type === 'enrollment.application.completed' && e.aggregateId === first!.applicationId && e.payload['step'] === 'AID');
      expect(completed).toHaveLength(1);
      expect(completed[0]!.payload).toMatchObject({ applicationId: first!.applicationId, step: 'AID', applicantId: first!.parent.id, completedOn: '2026-05-11', granted: true, amountFen: 50_000 });
    });

    // The school applies for a boarding orphan; refused only with a reason, then a new application is possible.
    const byschool = await apply(institutionStaff(second!.schoolId), second!.studentId, 'ORPHAN', true);
    expect((await refusalOf(decide(byschool.id, false))).code).toBe('REASON_REQUIRED');
    const refused = await decide(byschool.id, false, '孤儿证明未提交');
    expect(refused).toMatchObject({ status: 'REFUSED', amountFen: null, refusalCode: 'NOT_ELIGIBLE', reason: '孤儿证明未提交' });
    const again = await apply(second!.parent, second!.studentId, 'ORPHAN', true);
    expect((await decide(again.id, true)).amountFen).toBe(100_000);
    await eventually(async () => {
      const refusedEvent = published.find((e) => e.type === 'enrollment.aid.refused' && e.aggregateId === byschool.id);
      expect(refusedEvent?.payload).toEqual({ aidApplicationId: byschool.id, studentId: second!.studentId, applicationId: second!.applicationId, year: 2026, granted: false, reason: 'NOT_ELIGIBLE' });
    });
    expect(JSON.stringify(published)).not.toContain('孤儿证明');
    expect(JSON.stringify(published)).not.toContain('ORPHAN');

    const list = await t.as(second!.parent)<{ aidApplications: Aid[] }>(`query($id: ID!) { aidApplications(studentId: $id) { ${AID} } }`, { id: second!.studentId });
    expect(list.aidApplications.map((a) => a.status)).toEqual(['GRANTED', 'REFUSED']);
    await t.as(institutionStaff(second!.schoolId))(`query($id: ID!) { aidApplications(studentId: $id) { id } }`, { id: second!.studentId });
    await t.as(admissions)(`query($id: ID!) { aidApplications(studentId: $id) { id } }`, { id: second!.studentId });
    expect((await refusalOf(t.as(first!.parent)(`query($id: ID!) { aidApplications(studentId: $id) { id } }`, { id: second!.studentId }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(bureauStaff)(`query($id: ID!) { aidApplications(studentId: $id) { id } }`, { id: second!.studentId }))).code).toBe('FORBIDDEN');
    // The difficulty (sensitive personal information) is stored sealed.
    const stored = JSON.stringify(await t.service.orm.em.fork().getConnection().execute('select * from aid_application'));
    expect(stored).not.toContain('ORPHAN');
    expect(stored).not.toContain('MINIMUM_LIVING_ALLOWANCE');
  });

  it('publishes district statistics to anyone, counts only', async () => {
    const stats = await t.as(anonymous)<{ enrollmentStats: { year: number; byDistrict: Record<string, unknown>[] } }>(
      '{ enrollmentStats(year: 2026) { year byDistrict { districtCode applications inDistrict reassigned waitlisted seats } } }',
    );
    expect(stats.enrollmentStats).toEqual({
      year: 2026,
      byDistrict: [
        { districtCode: 'BJ', applications: 0, inDistrict: 0, reassigned: 0, waitlisted: 0, seats: 5 },
        { districtCode: 'CG', applications: 6, inDistrict: 3, reassigned: 3, waitlisted: 0, seats: 3 },
      ],
    });
    const none = await t.as(anonymous)<{ enrollmentStats: { byDistrict: { applications: number; seats: number }[] } }>('{ enrollmentStats(year: 2027) { byDistrict { applications seats } } }');
    expect(none.enrollmentStats.byDistrict.every((d) => d.applications === 0 && d.seats === 0)).toBe(true);
  });
});
