import { describe, it, expect, vi } from 'vitest';
import { addDays, isWeekend } from './calendar-date.ts';
import {
  CalendarYearUnknownError,
  addWorkingDays,
  chineseDaysYears,
  createWorkingDayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from './working-day-calendar.ts';

const range = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

// 国务院办公厅关于2026年部分节假日安排的通知, 4 Nov 2025
// (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm).
const HOLIDAYS_2026 = [
  ...range('2026-01-01', '2026-01-03'), // 元旦
  ...range('2026-02-15', '2026-02-23'), // 春节
  ...range('2026-04-04', '2026-04-06'), // 清明节
  ...range('2026-05-01', '2026-05-05'), // 劳动节
  ...range('2026-06-19', '2026-06-21'), // 端午节
  ...range('2026-09-25', '2026-09-27'), // 中秋节
  ...range('2026-10-01', '2026-10-07'), // 国庆节
];
const MAKE_UP_WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('working-day calendar, 2026', () => {
  it('matches the State Council arrangement on every day of the year', () => {
    for (const day of range('2026-01-01', '2026-12-31')) {
      const expected = MAKE_UP_WORKDAYS_2026.includes(day) || (!isWeekend(day) && !HOLIDAYS_2026.includes(day));
      expect(isWorkingDay(day), day).toBe(expected);
    }
  });

  it.each([
    ['2026-01-02', false],
    ['2026-01-04', true], // Sunday worked
    ['2026-02-14', true], // Saturday worked
    ['2026-02-23', false], // Monday, last day of Spring Festival
    ['2026-02-24', true],
    ['2026-05-09', true],
    ['2026-09-20', true],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
  ])('%s working: %s', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  // Accepted Fri 6 Feb. Day 1 is the next working day: 9-13 Feb are days 1-5, Sat 14 Feb (worked)
  // is 6, 15-23 Feb are off, 24-27 Feb are 7-10, Sat 28 Feb (worked) is 11, 2-6 Mar are 12-16 and
  // 9-12 Mar are 17-20.
  it('counts 20 working days across Spring Festival as a person would', () => {
    expect(addWorkingDays('2026-02-06', 20)).toBe('2026-03-12');
    expect(workingDaysBetween('2026-02-06', '2026-03-12')).toBe(20);
    expect(workingDaysBetween('2026-03-12', '2026-02-06')).toBe(-20);
    expect(addWorkingDays('2026-03-12', -20)).toBe('2026-02-06');
  });

  it('does not count the day of the act', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
  });
});

describe('years the calendar knows', () => {
  it('takes 2004-2026 from chinese-days', () => {
    expect(chineseDaysYears()).toEqual(range('2004-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
    expect(createWorkingDayCalendar().sourceOf(2026)).toBe('chinese-days');
  });

  it('refuses a year nobody knows with a typed error', () => {
    const calendar = createWorkingDayCalendar();
    expect(calendar.sourceOf(2090)).toBeNull();
    expect(() => calendar.isWorkingDay('2090-01-02')).toThrow(CalendarYearUnknownError);
    try {
      calendar.addWorkingDays('2089-12-29', 10);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarYearUnknownError);
      expect(error).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', year: 2089 });
    }
  });

  it('falls back to weekends only when asked, reporting each year once', () => {
    const onFallback = vi.fn();
    const calendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback });
    expect(calendar.isWorkingDay('2090-01-02')).toBe(true); // a Monday
    expect(calendar.isWorkingDay('2090-01-01')).toBe(false); // a Sunday; New Year unknown
    // 2090 starts on a Sunday (52 full weeks + that Sunday), 2091 on a Monday (52 weeks + Monday).
    expect(calendar.workingDaysBetween('2090-01-01', '2091-12-31')).toBe(260 + 261);
    expect(onFallback.mock.calls).toEqual([[2090], [2091]]);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(onFallback).toHaveBeenCalledTimes(2);
  });

  it('uses the override table for a year, which replaces the package for that year', () => {
    const calendar = createWorkingDayCalendar({
      overrides: {
        2090: { holidays: ['2090-01-02'], workdays: ['2090-01-07'], source: 'test' },
        2026: { holidays: [], workdays: [], source: 'test' },
      },
    });
    expect(calendar.sourceOf(2090)).toBe('override');
    expect(calendar.isWorkingDay('2090-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2090-01-07')).toBe(true); // a Saturday made a working day
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true); // the override said no holidays
  });

  it('refuses a malformed override table at creation', () => {
    const make = (holidays: string[], workdays: string[]) => () =>
      createWorkingDayCalendar({ overrides: { 2090: { holidays, workdays, source: 'test' } } });
    expect(make(['2091-01-01'], [])).toThrow(/2091-01-01/);
    expect(make(['2090-02-30'], [])).toThrow();
    expect(make([], ['2090-01-02'])).toThrow(/not a weekend/);
  });

  it('refuses a malformed date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/Invalid calendar date/);
  });
});
