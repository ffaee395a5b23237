import { describe, expect, it } from 'vitest';
import { assignReport, deadlineStatus, isProvisionalDeadline, reopenReport, replyToReport, reportCalendar, submitReport, watchDeadline } from './report.ts';
import type { Report, ReportDraft } from './report.ts';
import { reporterIdentityView } from './report-visibility.ts';

const calendar = reportCalendar();
const ID = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';
const draft: ReportDraft = { channel: 'ONLINE', kind: 'COMPLAINT', category: 'ENROLMENT', subject: '入学报名', body: null, institutionId: null, reporterId: 'parent-1' };

function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
}
const submitted = (d: Partial<ReportDraft> = {}) => value(submitReport(ID, { ...draft, ...d }, '2026-03-02')).state;
const assigned = (d: Partial<ReportDraft> = {}, office = 'ADMISSIONS', on = '2026-03-02') => value(assignReport(submitted(d), office, on, calendar)).state;
const closed = (d: Partial<ReportDraft> = {}) => value(replyToReport(assigned(d), { office: 'ADMISSIONS', text: '已处理' }, '2026-03-10')).state;

describe('a report', () => {
  it('needs a subject or a body and a known category', () => {
    expect(submitReport(ID, { ...draft, subject: null }, '2026-03-02')).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(submitReport(ID, { ...draft, category: 'X' }, '2026-03-02')).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(value(submitReport(ID, draft, '2026-03-02')).events[0]!.type).toBe('feedback.report.submitted');
  });

  it('is due in working days per kind, skipping public holidays', () => {
    expect(assigned().dueOn).toBe('2026-03-23');
    expect(assigned({ kind: 'SUGGESTION' }).dueOn).toBe('2026-03-30');
    // 30 working days from 20 April 2026 cross the 劳动节 holiday (1–5 May) and its make-up days.
    const tipOff = assigned({ kind: 'TIP_OFF' }, 'SUPERVISION', '2026-04-20');
    expect(tipOff.dueOn).toBe(calendar.addWorkingDays('2026-04-20', 30));
    expect(tipOff.dueOn! > '2026-05-29').toBe(true);
  });

  it('keeps its deadline when passed to another office, and refuses an unknown office or a closed report', () => {
    const passed = value(assignReport(assigned(), 'FINANCE_AUDIT', '2026-03-10', calendar)).state;
    expect(passed).toMatchObject({ office: 'FINANCE_AUDIT', dueOn: '2026-03-23' });
    expect(assignReport(submitted(), 'NOWHERE', '2026-03-02', calendar)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(assignReport(closed(), 'ADMISSIONS', '2026-03-12', calendar)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('is answered by its office only, which closes it; the rating names the reporter but never a tip-off’s', () => {
    expect(replyToReport(assigned(), { office: 'FINANCE_AUDIT', text: 'x' }, '2026-03-03')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(replyToReport(submitted(), { office: 'ADMISSIONS', text: 'x' }, '2026-03-03')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const done = value(replyToReport(assigned(), { office: 'ADMISSIONS', text: '已处理' }, '2026-03-24'));
    expect(done.events.map((e) => e.type)).toEqual(['feedback.report.replied', 'feedback.report.closed']);
    expect(done.events[0]!.payload).toMatchObject({ late: true });
    expect(done.events[1]!.payload).toMatchObject({ reporterId: 'parent-1', serviceItem: 'JY-TS-001' });
    const tipOff = value(replyToReport(assigned({ kind: 'TIP_OFF' }), { office: 'ADMISSIONS', text: 'x' }, '2026-03-03'));
    expect(tipOff.events[1]!.payload).toMatchObject({ reporterId: null });
  });

  it('reopens once, within 30 days of the answer', () => {
    const again = value(reopenReport(closed(), '没解决', '2026-03-11', calendar)).state;
    expect(again).toMatchObject({ status: 'ASSIGNED', reopenCount: 1, dueOn: calendar.addWorkingDays('2026-03-11', 15), alerted: null });
    const closedAgain = value(replyToReport(again, { office: 'ADMISSIONS', text: '再处理' }, '2026-03-12')).state;
    expect(reopenReport(closedAgain, '还是没解决', '2026-03-13', calendar)).toMatchObject({ ok: false, error: { code: 'REOPEN_LIMIT' } });
    expect(reopenReport(closed(), '没解决', '2026-04-09', calendar).ok).toBe(true);
    expect(reopenReport(closed(), '没解决', '2026-04-10', calendar)).toMatchObject({ ok: false, error: { code: 'REOPEN_WINDOW_PASSED' } });
    expect(reopenReport(assigned(), '没解决', '2026-03-03', calendar)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('warns DUE_SOON two working days before its deadline and OVERDUE after, once each', () => {
    const r = assigned();
    expect(deadlineStatus(r, '2026-03-18', calendar)).toBe('ON_TIME');
    expect(watchDeadline(r, '2026-03-18', calendar)).toBeNull();
    const soon = watchDeadline(r, '2026-03-19', calendar)!;
    expect(soon.events[0]!.payload).toMatchObject({ status: 'DUE_SOON', dueOn: '2026-03-23' });
    expect(watchDeadline(soon.state, '2026-03-20', calendar)).toBeNull();
    const late = watchDeadline(soon.state, '2026-03-24', calendar)!;
    expect(late.events[0]!.payload).toMatchObject({ status: 'OVERDUE' });
    expect(watchDeadline(late.state, '2026-03-25', calendar)).toBeNull();
    // First seen already overdue: OVERDUE only.
    expect(watchDeadline(r, '2026-04-01', calendar)!.events.map((e) => (e.payload as { status: string }).status)).toEqual(['OVERDUE']);
    expect(watchDeadline(closed(), '2026-04-01', calendar)).toBeNull();
  });

  it('says when its deadline was counted in a year without a published holiday table', () => {
    const late: Report = assigned({}, 'ADMISSIONS', '2026-12-21');
    expect(late.dueOn! >= '2027-01-01').toBe(true);
    expect(isProvisionalDeadline(late.dueOn, calendar, late.assignedOn)).toBe(true);
    expect(isProvisionalDeadline(assigned().dueOn, calendar)).toBe(false);
  });
});

describe('who sees a reporter', () => {
  const complaint = { kind: 'COMPLAINT' as const, office: 'ADMISSIONS', reporterId: 'parent-1' };
  const tipOff = { ...complaint, kind: 'TIP_OFF' as const };
  it('shows a complaint’s reporter to its office, masked to others', () => {
    expect(reporterIdentityView(complaint, { id: 's', staffOffice: 'ADMISSIONS' })).toBe('CLEAR');
    expect(reporterIdentityView(complaint, { id: 's', staffOffice: 'SUPERVISION' })).toBe('MASKED');
    expect(reporterIdentityView(complaint, { id: 'leader', staffOffice: null })).toBe('MASKED');
    expect(reporterIdentityView(complaint, { id: 'parent-1', staffOffice: null })).toBe('CLEAR');
  });
  it('shows a tip-off’s reporter to the supervision office alone', () => {
    expect(reporterIdentityView(tipOff, { id: 's', staffOffice: 'SUPERVISION' })).toBe('CLEAR');
    expect(reporterIdentityView(tipOff, { id: 's', staffOffice: 'ADMISSIONS' })).toBe('HIDDEN');
    expect(reporterIdentityView(tipOff, { id: 'leader', staffOffice: null })).toBe('HIDDEN');
  });
});
