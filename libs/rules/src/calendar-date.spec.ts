import { describe, it, expect } from 'vitest';
import { addDays, addMonths, dayOfWeek, isCalendarDate, todayInShanghai } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts only existing dates as YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday, as the 2026 notice says
    expect(dayOfWeek('2026-02-14')).toBe(6);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('clamps a month period to the end of a shorter month (民法典 art. 202)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-07-01', 3)).toBe('2026-10-01');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it("gives today's date in Beijing whatever the server's time zone", () => {
    expect(todayInShanghai(new Date('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(todayInShanghai(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });
});
