// Demo licensing matters in every state, so a person sees the clocks at once: overdue, due soon,
// paused for expert review, 容缺 with a due date, deemed accepted, filings, a licence to issue.
// Clocks need the past: each matter is driven through licensing's own use cases on the working day
// it would have happened, the same rules and events as a live one, then the clock job runs today.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { todayInShanghai } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { Institution } from '../../apps/licensing/src/entities/institution.entity.ts';
import { Matter } from '../../apps/licensing/src/entities/matter.entity.ts';
import { loadCatalogue } from '../../apps/licensing/src/application/matter-catalogue.ts';
import type { MatterUseCaseContext } from '../../apps/licensing/src/application/matter-change.ts';
import { startMatter } from '../../apps/licensing/src/application/start-matter.command.ts';
import type { StartMatter } from '../../apps/licensing/src/application/start-matter.command.ts';
import * as intake from '../../apps/licensing/src/application/matter-intake.commands.ts';
import * as review from '../../apps/licensing/src/application/matter-review.commands.ts';
import { decideMatter } from '../../apps/licensing/src/application/decide-matter.command.ts';
import { recordFiling } from '../../apps/licensing/src/application/record-filing.command.ts';
import { issueLicence } from '../../apps/licensing/src/application/issue-licence.command.ts';
import { runMatterClockJob } from '../../apps/licensing/src/application/matter-clock.job.ts';
import type { MatterView } from '../../apps/licensing/src/application/matter.view.ts';
import { DEMO_SPONSOR } from './demo-city.ts';

const person = (id: string, roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({ id, kind: 'person', roles, institutionId: null, office: null, creditCode: null, ...extra });
export const DEMO_MATTER_PEOPLE = {
  sponsor: person('demo-sponsor', ['MARKET_ENTITY'], { creditCode: DEMO_SPONSOR.creditCode }),
  window: person('demo-window-staff', ['BUREAU_STAFF'], { office: 'POLICY_LAW' }),
  approvalBureau: person('demo-approval-bureau', ['APPROVAL_BUREAU_STAFF']),
};
const { sponsor, window: staff, approvalBureau } = DEMO_MATTER_PEOPLE;
const DECIDED = { legalBasis: '《中华人民共和国民办教育促进法》第十四条、第十七条', reason: '申请材料齐全，经审查符合设置标准' };

/** Loads the demo matters once (skipped when licensing has any matter). */
export async function loadDemoMatters(orm: MikroORM, now = new Date()): Promise<{ loaded: boolean; matters: number }> {
  const em = orm.em.fork();
  if ((await em.count(Matter, {})) > 0) return { loaded: false, matters: await em.count(Matter, {}) };
  const schools = await em.find(Institution, { sponsorCreditCode: DEMO_SPONSOR.creditCode, status: 'ACTIVE' }, { orderBy: { name: 'asc' } });
  if (schools.length < 3) throw new Error(`the demo city's private schools of ${DEMO_SPONSOR.name} are missing: load the demo city first`);
  const [a, b, c] = schools.map((s) => s.id) as [string, string, string];
  const { calendar, types } = await loadCatalogue(em);
  const today = todayInShanghai(now);
  const ago = (workingDays: number): CalendarDate => calendar.addWorkingDays(today, -workingDays);
  const on = (day: CalendarDate, actor: Actor): MatterUseCaseContext => ({ em: orm.em.fork(), actor, correlationId: `demo-matters:${day}`, today: day });
  const open = async (day: CalendarDate, input: StartMatter, leaveOut: string[] = []): Promise<MatterView> => {
    const matter = await startMatter(on(day, sponsor), { applicantName: DEMO_SPONSOR.name, ...input });
    for (const r of matter.requirements) if (!leaveOut.includes(r.code)) await intake.attachMaterial(on(day, sponsor), matter.id, { code: r.code, fileName: `${r.code.toLowerCase()}.pdf`, sha256: 'ab'.repeat(32), sizeBytes: 204_800 });
    return matter;
  };
  const submitted = async (day: CalendarDate, input: StartMatter, leaveOut: string[] = []) => {
    const matter = await open(day, input, leaveOut);
    await intake.submitMatter(on(day, sponsor), matter.id);
    return matter.id;
  };
  const accepted = async (day: CalendarDate, input: StartMatter) => {
    const id = await submitted(day, input);
    await intake.acceptMatter(on(day, staff), id);
    return id;
  };
  const school = (name: string, level = 'PRIMARY', districtCode = 'BJ') => ({ school: { name, level, districtCode, address: `${name}筹建处`, category: 'NON_PROFIT' } }) as StartMatter['details'];

  // Approved: a preparation, an establishment whose licence is due, and one already licensed.
  await decideMatter(on(ago(38), approvalBureau), await accepted(ago(40), { type: 'PREPARATION', details: school('滨江新城实验学校', 'JUNIOR') }), { outcome: 'APPROVED', ...DECIDED });
  await decideMatter(on(ago(3), approvalBureau), await accepted(ago(5), { type: 'ESTABLISHMENT', details: school('城南明德学校') }), { outcome: 'APPROVED', ...DECIDED });
  const licensed = await accepted(ago(25), { type: 'ESTABLISHMENT', details: school('滨江博雅学校') });
  await decideMatter(on(ago(20), approvalBureau), licensed, { outcome: 'APPROVED', ...DECIDED });
  await issueLicence(on(ago(16), approvalBureau), licensed);
  // Under review with an inspection booked; the applicant never comes.
  const division = await accepted(ago(10), { type: 'DIVISION', institutionId: a, details: { divisions: [{ name: '滨江育才东校区学校', level: 'PRIMARY', districtCode: 'BJ' }, { name: '滨江育才西校区学校', level: 'JUNIOR', districtCode: 'BJ' }] } });
  await review.giveReviewOpinion(on(ago(6), staff), division, '办学条件基本符合分立要求，建议现场核查校舍。');
  await review.scheduleInspection(on(ago(6), staff), division, { on: calendar.addWorkingDays(today, 3), slot: 'AM' });
  // Pre-review: just arrived; a correction notice; one that will be deemed accepted (no notice in 5 working days).
  await submitted(today, { type: 'MERGER', institutionId: c, details: { mergeIntoInstitutionId: b } });
  const termination = await submitted(ago(2), { type: 'TERMINATION', institutionId: c }, ['STUDENT_PLACEMENT_PLAN']);
  await intake.requestMatterCorrections(on(ago(1), staff), termination, [{ material: 'STUDENT_PLACEMENT_PLAN', reason: '终止办学须附在校学生安置方案，请补正后重新提交。' }]);
  await submitted(ago(8), { type: 'CHANGE_ADDRESS', institutionId: b, details: { newAddress: '滨江区江晖路88号' } });
  // 容缺受理: a non-key material owed within days.
  const late = types.CHANGE_NAME.materials.filter((m) => m.shortfallAllowed).map((m) => m.code);
  const shortfall = await submitted(ago(4), { type: 'CHANGE_NAME', institutionId: b, details: { newName: '启明外国语中学' } }, late);
  await intake.acceptWithShortfall(on(ago(4), staff), shortfall, { missing: late.map((material) => ({ material, dueOn: calendar.addWorkingDays(today, 5) })), commitmentSigned: true });
  // Clocks: paused for expert review, overdue, due soon.
  const paused = await accepted(ago(12), { type: 'CHANGE_LEVEL_CATEGORY', institutionId: c, details: { newCategory: 'FOR_PROFIT' } });
  await review.pauseClock(on(ago(2), staff), paused, 'EXPERT_REVIEW');
  await accepted(ago(24), { type: 'CHANGE_ADDRESS', institutionId: c, details: { newAddress: '城关区解放路12号' } });
  await accepted(ago(18), { type: 'CHANGE_SPONSOR', institutionId: a, details: { newSponsor: { creditCode: DEMO_SPONSOR.creditCode, name: DEMO_SPONSOR.name }, boardVote: { membersTotal: 9, inFavour: 7 } } });
  // Filings: one recorded, one still a draft (after two counter visits: a defect), one withdrawn.
  await recordFiling(on(ago(3), staff), await submitted(ago(5), { type: 'CHARTER_FILING', institutionId: a }));
  const draft = await open(ago(1), { type: 'CONTROL_CHANGE_FILING', institutionId: b }, ['SHAREHOLDING_CHANGE_PROOF']);
  await intake.recordCounterVisit(on(ago(1), staff), draft.id);
  await intake.recordCounterVisit(on(today, staff), draft.id);
  await intake.withdrawMatter(on(ago(2), sponsor), await submitted(ago(3), { type: 'BRANCH_FILING', institutionId: b, details: { branchAddress: '滨江区春晓路6号' } }), '分校选址调整');
  // What the law does by itself today: the deemed acceptance, the alerts.
  await runMatterClockJob(orm.em, today);
  return { loaded: true, matters: await em.count(Matter, {}) };
}
