// Demo major decisions (重大行政决策) of the city's education bureau, each in another state, written
// through feedback's own use cases on the day each step happened:
// - 随迁子女入学积分办法修订 (affects the public): all four steps, a comment period that ran in April,
//   the bureau's published answer to the comments, concluded in May;
// - 政务服务窗口工作人员绩效考核办法 (internal): waiting for its legality review, so it cannot be
//   discussed or concluded yet;
// - 公办幼儿园保育教育费标准调整 (affects the public): expert argument and risk assessment recorded, its
//   comment period open from 16 November to 16 December 2026, with the first comments in.
// Written in the order they were opened, so the public list (newest first) shows them that way.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { answerComments, commentOnDecision, concludeDecision, openCommentPeriod, openDecision, recordDecisionStep } from '../../apps/feedback/src/application/decisions/decision.commands.ts';
import type { RecordDecisionStep } from '../../apps/feedback/src/application/decisions/decision.commands.ts';
import { createCommentLimit } from '../../apps/feedback/src/application/decisions/decision-support.ts';
import type { DecisionContext } from '../../apps/feedback/src/application/decisions/decision-support.ts';
import { DecisionCommentRow, DecisionRow } from '../../apps/feedback/src/entities/decision.entities.ts';

const person = (id: string, roles: Actor['roles'], office: string | null = null): Actor => ({ id, kind: 'person', roles, institutionId: null, office, creditCode: null });
const staff = (office: string) => person(`demo-staff-${office.toLowerCase()}`, ['BUREAU_STAFF'], office);

export async function loadDemoDecisions(orm: MikroORM): Promise<{ loaded: boolean; decisions: number; concluded: number; comments: number }> {
  const counts = async () => ({
    decisions: await orm.em.fork().count(DecisionRow, {}),
    concluded: await orm.em.fork().count(DecisionRow, { status: 'CONCLUDED' }),
    comments: await orm.em.fork().count(DecisionCommentRow, {}),
  });
  if ((await orm.em.fork().count(DecisionRow, {})) > 0) return { loaded: false, ...(await counts()) };

  const commentLimit = createCommentLimit(undefined);
  const ctx = (actor: Actor, day: CalendarDate): DecisionContext => ({ em: orm.em.fork(), actor, correlationId: `demo-decision-${actor.id}-${day}`, today: day, commentLimit });
  const step = (actor: Actor, day: CalendarDate, input: Omit<RecordDecisionStep, 'heldOn'>) => recordDecisionStep(ctx(actor, day), { ...input, heldOn: day });
  const admissions = staff('ADMISSIONS');
  const preschool = staff('PRESCHOOL');
  const policyLaw = staff('POLICY_LAW');
  const hall = staff('SERVICE_HALL');
  const residents = ['demo-parent-wang', 'demo-parent-li', 'demo-parent-zhao', 'demo-parent-chen', 'demo-parent-liu'].map((id) => person(id, ['PARENT']));

  // 1. Concluded, with its public comments answered.
  const points = await openDecision(ctx(admissions, '2026-03-02'), {
    title: '《随迁子女义务教育阶段入学积分办法》修订',
    summary:
      '拟调整随迁子女入学积分项目与分值：居住年限、社保缴纳年限、稳定就业三项为基础积分；增设“在本市连续就读”加分项；取消以房产面积计分的条款。修订稿全文在市教育局门户公布。',
    affectsPublic: true,
  });
  await step(admissions, '2026-03-16', { decisionId: points.id, step: 'EXPERT_ARGUMENT', documentRef: '随迁子女入学积分办法修订专家论证会纪要（2026年3月16日）' });
  await step(admissions, '2026-03-25', { decisionId: points.id, step: 'RISK_ASSESSMENT', documentRef: '社会稳定风险评估报告 教招评〔2026〕2号' });
  await openCommentPeriod(ctx(admissions, '2026-04-01'), points.id);
  const pointsComments = [
    '建议社保缴纳年限按累计计算，不要求连续缴纳，灵活就业人员断缴情况较多。',
    '居住年限积分上限 10 分偏低，建议提高。',
    '希望明确“在本市连续就读”是否包含幼儿园阶段。',
    '建议积分结果在报名系统中实时可查，并公布各校录取分数线。',
  ];
  for (const [n, text] of pointsComments.entries()) await commentOnDecision(ctx(residents[n]!, `2026-04-${String(3 + n * 6).padStart(2, '0')}`), { decisionId: points.id, text });
  await step(policyLaw, '2026-05-08', { decisionId: points.id, step: 'LEGALITY_REVIEW', documentRef: '合法性审查意见书 教法审〔2026〕5号' });
  await answerComments(ctx(admissions, '2026-05-12'), {
    decisionId: points.id,
    answer:
      '公开征求意见期间（2026年4月1日至5月1日）共收到意见 4 条。采纳 3 条：社保缴纳年限改为累计计算；“在本市连续就读”明确含幼儿园阶段；积分结果在报名系统实时查询，各校最低录取积分在派位后公布。部分采纳 1 条：居住年限积分上限由 10 分提高到 12 分（与社保积分保持平衡）。',
  });
  await step(admissions, '2026-05-20', { decisionId: points.id, step: 'COLLECTIVE_DISCUSSION', documentRef: '局党组会议纪要〔2026〕9号' });
  await concludeDecision(ctx(admissions, '2026-05-20'), points.id);

  // 2. Internal, waiting for its legality review.
  const window = await openDecision(ctx(hall, '2026-09-07'), {
    title: '政务服务窗口工作人员绩效考核办法',
    summary: '将“好差评”结果、一次性告知落实情况和办结时限纳入窗口工作人员绩效考核，差评整改不到位的不得评为优秀。',
    affectsPublic: false,
  });
  await step(hall, '2026-09-21', { decisionId: window.id, step: 'EXPERT_ARGUMENT', documentRef: '窗口绩效考核办法专家座谈会纪要（2026年9月21日）' });
  await step(hall, '2026-10-09', { decisionId: window.id, step: 'RISK_ASSESSMENT', documentRef: '窗口绩效考核办法风险评估表（2026年10月）' });

  // 3. Its comment period open now.
  const fees = await openDecision(ctx(preschool, '2026-10-20'), {
    title: '公办幼儿园保育教育费标准调整',
    summary: '拟将市区省级示范公办幼儿园保育教育费由每生每月 600 元调整为 680 元，一级园、二级园相应调整；家庭经济困难幼儿资助标准同步提高。调整方案与成本监审报告全文在市教育局门户公布。',
    affectsPublic: true,
  });
  await step(preschool, '2026-11-02', { decisionId: fees.id, step: 'EXPERT_ARGUMENT', documentRef: '保教费标准调整专家论证意见（2026年11月2日）' });
  await step(preschool, '2026-11-10', { decisionId: fees.id, step: 'RISK_ASSESSMENT', documentRef: '保教费调整社会稳定风险评估报告 教学前评〔2026〕1号' });
  await openCommentPeriod(ctx(preschool, '2026-11-16'), fees.id);
  await commentOnDecision(ctx(residents[0]!, '2026-11-17'), { decisionId: fees.id, text: '一次上调 80 元幅度较大，建议分两年到位。' });
  await commentOnDecision(ctx(residents[4]!, '2026-11-20'), { decisionId: fees.id, text: '希望同时公布伙食费收支情况，做到收费透明。' });

  return { loaded: true, ...(await counts()) };
}
