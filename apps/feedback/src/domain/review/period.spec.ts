import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.ts';

describe('parsePeriod', () => {
  it('reads a year as 1 January to 31 December', () => {
    expect(parsePeriod('2026')).toEqual({ ok: true, value: { label: '2026', from: '2026-01-01', to: '2026-12-31' } });
  });

  it('reads a month to its last day, leap years included', () => {
    expect(parsePeriod('2026-11')).toEqual({ ok: true, value: { label: '2026-11', from: '2026-11-01', to: '2026-11-30' } });
    expect(parsePeriod('2026-01')).toMatchObject({ ok: true, value: { from: '2026-01-01', to: '2026-01-31' } });
    expect(parsePeriod('2026-02')).toMatchObject({ ok: true, value: { from: '2026-02-01', to: '2026-02-28' } });
    expect(parsePeriod('2028-02')).toMatchObject({ ok: true, value: { to: '2028-02-29' } });
    expect(parsePeriod('2100-02')).toMatchObject({ ok: true, value: { to: '2100-02-28' } });
    expect(parsePeriod('2000-02')).toMatchObject({ ok: true, value: { to: '2000-02-29' } });
    expect(parsePeriod('2026-12')).toMatchObject({ ok: true, value: { to: '2026-12-31' } });
  });

  it('reads the four quarters', () => {
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => parsePeriod(`2026-${q}`));
    expect(quarters).toEqual([
      { ok: true, value: { label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' } },
      { ok: true, value: { label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' } },
      { ok: true, value: { label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' } },
      { ok: true, value: { label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' } },
    ]);
  });

  it('ignores surrounding whitespace, also in the label', () => {
    expect(parsePeriod('  2026-Q4\n')).toEqual({ ok: true, value: { label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' } });
  });

  it.each(['', '   ', '26', '20261', '2026-1', '2026-00', '2026-13', '2026/11', '2026-Q0', '2026-Q5', '2026-q4', '2026Q4', '2026-11-01', 'Q4-2026', '二〇二六'])(
    'refuses %j with INVALID_PERIOD, quoting what it got',
    (text) => {
      const result = parsePeriod(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_PERIOD');
      expect(result.error.message).toContain(`got "${text}"`);
      expect(result.error.message).toMatch(/year \(2026\).*month \(2026-11\).*quarter \(2026-Q4\)/);
    },
  );
});
