// Working days in mainland China: Monday-Friday, minus public holidays, plus the weekend days the
// State Council makes working days (调休). The yearly arrangement is only known once the State
// Council publishes it, so a date in a year nobody knows is never guessed silently.
// The package's own date functions parse through the host's local time zone and shift by a day on a
// server west of UTC, so only its raw table (date-string keys) is read. The path is pinned with the
// package version; if it moves, this import fails at start-up rather than silently.
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, assertCalendarDate, compareDates, isWeekend } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { HOLIDAY_OVERRIDES } from './holiday-overrides.ts';
import type { HolidayOverrides, YearArrangement } from './holiday-overrides.ts';

export class CalendarYearUnknownError extends Error {
  readonly code = 'CALENDAR_YEAR_UNKNOWN';
  readonly year: number;
  constructor(year: number) {
    super(`No holiday arrangement is known for ${year}: add it to the holiday override table from the State Council notice`);
    this.name = 'CalendarYearUnknownError';
    this.year = year;
  }
}

export type UnknownYearPolicy =
  | { readonly unknownYear?: 'error' }
  // The fallback must be observable: the callback is where the service logs or alerts.
  | { readonly unknownYear: 'weekends-only'; readonly onFallback: (year: number) => void };

export type WorkingDayCalendarOptions = UnknownYearPolicy & {
  /** Replaces the repository's table (HOLIDAY_OVERRIDES); spread that in to extend it instead. */
  readonly overrides?: HolidayOverrides;
};

export type YearSource = 'override' | 'chinese-days' | 'weekends-only';

export interface WorkingDayCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** Day 1 is the next working day after `date` (the day of the act is not counted); n may be negative. */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate;
  /** Working days in (a, b]: a is not counted, b is; negative when b is before a. */
  workingDaysBetween(a: CalendarDate, b: CalendarDate): number;
  /** `date` itself when it is a working day, else the next working day. */
  onOrAfterWorkingDay(date: CalendarDate): CalendarDate;
  /** Where the arrangement for `year` comes from; null when unknown under the 'error' policy. Never triggers onFallback. */
  sourceOf(year: number): YearSource | null;
}

interface YearDays {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  readonly source: YearSource;
}

// chinese-days has no "which years do you know" call (for other years its API silently answers as if
// there were no holidays), so the years it knows are the years that appear in its table.
const packageYears: ReadonlyMap<number, YearDays> = (() => {
  const byYear = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  const entry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = { holidays: new Set(), workdays: new Set() }));
    return days;
  };
  for (const date of Object.keys(chineseDaysData.holidays as Record<string, string>)) entry(date).holidays.add(date);
  for (const date of Object.keys(chineseDaysData.workdays as Record<string, string>)) entry(date).workdays.add(date);
  return new Map([...byYear].map(([year, days]) => [year, { ...days, source: 'chinese-days' as const }]));
})();

/** The years chinese-days carries an arrangement for (2004-2026 in 1.5.7). */
export function chineseDaysYears(): number[] {
  return [...packageYears.keys()].sort((a, b) => a - b);
}

function fromOverride(year: number, arrangement: YearArrangement): YearDays {
  const holidays = new Set(arrangement.holidays);
  const workdays = new Set(arrangement.workdays);
  for (const date of [...holidays, ...workdays]) {
    if (assertCalendarDate(date).year !== year) throw new RangeError(`Holiday override for ${year} lists ${date}`);
  }
  for (const date of workdays) {
    if (!isWeekend(date)) throw new RangeError(`Holiday override for ${year}: make-up working day ${date} is not a weekend day`);
    if (holidays.has(date)) throw new RangeError(`Holiday override for ${year}: ${date} is both a holiday and a working day`);
  }
  return { holidays, workdays, source: 'override' };
}

const WEEKENDS_ONLY: YearDays = { holidays: new Set(), workdays: new Set(), source: 'weekends-only' };

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const overrides = new Map<number, YearDays>();
  // Validated up front so a typo in the table fails at start-up, not on the day it is first used.
  for (const [year, arrangement] of Object.entries(options.overrides ?? HOLIDAY_OVERRIDES)) {
    overrides.set(Number(year), fromOverride(Number(year), arrangement));
  }
  const fellBack = new Set<number>();

  function known(year: number): YearDays | null {
    return overrides.get(year) ?? packageYears.get(year) ?? null;
  }

  function yearDays(year: number): YearDays {
    const days = known(year);
    if (days) return days;
    if (options.unknownYear !== 'weekends-only') throw new CalendarYearUnknownError(year);
    if (!fellBack.has(year)) {
      fellBack.add(year);
      options.onFallback(year);
    }
    return WEEKENDS_ONLY;
  }

  function isWorkingDay(date: CalendarDate): boolean {
    const days = yearDays(assertCalendarDate(date).year);
    if (days.workdays.has(date)) return true;
    return !isWeekend(date) && !days.holidays.has(date);
  }

  function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    assertCalendarDate(date);
    if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let current = date;
    for (let left = Math.abs(n); left > 0; ) {
      current = addDays(current, step);
      if (isWorkingDay(current)) left--;
    }
    return current;
  }

  function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
    const order = compareDates(a, b);
    if (order > 0) return -workingDaysBetween(b, a);
    let count = 0;
    for (let current = a; current < b; ) {
      current = addDays(current, 1);
      if (isWorkingDay(current)) count++;
    }
    return count;
  }

  function onOrAfterWorkingDay(date: CalendarDate): CalendarDate {
    return isWorkingDay(date) ? date : addWorkingDays(date, 1);
  }

  function sourceOf(year: number): YearSource | null {
    const days = known(year);
    if (days) return days.source;
    return options.unknownYear === 'weekends-only' ? 'weekends-only' : null;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, onOrAfterWorkingDay, sourceOf };
}

/** The calendar every service shares: the repository's override table, unknown years are errors. */
export const defaultCalendar: WorkingDayCalendar = createWorkingDayCalendar();

export function isWorkingDay(date: CalendarDate): boolean {
  return defaultCalendar.isWorkingDay(date);
}

export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  return defaultCalendar.addWorkingDays(date, n);
}

export function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
  return defaultCalendar.workingDaysBetween(a, b);
}
