import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import {
  anonymous, approvalBureauStaff, bureauStaff, creditCodeFrom, eventually, leadership, policyLawStaff, recordTopic, refusalOf, serviceTestDatabases, sponsor, startTestService,
} from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { randomUUID } from 'node:crypto';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import { observeStatements } from '@edugraph/persistence';
import { REQUEST_ID_HEADER } from '@edugraph/platform';
import { TEST_ACTOR_KEYS, graphql } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';
import { MATTER_FIELDS, matterSteps } from './matter-support.ts';
import type { MatterJson } from './matter-support.ts';

const SPONSOR = sponsor(creditCodeFrom('52141010MJ0000001'));
const OTHER = sponsor(creditCodeFrom('52141010MJ0000002'));
const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);
// 2026-11-25, a Wednesday, 10:00 in Shanghai.
const NOW = new Date('2026-11-25T02:00:00Z');

for (const database of await serviceTestDatabases()) describe(`licensing matters (${database.label})`, () => {
  let t: TestService;
  let published: EventEnvelope<Record<string, unknown>>[];
  let steps: ReturnType<typeof matterSteps>;
  let schoolId: string;
  const newSchool = { name: '启明双语学校', level: 'PRIMARY', districtCode: 'CG', address: '城关区启明路1号', category: 'NON_PROFIT' };
  const eventsOf = (matterId: string) => published.filter((e) => e.aggregateId === matterId).map((e) => e.type);
  const approvedMatter = async (input: Record<string, unknown>): Promise<MatterJson> => {
    const started = await steps.start(SPONSOR, input);
    await steps.attachAll(SPONSOR, started);
    await steps.submit(SPONSOR, started.id);
    await steps.accept(approvalBureauStaff, started.id);
    return steps.decide(approvalBureauStaff, started.id);
  };

  const approvedMatterUntilReview = async (): Promise<string> => {
    const started = await steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: schoolId, details: { newAddress: '城关区审查路1号' } });
    await steps.attachAll(SPONSOR, started);
    await steps.submit(SPONSOR, started.id);
    await steps.accept(approvalBureauStaff, started.id);
    return started.id;
  };

  beforeAll(async () => {
    t = await startTestService(licensingService, { database, clock: () => NOW });
    published = (await recordTopic(t.transport, eventsTopic('licensing'))) as EventEnvelope<Record<string, unknown>>[];
    steps = matterSteps(t);
    const input = { name: '育英民办小学', level: 'PRIMARY', ownership: 'PRIVATE', districtCode: 'CG', sponsorCreditCode: SPONSOR.creditCode };
    schoolId = (await t.as(bureauStaff)<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input })).registerInstitution.institution.id;
  });
  afterAll(() => t.stop());

  it('takes a preparation from start to approval without the sponsor coming once, each step an event', async () => {
    const started = await steps.start(SPONSOR, { type: 'PREPARATION', details: { school: newSchool } });
    expect(started).toMatchObject({ type: 'PREPARATION', kind: 'APPROVAL', status: 'DRAFT', authority: 'APPROVAL_BUREAU', institution: null, clock: null });
    expect(started.requirements.length).toBeGreaterThan(3);
    const complete = await steps.attachAll(SPONSOR, started);
    expect(complete.missingMaterials).toEqual([]);
    const submitted = await steps.submit(SPONSOR, started.id);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedOn: '2026-11-25' });
    const accepted = await steps.accept(approvalBureauStaff, started.id);
    // Preparation: 30 working days (民办教育促进法 art. 14), counted from the day after acceptance.
    expect(accepted.clock).toMatchObject({ acceptedOn: '2026-11-25', status: 'ON_TIME', extended: false });
    expect(accepted.clock!.dueOn! > '2026-12-31').toBe(true);
    await steps.opinion(bureauStaff, started.id);
    const decided = await steps.decide(approvalBureauStaff, started.id);
    expect(decided).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', authority: 'APPROVAL_BUREAU', decidedOn: '2026-11-25' }, clock: { status: 'STOPPED' }, inPersonVisits: 0 });
    await eventually(async () => expect(eventsOf(started.id)).toEqual(['licensing.matter.submitted', 'licensing.matter.accepted', 'licensing.matter.decided', 'licensing.matter.completed']));
    const completed = published.find((e) => e.aggregateId === started.id && e.type === 'licensing.matter.completed')!;
    expect(completed.payload).toMatchObject({ creditCode: SPONSOR.creditCode, applicantId: SPONSOR.id, outcome: 'APPROVED', serviceItem: expect.any(String), office: 'POLICY_LAW' });
  });

  it('registers the school when its establishment is approved and issues a unique licence within the second clock', async () => {
    const decided = await approvedMatter({ type: 'ESTABLISHMENT', details: { school: { ...newSchool, name: '明德实验学校' } } });
    expect(decided.institution).toMatchObject({ name: '明德实验学校', status: 'ACTIVE', licence: null });
    expect(decided.licenceClock).toMatchObject({ status: 'ON_TIME' });
    const { issueLicence } = await steps.issueLicence(approvalBureauStaff, decided.id);
    expect(issueLicence.licence).toMatchObject({ number: expect.stringMatching(/^教民141010\d{9}$/), status: 'VALID', issuedOn: '2026-11-25' });
    expect((await refusalOf(steps.issueLicence(approvalBureauStaff, decided.id))).code).toBe('CONFLICT');
    expect((await steps.get(SPONSOR, decided.id))!.licenceClock).toMatchObject({ status: 'STOPPED' });
    await eventually(async () => expect(published.some((e) => e.type === 'licensing.licence.issued' && e.payload['licenceNumber'] === issueLicence.licence.number)).toBe(true));
    const second = await approvedMatter({ type: 'ESTABLISHMENT', details: { school: { ...newSchool, name: '博文学校' } } });
    const other = (await steps.issueLicence(approvalBureauStaff, second.id)).issueLicence.licence.number;
    expect(other).not.toBe(issueLicence.licence.number);
  });

  it('divides, renames, merges and terminates schools in the registry, each with its event', async () => {
    const division = await approvedMatter({ type: 'DIVISION', institutionId: schoolId, details: { divisions: [{ name: '育英东校', level: 'PRIMARY', districtCode: 'CG' }, { name: '育英西校', level: 'JUNIOR', districtCode: 'XS' }] } });
    expect(division.status).toBe('APPROVED');
    await eventually(async () => expect(published.filter((e) => e.type === 'licensing.institution.registered' && ['育英东校', '育英西校'].includes(String(e.payload['name'])))).toHaveLength(2));
    const renamed = await approvedMatter({ type: 'CHANGE_NAME', institutionId: schoolId, details: { newName: '育英外国语小学' } });
    expect(renamed.institution).toMatchObject({ name: '育英外国语小学' });
    await eventually(async () => expect(published.find((e) => e.type === 'licensing.institution.changed' && e.payload['institutionId'] === schoolId)?.payload['changes']).toEqual({ name: '育英外国语小学' }));
    const east = published.find((e) => e.payload['name'] === '育英东校')!.payload['institutionId'] as string;
    const merger = await approvedMatter({ type: 'MERGER', institutionId: east, details: { mergeIntoInstitutionId: schoolId } });
    expect(merger.institution).toMatchObject({ id: east, status: 'RETIRED' });
    const west = published.find((e) => e.payload['name'] === '育英西校')!.payload['institutionId'] as string;
    const termination = await steps.start(SPONSOR, { type: 'TERMINATION', institutionId: west });
    await steps.attachAll(SPONSOR, termination, ['STUDENT_PLACEMENT_PLAN']);
    await steps.submit(SPONSOR, termination.id);
    // Without its student placement plan a termination is not even accepted: the notice asks for it.
    expect((await refusalOf(steps.accept(approvalBureauStaff, termination.id))).code).toBe('MATERIALS_MISSING');
    await steps.corrections(approvalBureauStaff, termination.id, [{ material: 'STUDENT_PLACEMENT_PLAN', reason: '终止办学须附学生安置方案' }]);
    await steps.attach(SPONSOR, termination.id, 'STUDENT_PLACEMENT_PLAN');
    await steps.submit(SPONSOR, termination.id);
    await steps.accept(approvalBureauStaff, termination.id);
    expect((await steps.decide(approvalBureauStaff, termination.id)).institution).toMatchObject({ status: 'RETIRED' });
    expect((await refusalOf(steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: west, details: { newAddress: '新址' } }))).code).toBe('CONFLICT');
  });

  it('lets only the deciding authority decide, and two deciders at once get one decision and one CONFLICT', async () => {
    const m = await steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: schoolId, details: { newAddress: '城关区新华路9号' } });
    await steps.attachAll(SPONSOR, m);
    await steps.submit(SPONSOR, m.id);
    await steps.accept(bureauStaff, m.id);
    for (const actor of [bureauStaff, policyLawStaff, leadership, SPONSOR]) expect((await refusalOf(steps.decide(actor, m.id))).code).toBe('FORBIDDEN');
    expect((await refusalOf(steps.decide(approvalBureauStaff, m.id, 'APPROVED', ' '))).code).toBe('LEGAL_BASIS_REQUIRED');
    const both = await Promise.allSettled([steps.decide(approvalBureauStaff, m.id), steps.decide({ ...approvalBureauStaff, id: 'approval-2' }, m.id, 'REFUSED')]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
    await eventually(async () => expect(eventsOf(m.id).filter((e) => e === 'licensing.matter.decided')).toHaveLength(1));
  });

  it('takes one correction notice per submission, listing every item at once', async () => {
    const m = await steps.start(SPONSOR, { type: 'CHANGE_NAME', institutionId: schoolId, details: { newName: '育英小学' } });
    await steps.submit(SPONSOR, m.id);
    const items = m.requirements.slice(0, 2).map((r) => ({ material: r.code, reason: '缺少盖章' }));
    const noticed = await steps.corrections(bureauStaff, m.id, items);
    expect(noticed).toMatchObject({ status: 'CORRECTIONS_REQUESTED', correctionNotice: { issuedOn: '2026-11-25', items } });
    expect((await refusalOf(steps.corrections(bureauStaff, m.id, items))).code).toBe('ONE_NOTICE_ONLY');
    expect((await refusalOf(steps.corrections(bureauStaff, m.id, [{ material: 'NOT_A_MATERIAL', reason: 'x' }]))).code).toMatch(/ONE_NOTICE_ONLY|WRONG_MATERIAL/);
    await eventually(async () => expect(eventsOf(m.id)).toContain('licensing.matter.corrections-requested'));
  });

  it('keeps sponsors to their own matters and shows staff every matter with filters', async () => {
    const mine = await steps.start(SPONSOR, { type: 'CHARTER_FILING', institutionId: schoolId });
    expect((await refusalOf(steps.attach(OTHER, mine.id, mine.requirements[0]!.code))).code).toBe('FORBIDDEN');
    expect((await refusalOf(steps.get(OTHER, mine.id))).code).toBe('FORBIDDEN');
    expect((await refusalOf(steps.get(anonymous, mine.id))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(steps.start(OTHER, { type: 'CHANGE_NAME', institutionId: schoolId, details: { newName: 'X 学校' } }))).code).toBe('FORBIDDEN');
    const list = (actor = bureauStaff, filter: Record<string, unknown> = {}) =>
      t.as(actor)<{ matters: { totalCount: number; nodes: { id: string }[] } }>(`query($f: MatterFilter) { matters(filter: $f, first: 100) { totalCount nodes { id } } }`, { f: filter });
    expect((await list(bureauStaff, { type: 'CHARTER_FILING' })).matters.nodes.map((n) => n.id)).toEqual([mine.id]);
    expect((await list(leadership, { status: 'APPROVED' })).matters.totalCount).toBeGreaterThanOrEqual(5);
    expect((await refusalOf(list(SPONSOR))).code).toBe('FORBIDDEN');
    const own = await t.as(SPONSOR)<{ myMatters: { totalCount: number } }>('{ myMatters(first: 100) { totalCount } }');
    expect(own.myMatters.totalCount).toBe((await list()).matters.totalCount);
    expect((await t.as(OTHER)<{ myMatters: { totalCount: number } }>('{ myMatters { totalCount } }')).myMatters.totalCount).toBe(0);
    // Through the registry entity: staff see the school's matters, the public none.
    const institutionMatters = (actor = bureauStaff) => t.as(actor)<{ institution: { matters: { id: string }[] } }>(`query($id: ID!) { institution(id: $id) { matters { id } } }`, { id: schoolId });
    expect((await institutionMatters()).institution.matters.map((m) => m.id)).toContain(mine.id);
    expect((await institutionMatters(anonymous)).institution.matters).toEqual([]);
    // A filing is recorded, never decided.
    await steps.attachAll(SPONSOR, mine);
    await steps.submit(SPONSOR, mine.id);
    expect((await refusalOf(steps.decide(policyLawStaff, mine.id))).code).toMatch(/INVALID_TRANSITION|FORBIDDEN/);
    expect(await steps.record(policyLawStaff, mine.id)).toMatchObject({ status: 'RECORDED', authority: 'EDUCATION_BUREAU' });
  });

  it('refuses bad input with a code and a message, and changes nothing', async () => {
    const bad = async (input: Record<string, unknown>) => (await refusalOf(steps.start(SPONSOR, input))).code;
    expect(await bad({ type: 'PREPARATION' })).toBe('BAD_USER_INPUT'); // no school
    expect(await bad({ type: 'CHANGE_NAME', details: { newName: 'x' } })).toBe('INSTITUTION_REQUIRED');
    expect(await bad({ type: 'PREPARATION', institutionId: schoolId, details: { school: newSchool } })).toBe('INSTITUTION_NOT_ALLOWED');
    expect(await bad({ type: 'CHANGE_NAME', institutionId: '01900000-0000-7000-8000-000000000000', details: { newName: 'x' } })).toBe('NOT_FOUND');
    expect(await bad({ type: 'CHANGE_SPONSOR', institutionId: schoolId, details: { newSponsor: { creditCode: '52141010MJ0000001X', name: '新举办者' }, boardVote: { membersTotal: 9, inFavour: 6 } } })).toBe('BAD_USER_INPUT');
    expect((await refusalOf(t.as(bureauStaff)(`mutation { startMatter(input: { type: PREPARATION, details: { school: { name: "x学校", level: PRIMARY, districtCode: "CG" } } }) { matter { id } } }`))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(sponsor(creditCodeFrom('52141010MJ0000003')))(`mutation { startMatter(input: { type: NOT_A_TYPE }) { matter { id } } }`))).code).toBe('GRAPHQL_VALIDATION_FAILED');
    const m = await steps.start(SPONSOR, { type: 'CHANGE_NAME', institutionId: schoolId, details: { newName: '另一个名字学校' } });
    expect((await refusalOf(steps.attach(SPONSOR, m.id, 'NOT_A_MATERIAL'))).code).toBe('WRONG_MATERIAL');
    expect((await refusalOf(t.as(SPONSOR)(`mutation($id: ID!) { attachMaterial(matterId: $id, code: "AMENDED_CHARTER", fileName: "a.pdf", sha256: "nothex", sizeBytes: 0) { matter { id } } }`, { id: m.id }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(steps.accept(bureauStaff, m.id))).code).toBe('INVALID_TRANSITION');
    expect((await steps.get(SPONSOR, m.id))!.status).toBe('DRAFT');
    const reviewed = await approvedMatterUntilReview();
    expect((await refusalOf(steps.inspect(bureauStaff, reviewed, '2026-11-20'))).code).toBe('DATE_IN_PAST');
    expect((await refusalOf(steps.inspect(SPONSOR, reviewed, '2026-12-01'))).code).toBe('FORBIDDEN');
    expect((await steps.inspect(bureauStaff, reviewed, '2026-12-01')).status).toBe('UNDER_REVIEW');
    const withdrawn = await steps.withdraw(SPONSOR, m.id);
    expect(withdrawn.status).toBe('WITHDRAWN');
    await eventually(async () => expect(eventsOf(m.id)).toEqual(['licensing.matter.withdrawn', 'licensing.matter.completed']));
  });

  it('counts in-person visits and shows the defect to leadership', async () => {
    const m = await steps.start(SPONSOR, { type: 'CONTROL_CHANGE_FILING', institutionId: schoolId });
    await steps.visit(bureauStaff, m.id);
    expect((await steps.visit(approvalBureauStaff, m.id)).inPersonVisits).toBe(2);
    const defects = await t.as(leadership)<{ matters: { nodes: { id: string; inPersonVisits: number }[] } }>('{ matters(filter: { multipleVisits: true }) { nodes { id inPersonVisits } } }');
    expect(defects.matters.nodes).toEqual([{ id: m.id, inPersonVisits: 2 }]);
    expect((await refusalOf(steps.visit(SPONSOR, m.id))).code).toBe('FORBIDDEN');
  });

  it('lists 50 matters with their clocks and schools in a fixed number of SQL statements', async () => {
    const requestId = randomUUID();
    const seen: string[] = [];
    const stop = observeStatements(t.service.orm, (s) => s.context['requestId'] === requestId && seen.push(s.sql));
    const query = `{ matters(first: 50) { totalCount nodes { id clock { dueOn status provisional } licenceClock { dueOn } requirements { code attached } institution { name } } } }`;
    const data = await graphql<{ matters: { totalCount: number; nodes: unknown[] } }>(t.service.url, query, {}, { [REQUEST_ID_HEADER]: requestId }, async (body) => ({
      [ACTOR_TOKEN_HEADER]: await signer.sign(leadership, 'licensing', body),
    }));
    stop();
    expect(data.matters.nodes.length).toBeGreaterThanOrEqual(10);
    // The page, its count, the catalogue (settings, holiday arrangements) and the schools in one batch.
    expect(seen).toHaveLength(5);
  });

  it('answers a matter through its federation key', async () => {
    const m = await steps.start(SPONSOR, { type: 'BRANCH_FILING', institutionId: schoolId, details: { branchAddress: '城关区分校路2号' } });
    const data = await t.as(bureauStaff)<{ _entities: { id: string; type: string }[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Matter { id type } } }`, { r: [{ __typename: 'Matter', id: m.id }] });
    expect(data._entities).toEqual([{ id: m.id, type: 'BRANCH_FILING' }]);
    expect(MATTER_FIELDS).toContain('clock');
  });
});
