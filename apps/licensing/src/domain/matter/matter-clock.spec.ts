// Expected dates are counted from the rules calendar (chinese-days 2026 = State Council notice of 4 Nov
// 2025): National Day 1-7 Oct off with Sun 20 Sep and Sat 10 Oct worked, Mid-Autumn Fri 25 Sep off;
// Spring Festival 15-23 Feb off with Sat 14 Feb and Sat 28 Feb worked.
import { createWorkingDayCalendar, defaultCalendar } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { calendarWithArrangements } from './holiday-arrangement.ts';
import { licenceIssueView, matterClockView, overdueTransition } from './matter-clock.ts';
import type { MatterClockView } from './matter-clock.ts';
import { MATTER_TYPES } from './matter-types.ts';
import type { MatterState } from './matter-state.ts';
import { accepted, decideCommand, draft, must, run, submitted } from './spec-support/matter-fixtures.ts';

const view = (state: MatterState, today: string, calendar = defaultCalendar) => must(matterClockView(state, today, calendar)) as MatterClockView;

describe('decision clock across National Day 2026, with a pause and an extension', () => {
  // Accepted Fri 18 Sep. Days 1-20: Sun 20 Sep (worked), 21-24 Sep, 28-30 Sep, 8, 9, Sat 10 Oct, 12-16, 19-22 Oct.
  const acc = () => accepted('CHANGE_ADDRESS', '2026-09-18', '2026-09-18');
  it('is due on 22 Oct', () => {
    expect(view(acc(), '2026-09-18')).toEqual({
      acceptedOn: '2026-09-18', dueOn: '2026-10-22', remainingWorkingDays: 20, status: 'ON_TIME', provisional: false, pauses: [], extended: false,
    });
    expect(view(acc(), '2026-10-19')).toMatchObject({ remainingWorkingDays: 3, status: 'DUE_SOON' });
  });
  // Paused on Fri 9 Oct (day 10) for expert review, resumed Wed 14 Oct: 10, 12, 13, 14 Oct do not count,
  // so the due date moves 4 working days to 28 Oct; the extension adds 29, 30 Oct, 2-6, 9-11 Nov.
  const paused = () => run(acc(), { type: 'pauseClock', reason: 'EXPERT_REVIEW', on: '2026-10-09' }, '2026-10-09').state;
  it('is PAUSED with its days frozen while the expert review runs', () => {
    expect(view(paused(), '2026-10-13')).toMatchObject({
      dueOn: null, remainingWorkingDays: 10, status: 'PAUSED', pauses: [{ reason: 'EXPERT_REVIEW', from: '2026-10-09', to: null }],
    });
  });
  const resumed = () => run(paused(), { type: 'resumeClock', on: '2026-10-14' }, '2026-10-14').state;
  it('moves by the paused working days, then by the extension', () => {
    expect(view(resumed(), '2026-10-14')).toMatchObject({ dueOn: '2026-10-28', remainingWorkingDays: 10, status: 'ON_TIME' });
    const extended = run(resumed(), { type: 'extendClock', reason: '负责人批准延长' }, '2026-10-20').state;
    expect(view(extended, '2026-11-06')).toMatchObject({ dueOn: '2026-11-11', remainingWorkingDays: 3, status: 'DUE_SOON', extended: true });
    expect(view(extended, '2026-11-12')).toMatchObject({ remainingWorkingDays: -1, status: 'OVERDUE' });
  });
  it('is STOPPED once decided, with the days left on the day of the decision', () => {
    const decided = run(resumed(), decideCommand('APPROVED'), '2026-10-26').state;
    expect(view(decided, '2026-12-01')).toMatchObject({ status: 'STOPPED', dueOn: '2026-10-28', remainingWorkingDays: 2 });
  });
});

describe('decision clocks across Spring Festival 2026', () => {
  it('preparation: 30 working days from Fri 6 Feb end on 26 Mar', () => {
    expect(view(accepted('PREPARATION', '2026-02-06', '2026-02-06'), '2026-02-06')).toMatchObject({ dueOn: '2026-03-26', remainingWorkingDays: 30 });
  });
  it('formal establishment: 3 months from 20 Jan end on Mon 20 Apr, 59 working days', () => {
    expect(view(accepted('ESTABLISHMENT', '2026-01-20', '2026-01-20'), '2026-01-20')).toMatchObject({ dueOn: '2026-04-20', remainingWorkingDays: 59 });
  });
  it('20 working days from 6 Feb: 12 Mar; paused 26 Feb-4 Mar: 19 Mar; extended: 2 Apr', () => {
    const acc = accepted('TERMINATION', '2026-02-06', '2026-02-06');
    expect(view(acc, '2026-02-06').dueOn).toBe('2026-03-12');
    const paused = run(run(acc, { type: 'pauseClock', reason: 'INSPECTION', on: '2026-02-26' }, '2026-02-26').state, { type: 'resumeClock', on: '2026-03-04' }, '2026-03-04').state;
    expect(view(paused, '2026-03-04').dueOn).toBe('2026-03-19');
    const extended = run(paused, { type: 'extendClock', reason: '负责人批准' }, '2026-03-05').state;
    // 20, 23-27, 30, 31 Mar, 1, 2 Apr.
    expect(view(extended, '2026-03-05')).toMatchObject({ dueOn: '2026-04-02', extended: true });
  });
});

describe('a clock running into 2027', () => {
  // Accepted Tue 15 Dec 2026, 20 working days: 16-18, 21-25, 28-31 Dec, then 2027.
  const fallbacks: number[] = [];
  const weekendsOnly = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: (year) => fallbacks.push(year) });
  const acc = () => accepted('TERMINATION', '2026-12-15', '2026-12-15', weekendsOnly);
  it('counts 2027 as weekends only and says so: provisional', () => {
    // Fri 1 Jan counts as a working day until 2027 is published: 1, 4-8, 11, 12 Jan.
    expect(view(acc(), '2026-12-15', weekendsOnly)).toMatchObject({ dueOn: '2027-01-12', provisional: true });
    expect(fallbacks).toContain(2027);
  });
  it('is not provisional while it stays inside known years', () => {
    expect(view(accepted('TERMINATION', '2026-09-18', '2026-09-18', weekendsOnly), '2026-09-18', weekendsOnly).provisional).toBe(false);
  });
  it('moves and becomes final once the 2027 arrangement is published', () => {
    // A test arrangement (not the real notice): 1-3 Jan 2027 off.
    const published = must(calendarWithArrangements([{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'test' }]));
    expect(view(acc(), '2026-12-15', published)).toMatchObject({ dueOn: '2027-01-13', provisional: false });
  });
  it('is refused, not guessed, by a calendar that treats unknown years as errors', () => {
    expect(matterClockView(acc(), '2026-12-15', defaultCalendar)).toMatchObject({ ok: false, error: { code: 'CALENDAR_YEAR_UNKNOWN' } });
  });
  it('still accepts under the strict calendar, with the due date left open in the event', () => {
    const { events } = run(submitted('TERMINATION', '2026-12-15'), { type: 'accept' }, '2026-12-15');
    expect(events[0]?.payload).toMatchObject({ acceptedOn: '2026-12-15', decisionDueOn: null });
  });
});

describe('clock view edge cases', () => {
  it('has no clock before acceptance or for a filing', () => {
    expect(must(matterClockView(draft('CHANGE_NAME'), '2026-09-18', defaultCalendar))).toBeNull();
    expect(must(matterClockView(submitted('BRANCH_FILING', '2026-09-18'), '2026-09-18', defaultCalendar))).toBeNull();
  });
});

describe('overdueTransition', () => {
  const v = (status: MatterClockView['status']): MatterClockView => ({
    acceptedOn: '2026-09-18', dueOn: '2026-10-22', remainingWorkingDays: 0, status, provisional: false, pauses: [], extended: false,
  });
  it('raises DUE_SOON once and OVERDUE once', () => {
    const first = overdueTransition('NONE', v('DUE_SOON'), 'm-1');
    expect(first).toMatchObject({ alertState: 'DUE_SOON', event: { type: 'licensing.matter.overdue', payload: { matterId: 'm-1', status: 'DUE_SOON' } } });
    expect(overdueTransition('DUE_SOON', v('DUE_SOON'), 'm-1')).toEqual({ alertState: 'DUE_SOON', event: null });
    expect(overdueTransition('DUE_SOON', v('OVERDUE'), 'm-1').alertState).toBe('OVERDUE');
    expect(overdueTransition('NONE', v('OVERDUE'), 'm-1').event?.payload).toMatchObject({ status: 'OVERDUE' });
    expect(overdueTransition('OVERDUE', v('OVERDUE'), 'm-1').event).toBeNull();
  });
  it('raises nothing for on-time, paused or stopped clocks, and does not re-arm', () => {
    for (const status of ['ON_TIME', 'PAUSED', 'STOPPED'] as const) expect(overdueTransition('NONE', v(status), 'm').event).toBeNull();
    expect(overdueTransition('OVERDUE', v('DUE_SOON'), 'm')).toEqual({ alertState: 'OVERDUE', event: null });
  });
});

describe('licence issue clock (10 working days, art. 44)', () => {
  // Approved Wed 30 Sep: 8, 9, Sat 10, 12-16, 19, 20 Oct.
  const approved = () => run(accepted('CHANGE_NAME', '2026-09-18', '2026-09-18'), decideCommand('APPROVED'), '2026-09-30').state;
  it('is due on 20 Oct and overdue after', () => {
    expect(must(licenceIssueView(approved(), MATTER_TYPES.CHANGE_NAME, '2026-10-16', defaultCalendar))).toMatchObject({
      approvedOn: '2026-09-30', dueOn: '2026-10-20', remainingWorkingDays: 2, status: 'DUE_SOON', provisional: false,
    });
    expect(must(licenceIssueView(approved(), MATTER_TYPES.CHANGE_NAME, '2026-10-21', defaultCalendar))).toMatchObject({ status: 'OVERDUE' });
  });
  it('stops when issued, and does not exist for a termination or a refusal', () => {
    expect(must(licenceIssueView(approved(), MATTER_TYPES.CHANGE_NAME, '2026-11-30', defaultCalendar, '2026-10-15'))).toMatchObject({ status: 'STOPPED', remainingWorkingDays: 3 });
    const terminated = run(accepted('TERMINATION', '2026-09-18', '2026-09-18'), decideCommand('APPROVED'), '2026-09-30').state;
    expect(must(licenceIssueView(terminated, MATTER_TYPES.TERMINATION, '2026-10-01', defaultCalendar))).toBeNull();
    const refused = run(accepted('CHANGE_NAME', '2026-09-18', '2026-09-18'), decideCommand('REFUSED'), '2026-09-30').state;
    expect(must(licenceIssueView(refused, MATTER_TYPES.CHANGE_NAME, '2026-10-01', defaultCalendar))).toBeNull();
  });
});
