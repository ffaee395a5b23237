import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { createEnvelope } from '@edugraph/events';
import { anonymous, eventually, institutionStaff, leadership, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const staffOf = (office: string, id = `staff-${office}`): Actor => ({ id, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const OPTIMISATION = staffOf('POLICY_LAW');
const SUPERVISOR = staffOf('SUPERVISION');
const SCHOOL = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';

const FIELDS = 'id title planRef ownerKind owner ownerName dueOn expectedResult status percent completedOn late clock progress { percent note evidence reason reportedOn reportedBy } inspections { result findings inspectedOn inspectedBy } lastInspection { result }';
const CREATE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { ${FIELDS} } }`;
const PROGRESS = `mutation($id: ID!, $percent: Int!, $note: String!, $evidence: String, $reason: String) { reportProgress(measureId: $id, percent: $percent, note: $note, evidence: $evidence, reason: $reason) { ${FIELDS} } }`;
const INSPECT = `mutation($id: ID!, $result: InspectionResult!, $findings: String!) { recordMeasureInspection(measureId: $id, result: $result, findings: $findings) { ${FIELDS} } }`;
const MEASURES = `query($filter: MeasureFilter) { measures(filter: $filter, first: 100) { totalCount nodes { ${FIELDS} } } }`;
const MEASURE = `query($id: ID!) { measure(id: $id) { id status } }`;
const BOARD = `query($period: String!) { measuresBoard(period: $period) { period from to ordering rows { ownerKind owner ownerName measures done late notMet partlyMet met doneShare overdueItems dueSoonItems behind } } }`;
const ITEMS = `query($filter: SupervisionItemFilter) { supervisionItems(filter: $filter, first: 100) { totalCount nodes { id source sourceId office state dueOn recordedOn eventType } } }`;

interface MeasureView {
  id: string;
  status: string;
  percent: number;
  ownerName: string;
  late: boolean;
  clock: string | null;
  completedOn: string | null;
  progress: { percent: number; reason: string | null; evidence: string | null }[];
  inspections: { result: string }[];
}
interface Row {
  owner: string;
  measures: number;
  done: number;
  late: number;
  notMet: number;
  partlyMet: number;
  met: number;
  doneShare: number | null;
  overdueItems: number;
  dueSoonItems: number;
  behind: number;
}

for (const database of await serviceTestDatabases()) describe(`督促落实: measures, progress, inspections and the board (${database.label})`, () => {
  let t: TestService;
  let now = at('2026-03-02');
  let published: EventEnvelope[];

  const create = (actor: Actor, input: Record<string, unknown>) => t.as(actor)<{ createMeasure: MeasureView }>(CREATE, { input: { expectedResult: '按方案完成', ...input } }).then((r) => r.createMeasure);
  const progress = (actor: Actor, id: string, percent: number, more: Record<string, unknown> = {}) =>
    t.as(actor)<{ reportProgress: MeasureView }>(PROGRESS, { id, percent, note: '按计划推进', ...more }).then((r) => r.reportProgress);
  const inspect = (actor: Actor, id: string, result: string, findings = '现场督查') => t.as(actor)<{ recordMeasureInspection: MeasureView }>(INSPECT, { id, result, findings }).then((r) => r.recordMeasureInspection);
  const listed = (filter: Record<string, unknown>) => t.as(leadership)<{ measures: { totalCount: number; nodes: MeasureView[] } }>(MEASURES, { filter }).then((r) => r.measures);
  const board = (period: string, actor: Actor = leadership) => t.as(actor)<{ measuresBoard: { period: string; from: string; to: string; ordering: string; rows: Row[] } }>(BOARD, { period }).then((r) => r.measuresBoard);
  const eventsOf = (type: string, measureId: string) => published.filter((e) => e.type === type && (e.payload as { measureId: string }).measureId === measureId);

  const publish = async (service: 'licensing' | 'feedback', type: string, aggregateId: string, payload: Record<string, unknown>, occurredAt: string, id?: string) => {
    const envelope = createEnvelope({ type: type as never, aggregateType: 'Test', aggregateId, actor: { id: 'system', kind: 'system' } as never, correlationId: randomUUID(), payload: payload as never });
    await t.transport.publish(eventsTopic(service), [{ key: aggregateId, value: JSON.stringify({ ...envelope, occurredAt, ...(id ? { id } : {}) }) }]);
    await t.transport.idle();
    return envelope;
  };
  const matterOverdue = (matterId: string, status: 'DUE_SOON' | 'OVERDUE', office = 'POLICY_LAW') => ({
    matterId, typeCode: 'ESTABLISHMENT', status, dueOn: '2026-12-08', remainingWorkingDays: status === 'OVERDUE' ? -1 : 2, office, authority: 'EDUCATION_BUREAU',
  });

  beforeAll(async () => {
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
    // The school owning a measure is one feedback has heard of from the registry.
    await publishInstitutionRegistered(t.transport, { institutionId: SCHOOL, level: 'PRIMARY' });
    await t.transport.idle();
  });
  afterAll(() => t.stop());

  it('lets the optimisation office record a measure with its owner, deadline and expected result, and emits feedback.measure.created', async () => {
    now = at('2026-03-02');
    const m = await create(OPTIMISATION, { title: '全面梳理教育权力清单', planRef: '二（一）5', ownerOffice: 'POLICY_LAW', dueOn: '2027-01-15', expectedResult: '三张清单在政务服务网公布' });
    expect(m).toMatchObject({ status: 'OPEN', percent: 0, ownerName: '政策法规科（优化办）', late: false, clock: null, progress: [], inspections: [] });
    const school = await create(OPTIMISATION, { title: '校园安全隐患整改', ownerInstitutionId: SCHOOL.toUpperCase(), dueOn: '2027-01-20' });
    // A school is named as the registry named it.
    expect(school.ownerName).toMatch(/^Test PRIMARY 0190a6f2/);
    await eventually(async () => expect([...eventsOf('feedback.measure.created', m.id), ...eventsOf('feedback.measure.created', school.id)]).toHaveLength(2));
    expect(eventsOf('feedback.measure.created', m.id)[0]!.payload).toEqual({ measureId: m.id, ownerKind: 'OFFICE', owner: 'POLICY_LAW', planRef: '二（一）5', dueOn: '2027-01-15' });
    expect(eventsOf('feedback.measure.created', school.id)[0]!.payload).toMatchObject({ ownerKind: 'INSTITUTION', owner: SCHOOL });
    // A school's staff see their school's measures, not the bureau's.
    expect((await t.as(institutionStaff(SCHOOL))<{ measure: { id: string } | null }>(MEASURE, { id: school.id })).measure).toMatchObject({ id: school.id });
    expect((await t.as(institutionStaff(SCHOOL))<{ measure: { id: string } | null }>(MEASURE, { id: m.id })).measure).toBeNull();
  });

  it('refuses an empty title, an unknown office, a malformed school id and anyone but the optimisation office, writing nothing', async () => {
    now = at('2026-03-02');
    const before = (await listed({ period: '2027-01' })).totalCount;
    const base = { title: '措施', ownerOffice: 'POLICY_LAW', dueOn: '2027-01-31' };
    expect(await refusalOf(create(OPTIMISATION, { ...base, title: '   ' }))).toEqual({ code: 'BAD_USER_INPUT', message: 'title must not be empty.' });
    expect(await refusalOf(create(OPTIMISATION, { ...base, ownerOffice: 'MARKETING' }))).toEqual({ code: 'UNKNOWN_OFFICE', message: "There is no office MARKETING; the owner must be one of the bureau's offices (POLICY_LAW, BASIC_EDUCATION, …)." });
    expect(await refusalOf(create(OPTIMISATION, { ...base, ownerOffice: null, ownerInstitutionId: 'school-7' }))).toMatchObject({ code: 'INVALID_INSTITUTION_ID' });
    expect(await refusalOf(create(OPTIMISATION, { ...base, ownerInstitutionId: SCHOOL }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(create(OPTIMISATION, { ...base, ownerOffice: null, ownerInstitutionId: '0190a6f2-7b1c-7d3e-8f00-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(create(OPTIMISATION, { ...base, dueOn: '2026-03-01' }))).toEqual({ code: 'BAD_USER_INPUT', message: 'dueOn must not be in the past (today is 2026-03-02).' });
    expect(await refusalOf(create(staffOf('ADMISSIONS'), base))).toEqual({ code: 'FORBIDDEN', message: "Only the optimisation office (staff of POLICY_LAW) may record the plan's measures." });
    expect(await refusalOf(create(leadership, base))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(create(anonymous, base))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await listed({ period: '2027-01' })).totalCount).toBe(before);
  });

  it('takes progress from the owner only: 0–100, never backwards without a reason, 100 % with evidence', async () => {
    now = at('2026-03-02');
    const m = await create(OPTIMISATION, { title: '加快职教中心建设', planRef: '二（一）4', ownerOffice: 'VOCATIONAL', dueOn: '2027-02-26' });
    now = at('2026-04-01');
    expect(await refusalOf(progress(staffOf('ADMISSIONS'), m.id, 30))).toEqual({ code: 'FORBIDDEN', message: "Only the measure's owner (staff of VOCATIONAL, the office responsible) may report its progress." });
    expect(await refusalOf(progress(OPTIMISATION, m.id, 30))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(progress(parent, m.id, 30))).toMatchObject({ code: 'FORBIDDEN' });
    const vocational = staffOf('VOCATIONAL');
    expect((await progress(vocational, m.id, 60)).percent).toBe(60);
    expect(await refusalOf(progress(vocational, m.id, 101))).toEqual({ code: 'INVALID_PERCENT', message: 'percent must be a whole number from 0 to 100 (got 101).' });
    expect(await refusalOf(progress(vocational, m.id, 40))).toEqual({ code: 'PROGRESS_BACKWARDS', message: 'Progress would go back from 60 % to 40 %; give the reason it went backwards.' });
    expect(await refusalOf(progress(vocational, m.id, 100, { note: '竣工' }))).toMatchObject({ code: 'EVIDENCE_REQUIRED' });
    expect(await refusalOf(progress(vocational, m.id, 70, { note: '' }))).toEqual({ code: 'BAD_USER_INPUT', message: 'note must not be empty.' });
    expect(await refusalOf(progress(vocational, randomUUID(), 70))).toMatchObject({ code: 'NOT_FOUND' });
    const back = await progress(vocational, m.id, 40, { reason: '实训楼设计变更，部分工程返工' });
    expect(back.progress.map((p) => [p.percent, p.reason])).toEqual([[60, null], [40, '实训楼设计变更，部分工程返工']]);
    const done = await progress(vocational, m.id, 100, { evidence: '竣工验收报告（职教中心）' });
    expect(done).toMatchObject({ status: 'COMPLETED', percent: 100, completedOn: '2026-04-01' });
    await eventually(async () => expect(eventsOf('feedback.measure.progress-reported', m.id).map((e) => e.payload)).toEqual([
      expect.objectContaining({ percent: 60, previousPercent: 0, backwards: false, completed: false, reportedOn: '2026-04-01' }),
      expect.objectContaining({ percent: 40, previousPercent: 60, backwards: true, completed: false }),
      expect.objectContaining({ percent: 100, previousPercent: 40, backwards: false, completed: true }),
    ]));
    // A school reports on its own measure; another school may not.
    const school = await t.as(leadership)<{ measures: { nodes: { id: string }[] } }>(MEASURES, { filter: { owner: SCHOOL } });
    const schoolMeasure = school.measures.nodes[0]!.id;
    expect((await progress(institutionStaff(SCHOOL), schoolMeasure, 20)).percent).toBe(20);
    expect(await refusalOf(progress(institutionStaff(randomUUID()), schoolMeasure, 30))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('takes inspections from the supervision office only; MET closes a done measure', async () => {
    now = at('2026-03-02');
    const m = await create(OPTIMISATION, { title: '公布公共服务事项清单', ownerOffice: 'SERVICE_HALL', dueOn: '2027-02-15' });
    now = at('2026-05-06');
    expect(await refusalOf(inspect(OPTIMISATION, m.id, 'NOT_MET'))).toEqual({ code: 'FORBIDDEN', message: 'Only the supervision office (staff of SUPERVISION) may record an inspection of a measure.' });
    expect(await refusalOf(inspect(staffOf('SERVICE_HALL'), m.id, 'MET'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(inspect(leadership, m.id, 'MET'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(inspect(SUPERVISOR, m.id, 'MET'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(inspect(SUPERVISOR, m.id, 'NOT_MET', ' '))).toEqual({ code: 'BAD_USER_INPUT', message: 'findings must not be empty.' });
    const notMet = await inspect(SUPERVISOR, m.id, 'NOT_MET', '清单尚未公布');
    expect(notMet).toMatchObject({ status: 'OPEN', inspections: [{ result: 'NOT_MET' }] });
    await progress(staffOf('SERVICE_HALL'), m.id, 100, { evidence: '政务服务网公示页' });
    const met = await inspect(SUPERVISOR, m.id, 'MET', '已公布，内容完整');
    expect(met).toMatchObject({ status: 'CLOSED', inspections: [{ result: 'NOT_MET' }, { result: 'MET' }] });
    expect(await refusalOf(progress(staffOf('SERVICE_HALL'), m.id, 100, { evidence: 'x' }))).toMatchObject({ code: 'MEASURE_CLOSED' });
    await eventually(async () => expect(eventsOf('feedback.measure.inspected', m.id).map((e) => e.payload)).toEqual([
      expect.objectContaining({ result: 'NOT_MET', closed: false, inspectedOn: '2026-05-06' }),
      expect.objectContaining({ result: 'MET', closed: true }),
    ]));
  });

  it('announces a measure due soon and then overdue once per state, however many replicas run the job at once', async () => {
    now = at('2026-11-02');
    const m = await create(OPTIMISATION, { title: '完善网上预审', ownerOffice: 'SERVICE_HALL', dueOn: '2026-11-30' });
    const overdue = () => eventsOf('feedback.measure.overdue', m.id).map((e) => (e.payload as { status: string }).status);
    await t.service.runJobs();
    now = at('2026-11-23');
    await Promise.all([t.service.runJobs(), t.service.runJobs()]);
    await t.service.runJobs();
    await eventually(async () => expect(overdue()).toEqual(['DUE_SOON']));
    now = at('2026-12-01');
    await Promise.all([t.service.runJobs(), t.service.runJobs(), t.service.runJobs()]);
    await t.service.runJobs();
    await eventually(async () => expect(overdue()).toEqual(['DUE_SOON', 'OVERDUE']));
    expect(eventsOf('feedback.measure.overdue', m.id).at(-1)!.payload).toEqual({ measureId: m.id, ownerKind: 'OFFICE', owner: 'SERVICE_HALL', status: 'OVERDUE', dueOn: '2026-11-30', percent: 0 });
    const seen = await listed({ overdue: true, owner: 'SERVICE_HALL' });
    expect(seen.nodes.find((n) => n.id === m.id)).toMatchObject({ late: true, clock: 'OVERDUE' });
  });

  it('puts whoever is furthest behind first on the board, for bureau staff and the leadership only', async () => {
    now = at('2026-06-01');
    const mk = (office: string, dueOn: string) => create(OPTIMISATION, { title: `${office} 措施`, ownerOffice: office, dueOn });
    const [p1, p2, v1, v2, a1, b1] = [
      await mk('PRESCHOOL', '2026-07-31'), await mk('PRESCHOOL', '2026-08-31'),
      await mk('FINANCE_AUDIT', '2026-07-15'), await mk('FINANCE_AUDIT', '2026-09-30'),
      await mk('ADMISSIONS', '2026-08-14'),
      await mk('BASIC_EDUCATION', '2026-09-30'),
    ];
    now = at('2026-07-10');
    await progress(staffOf('PRESCHOOL'), p1!.id, 100, { evidence: '新建幼儿园竣工' });
    await progress(staffOf('PRESCHOOL'), p2!.id, 100, { evidence: '普惠园认定文件' });
    await inspect(SUPERVISOR, p1!.id, 'MET');
    await progress(staffOf('FINANCE_AUDIT'), v2!.id, 100, { evidence: '补助发放凭证' });
    await inspect(SUPERVISOR, v2!.id, 'NOT_MET', '补助未足额发放');
    await progress(staffOf('BASIC_EDUCATION'), b1!.id, 50);
    now = at('2026-08-20');
    await progress(staffOf('ADMISSIONS'), a1!.id, 100, { evidence: '随迁子女入学名单' });
    await inspect(SUPERVISOR, a1!.id, 'PARTLY_MET', '资助尚未纳入');
    now = at('2026-10-15');
    const q3 = await board('2026-Q3');
    expect(q3).toMatchObject({ period: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(q3.ordering).toContain('Furthest behind first');
    // Behind = not met + late + overdue items, most first; equal ones by the lower done share.
    expect(q3.rows.map((r) => [r.owner, r.behind, r.doneShare])).toEqual([
      ['FINANCE_AUDIT', 2, 0.5], // one open past 07-15, one found not met
      ['BASIC_EDUCATION', 1, 0], // open at 50 % past 09-30
      ['ADMISSIONS', 1, 1], // done, but after its day (08-14 → 08-20)
      ['PRESCHOOL', 0, 1],
    ]);
    expect(q3.rows.find((r) => r.owner === 'FINANCE_AUDIT')).toMatchObject({ measures: 2, done: 1, late: 1, notMet: 1, doneShare: 0.5 });
    expect(q3.rows.find((r) => r.owner === 'PRESCHOOL')).toMatchObject({ measures: 2, done: 2, late: 0, met: 1, doneShare: 1 });
    expect(q3.rows.find((r) => r.owner === 'ADMISSIONS')).toMatchObject({ measures: 1, done: 1, late: 1, partlyMet: 1 });
    expect(v1).toBeDefined();
    expect((await board('2026-Q3', staffOf('PRESCHOOL'))).rows).toHaveLength(4);
    expect(await refusalOf(board('2026-Q3', institutionStaff(SCHOOL)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(board('2026-Q5'))).toMatchObject({ code: 'INVALID_PERIOD' });
  });

  it('puts an overdue licensing matter, bad-review case or report reply on the office’s row, once per matter and state', async () => {
    now = at('2026-12-15');
    const matterId = randomUUID();
    const first = await publish('licensing', 'licensing.matter.overdue', matterId, matterOverdue(matterId, 'DUE_SOON'), '2026-12-04T02:00:00.000Z');
    await publish('licensing', 'licensing.matter.overdue', matterId, matterOverdue(matterId, 'OVERDUE'), '2026-12-09T02:00:00.000Z');
    // Redelivered (same id) and replayed (a new id for the same state): still one item each.
    await publish('licensing', 'licensing.matter.overdue', matterId, matterOverdue(matterId, 'DUE_SOON'), '2026-12-04T02:00:00.000Z', first.id);
    await publish('licensing', 'licensing.matter.overdue', matterId, matterOverdue(matterId, 'OVERDUE'), '2026-12-09T03:00:00.000Z');
    const caseId = randomUUID();
    await publish('feedback', 'feedback.case.overdue', caseId, { caseId, ratingId: randomUUID(), office: 'ADMISSIONS', status: 'OVERDUE', dueOn: '2026-12-03', stage: 'CALLBACK' }, '2026-12-04T02:00:00.000Z');
    const reportId = randomUUID();
    await publish('feedback', 'feedback.report.overdue', reportId, { reportId, office: 'ADMISSIONS', status: 'OVERDUE', dueOn: '2026-12-07' }, '2026-12-08T02:00:00.000Z');
    const december = await eventually(async () => {
      const b = await board('2026-12');
      expect(b.rows.find((r) => r.owner === 'ADMISSIONS')?.overdueItems).toBe(2);
      return b;
    });
    expect(december.rows.map((r) => [r.owner, r.overdueItems, r.dueSoonItems, r.measures])).toEqual([
      ['ADMISSIONS', 2, 0, 0],
      ['POLICY_LAW', 1, 1, 0],
    ]);
    const items = (await t.as(leadership)<{ supervisionItems: { totalCount: number; nodes: { source: string; sourceId: string; office: string; state: string; recordedOn: string; eventType: string }[] } }>(ITEMS, { filter: { office: 'POLICY_LAW', period: '2026-12' } })).supervisionItems;
    expect(items.nodes.map((n) => [n.source, n.sourceId, n.state, n.recordedOn, n.eventType])).toEqual([
      ['LICENSING_MATTER', matterId, 'DUE_SOON', '2026-12-04', 'licensing.matter.overdue'],
      ['LICENSING_MATTER', matterId, 'OVERDUE', '2026-12-09', 'licensing.matter.overdue'],
    ]);
    await eventually(async () => expect(published.filter((e) => e.type === 'feedback.supervision-item.recorded').map((e) => (e.payload as { sourceId: string }).sourceId).filter((id) => ([matterId, caseId, reportId] as string[]).includes(id))).toHaveLength(4));
    expect(await refusalOf(t.as(parent)(ITEMS, {}))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
