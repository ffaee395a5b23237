// A calendar date in China is a plain 'YYYY-MM-DD' string, never an instant: a deadline is a day
// on a wall calendar in Beijing, whatever time zone the server runs in. All arithmetic here is done
// on UTC midnights, which have no DST or offset surprises, and only ever converted back to strings.

export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class InvalidCalendarDateError extends Error {
  readonly code = 'INVALID_DATE';
  readonly input: unknown;
  constructor(input: unknown) {
    super(`Invalid calendar date ${JSON.stringify(input)}: expected an existing date as 'YYYY-MM-DD'`);
    this.name = 'InvalidCalendarDateError';
    this.input = input;
  }
}

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

/** Parses 'YYYY-MM-DD' strictly (the date must exist); returns null when it does not. */
export function parseCalendarDate(input: unknown): DateParts | null {
  if (typeof input !== 'string') return null;
  const match = DATE_PATTERN.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(input: unknown): input is CalendarDate {
  return parseCalendarDate(input) !== null;
}

export function assertCalendarDate(input: unknown): DateParts {
  const parts = parseCalendarDate(input);
  if (!parts) throw new InvalidCalendarDateError(input);
  return parts;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_LENGTHS[month - 1] ?? Number.NaN);
}

export function formatCalendarDate({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = assertCalendarDate(date);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear avoids that.
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return Math.round(d.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): CalendarDate {
  const d = new Date(epochDay * DAY_MS);
  return formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(date: CalendarDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Negative when a < b; ISO strings of the same shape compare correctly as text. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  assertCalendarDate(a);
  assertCalendarDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Adds calendar months the way Chinese law counts a period in months (民法典 art. 202): the period
 * ends on the corresponding day of the last month, or on that month's last day if it has none
 * (31 Jan + 1 month → 28/29 Feb).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = assertCalendarDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatCalendarDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/**
 * Today's date on the wall calendar in China. China has used a fixed UTC+8 with no daylight saving
 * since 1991, so a fixed offset is exact and needs no time-zone database.
 */
export function todayInShanghai(now: Date = new Date()): CalendarDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
