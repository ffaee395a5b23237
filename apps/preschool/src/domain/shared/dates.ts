// Dates are 'YYYY-MM-DD' wall-calendar days (see @edugraph/rules calendar-date). The fixed-width
// format sorts as text, so comparing two valid dates needs no parsing.
import { addDays, isCalendarDate } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';

export type { CalendarDate };
export { isCalendarDate };

export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b;

/** Due within `days` days from today (inclusive) and not yet past: the "due soon" warning. */
export function isDueSoon(dueOn: CalendarDate, today: CalendarDate, days: number): boolean {
  return dueOn >= today && dueOn <= addDays(today, days);
}

/** A count of places or children: a non-negative safe integer. */
export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

export const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
