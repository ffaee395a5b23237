import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, eventually, leadership, parent, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { OfficeRosterRecord, StandardTrainingRecord, StandardVersionRecord } from '../src/entities/standard.entities.ts';
import { feedbackService } from '../src/service.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const staffOf = (office: string, id = `staff-${office.toLowerCase()}`): Actor => ({ id, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const POLICY = staffOf('POLICY_LAW');
const ADMISSIONS = staffOf('ADMISSIONS');
const PRESCHOOL = staffOf('PRESCHOOL');

const STANDARD_FIELDS = 'id itemCode itemName office version text effectiveOn publishedOn status supersededOn';
const PUBLISH = `mutation($itemCode: String!, $version: String!, $text: String!, $effectiveOn: String!) { publishServiceStandard(itemCode: $itemCode, version: $version, text: $text, effectiveOn: $effectiveOn) { ${STANDARD_FIELDS} } }`;
const IN_FORCE = `query($itemCode: String!) { serviceStandard(itemCode: $itemCode) { ${STANDARD_FIELDS} } }`;
const STANDARDS = `query($filter: ServiceStandardFilter, $first: Int, $after: String) { serviceStandards(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${STANDARD_FIELDS} } } }`;
const SET_STAFF = `mutation($office: String!, $staff: [OfficeStaffMemberInput!]!) { setOfficeStaff(office: $office, staff: $staff) { office officeName staff { id name } setOn } }`;
const ROSTER = `query($office: String!) { officeStaff(office: $office) { office staff { id name } setOn } }`;
const TRAIN = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id standardId itemCode office version heldOn trainer attendees recordedBy } }`;
const TRAININGS = `query($filter: StandardTrainingFilter) { standardTrainings(filter: $filter, first: 100) { totalCount nodes { id standardId version heldOn attendees } } }`;
const GAPS = `query($office: String!) { trainingGaps(office: $office) { office officeName asOf rosterSize standardsInForce { id itemCode version } itemsWithoutStandard gaps { staffId name missing { id itemCode version } } } }`;

interface Standard {
  id: string;
  itemCode: string;
  itemName: string;
  office: string;
  version: string;
  text: string;
  effectiveOn: string;
  publishedOn: string;
  status: string;
  supersededOn: string | null;
}
interface Gaps {
  office: string;
  asOf: string;
  rosterSize: number;
  standardsInForce: { id: string; itemCode: string; version: string }[];
  itemsWithoutStandard: string[];
  gaps: { staffId: string; name: string; missing: { id: string; itemCode: string; version: string }[] }[];
}

for (const database of await serviceTestDatabases()) describe(`service standards and training (${database.label})`, () => {
  let t: TestService;
  let now = at('2026-11-02');
  let published: EventEnvelope[];

  const publish = (actor: Actor, vars: { itemCode: string; version: string; text?: string; effectiveOn: string }) =>
    t.as(actor)<{ publishServiceStandard: Standard }>(PUBLISH, { text: '一、受理条件……\n二、办理时限：5个工作日。', ...vars }).then((r) => r.publishServiceStandard);
  const inForce = (itemCode: string, actor: Actor = anonymous) => t.as(actor)<{ serviceStandard: Standard | null }>(IN_FORCE, { itemCode }).then((r) => r.serviceStandard);
  const standards = (filter: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    t.as(anonymous)<{ serviceStandards: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Standard[] } }>(STANDARDS, { filter, ...more }).then((r) => r.serviceStandards);
  const setStaff = (actor: Actor, office: string, staff: { id: string; name: string }[]) =>
    t.as(actor)<{ setOfficeStaff: { office: string; officeName: string; staff: { id: string; name: string }[]; setOn: string } }>(SET_STAFF, { office, staff }).then((r) => r.setOfficeStaff);
  const train = (actor: Actor, input: Record<string, unknown>) =>
    t.as(actor)<{ recordTraining: { id: string; standardId: string; itemCode: string; version: string; heldOn: string; attendees: string[]; recordedBy: string } }>(TRAIN, { input: { trainer: '政策法规科 李老师', heldOn: '2026-11-02', ...input } }).then((r) => r.recordTraining);
  const gaps = (office: string, actor: Actor = leadership) => t.as(actor)<{ trainingGaps: Gaps }>(GAPS, { office }).then((r) => r.trainingGaps);
  const count = (entity: unknown) => t.service.orm.em.fork().count(entity as never, {});
  const eventsOf = (type: string) => published.filter((e) => e.type === type);

  beforeAll(async () => {
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
  });
  afterAll(() => t.stop());

  it("publishes an item's standard, in force from its effective date, to anyone", async () => {
    now = at('2026-11-02');
    const v1 = await publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: '2026版', effectiveOn: '2026-11-10' });
    expect(v1).toMatchObject({ itemCode: 'JY-RX-001', itemName: '随迁子女义务教育入学', office: 'ADMISSIONS', version: '2026版', effectiveOn: '2026-11-10', publishedOn: '2026-11-02', status: 'UPCOMING', supersededOn: null });
    expect(await inForce('JY-RX-001')).toBeNull();
    now = at('2026-11-10');
    expect(await inForce('JY-RX-001')).toMatchObject({ id: v1.id, status: 'IN_FORCE', text: '一、受理条件……\n二、办理时限：5个工作日。' });
    await eventually(async () =>
      expect(eventsOf('feedback.standard.published').map((e) => e.payload)).toContainEqual({ standardId: v1.id, itemCode: 'JY-RX-001', office: 'ADMISSIONS', version: '2026版', effectiveOn: '2026-11-10', supersedes: null }),
    );
    // POLICY_LAW (优化办) publishes any item's standard.
    const xq = await publish(POLICY, { itemCode: 'JY-XQ-001', version: 'v1', effectiveOn: '2026-11-10' });
    expect(xq).toMatchObject({ office: 'PRESCHOOL', status: 'IN_FORCE' });
  });

  it('refuses an unknown item, another office, an overlap, the same version twice, an empty text and a date that does not exist; nothing is written', async () => {
    now = at('2026-11-10');
    const before = await count(StandardVersionRecord);
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-NO-999', version: 'v1', effectiveOn: '2026-12-01' }))).toMatchObject({ code: 'UNKNOWN_ITEM' });
    expect(await refusalOf(inForce('JY-NO-999'))).toMatchObject({ code: 'UNKNOWN_ITEM' });
    expect(await refusalOf(publish(PRESCHOOL, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2026-12-01' }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only staff of ADMISSIONS, the office responsible for JY-RX-001, or of POLICY_LAW may publish its standard.',
    });
    expect(await refusalOf(publish(anonymous, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2026-12-01' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusalOf(publish(leadership, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2026-12-01' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2026-11-10' }))).toEqual({
      code: 'VERSION_OVERLAP',
      message: 'A new version must take effect after the version in force (2026版, effective 2026-11-10); 2026-11-10 is not after it.',
    });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: '2026版', effectiveOn: '2027-01-01' }))).toMatchObject({ code: 'VERSION_EXISTS' });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v9', text: '  ', effectiveOn: '2027-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('text must not be empty') });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v9', text: '标'.repeat(20_001), effectiveOn: '2027-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2027-02-29' }))).toMatchObject({ code: 'INVALID_DATE' });
    expect(await refusalOf(publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v9', effectiveOn: '2026-11-09' }))).toMatchObject({ code: 'EFFECTIVE_DATE_PAST' });
    expect(await count(StandardVersionRecord)).toBe(before);
  });

  it('keeps every version; a later one takes over on its day, and two staff publishing at once go one after the other', async () => {
    now = at('2026-11-10');
    const [a, b] = await Promise.allSettled([
      publish(ADMISSIONS, { itemCode: 'JY-RX-001', version: '2027版', effectiveOn: '2027-01-01' }),
      publish(POLICY, { itemCode: 'JY-RX-001', version: '2027修订', effectiveOn: '2027-01-01' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'VERSION_OVERLAP']).toContain(rejected.reason.code);
    const v2 = ((a.status === 'fulfilled' ? a : b) as PromiseFulfilledResult<Standard>).value;
    expect(v2.status).toBe('UPCOMING');
    const versions = await standards({ itemCode: 'JY-RX-001' });
    expect(versions.nodes.map((v) => [v.version, v.status, v.supersededOn])).toEqual([['2026版', 'IN_FORCE', v2.effectiveOn], [v2.version, 'UPCOMING', null]]);
    expect((await standards({ status: 'IN_FORCE' })).nodes.map((v) => v.itemCode).sort()).toEqual(['JY-RX-001', 'JY-XQ-001']);
    now = at('2027-01-01');
    expect(await inForce('JY-RX-001')).toMatchObject({ id: v2.id, status: 'IN_FORCE' });
    expect((await standards({ itemCode: 'JY-RX-001' })).nodes.map((v) => v.status)).toEqual(['SUPERSEDED', 'IN_FORCE']);
    const page = await standards({}, { first: 1 });
    expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const next = await standards({}, { first: 2, after: page.pageInfo.endCursor });
    expect(next.nodes.map((v) => v.id)).not.toContain(page.nodes[0]!.id);
    expect(await refusalOf(standards({ office: 'NOWHERE' }))).toMatchObject({ code: 'UNKNOWN_OFFICE' });
    expect(await refusalOf(standards({}, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    now = at('2026-11-10');
  });

  it('lets POLICY_LAW set offices\' rosters, each person on one office, and announces ids only', async () => {
    now = at('2026-11-10');
    const roster = await setStaff(POLICY, 'ADMISSIONS', [{ id: 'adm-1', name: '王芳' }, { id: 'adm-2', name: '刘洋' }, { id: 'adm-3', name: '陈静' }]);
    expect(roster).toEqual({ office: 'ADMISSIONS', officeName: '招生考试科', staff: [{ id: 'adm-1', name: '王芳' }, { id: 'adm-2', name: '刘洋' }, { id: 'adm-3', name: '陈静' }], setOn: '2026-11-10' });
    await setStaff(POLICY, 'PRESCHOOL', [{ id: 'pre-1', name: '赵敏' }]);
    expect(await refusalOf(setStaff(ADMISSIONS, 'ADMISSIONS', []))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(setStaff(POLICY, 'NOWHERE', []))).toMatchObject({ code: 'UNKNOWN_OFFICE' });
    expect(await refusalOf(setStaff(POLICY, 'PRESCHOOL', [{ id: 'pre-1', name: '赵敏' }, { id: 'adm-1', name: '王芳' }]))).toMatchObject({ code: 'STAFF_IN_OTHER_OFFICE' });
    expect(await refusalOf(setStaff(POLICY, 'PRESCHOOL', [{ id: 'pre-1', name: '赵敏' }, { id: 'pre-1', name: '赵敏' }]))).toMatchObject({ code: 'DUPLICATE_STAFF' });
    expect((await t.as(leadership)<{ officeStaff: { staff: unknown[] } }>(ROSTER, { office: 'PRESCHOOL' })).officeStaff.staff).toEqual([{ id: 'pre-1', name: '赵敏' }]);
    expect(await refusalOf(t.as(parent)(ROSTER, { office: 'PRESCHOOL' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.as(POLICY)<{ officeStaff: { office: string; staff: unknown[]; setOn: string | null } }>(ROSTER, { office: 'VOCATIONAL' })).officeStaff).toEqual({ office: 'VOCATIONAL', staff: [], setOn: null });
    await eventually(async () => expect(eventsOf('feedback.office-staff.set').map((e) => e.payload)).toContainEqual({ office: 'ADMISSIONS', staffIds: ['adm-1', 'adm-2', 'adm-3'], added: ['adm-1', 'adm-2', 'adm-3'], removed: [] }));
    expect(JSON.stringify(eventsOf('feedback.office-staff.set'))).not.toContain('王芳');
    expect(await count(OfficeRosterRecord)).toBe(2);
  });

  it('records trainings by standard id or by item and version; an attendee off the rosters refuses the whole record', async () => {
    now = at('2026-11-12');
    const v1 = (await inForce('JY-RX-001'))!;
    const first = await train(ADMISSIONS, { standardId: v1.id, heldOn: '2026-11-11', attendees: ['adm-1', 'adm-2', 'adm-1'] });
    expect(first).toMatchObject({ standardId: v1.id, itemCode: 'JY-RX-001', office: 'ADMISSIONS', version: '2026版', heldOn: '2026-11-11', attendees: ['adm-1', 'adm-2'], recordedBy: ADMISSIONS.id });
    await train(POLICY, { itemCode: 'JY-XQ-001', version: 'v1', heldOn: '2026-11-12', attendees: ['pre-1'] });
    const before = await count(StandardTrainingRecord);
    expect(await refusalOf(train(ADMISSIONS, { standardId: v1.id, attendees: ['adm-3', 'ghost-9'] }))).toMatchObject({ code: 'NOT_ON_ROSTER', message: expect.stringContaining('ghost-9') });
    expect(await refusalOf(train(ADMISSIONS, { itemCode: 'JY-NO-999', version: 'v1', attendees: ['adm-3'] }))).toMatchObject({ code: 'UNKNOWN_ITEM' });
    expect(await refusalOf(train(ADMISSIONS, { itemCode: 'JY-RX-001', version: 'v7', attendees: ['adm-3'] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(train(ADMISSIONS, { standardId: v1.id, itemCode: 'JY-RX-001', version: '2026版', attendees: ['adm-3'] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(train(ADMISSIONS, { standardId: v1.id, heldOn: '2026-11-31', attendees: ['adm-3'] }))).toMatchObject({ code: 'INVALID_DATE' });
    expect(await refusalOf(train(ADMISSIONS, { standardId: v1.id, heldOn: '2026-11-13', attendees: ['adm-3'] }))).toMatchObject({ code: 'TRAINING_IN_FUTURE' });
    expect(await refusalOf(train(ADMISSIONS, { standardId: v1.id, attendees: [] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(train(leadership, { standardId: v1.id, attendees: ['adm-3'] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(StandardTrainingRecord)).toBe(before);
    const listed = (await t.as(leadership)<{ standardTrainings: { totalCount: number; nodes: { id: string }[] } }>(TRAININGS, { filter: { itemCode: 'JY-RX-001' } })).standardTrainings;
    expect(listed.nodes.map((n) => n.id)).toEqual([first.id]);
    expect(await refusalOf(t.as(anonymous)(TRAININGS, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    await eventually(async () =>
      expect(eventsOf('feedback.training.recorded').map((e) => e.payload)).toContainEqual({ trainingId: first.id, standardId: v1.id, itemCode: 'JY-RX-001', version: '2026版', heldOn: '2026-11-11', attendeeIds: ['adm-1', 'adm-2'] }),
    );
    expect(JSON.stringify(eventsOf('feedback.training.recorded'))).not.toContain('李老师');
  });

  it("lists each office's staff not trained on a standard in force; a superseded version's training does not count", async () => {
    now = at('2026-11-12');
    const admissions = await gaps('ADMISSIONS');
    expect(admissions).toMatchObject({ office: 'ADMISSIONS', asOf: '2026-11-12', rosterSize: 3, itemsWithoutStandard: ['JY-RX-002'] });
    expect(admissions.standardsInForce.map((s) => [s.itemCode, s.version])).toEqual([['JY-RX-001', '2026版']]);
    expect(admissions.gaps.map((g) => [g.staffId, g.name, g.missing.map((m) => m.version)])).toEqual([['adm-3', '陈静', ['2026版']]]);
    expect((await gaps('PRESCHOOL', staffOf('BASIC_EDUCATION'))).gaps).toEqual([]);
    expect(await gaps('VOCATIONAL')).toMatchObject({ rosterSize: 0, standardsInForce: [], gaps: [] });
    // The next version takes effect: training on 2026版 no longer counts.
    now = at('2027-01-04');
    const later = await gaps('ADMISSIONS');
    expect(later.standardsInForce.map((s) => s.version)).not.toContain('2026版');
    expect(later.gaps.map((g) => g.staffId)).toEqual(['adm-1', 'adm-2', 'adm-3']);
    const current = later.standardsInForce[0]!;
    await train(ADMISSIONS, { standardId: current.id, heldOn: '2027-01-04', attendees: ['adm-1', 'adm-2', 'adm-3'] });
    expect((await gaps('ADMISSIONS')).gaps).toEqual([]);
    expect(await refusalOf(gaps('ADMISSIONS', parent))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(gaps('NOWHERE'))).toMatchObject({ code: 'UNKNOWN_OFFICE' });
    now = at('2026-11-12');
  });
});
