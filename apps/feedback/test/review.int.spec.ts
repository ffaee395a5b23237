import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { DeadLetter, createEnvelope } from '@edugraph/events';
import { anonymous, entitiesQuery, eventually, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, sponsor, creditCodeFrom, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const SPONSOR = sponsor(creditCodeFrom('52141010MJ0000009'));
const staffOf = (office: string, id = `staff-${office}`): Actor => ({ id, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const leadership: Actor = { id: 'leader', kind: 'person', roles: ['LEADERSHIP'], institutionId: null, office: null, creditCode: null };

const MATTERS = `{ myServiceMatters { id service item itemName office completedOn ratingClosesOn rating { id level bad excluded case { id status } } } }`;
const RATE = `mutation($id: ID!, $level: ReviewLevel!, $comment: String, $channel: RatingChannel) { rateMatter(matterId: $id, level: $level, comment: $comment, channel: $channel) { id level score bad channel ratedOn case { id status callbackDueOn } } }`;
const CASE_FIELDS = 'id status office callbackDueOn contactedAt resolution explanation rectification { measures owner dueOn evidence completedOn } fixedOn fixLevel dueOn clock';
const CALLBACK = `mutation($id: ID!, $at: String!, $summary: String!) { recordCallback(caseId: $id, contactedAt: $at, summary: $summary) { ${CASE_FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $resolution: CaseResolution!, $rectification: RectificationInput, $explanation: String) { resolveCase(caseId: $id, resolution: $resolution, rectification: $rectification, explanation: $explanation) { ${CASE_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $evidence: String!) { completeRectification(caseId: $id, evidence: $evidence) { ${CASE_FIELDS} } }`;
const RATE_FIX = `mutation($id: ID!, $level: ReviewLevel!) { rateRectification(caseId: $id, level: $level) { ${CASE_FIELDS} } }`;
const APPEAL = `mutation($id: ID!, $grounds: String!) { appealReview(ratingId: $id, grounds: $grounds) { id status office } }`;
const DECIDE = `mutation($id: ID!, $upheld: Boolean!, $reason: String!) { decideAppeal(appealId: $id, upheld: $upheld, reason: $reason) { id status decidingOffice reason } }`;
const CASES = `query($filter: BadReviewCaseFilter) { badReviewCases(filter: $filter, first: 100) { totalCount nodes { ${CASE_FIELDS} } } }`;
const FIGURES = `query($by: SatisfactionGrouping!, $period: String!) { satisfaction(by: $by, period: $period) { period from to groups { key name ratings counts { level count } satisfactionRate average badReviews fixedShare averageDaysToFix } } }`;
const INSTITUTION = entitiesQuery('satisfaction { ratings average badReviews fixedShare }');

interface Matter {
  id: string;
  service: string;
  item: string;
  itemName: string;
  office: string;
  completedOn: string;
  ratingClosesOn: string;
  rating: { id: string; level: string; bad: boolean; excluded: boolean; case: { id: string; status: string } | null } | null;
}

for (const database of await serviceTestDatabases()) describe(`好差评: invitations, ratings, bad-review cases and appeals (${database.label})`, () => {
  let t: TestService;
  let now = at('2026-11-02');
  let published: EventEnvelope[];
  let institutionId: string;

  const publish = async (service: 'licensing' | 'enrollment' | 'preschool', type: string, aggregateId: string, payload: Record<string, unknown>, id?: string) => {
    const envelope = createEnvelope({ type: type as never, aggregateType: 'Test', aggregateId, actor: { id: 'system', kind: 'system' } as never, correlationId: randomUUID(), payload: payload as never });
    await t.transport.publish(eventsTopic(service), [{ key: aggregateId, value: JSON.stringify(id ? { ...envelope, id } : envelope) }]);
    await t.transport.idle();
    return envelope;
  };
  const completeLicensingMatter = async (applicant: Actor, completedOn = '2026-11-02', matterId = randomUUID()) => {
    await publish('licensing', 'licensing.matter.completed', matterId, {
      matterId,
      typeCode: 'ESTABLISHMENT',
      creditCode: applicant.creditCode ?? creditCodeFrom('52141010MJ0000009'),
      applicantId: applicant.id,
      institutionId,
      outcome: 'APPROVED',
      completedOn,
      serviceItem: 'JY-XK-002',
      office: 'POLICY_LAW',
    });
    return matterId;
  };
  const mattersOf = async (actor: Actor) => (await t.as(actor)<{ myServiceMatters: Matter[] }>(MATTERS)).myServiceMatters;
  const newMatter = async (applicant: Actor = SPONSOR) => {
    const before = new Set((await mattersOf(applicant)).map((m) => m.id));
    await completeLicensingMatter(applicant);
    return (await mattersOf(applicant)).find((m) => !before.has(m.id))!;
  };
  const rate = (actor: Actor, id: string, level: string, more: Record<string, unknown> = {}) =>
    t.as(actor)<{ rateMatter: { id: string; level: string; bad: boolean; case: { id: string; status: string; callbackDueOn: string } | null } }>(RATE, { id, level, ...more }).then((r) => r.rateMatter);
  const satisfactionOfInstitution = async () =>
    (await t.as(anonymous)<{ _entities: { satisfaction: { ratings: number; average: number | null; badReviews: number; fixedShare: number | null } }[] }>(INSTITUTION, { r: [{ __typename: 'Institution', id: institutionId }] }))._entities[0]!.satisfaction;

  beforeAll(async () => {
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
    institutionId = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' })).payload.institutionId;
    await t.transport.idle();
  });
  afterAll(() => t.stop());

  it('invites the applicant when a licensing matter completes, once however often the completion arrives', async () => {
    const matterId = randomUUID();
    await completeLicensingMatter(SPONSOR, '2026-11-02', matterId);
    const first = (await mattersOf(SPONSOR)).filter((m) => m.completedOn === '2026-11-02');
    // The same completion again: redelivered (same envelope id) and replayed (a new id).
    await completeLicensingMatter(SPONSOR, '2026-11-02', matterId);
    expect((await mattersOf(SPONSOR)).filter((m) => m.completedOn === '2026-11-02')).toHaveLength(first.length);
    const matter = first.at(-1)!;
    expect(matter).toMatchObject({ service: 'licensing', item: 'JY-XK-002', itemName: '民办学校正式设立审批', office: 'POLICY_LAW', ratingClosesOn: '2026-12-02', rating: null });
    await eventually(async () => expect(published.filter((e) => e.type === 'feedback.matter.invited' && (e.payload as { matterId: string }).matterId === matter.id)).toHaveLength(1));
    expect(await mattersOf(parent)).toEqual([]);
  });

  it('invites guardians when enrollment completes a step, and kindergartens when a subsidy is paid', async () => {
    const guardian: Actor = { ...parent, id: 'guardian-7' };
    await publish('enrollment', 'enrollment.application.completed', randomUUID(), { applicationId: randomUUID(), step: 'PLACEMENT', applicantId: guardian.id, completedOn: '2026-11-02' });
    const head: Actor = { id: 'kg-head-1', kind: 'person', roles: ['INSTITUTION_STAFF'], institutionId, office: null, creditCode: null };
    await publish('preschool', 'preschool.subsidy.disbursed', randomUUID(), {
      kindergartenId: institutionId, institutionId, schoolYear: 2026, amountFen: 120000, amountYuan: '1,200.00', voucherNo: 'PZ-2026-0001', disbursedOn: '2026-11-02', applicantId: head.id,
    });
    expect((await mattersOf(guardian)).map((m) => [m.service, m.item, m.office])).toEqual([['enrollment', 'JY-RX-001', 'ADMISSIONS']]);
    expect((await mattersOf(head)).map((m) => [m.service, m.item, m.office])).toEqual([['preschool', 'JY-XQ-001', 'PRESCHOOL']]);
  });

  it('parks a malformed or unknown event on the dead letters and goes on with the next', async () => {
    const bad = randomUUID();
    const valid = createEnvelope({ type: 'licensing.institution.registered', aggregateType: 'Institution', aggregateId: bad, actor: { id: 'x', kind: 'system' } as never, correlationId: bad, payload: { institutionId: bad, name: '某校', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'CG' } });
    const envelope = { ...valid, type: 'licensing.matter.completed', payload: { matterId: bad } };
    await t.transport.publish(eventsTopic('licensing'), [
      { key: bad, value: JSON.stringify(envelope) },
      { key: bad, value: JSON.stringify({ ...envelope, type: 'licensing.matter.teleported' }) },
    ]).catch(() => {});
    const good = await newMatter();
    expect(good).toBeDefined();
    const parked = await t.service.orm.em.fork().find(DeadLetter, { eventType: { $in: ['licensing.matter.completed', 'licensing.matter.teleported'] } });
    expect(parked.map((d) => d.eventType).sort()).toEqual(['licensing.matter.completed', 'licensing.matter.teleported']);
  });

  it('lets only the applicant rate, once, within the window, with a comment of at most 2,000 characters', async () => {
    const matter = await newMatter();
    expect(await refusalOf(rate(parent, matter.id, 'SATISFIED'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(rate(SPONSOR, matter.id, 'SATISFIED', { comment: '长'.repeat(2001) }))).toEqual({ code: 'BAD_USER_INPUT', message: 'comment must be at most 2000 characters (got 2001).' });
    expect(await refusalOf(rate(anonymous, matter.id, 'SATISFIED'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    const [a, b] = await Promise.allSettled([rate(SPONSOR, matter.id, 'SATISFIED', { channel: 'WINDOW' }), rate(SPONSOR, matter.id, 'SATISFIED')]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('ALREADY_RATED');
    const late = await newMatter();
    now = at('2026-12-03');
    expect(await refusalOf(rate(SPONSOR, late.id, 'SATISFIED'))).toEqual({ code: 'RATING_CLOSED', message: 'Ratings for this matter closed on 2026-12-02, the end of its rating window after it was completed on 2026-11-02.' });
    now = at('2026-11-02');
  });

  it('opens a case on a bad review; the office calls back, fixes by a deadline, and the reviewer rates the fix', async () => {
    const before = await satisfactionOfInstitution();
    const matter = await newMatter();
    const rating = await rate(SPONSOR, matter.id, 'VERY_DISSATISFIED', { comment: '材料退回三次' });
    expect(rating).toMatchObject({ bad: true, case: { status: 'AWAITING_CALLBACK', callbackDueOn: '2026-11-03' } });
    const caseId = rating.case!.id;
    expect(await satisfactionOfInstitution()).toMatchObject({ ratings: before.ratings + 1, badReviews: before.badReviews + 1 });
    expect(await refusalOf(t.as(staffOf('ADMISSIONS'))(CALLBACK, { id: caseId, at: '2026-11-02T10:00:00+08:00', summary: '已电话联系' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(RESOLVE, { id: caseId, resolution: 'FIXED_IMMEDIATELY' }))).toEqual({ code: 'INVALID_STATE', message: 'Call the reviewer back before resolving the case.' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(CALLBACK, { id: caseId, at: '2026-11-02T10:00', summary: '已电话联系' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const called = await t.as(staffOf('POLICY_LAW'))<{ recordCallback: { status: string } }>(CALLBACK, { id: caseId, at: '2026-11-02T10:00:00+08:00', summary: '已电话联系，申请人反映材料要求不一致' });
    expect(called.recordCallback.status).toBe('CALLED_BACK');
    const resolved = await t.as(staffOf('POLICY_LAW'))<{ resolveCase: { status: string; rectification: { dueOn: string } } }>(RESOLVE, {
      id: caseId, resolution: 'FIX_BY_DEADLINE', rectification: { measures: '统一材料清单，一次性告知', owner: '政策法规科 张科长' },
    });
    expect(resolved.resolveCase).toMatchObject({ status: 'RECTIFYING', rectification: { dueOn: '2026-11-23' } });
    expect(await refusalOf(t.as(SPONSOR)(RATE_FIX, { id: caseId, level: 'SATISFIED' }))).toMatchObject({ code: 'INVALID_STATE' });
    now = at('2026-11-10');
    const completed = await t.as(staffOf('POLICY_LAW'))<{ completeRectification: { status: string; fixedOn: string } }>(COMPLETE, { id: caseId, evidence: '新版材料清单已公布 (链接)' });
    expect(completed.completeRectification).toMatchObject({ status: 'AWAITING_REVIEW', fixedOn: '2026-11-10' });
    expect(await refusalOf(t.as(parent)(RATE_FIX, { id: caseId, level: 'SATISFIED' }))).toMatchObject({ code: 'FORBIDDEN' });
    const fixRated = await t.as(SPONSOR)<{ rateRectification: { status: string; fixLevel: string } }>(RATE_FIX, { id: caseId, level: 'SATISFIED' });
    expect(fixRated.rateRectification).toEqual(expect.objectContaining({ status: 'CLOSED', fixLevel: 'SATISFIED' }));
    const after = await satisfactionOfInstitution();
    expect(after.fixedShare).not.toBeNull();
    await eventually(async () => {
      const types = published.filter((e) => (e.payload as { caseId?: string }).caseId === caseId).map((e) => e.type);
      expect(types).toEqual(['feedback.case.opened', 'feedback.case.called-back', 'feedback.case.resolved', 'feedback.case.rectified', 'feedback.case.fix-rated']);
    });
    now = at('2026-11-02');
  });

  it('closes a case with an explanation where the law gives no basis to change, and refuses a callback twice', async () => {
    const matter = await newMatter();
    const caseId = (await rate(SPONSOR, matter.id, 'DISSATISFIED')).case!.id;
    await t.as(staffOf('POLICY_LAW'))(CALLBACK, { id: caseId, at: '2026-11-02T11:00:00+08:00', summary: '已联系' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(CALLBACK, { id: caseId, at: '2026-11-02T11:00:00+08:00', summary: '再次联系' }))).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(RESOLVE, { id: caseId, resolution: 'EXPLAINED' }))).toEqual({ code: 'BAD_USER_INPUT', message: 'explanation must not be empty.' });
    const explained = await t.as(staffOf('POLICY_LAW'))<{ resolveCase: { status: string; explanation: string } }>(RESOLVE, { id: caseId, resolution: 'EXPLAINED', explanation: '举办者资格条件由《民办教育促进法》规定，无法变通' });
    expect(explained.resolveCase.status).toBe('CLOSED');
  });

  it('announces an overdue callback once per state, and shows it to the leadership', async () => {
    const matter = await newMatter();
    const caseId = (await rate(SPONSOR, matter.id, 'DISSATISFIED')).case!.id;
    const overdue = () => published.filter((e) => e.type === 'feedback.case.overdue' && (e.payload as { caseId: string }).caseId === caseId).map((e) => (e.payload as { status: string }).status);
    await t.service.runJobs();
    now = at('2026-11-05');
    await Promise.all([t.service.runJobs(), t.service.runJobs()]);
    await t.service.runJobs();
    await eventually(async () => expect(overdue()).toEqual(['DUE_SOON', 'OVERDUE']));
    const seen = await t.as(leadership)<{ badReviewCases: { nodes: { id: string; clock: string }[] } }>(CASES, { filter: { overdue: true, office: 'POLICY_LAW' } });
    expect(seen.badReviewCases.nodes.find((n) => n.id === caseId)).toMatchObject({ clock: 'OVERDUE' });
    expect(await refusalOf(t.as(parent)(CASES, {}))).toMatchObject({ code: 'FORBIDDEN' });
    now = at('2026-11-02');
  });

  it('removes a review from the published figures when another office upholds the reviewed office’s appeal', async () => {
    const matter = await newMatter();
    const rating = await rate(SPONSOR, matter.id, 'VERY_DISSATISFIED', { comment: '恶意' });
    const before = await satisfactionOfInstitution();
    expect(await refusalOf(t.as(staffOf('ADMISSIONS'))(APPEAL, { id: rating.id, grounds: '与本科无关' }))).toMatchObject({ code: 'FORBIDDEN' });
    const appeal = (await t.as(staffOf('POLICY_LAW'))<{ appealReview: { id: string; status: string } }>(APPEAL, { id: rating.id, grounds: '评价内容与办理事项无关，系恶意差评' })).appealReview;
    expect(appeal.status).toBe('PENDING');
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(APPEAL, { id: rating.id, grounds: '再次申诉' }))).toMatchObject({ code: 'APPEAL_EXISTS' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW', 'other-policy-staff'))(DECIDE, { id: appeal.id, upheld: true, reason: '同意' }))).toMatchObject({ code: 'FORBIDDEN' });
    const decided = await t.as(staffOf('SUPERVISION'))<{ decideAppeal: { status: string; decidingOffice: string } }>(DECIDE, { id: appeal.id, upheld: true, reason: '经核查评价与事项无关' });
    expect(decided.decideAppeal).toMatchObject({ status: 'UPHELD', decidingOffice: 'SUPERVISION' });
    expect(await satisfactionOfInstitution()).toMatchObject({ ratings: before.ratings - 1, badReviews: before.badReviews - 1 });
    const kept = (await mattersOf(SPONSOR)).find((m) => m.id === matter.id)!;
    expect(kept.rating).toMatchObject({ excluded: true, case: { status: 'WITHDRAWN' } });
  });

  it('publishes the period’s figures per item, office and institution, without removed reviews', async () => {
    const figures = async (by: string) =>
      (await t.as(anonymous)<{ satisfaction: { period: string; from: string; to: string; groups: { key: string; name: string; ratings: number; counts: { level: string; count: number }[]; satisfactionRate: number; badReviews: number; fixedShare: number | null; averageDaysToFix: number | null }[] } }>(FIGURES, { by, period: '2026-11' })).satisfaction;
    const byItem = await figures('ITEM');
    expect(byItem).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    const item = byItem.groups.find((g) => g.key === 'JY-XK-002')!;
    // Rated in November: SATISFIED once, VERY_DISSATISFIED (fixed in 6 working days), DISSATISFIED twice; one removed on appeal.
    expect(item).toMatchObject({ name: '民办学校正式设立审批', ratings: 4, badReviews: 3, satisfactionRate: 0.25, averageDaysToFix: 6 });
    expect(item.fixedShare).toBe(0.3333);
    expect(item.counts.find((c) => c.level === 'VERY_DISSATISFIED')!.count).toBe(1);
    const byOffice = await figures('OFFICE');
    expect(byOffice.groups.find((g) => g.key === 'POLICY_LAW')).toMatchObject({ name: '政策法规科（优化办）', ratings: 4 });
    const byInstitution = await figures('INSTITUTION');
    expect(byInstitution.groups.find((g) => g.key === institutionId)!.ratings).toBe(4);
    expect(await refusalOf(t.as(anonymous)(FIGURES, { by: 'ITEM', period: 'November' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    // The older rateService names no invited matter: it moves the institution's tally, never the published figures.
    await t.as(parent)(`mutation { rateService(input: { institutionId: "${institutionId}", serviceItem: "school-licence", matterId: "LEGACY-1", score: 1 }) { rating { id } } }`);
    expect((await figures('ITEM')).groups.map((g) => g.key)).not.toContain('school-licence');
    expect((await figures('INSTITUTION')).groups.find((g) => g.key === institutionId)!.ratings).toBe(4);
  });

  it('takes its numbers from data: the policy and law office sets a new version from a day on', async () => {
    const SET = `mutation($input: ReviewPolicyInput!) { setReviewPolicy(input: $input) { fixWorkingDays ratingWindowDays effectiveOn } }`;
    const input = { ratingWindowDays: 60, callbackWorkingDays: 2, fixWorkingDays: 10, dueSoonWorkingDays: 2, basis: '市优化办〔2026〕3号', effectiveOn: '2026-11-02' };
    expect(await refusalOf(t.as(staffOf('ADMISSIONS'))(SET, { input }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(SET, { input: { ...input, fixWorkingDays: 0, effectiveOn: '2026-10-01' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'fixWorkingDays must be a whole number 1–90 (got 0); effectiveOn must not be in the past (today is 2026-11-02).',
    });
    expect((await t.as(staffOf('POLICY_LAW'))<{ setReviewPolicy: { fixWorkingDays: number } }>(SET, { input })).setReviewPolicy.fixWorkingDays).toBe(10);
    expect(await refusalOf(t.as(staffOf('POLICY_LAW'))(SET, { input }))).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect((await t.as(anonymous)<{ reviewPolicy: { fixWorkingDays: number; callbackWorkingDays: number } }>('{ reviewPolicy { fixWorkingDays callbackWorkingDays } }')).reviewPolicy).toEqual({ fixWorkingDays: 10, callbackWorkingDays: 2 });
    const matter = await newMatter();
    expect(matter.ratingClosesOn).toBe('2027-01-01');
    const caseId = (await rate(SPONSOR, matter.id, 'DISSATISFIED')).case!.id;
    await t.as(staffOf('POLICY_LAW'))(CALLBACK, { id: caseId, at: '2026-11-02T10:00:00+08:00', summary: '已联系' });
    const resolved = await t.as(staffOf('POLICY_LAW'))<{ resolveCase: { rectification: { dueOn: string } } }>(RESOLVE, { id: caseId, resolution: 'FIX_BY_DEADLINE', rectification: { measures: '整改', owner: '科长' } });
    expect(resolved.resolveCase.rectification.dueOn).toBe('2026-11-16');
  });
});
