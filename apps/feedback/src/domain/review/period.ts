// A reporting period as people write it: a year (2026), a month (2026-11) or a quarter (2026-Q4).
import { fail, ok } from '@edugraph/rules';
import type { Result } from '@edugraph/rules';

export interface Period {
  readonly label: string;
  /** First and last day, inclusive, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parsePeriod(text: string): Result<Period, 'INVALID_PERIOD'> {
  const t = text.trim();
  const year = /^(\d{4})$/.exec(t);
  if (year) return ok({ label: t, from: `${t}-01-01`, to: `${t}-12-31` });
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (month) return ok({ label: t, from: `${t}-01`, to: lastDayOf(Number(month[1]), Number(month[2])) });
  const quarter = /^(\d{4})-Q([1-4])$/.exec(t);
  if (quarter) {
    const y = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return ok({ label: t, from: `${y}-${String(first).padStart(2, '0')}-01`, to: lastDayOf(y, first + 2) });
  }
  return fail('INVALID_PERIOD', `period must be a year (2026), a month (2026-11) or a quarter (2026-Q4); got "${text}"`);
}
