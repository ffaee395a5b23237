// A year's holiday arrangement as the State Council publishes it, checked before it can move any clock.
// The rules' calendar would throw on a bad table at start-up; this refuses it at the door with a reason.
import { HOLIDAY_OVERRIDES, createWorkingDayCalendar, dayOfWeek, isCalendarDate } from '@edugraph/rules';
import type { HolidayOverrides, UnknownYearPolicy, WorkingDayCalendar, YearArrangement } from '@edugraph/rules';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export interface PublishedArrangement {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  /** The notice it comes from (国务院办公厅关于 YYYY 年部分节假日安排的通知). */
  readonly source: string;
}

export type HolidayArrangementErrorCode =
  | 'INVALID_YEAR'
  | 'INVALID_DATE'
  | 'DATE_OUTSIDE_YEAR'
  | 'DUPLICATE_DATE'
  | 'DATE_IN_BOTH'
  | 'WORKDAY_NOT_WEEKEND'
  | 'SOURCE_REQUIRED';

type Checked = Result<readonly string[], HolidayArrangementErrorCode>;

function checkDates(year: number, dates: readonly string[], list: string): Checked {
  const seen = new Set<string>();
  for (const date of dates) {
    if (!isCalendarDate(date)) return fail('INVALID_DATE', `${list}: ${JSON.stringify(date)} is not an existing 'YYYY-MM-DD' date`, { list });
    if (Number(date.slice(0, 4)) !== year) return fail('DATE_OUTSIDE_YEAR', `${list}: ${date} is not in ${year}`, { list, date });
    if (seen.has(date)) return fail('DUPLICATE_DATE', `${list}: ${date} is listed twice`, { list, date });
    seen.add(date);
  }
  return ok([...seen].sort());
}

export function validateHolidayArrangement(input: PublishedArrangement): Result<YearArrangement & { readonly year: number }, HolidayArrangementErrorCode> {
  const { year } = input;
  if (!Number.isSafeInteger(year) || year < 1949 || year > 9999) return fail('INVALID_YEAR', `Year must be a whole year from 1949, got ${String(year)}`);
  if (typeof input.source !== 'string' || input.source.trim() === '') return fail('SOURCE_REQUIRED', 'Cite the State Council notice the arrangement comes from');
  const holidays = checkDates(year, Array.isArray(input.holidays) ? input.holidays : [], 'holidays');
  if (!holidays.ok) return holidays;
  const workdays = checkDates(year, Array.isArray(input.workdays) ? input.workdays : [], 'workdays');
  if (!workdays.ok) return workdays;
  const holidaySet = new Set(holidays.value);
  for (const date of workdays.value) {
    if (holidaySet.has(date)) return fail('DATE_IN_BOTH', `${date} is both a holiday and a make-up working day`, { date });
    const dow = dayOfWeek(date);
    // A make-up working day (调休上班) only ever replaces a weekend day; a weekday is a working day anyway.
    if (dow !== 0 && dow !== 6) return fail('WORKDAY_NOT_WEEKEND', `Make-up working day ${date} is not a Saturday or Sunday`, { date });
  }
  return ok({ year, holidays: holidays.value, workdays: workdays.value, source: input.source.trim() });
}

/**
 * The calendar with the repository's table plus the published arrangements (a published year replaces
 * what the package or the table knew of it). Unknown years follow `policy`, 'error' by default.
 */
export function calendarWithArrangements(
  published: readonly PublishedArrangement[],
  policy: UnknownYearPolicy = { unknownYear: 'error' },
): Result<WorkingDayCalendar, HolidayArrangementErrorCode> {
  const overrides: Record<number, YearArrangement> = { ...HOLIDAY_OVERRIDES };
  for (const arrangement of published) {
    const checked = validateHolidayArrangement(arrangement);
    if (!checked.ok) return checked;
    const { year, holidays, workdays, source } = checked.value;
    overrides[year] = { holidays, workdays, source };
  }
  return ok(createWorkingDayCalendar({ ...policy, overrides: overrides as HolidayOverrides }));
}
