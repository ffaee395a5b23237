// Demo service standards and training (统一服务标准、业务培训): POLICY_LAW (优化办) sets the rosters
// of three offices, the offices publish the standards of their window items — 随迁子女入学 in two
// versions, the second in force since September — and train their staff on them, each step on its
// own day through feedback's own use cases. Gaps stay visible: one admissions officer was trained
// only on the superseded version, and one POLICY_LAW officer missed the training on JY-XK-002.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { publishServiceStandard, recordTraining, setOfficeStaff } from '../../apps/feedback/src/application/standards/standard.commands.ts';
import { OfficeRosterRecord, StandardTrainingRecord, StandardVersionRecord } from '../../apps/feedback/src/entities/standard.entities.ts';

const officeStaff = (office: string): Actor => ({ id: `demo-staff-${office.toLowerCase()}`, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });

/** A clock fixed at noon in Shanghai on `day`: each step happens on its own day. */
const on = (day: CalendarDate) => () => new Date(`${day}T04:00:00Z`);

const ROSTERS: Record<string, { id: string; name: string }[]> = {
  POLICY_LAW: [
    { id: 'demo-staff-policy_law', name: '周建国' },
    { id: 'demo-staff-policy_law-2', name: '孙丽华' },
    { id: 'demo-staff-policy_law-3', name: '马志强' },
  ],
  ADMISSIONS: [
    { id: 'demo-staff-admissions', name: '王芳' },
    { id: 'demo-staff-admissions-2', name: '刘洋' },
    { id: 'demo-staff-admissions-3', name: '陈静' },
  ],
  PRESCHOOL: [
    { id: 'demo-staff-preschool', name: '赵敏' },
    { id: 'demo-staff-preschool-2', name: '黄晓燕' },
  ],
};

const STANDARDS: { itemCode: string; office: string; version: string; publishedOn: CalendarDate; effectiveOn: CalendarDate; text: string }[] = [
  {
    itemCode: 'JY-RX-001', office: 'ADMISSIONS', version: '2026春季版', publishedOn: '2026-02-20', effectiveOn: '2026-03-01',
    text: '一、受理条件：随迁子女父母一方在本市有合法稳定居所和就业。\n二、所需材料：户口簿、居住证、居住证明、就业证明，一次性告知。\n三、办理时限：材料齐全的，10个工作日内告知安置学校。\n四、服务规范：首问负责、限时办结，不得要求提供目录以外的材料。',
  },
  {
    itemCode: 'JY-RX-001', office: 'ADMISSIONS', version: '2026秋季修订版', publishedOn: '2026-08-15', effectiveOn: '2026-09-01',
    text: '一、受理条件：随迁子女父母一方在本市有合法稳定居所或就业，二者具其一即可。\n二、所需材料：户口簿、居住证，居住或就业证明任选其一；能通过部门共享核验的不再要求提交。\n三、办理时限：材料齐全的，5个工作日内告知安置学校。\n四、服务规范：首问负责、限时办结、一次性告知，不得要求提供社保缴费年限等目录以外的条件。',
  },
  {
    itemCode: 'JY-XK-002', office: 'POLICY_LAW', version: '2026版', publishedOn: '2026-03-20', effectiveOn: '2026-04-01',
    text: '一、依据：《民办教育促进法》及其实施条例。\n二、所需材料：设立申请书、筹设批复、章程、资产证明、校长及教师资格证明，一次性告知。\n三、办理时限：法定时限3个月，承诺时限30个工作日。\n四、服务规范：现场核验当场出具意见，容缺受理可后补的材料当场列明。',
  },
  {
    itemCode: 'JY-XQ-001', office: 'PRESCHOOL', version: '2026版', publishedOn: '2026-04-20', effectiveOn: '2026-05-01',
    text: '一、补助对象：经认定的普惠性民办幼儿园。\n二、补助标准：每生每年200元，按在园幼儿数核定。\n三、发放时限：核定后15个工作日内拨付。\n四、服务规范：核定结果公示5个工作日，异议当场登记、限时答复。',
  },
  {
    itemCode: 'JY-XK-001', office: 'POLICY_LAW', version: '2027版', publishedOn: '2026-11-20', effectiveOn: '2027-01-01',
    text: '一、依据：《民办教育促进法》及其实施条例。\n二、所需材料：筹设申请书、举办者资格证明、资产来源证明、拟办学校规划，一次性告知。\n三、办理时限：承诺时限20个工作日。\n四、服务规范：申请人可在线查询办理进度。',
  },
];

const TRAININGS: { itemCode: string; version: string; heldOn: CalendarDate; trainer: string; by: string; attendees: string[] }[] = [
  { itemCode: 'JY-RX-001', version: '2026春季版', heldOn: '2026-03-05', trainer: '招生考试科 王芳', by: 'ADMISSIONS', attendees: ['demo-staff-admissions', 'demo-staff-admissions-2', 'demo-staff-admissions-3'] },
  // The autumn version: one officer missed it, and the spring training no longer counts for her.
  { itemCode: 'JY-RX-001', version: '2026秋季修订版', heldOn: '2026-09-08', trainer: '招生考试科 王芳', by: 'ADMISSIONS', attendees: ['demo-staff-admissions', 'demo-staff-admissions-2'] },
  { itemCode: 'JY-XK-002', version: '2026版', heldOn: '2026-04-10', trainer: '政策法规科 周建国', by: 'POLICY_LAW', attendees: ['demo-staff-policy_law', 'demo-staff-policy_law-2'] },
  { itemCode: 'JY-XQ-001', version: '2026版', heldOn: '2026-05-12', trainer: '学前教育科 赵敏', by: 'PRESCHOOL', attendees: ['demo-staff-preschool', 'demo-staff-preschool-2'] },
];

export async function loadDemoStandards(orm: MikroORM): Promise<{ loaded: boolean; standards: number; rosters: number; trainings: number }> {
  const counts = async () => ({
    standards: await orm.em.fork().count(StandardVersionRecord, {}),
    rosters: await orm.em.fork().count(OfficeRosterRecord, {}),
    trainings: await orm.em.fork().count(StandardTrainingRecord, {}),
  });
  if ((await orm.em.fork().count(StandardVersionRecord, {})) > 0) return { loaded: false, ...(await counts()) };
  const ctx = (actor: Actor, day: CalendarDate, step: string) => ({ em: orm.em.fork(), actor, correlationId: `demo-standards-${step}`, clock: on(day) });
  const policyLaw = officeStaff('POLICY_LAW');
  for (const [office, staff] of Object.entries(ROSTERS)) await setOfficeStaff(ctx(policyLaw, '2026-02-02', `roster-${office}`), { office, staff });
  const steps = [
    ...STANDARDS.map((s) => ({ day: s.publishedOn, run: () => publishServiceStandard(ctx(officeStaff(s.office), s.publishedOn, `${s.itemCode}-${s.version}`), s) })),
    ...TRAININGS.map((tr) => ({ day: tr.heldOn, run: () => recordTraining(ctx(officeStaff(tr.by), tr.heldOn, `training-${tr.itemCode}-${tr.version}`), tr) })),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const step of steps) await step.run();
  return { loaded: true, ...(await counts()) };
}
