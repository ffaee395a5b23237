// Demo 督促落实: the measures of 梅教发〔2019〕73号 (the bureau's plan for a better business
// environment), recorded by the optimisation office in January 2026 and followed through the year —
// each task of section 二 and its numbered points (一是、二是、三是), and the organisational
// measures of section 三 — with the owners' progress, the supervision office's inspections (MET,
// PARTLY_MET, NOT_MET) and some measures late, so the board shows who is behind.
//
// Owners: the office the plan makes responsible, mapped to our office codes. Section 三（一） names
// the offices that carry the tasks out (基础教育科、人事科、财审科、招生办); the task's subject picks
// among them, and the plan's named departments map as follows:
//   招生办 → ADMISSIONS; 学前教育 (under 基础教育科 in the plan) → PRESCHOOL; 财审科 → FINANCE_AUDIT;
//   职业教育 / 职教中心 → VOCATIONAL; 政务服务窗口 → SERVICE_HALL;
//   政策法规与综合教育科 (工作组办公室, 优化办) → POLICY_LAW;
//   市行政审批局、市财政局、人事科 (no code of ours) → POLICY_LAW.
// Where the plan names no one, POLICY_LAW. The plan gives no dates (it is of 2019): the deadlines are
// set in 2026, the subsidy point on the half-year it is paid for.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { MeasureRecord } from '../../apps/feedback/src/entities/measure.entities.ts';
import { KnownInstitution } from '../../apps/feedback/src/entities/known-institution.entity.ts';
import { createMeasure, recordMeasureInspection, reportMeasureProgress } from '../../apps/feedback/src/application/measures/measure.commands.ts';
import type { InspectionResult } from '../../apps/feedback/src/domain/measures/index.ts';

const officeStaff = (office: string): Actor => ({ id: `demo-staff-${office.toLowerCase()}`, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const schoolStaff = (institutionId: string): Actor => ({ id: `demo-school-staff-${institutionId}`, kind: 'person', roles: ['INSTITUTION_STAFF'], institutionId, office: null, creditCode: null });
const OPTIMISATION_OFFICE = officeStaff('POLICY_LAW');
const SUPERVISION = officeStaff('SUPERVISION');

/** A clock fixed at noon in Shanghai on `day`: each step happens on its own day. */
const on = (day: CalendarDate) => () => new Date(`${day}T04:00:00Z`);

type Step =
  | { on: CalendarDate; percent: number; note: string; evidence?: string; reason?: string }
  | { on: CalendarDate; inspect: InspectionResult; findings: string };

interface PlanMeasure {
  planRef: string;
  title: string;
  owner: string;
  dueOn: CalendarDate;
  expectedResult: string;
  steps: Step[];
}

/** The plan's own measures, in its order, with what happened to each in 2026. */
export const PLAN_MEASURES: readonly PlanMeasure[] = [
  {
    planRef: '二（一）1',
    title: '完善进城务工经商人员随迁子女就学升学政策',
    owner: 'ADMISSIONS',
    dueOn: '2026-08-31',
    expectedResult: '按“居住地学区内学校为主，学区外学校调剂为辅”接收随迁子女，严格查验入学材料；在校随迁子女纳入家庭经济困难学生资助体系，同等享受资助',
    steps: [
      { on: '2026-04-15', percent: 40, note: '入学材料查验清单与学区调剂规则已印发' },
      { on: '2026-07-20', percent: 80, note: '随迁子女网上报名完成，调剂方案已公示' },
      { on: '2026-08-25', percent: 100, note: '秋季学期随迁子女全部安置，资助名单纳入', evidence: '2026年秋季随迁子女入学安置名单及资助名单' },
      { on: '2026-09-15', inspect: 'MET', findings: '抽查三所学校，随迁子女均按学区接收，资助已落实' },
    ],
  },
  {
    planRef: '二（一）2',
    title: '进一步提升学前教育服务水平',
    owner: 'PRESCHOOL',
    dueOn: '2026-12-31',
    expectedResult: '扩大学前学位，普惠性民办园得到支持，无证园治理到位，形成覆盖城乡、布局合理的学前教育公共服务体系',
    steps: [
      { on: '2026-06-30', percent: 40, note: '三项分解任务已启动' },
      { on: '2026-10-30', percent: 60, note: '普惠补助已发放，新建园与无证园整治仍在推进' },
    ],
  },
  {
    planRef: '二（一）2 一是',
    title: '新建、改建公办幼儿园，加强小区配套园建设，扩大学前学位',
    owner: 'PRESCHOOL',
    dueOn: '2026-09-30',
    expectedResult: '新建、改建公办幼儿园投入使用，小区配套园移交办园，新增学前学位',
    steps: [
      { on: '2026-05-29', percent: 30, note: '两所新建园主体完工' },
      { on: '2026-09-10', percent: 60, note: '一所配套园移交延迟，开园推迟' },
    ],
  },
  {
    planRef: '二（一）2 二是',
    title: '支持普惠性民办幼儿园发展，落实每生每年200元补贴',
    owner: 'FINANCE_AUDIT',
    dueOn: '2026-06-30',
    expectedResult: '普惠性幼儿园补助（每生200元）按时足额拨付到园',
    steps: [
      { on: '2026-06-26', percent: 100, note: '上半年补助已拨付', evidence: '普惠性幼儿园补助拨付凭证（2026年上半年）' },
      { on: '2026-07-14', inspect: 'PARTLY_MET', findings: '两所普惠园因在园人数核定延迟，补助未足额到位' },
    ],
  },
  {
    planRef: '二（一）2 三是',
    title: '做好无证幼儿园梳理整治，整改达标的颁发办园许可证',
    owner: 'PRESCHOOL',
    dueOn: '2026-10-31',
    expectedResult: '无证园全部梳理建档，存在重大安全隐患的依法清理，整改达标的颁证',
    steps: [
      { on: '2026-06-15', percent: 50, note: '无证园梳理建档完成' },
      { on: '2026-11-10', percent: 100, note: '整改验收完成', evidence: '无证幼儿园整治台账及验收记录' },
      { on: '2026-11-18', inspect: 'NOT_MET', findings: '两所无证园仍在原址招生，安全隐患未消除' },
    ],
  },
  {
    planRef: '二（一）3',
    title: '做好民办学校申办审批和服务工作',
    owner: 'POLICY_LAW',
    dueOn: '2026-10-31',
    expectedResult: '配合市行政审批局优化民办学校筹设、设立、变更、终止流程；开展民办教育政策培训；督促已签约办学项目建设',
    steps: [
      { on: '2026-05-08', percent: 50, note: '审批流程优化方案已报市行政审批局' },
      { on: '2026-10-28', percent: 100, note: '流程优化落地，政策培训已举办', evidence: '民办学校审批流程图及培训签到表' },
      { on: '2026-11-05', inspect: 'MET', findings: '审批事项办理时限均在法定期限内' },
    ],
  },
  {
    planRef: '二（一）4',
    title: '提升教育对经济社会发展的服务能力，加快职教中心建设',
    owner: 'VOCATIONAL',
    dueOn: '2026-12-31',
    expectedResult: '职教中心建设推进，专业结构与主导产业和现代服务业对接，打造特色专业',
    steps: [
      { on: '2026-06-30', percent: 50, note: '专业结构调整方案已论证' },
      { on: '2026-09-30', percent: 40, note: '新增专业重新论证', reason: '主导产业目录调整，两个新设专业需重新论证' },
    ],
  },
  {
    planRef: '二（一）5',
    title: '落实“只跑一次”改革，增速提效优服务',
    owner: 'POLICY_LAW',
    dueOn: '2026-12-31',
    expectedResult: '清单公开、流程优化、决策科学化三项举措落地，群众办事“只跑一次”',
    steps: [{ on: '2026-10-30', percent: 70, note: '清单已公布，便民举措推进中' }],
  },
  {
    planRef: '二（一）5 一是',
    title: '全面梳理教育权力清单、责任清单及公共服务事项清单并公布',
    owner: 'POLICY_LAW',
    dueOn: '2026-05-31',
    expectedResult: '三张清单通过政务服务网向社会公布，接受社会监督',
    steps: [
      { on: '2026-05-20', percent: 100, note: '三张清单已公布', evidence: '政务服务网教育局清单公示页' },
      { on: '2026-06-03', inspect: 'MET', findings: '清单完整、已公开' },
    ],
  },
  {
    planRef: '二（一）5 二是',
    title: '优化流程，完善网上预审、网上审批、预约上门、容缺受理等便民举措',
    owner: 'SERVICE_HALL',
    dueOn: '2026-09-30',
    expectedResult: '窗口事项全部支持网上预审，容缺受理和预约上门制度运行',
    steps: [
      { on: '2026-07-31', percent: 50, note: '网上预审已上线' },
      { on: '2026-10-20', percent: 70, note: '容缺受理制度待印发' },
    ],
  },
  {
    planRef: '二（一）5 三是',
    title: '建立重大行政决策机制，落实专家论证、风险评估、合法性审查和集体讨论决定',
    owner: 'POLICY_LAW',
    dueOn: '2026-12-15',
    expectedResult: '涉及公众利益的重大行政决策全部履行法定程序，主动回应社会关切',
    steps: [{ on: '2026-09-15', percent: 50, note: '决策程序规定已起草' }],
  },
  {
    planRef: '三（一）',
    title: '加强组织领导，成立优化营商环境工作领导小组，压实工作责任',
    owner: 'POLICY_LAW',
    dueOn: '2026-03-31',
    expectedResult: '领导小组成立，办公室设在政策法规与综合教育科，各承办科室责任明确',
    steps: [
      { on: '2026-03-20', percent: 100, note: '领导小组及办公室已成立', evidence: '成立领导小组的通知' },
      { on: '2026-04-08', inspect: 'MET', findings: '组织机构健全' },
    ],
  },
  {
    planRef: '三（二）',
    title: '加强督促检查，实行跟踪问效（举报电话、邮箱，满意度测评，督促学校落实）',
    owner: 'POLICY_LAW',
    dueOn: '2026-06-30',
    expectedResult: '举报电话和邮箱开通，满意度测评定期开展并反馈整改，学校优化举措督促到位',
    steps: [
      { on: '2026-06-24', percent: 100, note: '举报渠道开通，上半年满意度测评完成', evidence: '举报电话邮箱公告及测评报告' },
      { on: '2026-07-10', inspect: 'PARTLY_MET', findings: '部分学校优化举措未报送进展' },
    ],
  },
  {
    planRef: '三（三）',
    title: '做好宣传解读，提升社会知晓度，强化窗口人员业务培训，统一服务标准',
    owner: 'POLICY_LAW',
    dueOn: '2026-11-30',
    expectedResult: '政策通过门户网站、电视台、社交平台宣传解读；窗口人员培训全覆盖，服务标准统一',
    steps: [{ on: '2026-08-31', percent: 60, note: '政策解读已发布，窗口培训进行中' }],
  },
];

/** Recorded on the first working Monday of 2026, before every deadline. */
const RECORDED_ON: CalendarDate = '2026-01-05';

export async function loadDemoMeasures(orm: MikroORM): Promise<{ loaded: boolean; measures: number; progressReports: number; inspections: number }> {
  const existing = await orm.em.fork().find(MeasureRecord, {}, { fields: ['id', 'state'] });
  if (existing.length > 0) {
    const sum = (f: (m: Pick<MeasureRecord, 'state'>) => number) => existing.reduce((n, m) => n + f(m), 0);
    return { loaded: false, measures: existing.length, progressReports: sum((m) => m.state.progress.length), inspections: sum((m) => m.state.inspections.length) };
  }
  let progressReports = 0;
  let inspections = 0;
  const run = async (actor: Actor, day: CalendarDate, correlationId: string) => ({ em: orm.em.fork(), actor, correlationId, clock: on(day) });

  const plan: (PlanMeasure & { ownerInstitutionId?: string })[] = [...PLAN_MEASURES];
  // 三（二）: "加大对各学校进一步优化营商环境举措的督促落实力度" — one school's own measure, when a school is known.
  const school = (await orm.em.fork().find(KnownInstitution, {}, { orderBy: { name: 'asc' }, limit: 1 }))[0];
  if (school) {
    plan.push({
      planRef: '三（二）',
      title: `${school.name}：公开收费项目和入学办事指南`,
      owner: school.institutionId,
      ownerInstitutionId: school.institutionId,
      dueOn: '2026-09-01',
      expectedResult: '收费项目、入学办事指南在校门口和网站公开',
      steps: [{ on: '2026-08-28', percent: 100, note: '已公开', evidence: '校门公示栏照片及网站链接' }],
    });
  }

  for (const [n, m] of plan.entries()) {
    const record = await createMeasure(await run(OPTIMISATION_OFFICE, RECORDED_ON, `demo-measure-${n}`), {
      title: m.title,
      planRef: m.planRef,
      ownerOffice: m.ownerInstitutionId ? null : m.owner,
      ownerInstitutionId: m.ownerInstitutionId ?? null,
      dueOn: m.dueOn,
      expectedResult: m.expectedResult,
    });
    const owner = m.ownerInstitutionId ? schoolStaff(m.ownerInstitutionId) : officeStaff(m.owner);
    for (const [s, step] of m.steps.entries()) {
      const correlationId = `demo-measure-${n}-${s}`;
      if ('inspect' in step) {
        await recordMeasureInspection(await run(SUPERVISION, step.on, correlationId), { measureId: record.id, result: step.inspect, findings: step.findings });
        inspections++;
      } else {
        await reportMeasureProgress(await run(owner, step.on, correlationId), { measureId: record.id, percent: step.percent, note: step.note, evidence: step.evidence ?? null, reason: step.reason ?? null });
        progressReports++;
      }
    }
  }
  return { loaded: true, measures: plan.length, progressReports, inspections };
}
