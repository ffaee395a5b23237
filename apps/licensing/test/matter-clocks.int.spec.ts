import { afterEach, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, approvalBureauStaff, bureauStaff, creditCodeFrom, eventually, leadership, recordTopic, refusalOf, serviceTestDatabases, sponsor, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';
import { matterSteps } from './matter-support.ts';
import { runMatterClockJob } from '../src/application/matter-clock.job.ts';

const SPONSOR = sponsor(creditCodeFrom('52141010MJ0000011'));
const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
/** 10:00 in Shanghai on the day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

for (const database of await serviceTestDatabases()) describe(`licensing clocks and the clock job (${database.label})`, () => {
  let t: TestService | undefined;
  afterEach(() => t?.stop());

  /** A licensing service whose clock the test moves, with one private school of SPONSOR. */
  async function start(day: string) {
    let now = at(day);
    t = await startTestService(licensingService, { database, clock: () => now });
    const published = (await recordTopic(t.transport, eventsTopic('licensing'))) as EventEnvelope<Record<string, unknown>>[];
    const input = { name: '晨光民办学校', level: 'PRIMARY', ownership: 'PRIVATE', districtCode: 'CG', sponsorCreditCode: SPONSOR.creditCode };
    const schoolId = (await t.as(bureauStaff)<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input })).registerInstitution.institution.id;
    const service = t;
    return {
      steps: matterSteps(service),
      schoolId,
      published,
      moveTo: (next: string) => (now = at(next)),
      runJobs: () => service.service.runJobs(),
      eventsOf: (matterId: string) => published.filter((e) => e.aggregateId === matterId).map((e) => e.type),
    };
  }

  it('accepts a matter by law when no notice came within 5 working days, as of the day it arrived, once', async () => {
    const s = await start('2026-11-25');
    const m = await s.steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: s.schoolId, details: { newAddress: '城关区新址1号' } });
    await s.steps.attachAll(SPONSOR, m);
    await s.steps.submit(SPONSOR, m.id);
    s.moveTo('2026-12-02'); // the 5th working day: staff may still send the notice
    await s.runJobs();
    expect((await s.steps.get(bureauStaff, m.id))!.status).toBe('SUBMITTED');
    s.moveTo('2026-12-03');
    // Two replicas running the job at once (two connections on PostgreSQL): the matter changes once.
    await Promise.all([runMatterClockJob(t!.service.orm.em, '2026-12-03'), runMatterClockJob(t!.service.orm.em, '2026-12-03')]);
    await s.runJobs();
    const deemed = (await s.steps.get(bureauStaff, m.id))!;
    expect(deemed).toMatchObject({ status: 'ACCEPTED', deemedAccepted: true, acceptedOn: '2026-11-25', clock: { acceptedOn: '2026-11-25' } });
    await eventually(async () => expect(s.eventsOf(m.id)).toEqual(['licensing.matter.submitted', 'licensing.matter.accepted']));
    expect(s.published.find((e) => e.aggregateId === m.id && e.type === 'licensing.matter.accepted')!.payload).toMatchObject({ deemed: true, acceptedOn: '2026-11-25' });
    expect((await refusalOf(s.steps.corrections(bureauStaff, m.id, [{ material: deemed.requirements[0]!.code, reason: '迟到的通知' }]))).code).toBe('INVALID_TRANSITION');
  });

  it('pauses, resumes and extends a clock as the law allows, and alerts once when due soon and once when overdue', async () => {
    const s = await start('2026-11-25');
    const m = await s.steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: s.schoolId, details: { newAddress: '城关区新址2号' } });
    await s.steps.attachAll(SPONSOR, m);
    await s.steps.submit(SPONSOR, m.id);
    const accepted = await s.steps.accept(bureauStaff, m.id);
    const due = accepted.clock!.dueOn!;
    expect(accepted.clock).toMatchObject({ status: 'ON_TIME', remainingWorkingDays: 20, extended: false });
    const paused = await s.steps.pause(bureauStaff, m.id, 'EXPERT_REVIEW');
    expect(paused.clock).toMatchObject({ status: 'PAUSED', dueOn: null, pauses: [{ reason: 'EXPERT_REVIEW', from: '2026-11-25', to: null }] });
    expect((await refusalOf(s.steps.pause(bureauStaff, m.id, 'HEARING'))).code).toBe('ALREADY_PAUSED');
    s.moveTo('2026-11-27');
    const resumed = await s.steps.resume(bureauStaff, m.id);
    expect(resumed.clock!.dueOn! > due).toBe(true); // two paused working days moved it
    expect((await refusalOf(s.steps.resume(bureauStaff, m.id))).code).toBe('NOT_PAUSED');
    expect((await refusalOf(s.steps.extend(bureauStaff, m.id, '需补充论证'))).code).toBe('FORBIDDEN');
    const extended = await s.steps.extend(approvalBureauStaff, m.id, '经负责人批准延长十个工作日');
    expect(extended.clock).toMatchObject({ extended: true });
    expect((await refusalOf(s.steps.extend(approvalBureauStaff, m.id, '再次延长'))).code).toBe('ALREADY_EXTENDED');

    const dueOn = extended.clock!.dueOn!;
    s.moveTo(dueOn);
    await s.runJobs();
    s.moveTo('2027-03-01');
    await s.runJobs();
    await s.runJobs();
    await eventually(async () => expect(s.published.filter((e) => e.aggregateId === m.id && e.type === 'licensing.matter.overdue').map((e) => e.payload['status'])).toEqual(['DUE_SOON', 'OVERDUE']));
    const overdue = await t!.as(leadership)<{ matters: { nodes: { id: string; clock: { status: string } }[] } }>('{ matters(filter: { overdue: true }) { nodes { id clock { status } } } }');
    expect(overdue.matters.nodes).toEqual([{ id: m.id, clock: { status: 'OVERDUE' } }]);
  });

  it('refuses an extension where the private-education law sets the limit', async () => {
    const s = await start('2026-11-25');
    const m = await s.steps.start(SPONSOR, { type: 'CHANGE_NAME', institutionId: s.schoolId, details: { newName: '晨光实验学校' } });
    await s.steps.attachAll(SPONSOR, m);
    await s.steps.submit(SPONSOR, m.id);
    await s.steps.accept(bureauStaff, m.id);
    expect((await refusalOf(s.steps.extend(approvalBureauStaff, m.id, '延长'))).code).toBe('EXTENSION_NOT_ALLOWED');
  });

  it('accepts with a shortfall on the law’s terms, lapses the matter when a due date passes, and offers no shortfall after a broken commitment', async () => {
    const s = await start('2026-11-25');
    const m = await s.steps.start(SPONSOR, { type: 'CHANGE_NAME', institutionId: s.schoolId, details: { newName: '晨光外国语学校' } });
    const late = m.requirements.filter((r) => r.shortfallAllowed).map((r) => r.code);
    const key = m.requirements.find((r) => r.key)!.code;
    await s.steps.attachAll(SPONSOR, m, [...late, key]);
    await s.steps.submit(SPONSOR, m.id);
    const owe = (dueOn: string) => late.map((material) => ({ material, dueOn }));
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, m.id, owe('2026-12-10')))).code).toBe('KEY_MATERIAL_MISSING');
    await s.steps.corrections(bureauStaff, m.id, [{ material: key, reason: '缺少要件' }]);
    await s.steps.attach(SPONSOR, m.id, key);
    await s.steps.submit(SPONSOR, m.id);
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, m.id, [{ material: key, dueOn: '2026-12-10' }]))).code).toMatch(/NOT_SHORTFALL_ALLOWED|MATERIAL_ALREADY_ATTACHED/);
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, m.id, owe('2026-11-20')))).code).toBe('DUE_IN_PAST');
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, m.id, owe('2027-12-31')))).code).toBe('DUE_AFTER_DEADLINE');
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, m.id, owe('2026-12-10'), false))).code).toBe('COMMITMENT_NOT_SIGNED');
    const accepted = await s.steps.acceptWithShortfall(bureauStaff, m.id, owe('2026-12-10'));
    expect(accepted).toMatchObject({ status: 'ACCEPTED_WITH_SHORTFALL', shortfall: owe('2026-12-10') });
    s.moveTo('2026-12-11');
    await s.runJobs();
    expect(await s.steps.get(SPONSOR, m.id)).toMatchObject({ status: 'LAPSED', commitmentBroken: true, clock: { status: 'STOPPED' } });
    await eventually(async () => expect(s.eventsOf(m.id).slice(-2)).toEqual(['licensing.matter.lapsed', 'licensing.matter.completed']));
    const next = await s.steps.start(SPONSOR, { type: 'CHANGE_NAME', institutionId: s.schoolId, details: { newName: '晨光学校' } });
    await s.steps.attachAll(SPONSOR, next, late);
    await s.steps.submit(SPONSOR, next.id);
    expect((await refusalOf(s.steps.acceptWithShortfall(bureauStaff, next.id, owe('2026-12-20')))).code).toBe('BROKEN_COMMITMENT');
  });

  it('says provisional while a clock reaches into an unpublished year, and recomputes open clocks when the arrangement is published', async () => {
    const s = await start('2026-12-21');
    const m = await s.steps.start(SPONSOR, { type: 'CHANGE_ADDRESS', institutionId: s.schoolId, details: { newAddress: '城关区新址3号' } });
    await s.steps.attachAll(SPONSOR, m);
    await s.steps.submit(SPONSOR, m.id);
    const before = (await s.steps.accept(bureauStaff, m.id)).clock!;
    expect(before).toMatchObject({ provisional: true });
    const publish = (year: number, holidays: string[], workdays: string[], actor = bureauStaff) =>
      t!.as(actor)<{ publishHolidayArrangement: { arrangement: { year: number; source: string }; recomputedMatters: number } }>(
        'mutation($y: Int!, $h: [String!]!, $w: [String!]!) { publishHolidayArrangement(year: $y, holidays: $h, workdays: $w) { arrangement { year source } recomputedMatters } }',
        { y: year, h: holidays, w: workdays },
      );
    expect((await refusalOf(publish(2027, ['2026-12-31'], []))).code).toBe('DATE_OUTSIDE_YEAR');
    expect((await refusalOf(publish(2027, ['2027-01-02'], ['2027-01-02']))).code).toBe('DATE_IN_BOTH');
    expect((await refusalOf(publish(2027, ['2027-01-01'], ['2027-01-06']))).code).toBe('WORKDAY_NOT_WEEKEND');
    expect((await refusalOf(publish(2027, ['2027-01-01'], [], SPONSOR))).code).toBe('FORBIDDEN');
    const published = await publish(2027, ['2027-01-01', '2027-01-18', '2027-01-19'], []);
    expect(published.publishHolidayArrangement).toMatchObject({ arrangement: { year: 2027, source: expect.stringContaining('2027') }, recomputedMatters: 1 });
    const after = (await s.steps.get(bureauStaff, m.id))!.clock!;
    expect(after.provisional).toBe(false);
    expect(after.dueOn! > before.dueOn!).toBe(true);
    const listed = await t!.as(anonymous)<{ holidayArrangements: { year: number; holidays: string[] }[] }>('{ holidayArrangements { year holidays } }');
    expect(listed.holidayArrangements).toEqual([{ year: 2027, holidays: ['2027-01-01', '2027-01-18', '2027-01-19'] }]);
    await eventually(async () => expect(s.published.some((e) => e.type === 'licensing.calendar.published' && e.payload['year'] === 2027)).toBe(true));
  });

  it('lapses an approved preparation after 3 years without an establishment application', async () => {
    const s = await start('2026-11-25');
    const school = { name: '远航学校', level: 'JUNIOR', districtCode: 'XS' };
    const prep = await s.steps.start(SPONSOR, { type: 'PREPARATION', details: { school } });
    await s.steps.attachAll(SPONSOR, prep);
    await s.steps.submit(SPONSOR, prep.id);
    await s.steps.accept(approvalBureauStaff, prep.id);
    await s.steps.decide(approvalBureauStaff, prep.id);
    // An establishment after preparation asks for the preparation approval among its materials.
    const establishment = await s.steps.start(SPONSOR, { type: 'ESTABLISHMENT', details: { school, preparationMatterId: prep.id } });
    expect(establishment.requirements.map((r) => r.code)).toContain('PREPARATION_APPROVAL');
    s.moveTo('2029-12-03');
    await s.runJobs();
    expect((await s.steps.get(SPONSOR, prep.id))!.preparationLapsedOn).toBe('2029-12-03');
    expect((await refusalOf(s.steps.start(SPONSOR, { type: 'ESTABLISHMENT', details: { school, preparationMatterId: prep.id } }))).code).toBe('CONFLICT');
  });

  it('publishes the lists and lets bureau staff change a type’s materials as data', async () => {
    const s = await start('2026-11-25');
    const items = await t!.as(anonymous)<{ serviceItems: { code: string; matterType: string; fee: string; timeLimit: string; decidingAuthority: string; materials: { code: string }[] }[] }>(
      '{ serviceItems(kind: PUBLIC_SERVICE) { code matterType fee timeLimit decidingAuthority materials { code } } }',
    );
    expect(items.serviceItems).toHaveLength(12);
    expect(new Set(items.serviceItems.map((i) => i.fee))).toEqual(new Set(['none']));
    const setRequirements = (materials: unknown[], actor = bureauStaff) =>
      t!.as(actor)<{ setMatterRequirements: { setting: { type: string; materials: { code: string }[]; updatedAt: string | null } } }>(
        'mutation($m: [MaterialRequirementInput!]!) { setMatterRequirements(type: BRANCH_FILING, materials: $m) { setting { type materials { code } updatedAt } } }',
        { m: materials },
      );
    const materials = [
      { code: 'BRANCH_REPORT', name: '设立分校报告', key: true, shortfallAllowed: false },
      { code: 'PREMISES_PROOF', name: '校舍证明', key: true, shortfallAllowed: false },
      { code: 'SAFETY_PLAN', name: '安全预案', key: false, shortfallAllowed: true },
    ];
    expect((await refusalOf(setRequirements(materials, SPONSOR))).code).toBe('FORBIDDEN');
    expect((await refusalOf(setRequirements([{ ...materials[0], shortfallAllowed: true }])))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const set = await setRequirements(materials);
    expect(set.setMatterRequirements.setting).toMatchObject({ type: 'BRANCH_FILING', materials: materials.map((m) => ({ code: m.code })), updatedAt: expect.any(String) });
    const m = await s.steps.start(SPONSOR, { type: 'BRANCH_FILING', institutionId: s.schoolId, details: { branchAddress: '西山区分校' } });
    expect(m.requirements.map((r) => r.code)).toEqual(['BRANCH_REPORT', 'PREMISES_PROOF', 'SAFETY_PLAN']);
  });
});
