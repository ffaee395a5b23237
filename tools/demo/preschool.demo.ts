// Demo preschool planning and subsidies: the three districts' coverage for 2026 (西山, rural, below
// target, with its planning gap), the kindergartens' profiles and rosters, inclusive subsidies in
// every ledger state, capacity projects (planned, late under construction, a completed rebuild) and
// unlicensed kindergarten cases in every state. Written by preschool's own use cases on the day each
// step would have happened, as bureau staff, 财审科 and the kindergartens' own staff would.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { addDays, todayInShanghai } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { Kindergarten } from '../../apps/preschool/src/entities/kindergarten.entity.ts';
import { CapacityProjectRow, UnlicensedCaseRow } from '../../apps/preschool/src/entities/planning.entities.ts';
import type { PreschoolContext } from '../../apps/preschool/src/application/subsidy-context.ts';
import { FINANCE_AUDIT_OFFICE } from '../../apps/preschool/src/application/subsidy-context.ts';
import { recognizeInclusive, recordRoster, setKindergartenProfile } from '../../apps/preschool/src/application/kindergarten.commands.ts';
import { approveSubsidy, computeSubsidy, recordDisbursement } from '../../apps/preschool/src/application/subsidy.commands.ts';
import { setPreschoolPopulation } from '../../apps/preschool/src/application/coverage.query.ts';
import { beginConstruction, completeCapacityProject, completeProjectMilestone, startCapacityProject } from '../../apps/preschool/src/application/capacity-project.commands.ts';
import { assessUnlicensedCase, closeKindergarten, confirmDiversion, openUnlicensedCase, orderRectification, reinspect } from '../../apps/preschool/src/application/unlicensed-case.commands.ts';
import { DEMO_INSTITUTIONS } from './demo-city.ts';

const person = (id: string, roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({ id, kind: 'person', roles, institutionId: null, office: null, creditCode: null, ...extra });
export const DEMO_PRESCHOOL_PEOPLE = {
  staff: person('demo-preschool-staff', ['BUREAU_STAFF'], { office: 'BASIC_EDUCATION' }),
  financeAudit: person('demo-finance-audit', ['BUREAU_STAFF'], { office: FINANCE_AUDIT_OFFICE }),
};
const { staff, financeAudit } = DEMO_PRESCHOOL_PEOPLE;
/** A kindergarten's own staff: they record its rosters (and are invited to rate the disbursement). */
const ownStaff = (institutionId: string, key: string) => person(`demo-staff-${key}`, ['INSTITUTION_STAFF'], { institutionId });

/** Children aged 3–6 in 2026: 城关 and 滨江 above the 90% target; 西山 (rural) below it. */
const POPULATION_2026 = { CG: 640, BJ: 345, XS: 240 } as const;

/** Profiles and rosters (school years 2025 and 2026) of the demo city's kindergartens. */
const KINDERGARTENS = {
  'cg-k1': { area: 'URBAN', monthlyFeeFen: 60_000, rosters: { 2025: 350, 2026: 342 } },
  'cg-k2': { area: 'URBAN', monthlyFeeFen: 55_000, rosters: { 2025: 236, 2026: 248 } },
  'bj-k1': { area: 'URBAN', monthlyFeeFen: 98_000, rosters: { 2025: 165, 2026: 158 } },
  'bj-k2': { area: 'URBAN', monthlyFeeFen: 115_000, rosters: { 2025: 128, 2026: 136 } },
  // 2026: after the rebuild's 60 places (120 → 180).
  'xs-k1': { area: 'RURAL', monthlyFeeFen: 30_000, rosters: { 2025: 118, 2026: 152 } },
} as const;
type Key = keyof typeof KINDERGARTENS;

/**
 * Loads the preschool demo once (skipped when preschool has any capacity project). Needs the demo
 * city's kindergartens with their places (loadDemoCity). The one case that passes re-inspection asks
 * licensing (preschool.case.passed) to register and license it: the case turns LICENSED once
 * licensing's answer arrives.
 */
export async function loadDemoPreschool(orm: MikroORM, now = new Date()): Promise<{ loaded: boolean; projects: number; cases: number }> {
  const em = orm.em.fork();
  if ((await em.count(CapacityProjectRow, {})) > 0) return { loaded: false, projects: await em.count(CapacityProjectRow, {}), cases: await em.count(UnlicensedCaseRow, {}) };
  const keys = Object.keys(KINDERGARTENS) as Key[];
  const names = new Map(DEMO_INSTITUTIONS.filter((i) => keys.includes(i.key as Key)).map((i) => [i.name, i.key as Key]));
  const found = await em.find(Kindergarten, { name: { $in: [...names.keys()] } });
  const ids = new Map(found.map((k) => [names.get(k.name)!, k.institutionId]));
  if (keys.some((key) => !ids.has(key))) throw new Error('the demo city’s kindergartens are missing in preschool: load the demo city first');
  const id = (key: Key) => ids.get(key)!;

  const today = todayInShanghai(now);
  const ago = (days: number): CalendarDate => addDays(today, -days);
  const ahead = (days: number): CalendarDate => addDays(today, days);
  // Fixed days of the 2025 and 2026 school years; never after today.
  const onOrBefore = (day: CalendarDate): CalendarDate => (day < today ? day : today);
  const on = (day: CalendarDate, actor: Actor = staff): PreschoolContext => ({ em: orm.em.fork(), actor, correlationId: `demo-preschool:${day}`, today: onOrBefore(day) });
  const roster = (key: Key, schoolYear: 2025 | 2026, enrolled: number = KINDERGARTENS[key].rosters[schoolYear]) =>
    recordRoster(on(`${schoolYear}-09-10`, ownStaff(id(key), key)), { kindergartenId: id(key), schoolYear, enrolled });

  // Coverage: the districts' children aged 3–6 (from population data).
  for (const [districtCode, children] of Object.entries(POPULATION_2026)) await setPreschoolPopulation(on('2026-03-15'), { districtCode, year: 2026, children });

  // Profiles; last school year's rosters.
  for (const key of keys) {
    const { area, monthlyFeeFen } = KINDERGARTENS[key];
    await setKindergartenProfile(on('2025-06-20'), { institutionId: id(key), area, nonProfit: true, monthlyFeeFen });
  }
  for (const key of keys) await roster(key, 2025);

  // A completed rebuild: 西山乡中心幼儿园 gets 60 more places before the 2026 school year.
  const rebuild = await startCapacityProject(on('2025-10-15'), {
    kind: 'REBUILD',
    name: '西山乡中心幼儿园改扩建工程',
    districtCode: 'XS',
    kindergartenId: id('xs-k1'),
    plannedPlaces: 60,
    plannedOn: '2026-08-31',
    milestones: [
      { name: '主体封顶', plannedOn: '2026-04-30' },
      { name: '竣工验收', plannedOn: '2026-08-15' },
    ],
  });
  await beginConstruction(on('2025-11-01'), rebuild.id);
  await completeProjectMilestone(on('2026-05-08'), rebuild.id, '主体封顶');
  await completeProjectMilestone(on('2026-08-12'), rebuild.id, '竣工验收');
  await completeCapacityProject(on('2026-08-20'), rebuild.id);

  // Under construction with a late milestone: the new kindergarten that closes 西山's gap.
  const newBuild = await startCapacityProject(on(ago(200)), {
    kind: 'NEW_BUILD',
    name: '西山镇第二幼儿园',
    districtCode: 'XS',
    plannedPlaces: 180,
    plannedOn: ahead(280),
    milestones: [
      { name: '基础工程', plannedOn: ago(75) },
      { name: '主体封顶', plannedOn: ago(14) },
      { name: '竣工验收', plannedOn: ahead(250) },
    ],
  });
  await beginConstruction(on(ago(150)), newBuild.id);
  await completeProjectMilestone(on(ago(80)), newBuild.id, '基础工程');

  // Planned: a community kindergarten in 滨江.
  await startCapacityProject(on(ago(20)), {
    kind: 'COMMUNITY',
    name: '滨江春晓小区配套幼儿园',
    districtCode: 'BJ',
    plannedPlaces: 270,
    plannedOn: ahead(640),
    milestones: [
      { name: '土地移交', plannedOn: ahead(60) },
      { name: '开工', plannedOn: ahead(150) },
    ],
  });

  // This school year's rosters (西山 after its rebuild).
  for (const key of keys) await roster(key, 2026);

  // Inclusive subsidies. 2025: 小海豚 disbursed, 金苹果 approved and still awaiting the finance bureau's payment.
  const recognise = (key: Key, schoolYear: number, documentNo: string) => recognizeInclusive(on(`${schoolYear}-09-25`), { kindergartenId: id(key), schoolYear, decision: { documentNo } });
  const compute = (key: Key, schoolYear: number, day: CalendarDate) => computeSubsidy(on(day), { kindergartenId: id(key), schoolYear });
  const approve = (key: Key, schoolYear: number, day: CalendarDate) => approveSubsidy(on(day, financeAudit), { kindergartenId: id(key), schoolYear });
  const disburse = async (key: Key, schoolYear: number, day: CalendarDate, voucherNo: string) => {
    const { undisbursedFen } = await approve(key, schoolYear, day);
    await recordDisbursement(on(addDays(day, 10), financeAudit), { kindergartenId: id(key), schoolYear, amountFen: undisbursedFen, voucherNo });
  };
  await recognise('bj-k1', 2025, '普惠认字〔2025〕3号');
  await recognise('bj-k2', 2025, '普惠认字〔2025〕4号');
  await compute('bj-k1', 2025, '2025-10-10');
  await disburse('bj-k1', 2025, '2025-10-20', 'PZ-2025-0117');
  await compute('bj-k2', 2025, '2025-10-10');
  await approve('bj-k2', 2025, '2025-10-20');
  // 2026: 小海豚 disbursed, then its roster corrected upward (ADJUSTED: the difference awaits approval);
  // 金苹果 computed, awaiting 财审科.
  await recognise('bj-k1', 2026, '普惠认字〔2026〕5号');
  await recognise('bj-k2', 2026, '普惠认字〔2026〕6号');
  await compute('bj-k1', 2026, '2026-10-12');
  await disburse('bj-k1', 2026, '2026-10-20', 'PZ-2026-0042');
  await recordRoster(on('2026-11-10', ownStaff(id('bj-k1'), 'bj-k1')), { kindergartenId: id('bj-k1'), schoolYear: 2026, enrolled: 171 });
  await compute('bj-k1', 2026, '2026-11-12');
  await compute('bj-k2', 2026, '2026-11-16');

  // Unlicensed kindergartens. OPEN: just found, not yet assessed.
  await openUnlicensedCase(on(ago(3)), { name: '彩虹宝贝看护点', address: '城关区新华街17号二楼', districtCode: 'CG', children: 22, hazards: [{ description: '未经消防验收', serious: false }] });
  // RECTIFYING, due in 20 days.
  const rectifying = await openUnlicensedCase(on(ago(30)), {
    name: '西山镇乐乐幼儿班',
    address: '西山镇溪口村村委会旁',
    districtCode: 'XS',
    children: 28,
    hazards: [{ description: '厨房无食品经营许可', serious: false }, { description: '保育员配备不足', serious: false }],
  });
  await assessUnlicensedCase(on(ago(28)), rectifying.id, true);
  await orderRectification(on(ago(25)), rectifying.id, ahead(20), ['办理食品经营许可', '按师幼比配齐保育员']);
  // CLOSING (serious hazards): 12 children placed at 金苹果, 23 still waiting.
  const closing = await openUnlicensedCase(on(ago(21)), { name: '滨江小星星幼儿园', address: '滨江区沿江路203号', districtCode: 'BJ', children: 35, hazards: [{ description: '租用鉴定为C级的危房办园', serious: true }] });
  await assessUnlicensedCase(on(ago(20)), closing.id, true);
  await confirmDiversion(on(ago(10)), closing.id, [{ kindergartenId: id('bj-k2'), children: 12 }]);
  // CLOSED (no licence basis): every child placed at 西山乡中心幼儿园.
  const closed = await openUnlicensedCase(on(ago(60)), { name: '西山村苗苗班', address: '西山乡西山村三组', districtCode: 'XS', children: 18, hazards: [{ description: '无独立户外活动场地', serious: false }] });
  await assessUnlicensedCase(on(ago(58)), closed.id, false);
  await confirmDiversion(on(ago(50)), closed.id, [{ kindergartenId: id('xs-k1'), children: 18 }]);
  await closeKindergarten(on(ago(45)), closed.id);
  // PASSED: rectified in time; licensing registers and licenses it (LICENSED once its answer arrives).
  const passed = await openUnlicensedCase(on(ago(50)), { name: '城关红苹果幼儿园', address: '城关区人民路56号', districtCode: 'CG', children: 40, hazards: [{ description: '消防通道堵塞', serious: false }] });
  await assessUnlicensedCase(on(ago(48)), passed.id, true);
  await orderRectification(on(ago(45)), passed.id, ago(15), ['疏通消防通道', '配备应急照明']);
  await reinspect(on(ago(18)), passed.id, true, []);

  return { loaded: true, projects: await em.count(CapacityProjectRow, {}), cases: await em.count(UnlicensedCaseRow, {}) };
}
