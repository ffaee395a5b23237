import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { StatutoryClock, StatutoryClockError } from './statutory-clock.ts';
import { CalendarYearUnknownError, addWorkingDays, createWorkingDayCalendar } from './working-day-calendar.ts';

const twentyDays = () => StatutoryClock.start({ acceptedOn: '2026-02-06', limit: { workingDays: 20 } });

const errorCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof StatutoryClockError ? error.code : String(error);
  }
  return 'no error';
};

describe('StatutoryClock, working-day limit', () => {
  // See working-day-calendar.spec.ts for the day-by-day count: 9-14 Feb are days 1-6, 24-28 Feb
  // days 7-11, 2-6 Mar days 12-16, 9-12 Mar days 17-20.
  it('is due on the 20th working day after acceptance, across Spring Festival', () => {
    expect(twentyDays().dueDate()).toBe('2026-03-12');
  });

  // Paused on Thu 26 Feb (day 9), resumed on Wed 4 Mar: 27 Feb, Sat 28 Feb (worked), 2, 3 and 4 Mar
  // are the five working days in (P, R] that do not count, so the due date moves five working days:
  // 13, 16, 17, 18, 19 Mar.
  it('moves by exactly the paused working days', () => {
    const clock = twentyDays().pause('2026-02-26', 'expert review').resume('2026-03-04');
    expect(clock.dueDate()).toBe('2026-03-19');
  });

  it('moves by n working days for any pause of n working days before the due date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 30 }), (pausedOnDay, n) => {
        const pausedOn = addWorkingDays('2026-02-06', pausedOnDay);
        const clock = twentyDays().pause(pausedOn, 'hearing').resume(addWorkingDays(pausedOn, n));
        expect(clock.dueDate()).toBe(addWorkingDays('2026-03-12', n));
      }),
    );
  });

  it('has no due date while paused, and its working days left stay frozen', () => {
    const paused = twentyDays().pause('2026-02-26', 'on-site inspection');
    expect(paused.isPaused).toBe(true);
    expect(paused.dueDate()).toBeNull();
    expect(paused.workingDaysLeft('2026-02-26')).toBe(11);
    expect(paused.workingDaysLeft('2026-06-01')).toBe(11);
    expect(paused.status('2026-06-01')).toBe('ON_TIME');
  });

  it('ignores a pause that starts after the due date', () => {
    const clock = twentyDays().pause('2026-03-13', 'late hearing');
    expect(clock.dueDate()).toBe('2026-03-12');
    expect(clock.status('2026-03-20')).toBe('OVERDUE');
  });

  it('adds a 10-working-day extension once and refuses a second one', () => {
    const extended = twentyDays().extend({ workingDays: 10, reason: 'approved by the head of the bureau' });
    expect(extended.dueDate()).toBe('2026-03-26');
    expect(errorCode(() => extended.extend({ workingDays: 5, reason: 'again' }))).toBe('ALREADY_EXTENDED');
  });

  it.each([
    ['2026-02-06', 20, 'ON_TIME'],
    ['2026-03-06', 4, 'ON_TIME'],
    ['2026-03-09', 3, 'DUE_SOON'],
    ['2026-03-12', 0, 'DUE_SOON'],
    ['2026-03-13', -1, 'OVERDUE'],
  ])('on %s has %i working days left and is %s', (on, left, status) => {
    expect(twentyDays().workingDaysLeft(on)).toBe(left);
    expect(twentyDays().status(on)).toBe(status);
  });

  it('takes a due-soon threshold', () => {
    const clock = StatutoryClock.start({ acceptedOn: '2026-02-06', limit: { workingDays: 20 }, dueSoonWorkingDays: 5 });
    expect(clock.status('2026-03-05')).toBe('DUE_SOON'); // 5 left
    expect(clock.status('2026-03-04')).toBe('ON_TIME');
  });

  it('is immutable: every change returns a new clock', () => {
    const clock = twentyDays();
    const paused = clock.pause('2026-02-26', 'hearing');
    expect(clock.isPaused).toBe(false);
    expect(paused).not.toBe(clock);
    expect(Object.isFrozen(paused.pauses)).toBe(true);
  });

  it('refuses inconsistent pauses', () => {
    expect(errorCode(() => twentyDays().resume('2026-02-10'))).toBe('NOT_PAUSED');
    expect(errorCode(() => twentyDays().pause('2026-02-10', 'a').pause('2026-02-11', 'b'))).toBe('ALREADY_PAUSED');
    expect(errorCode(() => twentyDays().pause('2026-02-05', 'a'))).toBe('DATE_ORDER');
    expect(errorCode(() => twentyDays().pause('2026-02-10', 'a').resume('2026-02-09'))).toBe('DATE_ORDER');
    expect(errorCode(() => twentyDays().pause('2026-02-10', 'a').resume('2026-02-12').pause('2026-02-11', 'b'))).toBe('DATE_ORDER');
    expect(errorCode(() => twentyDays().pause('2026-02-10', ' '))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => StatutoryClock.start({ acceptedOn: '2026-02-06', limit: { workingDays: 0 } }))).toBe('INVALID_ARGUMENT');
  });
});

describe('StatutoryClock, month limit', () => {
  // 1 Jul + 3 months = Thu 1 Oct, National Day (1-7 Oct off); Thu 8 Oct is the next working day.
  it('ends on the next working day when the last day is a holiday', () => {
    expect(StatutoryClock.start({ acceptedOn: '2026-07-01', limit: { months: 3 } }).dueDate()).toBe('2026-10-08');
  });

  // 31 Jan + 1 month has no 31 Feb, so the period ends on 28 Feb, a Saturday made a working day.
  it('clamps to the end of a shorter month', () => {
    expect(StatutoryClock.start({ acceptedOn: '2026-01-31', limit: { months: 1 } }).dueDate()).toBe('2026-02-28');
  });

  // Paused Fri 10 Jul, resumed Fri 17 Jul: 13-17 Jul are five working days, pushing 8 Oct to
  // 9 Oct, Sat 10 Oct (worked), 12, 13, 14 Oct. The extension then adds 10 working days:
  // 15, 16, 19-23, 26, 27, 28 Oct.
  it('is pushed by paused working days, then by the extension', () => {
    const paused = StatutoryClock.start({ acceptedOn: '2026-07-01', limit: { months: 3 } }).pause('2026-07-10', 'hearing').resume('2026-07-17');
    expect(paused.dueDate()).toBe('2026-10-14');
    expect(paused.extend({ workingDays: 10, reason: 'complex case' }).dueDate()).toBe('2026-10-28');
  });
});

describe('StatutoryClock JSON', () => {
  const clock = twentyDays()
    .pause('2026-02-26', 'expert review')
    .resume('2026-03-04')
    .pause('2026-03-05', 'hearing')
    .resume('2026-03-05')
    .extend({ workingDays: 10, reason: 'approved' });

  it('round-trips through JSON text', () => {
    const restored = StatutoryClock.fromJSON(JSON.stringify(clock));
    expect(restored.toJSON()).toEqual(clock.toJSON());
    expect(restored.dueDate()).toBe(clock.dueDate());
    expect(errorCode(() => restored.extend({ workingDays: 1, reason: 'x' }))).toBe('ALREADY_EXTENDED');
  });

  it('round-trips an open pause', () => {
    const open = twentyDays().pause('2026-02-26', 'review');
    expect(StatutoryClock.fromJSON(open.toJSON()).isPaused).toBe(true);
  });

  it('refuses invalid stored data', () => {
    const json = clock.toJSON();
    expect(errorCode(() => StatutoryClock.fromJSON({ ...json, version: 2 }))).toBe('INVALID_JSON');
    expect(errorCode(() => StatutoryClock.fromJSON({ ...json, acceptedOn: '2026-02-30' }))).toBe('INVALID_JSON');
    expect(errorCode(() => StatutoryClock.fromJSON({ ...json, pauses: [{ from: '2026-03-01', to: '2026-02-01', reason: 'x' }] }))).toBe('INVALID_JSON');
    expect(errorCode(() => StatutoryClock.fromJSON('{not json'))).toBe('INVALID_JSON');
  });

  it('keeps unknown years explicit, or uses the fallback calendar it is given', () => {
    const start = { acceptedOn: '2089-12-20', limit: { workingDays: 20 } } as const;
    expect(() => StatutoryClock.start(start).dueDate()).toThrow(CalendarYearUnknownError);
    const years: number[] = [];
    const calendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: (year) => years.push(year) });
    // Accepted Tue 20 Dec, weekends only: 21-23 Dec (3), 26-30 Dec (8), 2-6 Jan (13), 9-13 Jan (18), 16-17 Jan (20).
    expect(StatutoryClock.start({ ...start, calendar }).dueDate()).toBe('2090-01-17');
    expect(years).toEqual([2089, 2090]);
  });
});
