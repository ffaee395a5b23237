import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayInShanghai } from '@edugraph/rules';
import { anonymous, bureauStaff, creditCodeFrom, leadership, refusalOf, serviceTestDatabases, sponsor, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const TRAINING = 'id title on place capacity registered attended registrations { sponsor { creditCode name } registeredAt attended }';
const ANNOUNCE = `mutation($input: AnnounceTrainingInput!) { announceTraining(input: $input) { training { ${TRAINING} } } }`;
const REGISTER = `mutation($id: ID!) { registerForTraining(trainingId: $id) { training { ${TRAINING} } } }`;
const ATTEND = `mutation($id: ID!, $codes: [String!]!) { recordAttendance(trainingId: $id, creditCodes: $codes) { training { ${TRAINING} } } }`;
const LIST = `query($upcoming: Boolean) { trainings(upcoming: $upcoming) { ${TRAINING} } }`;

interface Training { id: string; title: string; on: string; capacity: number; registered: number; attended: number; registrations: { sponsor: { creditCode: string; name: string }; attended: boolean }[] }

const today = todayInShanghai();
const code = (n: number) => creditCodeFrom(`52330100MJ${String(n).padStart(7, '0')}`);
const [a, b, stranger] = [sponsor(code(1)), sponsor(code(2)), sponsor(code(3))];

for (const database of await serviceTestDatabases()) describe(`training sessions (${database.label})`, () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(licensingService, { database });
  });
  afterAll(() => t.stop());
  afterEach(() => vi.useRealTimers());

  const announce = (title: string, on: string, capacity = 30) =>
    t.as(bureauStaff)<{ announceTraining: { training: Training } }>(ANNOUNCE, { input: { title, on, place: '市教育局三楼报告厅', capacity } }).then((r) => r.announceTraining.training);
  const register = (actor: typeof a, id: string) => t.as(actor)<{ registerForTraining: { training: Training } }>(REGISTER, { id }).then((r) => r.registerForTraining.training);
  const attend = (id: string, codes: string[]) => t.as(bureauStaff)<{ recordAttendance: { training: Training } }>(ATTEND, { id, codes }).then((r) => r.recordAttendance.training);

  it('announces sessions and lists the upcoming ones publicly, soonest first', async () => {
    const later = await announce('民办学校年检政策解读', addDays(today, 30));
    const sooner = await announce('民办教育促进法实施条例培训', addDays(today, 7));
    expect(later).toMatchObject({ on: addDays(today, 30), capacity: 30, registered: 0, attended: 0, registrations: [] });
    const list = (await t.as(anonymous)<{ trainings: Training[] }>(LIST)).trainings;
    expect(list.map((s) => s.id)).toEqual([sooner.id, later.id]);
  });

  it('refuses a bad announcement with every problem, and anyone but bureau staff', async () => {
    const bad = refusalOf(t.as(bureauStaff)(ANNOUNCE, { input: { title: 'x', on: addDays(today, -1), place: '会议室', capacity: 0 } }));
    const r = await bad;
    expect(r.code).toBe('BAD_USER_INPUT');
    for (const text of ['title', 'in the past', 'capacity']) expect(r.message).toContain(text);
    expect((await refusalOf(t.as(bureauStaff)(ANNOUNCE, { input: { title: '培训', on: addDays(today, 1), place: '会议室', capacity: 10_001 } }))).code).toBe('BAD_USER_INPUT');
    const good = { title: '政策培训', on: addDays(today, 1), place: '会议室', capacity: 10 };
    expect((await refusalOf(t.as(leadership)(ANNOUNCE, { input: good }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(a)(ANNOUNCE, { input: good }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(ANNOUNCE, { input: good }))).code).toBe('UNAUTHENTICATED');
  });

  it('registers a sponsor once and shows each reader only the registrations it may see', async () => {
    const s = await announce('举办者变更政策培训', addDays(today, 10));
    const after = await register(a, s.id);
    expect(after).toMatchObject({ registered: 1, registrations: [{ sponsor: { creditCode: code(1), name: code(1) }, attended: false }] });
    await register(b, s.id);
    expect(await refusalOf(t.as(a)(REGISTER, { id: s.id }))).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('already registered') });
    const seen = async (actor: typeof a) => (await t.as(actor)<{ trainings: Training[] }>(LIST)).trainings.find((x) => x.id === s.id)!;
    expect((await seen(bureauStaff)).registrations.map((r) => r.sponsor.creditCode)).toEqual([code(1), code(2)]);
    expect((await seen(leadership)).registrations).toHaveLength(2);
    expect((await seen(b)).registrations.map((r) => r.sponsor.creditCode)).toEqual([code(2)]);
    expect(await seen(stranger)).toMatchObject({ registered: 2, registrations: [] });
    expect(await seen(anonymous)).toMatchObject({ registered: 2, registrations: [] });
  });

  it('names a registered organisation as the registry knows it, else by its credit code', async () => {
    const institution = { name: '启明民办培训学校', level: 'TRAINING', ownership: 'PRIVATE', districtCode: 'D01', creditCode: code(4) };
    await t.as(bureauStaff)('mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }', { input: institution });
    const s = await announce('名称来源测试培训', addDays(today, 4));
    await register(sponsor(code(4)), s.id);
    await register(stranger, s.id);
    const after = (await t.as(bureauStaff)<{ trainings: Training[] }>(LIST)).trainings.find((x) => x.id === s.id)!;
    expect(after.registrations.map((r) => r.sponsor)).toEqual([{ creditCode: code(4), name: '启明民办培训学校' }, { creditCode: code(3), name: code(3) }]);
  });

  it('refuses registration when full, for an unknown session, and for anyone but a sponsor with a credit code', async () => {
    const s = await announce('小型研讨会', addDays(today, 3), 1);
    await register(a, s.id);
    expect(await refusalOf(t.as(b)(REGISTER, { id: s.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('full') });
    expect((await refusalOf(t.as(b)(REGISTER, { id: '0190a6f2-7b1c-7d3e-8f00-1234567890ab' }))).code).toBe('NOT_FOUND');
    expect((await refusalOf(t.as(b)(REGISTER, { id: 'nope' }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(t.as(bureauStaff)(REGISTER, { id: s.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(REGISTER, { id: s.id }))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(t.as({ ...a, creditCode: null })(REGISTER, { id: s.id }))).code).toBe('FORBIDDEN');
  });

  it('never overbooks: of many registrations for the last seats at once, only as many as there are seats win', async () => {
    const s = await announce('热门政策宣讲', addDays(today, 5), 3);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => register(sponsor(code(100 + i)), s.id)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused.map((r) => r.reason.errors[0].extensions.details.reason)).toEqual(Array(7).fill('TRAINING_FULL'));
    const stored = (await t.as(bureauStaff)<{ trainings: Training[] }>(LIST)).trainings.find((x) => x.id === s.id)!;
    expect(stored.registered).toBe(3);
    expect(stored.registrations).toHaveLength(3);
  });

  it('registers one organisation once even when it sends two registrations at once', async () => {
    const s = await announce('双击测试培训', addDays(today, 5), 5);
    const results = await Promise.allSettled([register(a, s.id), register(a, s.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('ALREADY_EXISTS');
    expect((await t.as(bureauStaff)<{ trainings: Training[] }>(LIST)).trainings.find((x) => x.id === s.id)!.registered).toBe(1);
  });

  it('records attendance of registered organisations once, on or after the day', async () => {
    const s = await announce('今日政策培训', today);
    await register(a, s.id);
    await register(b, s.id);
    expect(await attend(s.id, [code(1)])).toMatchObject({ attended: 1, registrations: [{ attended: true }, { attended: false }] });
    expect((await attend(s.id, [code(1), code(2)])).attended).toBe(2);
    expect((await attend(s.id, [code(2)])).attended).toBe(2);
    const notRegistered = await refusalOf(t.as(bureauStaff)(ATTEND, { id: s.id, codes: [code(3)] }));
    expect(notRegistered).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(code(3)) });
    expect((await refusalOf(t.as(bureauStaff)(ATTEND, { id: s.id, codes: [] }))).code).toBe('BAD_USER_INPUT');
    const future = await announce('下周政策培训', addDays(today, 7));
    await register(a, future.id);
    expect(await refusalOf(t.as(bureauStaff)(ATTEND, { id: future.id, codes: [code(1)] }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('on or after') });
    expect((await refusalOf(t.as(bureauStaff)(ATTEND, { id: '0190a6f2-7b1c-7d3e-8f00-1234567890ab', codes: [code(1)] }))).code).toBe('NOT_FOUND');
    expect((await refusalOf(t.as(leadership)(ATTEND, { id: s.id, codes: [code(1)] }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(a)(ATTEND, { id: s.id, codes: [code(1)] }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(ATTEND, { id: s.id, codes: [code(1)] }))).code).toBe('UNAUTHENTICATED');
  });

  it('closes registration after the session day, and lists past sessions only when asked', async () => {
    const s = await announce('明日截止培训', today);
    // Tomorrow, in Shanghai: only Date is faked, so the server and the signed requests agree on it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.parse(`${addDays(today, 1)}T04:00:00Z`)));
    expect(await refusalOf(t.as(stranger)(REGISTER, { id: s.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('registration is closed') });
    const upcoming = (await t.as(anonymous)<{ trainings: Training[] }>(LIST)).trainings;
    expect(upcoming.some((x) => x.id === s.id)).toBe(false);
    const all = (await t.as(anonymous)<{ trainings: Training[] }>(LIST, { upcoming: false })).trainings;
    expect(all.some((x) => x.id === s.id)).toBe(true);
    expect(all.map((x) => x.on)).toEqual([...all.map((x) => x.on)].sort());
  });
});
