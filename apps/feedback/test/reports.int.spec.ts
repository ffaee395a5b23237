import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, eventually, leadership, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const REPORT_FIELDS = `id channel kind status office dueOn dueOnProvisional deadline reopenCount anonymous category { code serviceItem }
  reporter { id name phone masked } replies { office text late } closedOn`;
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const ASSIGN = `mutation($input: AssignReportInput!) { assignReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const REPLY = `mutation($input: ReplyToReportInput!) { replyToReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const REOPEN = `mutation($input: ReopenReportInput!) { reopenReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const REPORTS = `query($filter: ReportFilter, $first: Int, $after: String) { reports(filter: $filter, first: $first, after: $after) { nodes { ${REPORT_FIELDS} } pageInfo { hasNextPage endCursor } totalCount } }`;
const MY_REPORTS = `{ myReports(first: 100) { nodes { id kind reporter { name masked } } totalCount } }`;
const ONE = `query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} } }`;

interface ReportOut {
  id: string;
  status: string;
  office: string | null;
  dueOn: string | null;
  dueOnProvisional: boolean;
  deadline: string | null;
  reopenCount: number;
  anonymous: boolean;
  category: { code: string; serviceItem: string };
  reporter: { id: string | null; name: string | null; phone: string | null; masked: boolean } | null;
  replies: { office: string; text: string; late: boolean }[];
  closedOn: string | null;
}

const staffOf = (office: string, id = `staff-${office}`): Actor => ({ id, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const admissions = staffOf('ADMISSIONS');
const supervision = staffOf('SUPERVISION');
const finance = staffOf('FINANCE_AUDIT');
const hall = staffOf('SERVICE_HALL');
const marketEntity: Actor = { id: 'sponsor-9', kind: 'person', roles: ['MARKET_ENTITY'], institutionId: null, office: null, creditCode: '91140100MA0000000X' };

// Monday 2 March 2026, 10:00 in Shanghai; tests move it.
let now = new Date('2026-03-02T02:00:00Z');
const setToday = (day: string) => {
  now = new Date(`${day}T02:00:00Z`);
};

for (const database of await serviceTestDatabases()) describe(`reports (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  let institutionId: string;
  beforeAll(async () => {
    setToday('2026-03-02');
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
    institutionId = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' })).payload.institutionId;
    await t.transport.idle();
  });
  afterAll(() => t.stop());

  const submit = (actor: Actor, input: Record<string, unknown>) =>
    t.as(actor)<{ submitReport: { report: ReportOut } }>(SUBMIT, { input: { channel: 'ONLINE', kind: 'COMPLAINT', category: 'ENROLMENT', subject: '入学报名材料被反复退回', anonymous: false, ...input } }).then((r) => r.submitReport.report);
  const assign = (actor: Actor, reportId: string, office?: string) => t.as(actor)<{ assignReport: { report: ReportOut } }>(ASSIGN, { input: { reportId, office } }).then((r) => r.assignReport.report);
  const reply = (actor: Actor, reportId: string, text = '已核实并责成学校当日受理。') => t.as(actor)<{ replyToReport: { report: ReportOut } }>(REPLY, { input: { reportId, reply: text } }).then((r) => r.replyToReport.report);
  const reopen = (actor: Actor, reportId: string) => t.as(actor)<{ reopenReport: { report: ReportOut } }>(REOPEN, { input: { reportId, reason: '学校仍未受理。' } }).then((r) => r.reopenReport.report);
  const eventsOf = (reportId: string) => published.filter((e) => e.aggregateId === reportId);

  it('takes a complaint online, assigns it with a 15-working-day deadline, closes it with the reply, all with events', async () => {
    const submitted = await submit(parent, { institutionId, reporterName: '张三丰', reporterPhone: '13812345678', location: { address: '迎泽区青年路 1 号', lat: 37.86, long: 112.55 } });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', office: null, reporter: { id: 'parent-1', name: '张三丰', masked: false } });
    const assigned = await assign(admissions, submitted.id);
    // 15 working days after Monday 2 March 2026 (no holidays in between).
    expect(assigned).toMatchObject({ status: 'ASSIGNED', office: 'ADMISSIONS', dueOn: '2026-03-23', deadline: 'ON_TIME', dueOnProvisional: false });
    const replied = await reply(admissions, submitted.id);
    expect(replied).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-02', replies: [{ office: 'ADMISSIONS', late: false }] });
    await eventually(async () => expect(eventsOf(submitted.id).map((e) => e.type)).toEqual(['feedback.report.submitted', 'feedback.report.assigned', 'feedback.report.replied', 'feedback.report.closed']));
    const closed = eventsOf(submitted.id).find((e) => e.type === 'feedback.report.closed')!;
    expect(closed.payload).toEqual({ reportId: submitted.id, reporterId: 'parent-1', office: 'ADMISSIONS', serviceItem: 'JY-TS-001', institutionId, closedOn: '2026-03-02' });
    const mine = await t.as(parent)<{ myReports: { nodes: { id: string }[] } }>(MY_REPORTS);
    expect(mine.myReports.nodes.map((n) => n.id)).toContain(submitted.id);
  });

  it('assigns to the category’s default office when none is named', async () => {
    const r = await submit(marketEntity, { category: 'BLOCKING', subject: '审批窗口对申请设路障' });
    expect((await assign(hall, r.id)).office).toBe('SUPERVISION');
  });

  it('masks a complaint’s reporter to everyone but the assigned office, and hides a tip-off’s reporter from all but supervision', async () => {
    const complaint = await submit(parent, { reporterName: '李小明', reporterPhone: '13900001111' });
    await assign(admissions, complaint.id);
    const read = (actor: Actor, id: string) => t.as(actor)<{ report: ReportOut }>(ONE, { id }).then((r) => r.report);
    expect((await read(admissions, complaint.id)).reporter).toEqual({ id: 'parent-1', name: '李小明', phone: '13900001111', masked: false });
    expect((await read(finance, complaint.id)).reporter).toEqual({ id: null, name: '李**', phone: '139****1111', masked: true });
    expect((await read(leadership, complaint.id)).reporter).toMatchObject({ name: '李**', masked: true });

    const tipOff = await submit(parent, { kind: 'TIP_OFF', category: 'TEACHER_CONDUCT', subject: '教师有偿补课', reporterName: '王五', reporterPhone: '13700002222' });
    await assign(admissions, tipOff.id, 'BASIC_EDUCATION');
    expect((await read(supervision, tipOff.id)).reporter).toMatchObject({ name: '王五', masked: false });
    expect((await read(staffOf('BASIC_EDUCATION'), tipOff.id)).reporter).toBeNull();
    expect((await read(leadership, tipOff.id)).reporter).toBeNull();
    // Its events name neither the reporter nor, as actor, the person.
    await eventually(async () => expect(eventsOf(tipOff.id)).toHaveLength(2));
    expect(JSON.stringify(eventsOf(tipOff.id))).not.toContain('parent-1');
    // Another person cannot read it at all.
    expect((await t.as({ ...parent, id: 'parent-2' })<{ report: unknown }>(ONE, { id: tipOff.id })).report).toBeNull();
  });

  it('stores no identity at all for an anonymous report, and names nobody in its events', async () => {
    const r = await submit(parent, { anonymous: true });
    expect(r).toMatchObject({ anonymous: true, reporter: null });
    await assign(admissions, r.id);
    await reply(admissions, r.id);
    await eventually(async () => expect(eventsOf(r.id).find((e) => e.type === 'feedback.report.closed')?.payload).toMatchObject({ reporterId: null }));
    expect(eventsOf(r.id)[0]!.actor.id).not.toBe('parent-1');
    const refused = await refusalOf(submit(parent, { anonymous: true, reporterName: '赵六' }));
    expect(refused.code).toBe('BAD_USER_INPUT');
  });

  it('names no staff member who reports a tip-off online themselves, anonymously', async () => {
    const insider: Actor = { id: 'staff-insider', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'ADMISSIONS', creditCode: null };
    const r = await submit(insider, { kind: 'TIP_OFF', category: 'BLOCKING', anonymous: true });
    await eventually(async () => expect(eventsOf(r.id).map((e) => e.type)).toContain('feedback.report.submitted'));
    expect(eventsOf(r.id).map((e) => e.actor.id)).not.toContain('staff-insider');
  });

  it('lets staff take down hotline reports for a caller, and refuses those channels to anyone else', async () => {
    const r = await submit(hall, { channel: 'HOTLINE', kind: 'SUGGESTION', category: 'SERVICE_WINDOW', subject: '建议延长窗口午间办理时间', reporterName: '周七' });
    expect(r).toMatchObject({ reporter: { id: null, name: '周*', masked: true } });
    expect(await refusalOf(submit(parent, { channel: 'HOTLINE' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(submit(anonymous, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Suggestions: 20 working days.
    expect((await assign(hall, r.id)).dueOn).toBe('2026-03-30');
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    const count = async () => (await t.as(admissions)<{ reports: { totalCount: number } }>(REPORTS, {})).reports.totalCount;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: null, body: null }, 'BAD_USER_INPUT'],
      [{ subject: '  ', body: '' }, 'BAD_USER_INPUT'],
      [{ subject: '长'.repeat(201) }, 'BAD_USER_INPUT'],
      [{ body: '长'.repeat(5001) }, 'BAD_USER_INPUT'],
      [{ category: 'NO_SUCH_CATEGORY' }, 'BAD_USER_INPUT'],
      [{ institutionId: '00000000-0000-7000-8000-000000000009' }, 'NOT_FOUND'],
      [{ institutionId: 'not-an-id' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const refused = await refusalOf(submit(parent, input));
      expect(refused.code, JSON.stringify(input)).toBe(code);
      expect(refused.message).toMatch(/\w/);
    }
    // Nothing half-written: no report was stored.
    expect(await count()).toBe(before);
    const r = await submit(parent, {});
    expect(await refusalOf(assign(admissions, r.id, 'NO_SUCH_OFFICE'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(assign(parent, r.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(reply(admissions, r.id))).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refusalOf(assign(admissions, '00000000-0000-7000-8000-000000000001'))).toMatchObject({ code: 'NOT_FOUND' });
    await assign(admissions, r.id);
    const wrongOffice = await refusalOf(reply(finance, r.id));
    expect(wrongOffice).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ADMISSIONS') });
    expect(await count()).toBe(before + 1);
    await eventually(async () => expect(eventsOf(r.id).map((e) => e.type)).toEqual(['feedback.report.submitted', 'feedback.report.assigned']));
  });

  it('reopens once within 30 days; a second reopening and a late one are refused', async () => {
    const r = await submit(parent, {});
    await assign(admissions, r.id);
    await reply(admissions, r.id);
    expect(await refusalOf(reopen({ ...parent, id: 'parent-2' }, r.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(reopen(finance, r.id))).toMatchObject({ code: 'FORBIDDEN' });
    const reopened = await reopen(parent, r.id);
    expect(reopened).toMatchObject({ status: 'ASSIGNED', office: 'ADMISSIONS', reopenCount: 1, dueOn: '2026-03-23' });
    expect(await refusalOf(reopen(parent, r.id))).toMatchObject({ code: 'INVALID_STATE' });
    await reply(admissions, r.id, '已督促学校完成受理。');
    expect(await refusalOf(reopen(parent, r.id))).toMatchObject({ code: 'REOPEN_LIMIT' });
    await eventually(async () => expect(eventsOf(r.id).filter((e) => e.type === 'feedback.report.closed')).toHaveLength(2));

    const late = await submit(parent, {});
    await assign(admissions, late.id);
    await reply(admissions, late.id);
    setToday('2026-04-02');
    try {
      expect(await refusalOf(reopen(parent, late.id))).toMatchObject({ code: 'REOPEN_WINDOW_PASSED' });
    } finally {
      setToday('2026-03-02');
    }
  });

  it('lets only one of two staff acting at once change a report', async () => {
    const r = await submit(parent, {});
    const results = await Promise.allSettled([assign(admissions, r.id, 'ADMISSIONS'), assign(finance, r.id, 'FINANCE_AUDIT')]);
    const rejected = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    // Either both ran one after the other (the second reassigns), or the second was refused as a conflict.
    for (const x of rejected) expect((x.reason as { code: string }).code).toBe('CONFLICT');
    await eventually(async () => expect(eventsOf(r.id).filter((e) => e.type === 'feedback.report.assigned')).toHaveLength(2 - rejected.length));
  });

  it('pages reports for staff and leadership, filtered, and refuses others', async () => {
    const first = await t.as(admissions)<{ reports: { nodes: ReportOut[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(REPORTS, { first: 2 });
    expect(first.reports.nodes).toHaveLength(2);
    expect(first.reports.pageInfo.hasNextPage).toBe(true);
    const next = await t.as(leadership)<{ reports: { nodes: ReportOut[] } }>(REPORTS, { first: 2, after: first.reports.pageInfo.endCursor });
    expect(next.reports.nodes[0]!.id > first.reports.nodes[1]!.id).toBe(true);
    const closed = await t.as(admissions)<{ reports: { nodes: ReportOut[]; totalCount: number } }>(REPORTS, { filter: { status: 'CLOSED', office: 'ADMISSIONS' }, first: 100 });
    expect(closed.reports.totalCount).toBeGreaterThan(0);
    expect(closed.reports.nodes.every((n) => n.status === 'CLOSED' && n.office === 'ADMISSIONS')).toBe(true);
    const tipOffs = await t.as(admissions)<{ reports: { nodes: ReportOut[] } }>(REPORTS, { filter: { kind: 'TIP_OFF', category: 'TEACHER_CONDUCT' } });
    expect(tipOffs.reports.nodes).toHaveLength(1);
    expect(await refusalOf(t.as(parent)(REPORTS, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(t.as(admissions)(REPORTS, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('warns once per report and state: DUE_SOON two working days before, OVERDUE after; replicas at once warn once', async () => {
    const r = await submit(parent, { kind: 'COMPLAINT' });
    expect((await assign(admissions, r.id)).dueOn).toBe('2026-03-23');
    const overdueEvents = () => eventsOf(r.id).filter((e) => e.type === 'feedback.report.overdue').map((e) => (e.payload as { status: string }).status);
    try {
      setToday('2026-03-18');
      await t.service.runJobs();
      await t.transport.idle();
      expect(overdueEvents()).toEqual([]);
      // Thursday 19 March: 2 working days before Monday 23 March.
      setToday('2026-03-19');
      await Promise.all([t.service.runJobs(), t.service.runJobs(), t.service.runJobs()]);
      await eventually(async () => expect(overdueEvents()).toEqual(['DUE_SOON']));
      const overdueFilter = { filter: { overdue: true }, first: 100 };
      await t.service.runJobs();
      setToday('2026-03-24');
      await Promise.all([t.service.runJobs(), t.service.runJobs()]);
      await t.service.runJobs();
      await eventually(async () => expect(overdueEvents()).toEqual(['DUE_SOON', 'OVERDUE']));
      const overdue = await t.as(admissions)<{ reports: { nodes: ReportOut[] } }>(REPORTS, overdueFilter);
      expect(overdue.reports.nodes.find((n) => n.id === r.id)).toMatchObject({ deadline: 'OVERDUE' });
      expect(eventsOf(r.id).find((e) => e.type === 'feedback.report.overdue')!.payload).toEqual({ reportId: r.id, office: 'ADMISSIONS', status: 'DUE_SOON', dueOn: '2026-03-23' });
      // A late reply is taken and marked late.
      expect((await reply(admissions, r.id)).replies[0]).toMatchObject({ late: true });
    } finally {
      setToday('2026-03-02');
    }
  });

  it('says when a deadline falls in a year whose holidays are not published (weekends only)', async () => {
    try {
      setToday('2026-12-21');
      const r = await submit(parent, { kind: 'TIP_OFF', category: 'BENDING_RULES' });
      const assigned = await assign(supervision, r.id);
      expect(assigned.dueOnProvisional).toBe(true);
      expect(assigned.dueOn! > '2027-01-01').toBe(true);
    } finally {
      setToday('2026-03-02');
    }
  });

  it('counts reply deadlines in the working days the policy and law office set, from the day they take effect', async () => {
    const SET = `mutation($input: ReportPolicyInput!) { setReportPolicy(input: $input) { complaintWorkingDays effectiveOn } }`;
    const input = { complaintWorkingDays: 5, tipOffWorkingDays: 30, suggestionWorkingDays: 20, dueSoonWorkingDays: 2, reopenWithinDays: 30, basis: '市教育局投诉办理规程（2026修订）', effectiveOn: '2026-05-11' };
    const before = now;
    now = new Date('2026-05-11T02:00:00Z');
    try {
      expect(await refusalOf(t.as(admissions)(SET, { input }))).toMatchObject({ code: 'FORBIDDEN' });
      await t.as(staffOf('POLICY_LAW'))(SET, { input });
      expect((await t.as(parent)<{ reportPolicy: { complaintWorkingDays: number } }>('{ reportPolicy { complaintWorkingDays } }')).reportPolicy.complaintWorkingDays).toBe(5);
      const r = await submit(parent, {});
      // Monday 11 May 2026 and five working days: Monday 18 May.
      expect(await assign(admissions, r.id)).toMatchObject({ dueOn: '2026-05-18' });
    } finally {
      now = before;
    }
  });
});
