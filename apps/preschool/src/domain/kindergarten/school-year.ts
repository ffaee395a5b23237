// Which school year a day falls in. A school year is named by the calendar year it starts in and
// starts on 1 September (秋季学期); the month is the national school calendar, not a city number.
import type { CalendarDate } from '../shared/index.ts';
import type { SchoolYear } from './kindergarten.ts';

export const SCHOOL_YEAR_START_MONTH = 9;

export function schoolYearOn(day: CalendarDate): SchoolYear {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}
