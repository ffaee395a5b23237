// Demo 好差评: the people the other services served rate what was done for them — guardians their
// children's placements (June–July 2026), sponsors their licensing matters, kindergartens their
// subsidies — on the day they would have, through feedback's own use cases. Most are satisfied;
// the bad reviews are taken through every state of their case by the offices responsible, one is
// removed on appeal, and a recent one still waits for its callback.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { addDays } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { Rating } from '../../apps/feedback/src/entities/rating.entity.ts';
import { ServiceMatter } from '../../apps/feedback/src/entities/review.entities.ts';
import { rateMatter } from '../../apps/feedback/src/application/review/rate-matter.command.ts';
import { completeCaseRectification, rateRectification, recordCaseCallback, resolveBadReviewCase } from '../../apps/feedback/src/application/review/case.commands.ts';
import { appealReview, decideAppeal } from '../../apps/feedback/src/application/review/appeal.commands.ts';
import { assignReport, reopenReport, replyToReport, submitReport } from '../../apps/feedback/src/application/reports/report.commands.ts';
import type { SubmitReport } from '../../apps/feedback/src/application/reports/report.commands.ts';
import { ReportRow } from '../../apps/feedback/src/entities/report.entities.ts';
import { REVIEW_CALENDAR } from '../../apps/feedback/src/application/review/review-context.ts';

const person = (id: string, roles: Actor['roles'], office: string | null = null): Actor => ({ id, kind: 'person', roles, institutionId: null, office, creditCode: null });
const officeStaff = (office: string) => person(`demo-staff-${office.toLowerCase()}`, ['BUREAU_STAFF'], office);

/** Levels in the proportions of a typical month: mostly satisfied, about one in twelve bad. */
const LEVEL_CYCLE = [
  'VERY_SATISFIED', 'SATISFIED', 'VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'VERY_SATISFIED',
  'SATISFIED', 'VERY_SATISFIED', 'SATISFIED', 'VERY_SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED',
] as const;

const COMMENTS: Record<string, string> = {
  VERY_SATISFIED: '一次就办好了，工作人员很耐心',
  SATISFIED: '流程清楚，材料一次性告知',
  BASICALLY_SATISFIED: '办成了，但等的时间有点长',
  DISSATISFIED: '材料要求前后不一致，多跑了一趟',
  VERY_DISSATISFIED: '电话一直打不通，没人告知进度',
};

/** A clock fixed at noon in Shanghai on `day`: each step happens on its own day. */
const on = (day: CalendarDate) => () => new Date(`${day}T04:00:00Z`);

/** Waits until the invitations of the other services' completions have arrived (events are asynchronous). */
async function settledMatters(orm: MikroORM): Promise<ServiceMatter[]> {
  // Settled: the same count for two seconds running (over Kafka the invitations come in bursts), at most 60 s.
  let last = -1;
  let steady = 0;
  for (let i = 0; i < 240 && steady < 8; i++) {
    const count = await orm.em.fork().count(ServiceMatter, {});
    steady = count > 0 && count === last ? steady + 1 : 0;
    last = count;
    await new Promise((r) => setTimeout(r, 250));
  }
  return orm.em.fork().find(ServiceMatter, {}, { orderBy: { completedOn: 'asc', id: 'asc' } });
}

export async function loadDemoFeedback(orm: MikroORM): Promise<{ loaded: boolean; ratings: number; badReviews: number; reports: number }> {
  const done = await orm.em.fork().count(Rating, { serviceMatterId: { $ne: null } });
  if (done > 0) {
    return { loaded: false, ratings: done, badReviews: await orm.em.fork().count(Rating, { serviceMatterId: { $ne: null }, bad: true }), reports: await orm.em.fork().count(ReportRow, {}) };
  }
  const reports = await loadDemoReports(orm);
  const matters = await settledMatters(orm);
  const cases: { caseId: string; ratingId: string; office: string; reviewer: Actor; day: CalendarDate }[] = [];
  let ratings = 0;
  for (const [n, matter] of matters.entries()) {
    // Two in three guardians rate; every sponsor and kindergarten does.
    if (matter.service === 'enrollment' && n % 3 === 2) continue;
    const day = addDays(matter.completedOn, 1 + (n % 9));
    const level = matter.service === 'licensing' && matter.completedOn >= '2026-11-20' ? 'VERY_DISSATISFIED' : LEVEL_CYCLE[ratings % LEVEL_CYCLE.length]!;
    const rater = person(matter.applicantId, ['PARENT', 'MARKET_ENTITY', 'INSTITUTION_STAFF']);
    const ctx = { em: orm.em.fork(), actor: rater, correlationId: `demo-rating-${matter.id}`, clock: on(day) };
    const rating = await rateMatter(ctx, { matterId: matter.id, level, comment: COMMENTS[level] ?? null, channel: n % 5 === 0 ? 'WINDOW' : 'ONLINE' });
    ratings++;
    if (rating.caseId) cases.push({ caseId: rating.caseId, ratingId: rating.id, office: matter.office, reviewer: rater, day });
  }
  await walkCases(orm, cases);
  return { loaded: true, ratings, badReviews: cases.length, reports };
}

const SYSTEM_12345: Actor = { id: 'system:city-12345', kind: 'system', roles: ['CITY_SYSTEM'], institutionId: null, office: null, creditCode: null };

/**
 * Reports from every channel in November 2026, each left in another state: answered (and so
 * rateable), reopened, assigned and running late, a tip-off with the supervision office, a
 * suggestion not yet assigned, and a request from the city's 12345 system over Open311.
 */
async function loadDemoReports(orm: MikroORM): Promise<number> {
  const hotlineStaff = person('demo-hotline-staff', ['BUREAU_STAFF'], 'SERVICE_HALL');
  const ctx = (actor: Actor, day: CalendarDate) => ({ em: orm.em.fork(), actor, correlationId: `demo-report-${actor.id}-${day}`, today: day, calendar: REVIEW_CALENDAR });
  const file = (actor: Actor, day: CalendarDate, input: Omit<SubmitReport, 'anonymous'> & { anonymous?: boolean }) => submitReport(ctx(actor, day), { anonymous: false, ...input });
  const staffOf = (office: string) => officeStaff(office);
  const reporters = { wang: person('demo-parent-wang', ['PARENT']), li: person('demo-parent-li', ['PARENT']), zhao: person('demo-parent-zhao', ['PARENT']) };

  const fees = await file(reporters.wang, '2026-11-03', { channel: 'ONLINE', kind: 'COMPLAINT', category: 'FEES', subject: '民办学校收取择校费', body: '孩子入学时学校要求另交“赞助费”，请核查。' });
  await assignReport(ctx(staffOf('SERVICE_HALL'), '2026-11-03'), { reportId: fees.id, office: 'FINANCE_AUDIT' });
  await replyToReport(ctx(staffOf('FINANCE_AUDIT'), '2026-11-12'), { reportId: fees.id, reply: '经核查，该校已退还违规收取的费用，并责令整改。' });

  const enrolment = await file(hotlineStaff, '2026-11-05', { channel: 'HOTLINE', kind: 'COMPLAINT', category: 'ENROLMENT', subject: '随迁子女入学材料', body: '来电反映居住证明要求不清楚。', reporterName: '刘先生', reporterPhone: '13800001234' });
  await assignReport(ctx(staffOf('SERVICE_HALL'), '2026-11-05'), { reportId: enrolment.id, office: 'ADMISSIONS' });
  await replyToReport(ctx(staffOf('ADMISSIONS'), '2026-11-09'), { reportId: enrolment.id, reply: '已电话告知所需材料，并在门户公布材料清单。' });

  const safety = await file(reporters.li, '2026-11-06', { channel: 'ONLINE', kind: 'COMPLAINT', category: 'CAMPUS_SAFETY', subject: '校门口交通拥堵', body: '放学时校门口车辆乱停，存在安全隐患。', location: { address: '城关区学府路1号', lat: 34.2655, long: 108.9542 } });
  await assignReport(ctx(staffOf('SERVICE_HALL'), '2026-11-06'), { reportId: safety.id, office: 'BASIC_EDUCATION' });
  await replyToReport(ctx(staffOf('BASIC_EDUCATION'), '2026-11-13'), { reportId: safety.id, reply: '已协调交警在放学时段疏导。' });
  await reopenReport(ctx(reporters.li, '2026-11-18'), { reportId: safety.id, reason: '这周仍然拥堵，疏导没有落实。' });

  const window = await file(hotlineStaff, '2026-10-20', { channel: 'WINDOW', kind: 'COMPLAINT', category: 'PRIVATE_SCHOOL_APPROVAL', subject: '审批进度', body: '窗口反映筹设审批迟迟没有结果。', reporterName: '陈女士' });
  await assignReport(ctx(staffOf('SERVICE_HALL'), '2026-10-20'), { reportId: window.id, office: 'POLICY_LAW' });

  const tipOff = await file(reporters.zhao, '2026-11-10', { channel: 'ONLINE', kind: 'TIP_OFF', category: 'BENDING_RULES', subject: '变相设置入学门槛', body: '某校对随迁子女额外要求社保满三年，与市里政策不符。' });
  await assignReport(ctx(staffOf('SUPERVISION'), '2026-11-10'), { reportId: tipOff.id, office: 'SUPERVISION' });

  await file(hotlineStaff, '2026-11-20', { channel: 'MAILBOX', kind: 'SUGGESTION', category: 'OTHER', subject: '建议增加周末窗口', body: '建议政务服务窗口周六上午开放。', anonymous: true });
  await file(SYSTEM_12345, '2026-11-22', { channel: 'OPEN311', kind: 'COMPLAINT', category: 'SERVICE_WINDOW', subject: null, body: '12345 转办：窗口工作人员态度生硬。', location: { address: '市政务服务中心二楼', lat: null, long: null } });
  return orm.em.fork().count(ReportRow, {});
}

/**
 * The bad reviews, oldest first, each left in another state: fixed at once and rated, fixed by a
 * deadline and rated, being fixed, fixed and awaiting the reviewer, explained, called back, removed
 * on appeal; the rest (and the newest) wait for their callback — some of them overdue.
 */
async function walkCases(orm: MikroORM, cases: { caseId: string; ratingId: string; office: string; reviewer: Actor; day: CalendarDate }[]): Promise<void> {
  const steps = ['FIXED_AND_RATED', 'RECTIFIED_AND_RATED', 'RECTIFYING', 'AWAITING_REVIEW', 'EXPLAINED', 'CALLED_BACK', 'APPEALED'] as const;
  for (const [n, c] of cases.entries()) {
    const step = c.day >= '2026-11-20' ? undefined : steps[n];
    if (!step) continue;
    const staff = officeStaff(c.office);
    const ctx = (actor: Actor, day: CalendarDate) => ({ em: orm.em.fork(), actor, correlationId: `demo-case-${c.caseId}`, clock: on(day) });
    if (step === 'APPEALED') {
      const appeal = await appealReview(ctx(staff, addDays(c.day, 1)), { ratingId: c.ratingId, grounds: '评价人所述情况与本事项无关，经核实系误评' });
      await decideAppeal(ctx(officeStaff(c.office === 'SUPERVISION' ? 'POLICY_LAW' : 'SUPERVISION'), addDays(c.day, 3)), { appealId: appeal.id, upheld: true, reason: '经督查室核查，评价与所办事项无关，申诉成立' });
      continue;
    }
    await recordCaseCallback(ctx(staff, c.day), { caseId: c.caseId, contactedAt: `${c.day}T15:30:00+08:00`, summary: '已电话回访评价人，了解具体问题' });
    if (step === 'CALLED_BACK') continue;
    if (step === 'EXPLAINED') {
      await resolveBadReviewCase(ctx(staff, addDays(c.day, 1)), { caseId: c.caseId, resolution: 'EXPLAINED', explanation: '该要求依据《民办教育促进法实施条例》确定，已向评价人解释' });
      continue;
    }
    if (step === 'FIXED_AND_RATED') {
      await resolveBadReviewCase(ctx(staff, addDays(c.day, 1)), { caseId: c.caseId, resolution: 'FIXED_IMMEDIATELY' });
      await rateRectification(ctx(c.reviewer, addDays(c.day, 2)), { caseId: c.caseId, level: 'SATISFIED' });
      continue;
    }
    await resolveBadReviewCase(ctx(staff, addDays(c.day, 1)), { caseId: c.caseId, resolution: 'FIX_BY_DEADLINE', rectification: { measures: '统一材料清单并一次性告知；窗口增设咨询电话', owner: '科室负责人' } });
    if (step === 'RECTIFYING') continue;
    await completeCaseRectification(ctx(staff, addDays(c.day, 8)), { caseId: c.caseId, evidence: '新版材料清单已在门户公布，咨询电话已开通' });
    if (step === 'AWAITING_REVIEW') continue;
    await rateRectification(ctx(c.reviewer, addDays(c.day, 10)), { caseId: c.caseId, level: 'VERY_SATISFIED' });
  }
}
