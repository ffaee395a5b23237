import { describe, expect, it } from 'vitest';
import { calendarWithArrangements, validateHolidayArrangement } from './holiday-arrangement.ts';
import type { PublishedArrangement } from './holiday-arrangement.ts';

// A test arrangement shaped like a notice: 2027-02-06 is a Saturday, 2027-02-20 a Saturday.
const base: PublishedArrangement = {
  year: 2027,
  holidays: ['2027-02-11', '2027-02-10', '2027-01-01'],
  workdays: ['2027-02-20', '2027-02-06'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
};
const code = (input: Partial<PublishedArrangement>) => {
  const result = validateHolidayArrangement({ ...base, ...input });
  return result.ok ? 'ok' : result.error.code;
};

describe('validateHolidayArrangement', () => {
  it('returns the arrangement sorted, in the rules override shape', () => {
    expect(validateHolidayArrangement(base)).toEqual({
      ok: true,
      value: { year: 2027, holidays: ['2027-01-01', '2027-02-10', '2027-02-11'], workdays: ['2027-02-06', '2027-02-20'], source: base.source },
    });
  });
  it.each([
    ['DATE_OUTSIDE_YEAR', { holidays: ['2026-12-31'] }],
    ['DATE_OUTSIDE_YEAR', { workdays: ['2028-01-01'] }],
    ['INVALID_DATE', { holidays: ['2027-02-30'] }],
    ['INVALID_DATE', { holidays: ['2027/01/01'] }],
    ['DATE_IN_BOTH', { holidays: ['2027-02-06'], workdays: ['2027-02-06'] }],
    ['WORKDAY_NOT_WEEKEND', { workdays: ['2027-02-08'] }],
    ['DUPLICATE_DATE', { holidays: ['2027-01-01', '2027-01-01'] }],
    ['INVALID_YEAR', { year: 27 }],
    ['SOURCE_REQUIRED', { source: ' ' }],
  ] as const)('refuses with %s: %o', (expected, input) => {
    expect(code(input)).toBe(expected);
  });
});

describe('calendarWithArrangements', () => {
  it('adds a published year to the known ones', () => {
    const calendar = calendarWithArrangements([base]);
    expect(calendar.ok).toBe(true);
    if (!calendar.ok) return;
    expect(calendar.value.sourceOf(2027)).toBe('override');
    expect(calendar.value.sourceOf(2026)).toBe('chinese-days');
    expect(calendar.value.isWorkingDay('2027-01-01')).toBe(false); // Friday, holiday
    expect(calendar.value.isWorkingDay('2027-02-06')).toBe(true); // Saturday, make-up day
    expect(calendar.value.isWorkingDay('2026-10-08')).toBe(true);
  });
  it('refuses an invalid arrangement instead of building a calendar', () => {
    expect(calendarWithArrangements([{ ...base, workdays: ['2027-02-08'] }])).toMatchObject({ ok: false, error: { code: 'WORKDAY_NOT_WEEKEND' } });
  });
  it('keeps the unknown-year policy: error by default, weekends-only on request', () => {
    const strict = calendarWithArrangements([]);
    expect(strict.ok && strict.value.sourceOf(2027)).toBeNull();
    const lenient = calendarWithArrangements([], { unknownYear: 'weekends-only', onFallback: () => {} });
    expect(lenient.ok && lenient.value.sourceOf(2027)).toBe('weekends-only');
  });
});
