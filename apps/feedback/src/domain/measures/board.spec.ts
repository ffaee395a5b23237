import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '@edugraph/rules';
import { DEFAULT_MEASURE_POLICY } from './measure-policy.ts';
import { createMeasure, recordInspection, reportProgress } from './measure.ts';
import type { Measure, MeasureContext } from './measure.ts';
import { boardRows } from './board.ts';

const calendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: () => {} });
const ctx = (today: string): MeasureContext => ({ today, calendar, policy: DEFAULT_MEASURE_POLICY });
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const measure = (office: string, dueOn: string): Measure => unwrap(createMeasure({ title: 't', ownerOffice: office, dueOn, expectedResult: 'r' }, ctx('2026-01-05')));
const done = (m: Measure, on: string) => unwrap(reportProgress(m, { percent: 100, note: 'n', evidence: 'e', by: 'u' }, ctx(on)));
const inspect = (m: Measure, result: 'MET' | 'PARTLY_MET' | 'NOT_MET') => unwrap(recordInspection(m, { result, findings: 'f', by: 's' }, ctx('2026-11-20')));

describe('the measures board', () => {
  it('counts per owner and puts whoever is furthest behind first', () => {
    const today = '2026-11-25';
    const measures = [
      // PRESCHOOL: two done on time, one met.
      inspect(done(measure('PRESCHOOL', '2026-10-30'), '2026-10-20'), 'MET'),
      done(measure('PRESCHOOL', '2026-11-30'), '2026-11-10'),
      // VOCATIONAL: one late and open, one done but found not met → behind 2.
      measure('VOCATIONAL', '2026-11-10'),
      inspect(done(measure('VOCATIONAL', '2026-11-30'), '2026-11-15'), 'NOT_MET'),
      // ADMISSIONS: one late (done after its day) → behind 1, done share 1.
      done(measure('ADMISSIONS', '2026-09-30'), '2026-10-09'),
      // BASIC_EDUCATION: one open, on time, → behind 0, done share 0.
      measure('BASIC_EDUCATION', '2026-12-20'),
    ];
    const items = [
      { office: 'POLICY_LAW', state: 'OVERDUE' as const },
      { office: 'POLICY_LAW', state: 'DUE_SOON' as const },
      { office: 'ADMISSIONS', state: 'DUE_SOON' as const },
    ];
    const rows = boardRows(measures, items, today);
    expect(rows.map((r) => [r.owner, r.behind, r.doneShare])).toEqual([
      ['VOCATIONAL', 2, 0.5],
      // Equal behind (1): the lower done share first; POLICY_LAW has no measures (counts as all done).
      ['ADMISSIONS', 1, 1],
      ['POLICY_LAW', 1, null],
      ['BASIC_EDUCATION', 0, 0],
      ['PRESCHOOL', 0, 1],
    ]);
    expect(rows[0]).toMatchObject({ measures: 2, done: 1, late: 1, notMet: 1, partlyMet: 0, met: 0 });
    expect(rows.find((r) => r.owner === 'PRESCHOOL')).toMatchObject({ measures: 2, done: 2, late: 0, met: 1 });
    expect(rows.find((r) => r.owner === 'POLICY_LAW')).toMatchObject({ measures: 0, overdueItems: 1, dueSoonItems: 1 });
    expect(rows.find((r) => r.owner === 'ADMISSIONS')).toMatchObject({ overdueItems: 0, dueSoonItems: 1, late: 1 });
  });

  it('breaks ties by the lowest done share, then the most measures, then the owner', () => {
    const rows = boardRows([measure('VOCATIONAL', '2026-12-20'), measure('VOCATIONAL', '2026-12-21'), measure('ADMISSIONS', '2026-12-20'), measure('BASIC_EDUCATION', '2026-12-20')], [], '2026-11-25');
    expect(rows.map((r) => r.owner)).toEqual(['VOCATIONAL', 'ADMISSIONS', 'BASIC_EDUCATION']);
  });
});
