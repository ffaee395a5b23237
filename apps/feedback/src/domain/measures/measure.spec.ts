import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '@edugraph/rules';
import { DEFAULT_MEASURE_POLICY } from './measure-policy.ts';
import { clockOf, clockToAnnounce, createMeasure, isLate, ownerOf, recordInspection, reportProgress } from './measure.ts';
import type { Measure, MeasureContext } from './measure.ts';

const calendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: () => {} });
const ctx = (today: string): MeasureContext => ({ today, calendar, policy: DEFAULT_MEASURE_POLICY });
const SCHOOL = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';

function measure(overrides: Partial<Parameters<typeof createMeasure>[0]> = {}, today = '2026-11-02'): Measure {
  const r = createMeasure({ title: '公布教育权力清单', ownerOffice: 'POLICY_LAW', dueOn: '2026-11-30', expectedResult: '清单在政务服务网公布', ...overrides }, ctx(today));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('a measure of the plan', () => {
  it('is recorded open at 0 % with its owner, deadline and expected result', () => {
    expect(measure({ planRef: ' 二（一）5 ' })).toMatchObject({ status: 'OPEN', percent: 0, planRef: '二（一）5', owner: { kind: 'OFFICE', key: 'POLICY_LAW' }, dueOn: '2026-11-30', createdOn: '2026-11-02' });
    expect(measure({ ownerOffice: null, ownerInstitutionId: SCHOOL.toUpperCase() }).owner).toEqual({ kind: 'INSTITUTION', key: SCHOOL });
  });

  it('refuses an empty title, an unknown office, a malformed school id, both or no owner, and a past or malformed deadline', () => {
    const attempt = (o: Partial<Parameters<typeof createMeasure>[0]>) => createMeasure({ title: 't', ownerOffice: 'POLICY_LAW', dueOn: '2026-11-30', expectedResult: 'r', ...o }, ctx('2026-11-02'));
    expect(attempt({ title: '  ' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'title must not be empty' } });
    expect(attempt({ expectedResult: '' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(attempt({ ownerOffice: 'MARKETING' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OFFICE' } });
    expect(attempt({ ownerOffice: null, ownerInstitutionId: 'school-7' })).toMatchObject({ ok: false, error: { code: 'INVALID_INSTITUTION_ID' } });
    expect(attempt({ ownerInstitutionId: SCHOOL })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(attempt({ ownerOffice: null })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(attempt({ dueOn: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'dueOn must not be in the past (today is 2026-11-02)' } });
    expect(attempt({ dueOn: '30/11/2026' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(ownerOf({ ownerOffice: 'SUPERVISION' })).toMatchObject({ ok: true });
  });

  it('takes progress forwards, backwards only with a reason, never above 100 % or in fractions', () => {
    const m = ok(reportProgress(measure(), { percent: 60, note: '已梳理完毕', by: 'u' }, ctx('2026-11-05')));
    expect(m).toMatchObject({ status: 'OPEN', percent: 60 });
    expect(reportProgress(m, { percent: 101, note: 'n', by: 'u' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'INVALID_PERCENT' } });
    expect(reportProgress(m, { percent: -1, note: 'n', by: 'u' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'INVALID_PERCENT' } });
    expect(reportProgress(m, { percent: 60.5, note: 'n', by: 'u' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'INVALID_PERCENT' } });
    expect(reportProgress(m, { percent: 40, note: 'n', by: 'u' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'PROGRESS_BACKWARDS', message: 'Progress would go back from 60 % to 40 %; give the reason it went backwards' } });
    expect(reportProgress(m, { percent: 50, note: 'n', by: 'u', reason: '  ' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'PROGRESS_BACKWARDS' } });
    expect(reportProgress(m, { percent: 20, note: '', by: 'u' }, ctx('2026-11-05'))).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    const back = ok(reportProgress(m, { percent: 40, note: '部分事项需重新审核', reason: '上级清单调整', by: 'u' }, ctx('2026-11-06')));
    expect(back.progress.at(-1)).toMatchObject({ percent: 40, reason: '上级清单调整' });
    expect(ok(reportProgress(back, { percent: 40, note: '同上', by: 'u' }, ctx('2026-11-06'))).percent).toBe(40);
  });

  it('needs evidence at 100 %, completes, and is closed by a MET inspection only', () => {
    const m = measure();
    expect(reportProgress(m, { percent: 100, note: '完成', by: 'u' }, ctx('2026-11-10'))).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } });
    expect(recordInspection(m, { result: 'MET', findings: '看过', by: 's' }, ctx('2026-11-10'))).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    const partly = ok(recordInspection(m, { result: 'PARTLY_MET', findings: '尚未公布', by: 's' }, ctx('2026-11-10')));
    expect(partly.status).toBe('OPEN');
    const done = ok(reportProgress(partly, { percent: 100, note: '已公布', evidence: '政务服务网链接', by: 'u' }, ctx('2026-11-12')));
    expect(done).toMatchObject({ status: 'COMPLETED', completedOn: '2026-11-12' });
    const notMet = ok(recordInspection(done, { result: 'NOT_MET', findings: '清单缺责任事项', by: 's' }, ctx('2026-11-13')));
    expect(notMet.status).toBe('COMPLETED');
    const reopened = ok(reportProgress(notMet, { percent: 80, note: '补充责任清单', reason: '督查未通过', by: 'u' }, ctx('2026-11-16')));
    expect(reopened).toMatchObject({ status: 'OPEN', completedOn: null });
    const again = ok(reportProgress(reopened, { percent: 100, note: '补齐', evidence: '新链接', by: 'u' }, ctx('2026-11-18')));
    const met = ok(recordInspection(again, { result: 'MET', findings: '符合', by: 's' }, ctx('2026-11-19')));
    expect(met).toMatchObject({ status: 'CLOSED', completedOn: '2026-11-18' });
    expect(met.inspections.map((i) => i.result)).toEqual(['PARTLY_MET', 'NOT_MET', 'MET']);
    expect(reportProgress(met, { percent: 100, note: 'x', evidence: 'y', by: 'u' }, ctx('2026-11-20'))).toMatchObject({ ok: false, error: { code: 'MEASURE_CLOSED' } });
    expect(recordInspection(met, { result: 'NOT_MET', findings: 'x', by: 's' }, ctx('2026-11-20'))).toMatchObject({ ok: false, error: { code: 'MEASURE_CLOSED' } });
    expect(recordInspection(m, { result: 'MET', findings: '', by: 's' }, ctx('2026-11-20'))).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
  });

  it('is late when open past its day or done after it', () => {
    const m = measure();
    expect(isLate(m, '2026-11-30')).toBe(false);
    expect(isLate(m, '2026-12-01')).toBe(true);
    const done = ok(reportProgress(m, { percent: 100, note: 'n', evidence: 'e', by: 'u' }, ctx('2026-12-02')));
    expect(isLate(done, '2026-12-10')).toBe(true);
    const onTime = ok(reportProgress(m, { percent: 100, note: 'n', evidence: 'e', by: 'u' }, ctx('2026-11-30')));
    expect(isLate(onTime, '2026-12-10')).toBe(false);
  });

  it('announces DUE_SOON within five working days and OVERDUE after, each once, and nothing once done', () => {
    const m = measure();
    expect(clockOf(m, ctx('2026-11-20'))).toBeNull();
    expect(clockToAnnounce(m, ctx('2026-11-20'))).toBeNull();
    const soon = clockToAnnounce(m, ctx('2026-11-23'))!;
    expect(soon.announce).toBe('DUE_SOON');
    expect(clockToAnnounce(soon.next, ctx('2026-11-24'))).toBeNull();
    const late = clockToAnnounce(soon.next, ctx('2026-12-01'))!;
    expect(late.announce).toBe('OVERDUE');
    expect(clockToAnnounce(late.next, ctx('2026-12-02'))).toBeNull();
    // Straight to OVERDUE when first seen late; a done measure runs no clock.
    expect(clockToAnnounce(m, ctx('2026-12-05'))?.announce).toBe('OVERDUE');
    const done = ok(reportProgress(m, { percent: 100, note: 'n', evidence: 'e', by: 'u' }, ctx('2026-11-25')));
    expect(clockToAnnounce(done, ctx('2026-12-05'))).toBeNull();
  });
});
