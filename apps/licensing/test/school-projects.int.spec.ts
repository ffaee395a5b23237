import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@edugraph/rules';
import { anonymous, bureauStaff, creditCodeFrom, leadership, refusalOf, serviceTestDatabases, sponsor, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const PROJECT = 'id name status investmentFen investment districtCode sponsor { creditCode name } milestones { name plannedOn doneOn late }';
const RECORD = `mutation($input: SchoolProjectInput!) { recordSchoolProject(input: $input) { project { ${PROJECT} } } }`;
const COMPLETE = `mutation($id: ID!, $m: String!, $on: String!) { completeMilestone(projectId: $id, milestone: $m, doneOn: $on) { project { ${PROJECT} } } }`;
const LIST = `query($status: SchoolProjectStatus, $first: Int, $after: String) {
  schoolProjects(status: $status, first: $first, after: $after) { nodes { id name status } pageInfo { hasNextPage endCursor } totalCount }
}`;
const LATE = `{ lateMilestones { project { id name } milestone { name plannedOn late } daysLate } }`;

interface Project { id: string; name: string; status: string; investment: string; milestones: { name: string; plannedOn: string; doneOn: string | null; late: boolean }[] }
type Recorded = { recordSchoolProject: { project: Project } };
type Completed = { completeMilestone: { project: Project } };
type List = { schoolProjects: { nodes: { id: string; name: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };
type Late = { lateMilestones: { project: { id: string; name: string }; milestone: { name: string; plannedOn: string; late: boolean }; daysLate: number }[] };

const today = todayInShanghai();
const sponsorCode = creditCodeFrom('52330100MJ0000001');

for (const database of await serviceTestDatabases()) describe(`school projects (${database.label})`, () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(licensingService, { database });
  });
  afterAll(() => t.stop());

  const input = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    sponsor: { creditCode: sponsorCode, name: '城东教育投资有限公司' },
    status: 'SIGNED',
    investmentFen: 1_200_000_000,
    districtCode: 'D01',
    milestones: [
      { name: '开工', plannedOn: addDays(today, -90) },
      { name: '主体封顶', plannedOn: addDays(today, -30) },
      { name: '竣工', plannedOn: addDays(today, 200) },
    ],
    ...extra,
  });
  const record = (name: string, extra: Record<string, unknown> = {}) => t.as(bureauStaff)<Recorded>(RECORD, { input: input(name, extra) }).then((r) => r.recordSchoolProject.project);

  it('records a project with its milestones, the investment in yuan, and the late ones marked', async () => {
    const p = await record('城东国际学校');
    expect(p).toMatchObject({ name: '城东国际学校', status: 'SIGNED', investment: '¥12,000,000.00' });
    expect(p.milestones.map((m) => [m.name, m.late, m.doneOn])).toEqual([['开工', true, null], ['主体封顶', true, null], ['竣工', false, null]]);
  });

  it('lists every problem of a bad project with BAD_USER_INPUT', async () => {
    const bad = input('x', { sponsor: { creditCode: '52330100MJ00000010', name: '某公司' }, status: 'INTENDED', investmentFen: -5, milestones: [{ name: 'a', plannedOn: '2026-02-30' }, { name: 'a', plannedOn: today }] });
    const r = await refusalOf(t.as(bureauStaff)(RECORD, { input: bad }));
    expect(r.code).toBe('BAD_USER_INPUT');
    for (const text of ['name must be', 'creditCode', 'investmentFen', 'appears twice', 'plannedOn']) expect(r.message).toContain(text);
    expect((await refusalOf(t.as(bureauStaff)(RECORD, { input: input('无里程碑项目', { milestones: [] }) }))).message).toMatch(/at least one milestone/);
    expect((await refusalOf(t.as(bureauStaff)(RECORD, { input: input('超长', { name: '校'.repeat(201) }) }))).code).toBe('BAD_USER_INPUT');
  });

  it('lets only bureau staff record projects', async () => {
    expect((await refusalOf(t.as(leadership)(RECORD, { input: input('领导录入') }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(sponsor(sponsorCode))(RECORD, { input: input('举办者录入') }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(RECORD, { input: input('匿名录入') }))).code).toBe('UNAUTHENTICATED');
  });

  it('pages through projects for staff and leadership, filtered by status, with the total', async () => {
    await record('城西实验学校', { status: 'INTENDED', milestones: [{ name: '签约', plannedOn: addDays(today, 60) }] });
    await record('高新区双语学校');
    const page1 = await t.as(leadership)<List>(LIST, { first: 2 });
    expect(page1.schoolProjects.totalCount).toBe(3);
    expect(page1.schoolProjects.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.as(bureauStaff)<List>(LIST, { first: 2, after: page1.schoolProjects.pageInfo.endCursor });
    expect([...page1.schoolProjects.nodes, ...page2.schoolProjects.nodes].map((n) => n.name)).toEqual(['城东国际学校', '城西实验学校', '高新区双语学校']);
    expect(page2.schoolProjects.pageInfo.hasNextPage).toBe(false);
    const intended = await t.as(bureauStaff)<List>(LIST, { status: 'INTENDED' });
    expect(intended.schoolProjects).toMatchObject({ totalCount: 1, nodes: [{ name: '城西实验学校', status: 'INTENDED' }] });
  });

  it('keeps projects from the public and sponsors, and refuses bad page sizes and cursors', async () => {
    expect((await refusalOf(t.as(anonymous)(LIST))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(t.as(sponsor(sponsorCode))(LIST))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(LATE))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(t.as(sponsor(sponsorCode))(LATE))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(bureauStaff)(LIST, { first: 0 }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(t.as(bureauStaff)(LIST, { first: 101 }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(t.as(bureauStaff)(LIST, { after: 'bm90LWEtY3Vyc29y' }))).code).toBe('BAD_USER_INPUT');
  });

  it('lists late milestones oldest planned first, with the days late', async () => {
    const late = (await t.as(leadership)<Late>(LATE)).lateMilestones;
    expect(late.map((l) => [l.project.name, l.milestone.name, l.daysLate])).toEqual([
      ['城东国际学校', '开工', 90],
      ['高新区双语学校', '开工', 90],
      ['城东国际学校', '主体封顶', 30],
      ['高新区双语学校', '主体封顶', 30],
    ]);
    expect(late.every((l) => l.milestone.late)).toBe(true);
  });

  it('records a milestone done, which leaves the late list', async () => {
    const id = (await t.as(bureauStaff)<List>(LIST, { first: 1 })).schoolProjects.nodes[0]!.id;
    const done = await t.as(bureauStaff)<Completed>(COMPLETE, { id, m: '开工', on: addDays(today, -80) });
    expect(done.completeMilestone.project.milestones[0]).toEqual({ name: '开工', plannedOn: addDays(today, -90), doneOn: addDays(today, -80), late: false });
    const late = (await t.as(bureauStaff)<Late>(LATE)).lateMilestones;
    expect(late.filter((l) => l.project.id === id).map((l) => l.milestone.name)).toEqual(['主体封顶']);
  });

  it('refuses a second completion, an unknown milestone or project, a future or bad day, and anyone but staff', async () => {
    const id = (await t.as(bureauStaff)<List>(LIST, { first: 1 })).schoolProjects.nodes[0]!.id;
    const refusal = (vars: Record<string, unknown>, actor = bureauStaff) => refusalOf(t.as(actor)(COMPLETE, { id, m: '主体封顶', on: today, ...vars }));
    expect(await refusal({ m: '开工' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already recorded done') });
    expect(await refusal({ m: '不存在' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no milestone named') });
    expect((await refusal({ id: '0190a6f2-7b1c-7d3e-8f00-1234567890ab' })).code).toBe('NOT_FOUND');
    expect((await refusal({ id: 'not-an-id' })).code).toBe('BAD_USER_INPUT');
    expect(await refusal({ on: addDays(today, 1) })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('after today') });
    expect((await refusal({ on: '2026-02-30' })).code).toBe('BAD_USER_INPUT');
    expect((await refusal({}, leadership)).code).toBe('FORBIDDEN');
    expect((await refusal({}, anonymous)).code).toBe('UNAUTHENTICATED');
  });

  it('keeps both of two milestones completed at once on one project', async () => {
    const p = await record('并发测试学校');
    await Promise.all(['开工', '主体封顶'].map((m) => t.as(bureauStaff)(COMPLETE, { id: p.id, m, on: today })));
    const list = await t.as(bureauStaff)<{ schoolProjects: { nodes: Project[] } }>(`{ schoolProjects(first: 100) { nodes { ${PROJECT} } } }`);
    const stored = list.schoolProjects.nodes.find((n) => n.id === p.id)!;
    expect(stored.milestones.map((m) => m.doneOn)).toEqual([today, today, null]);
  });
});
