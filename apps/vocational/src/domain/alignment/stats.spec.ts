import { describe, expect, it } from 'vitest';
import { DEMO_INDUSTRIES } from './industries.ts';
import { ratio, vocationalStats } from './stats.ts';

const p = (code: string, annualIntake: number, applicants: number, industries: string[]) => ({ code, annualIntake, applicants, industries });

describe('vocationalStats', () => {
  const byYear = new Map([
    [2026, [p('660101', 100, 250, ['EQUIP']), p('710201', 120, 130, ['ELEC', 'EQUIP']), p('740101', 80, 40, []), p('720201', 0, 5, ['CARE'])]],
    [2024, [p('660101', 80, 60, ['EQUIP'])]],
    [2025, [p('660101', 90, 100, ['EQUIP']), p('740101', 70, 10, ['UNKNOWN'])]],
  ]);
  const stats = vocationalStats(byYear, DEMO_INDUSTRIES);

  it('gives the aligned share of the latest year as an exact ratio and 4 decimals', () => {
    expect(stats.year).toBe(2026);
    expect(stats.alignedIntakeShare).toEqual({ numerator: 220, denominator: 300, value: 0.7333 });
  });
  it('counts a programme in every industry it serves', () => {
    expect(stats.intakeByIndustry.map((i) => [i.industry.code, i.intake])).toEqual([
      ['EQUIP', 220], ['NEWMAT', 0], ['ELEC', 120], ['LOGI', 0], ['CARE', 0], ['TOUR', 0],
    ]);
  });
  it('gives the intake by year in year order', () => {
    expect(stats.growth).toEqual([{ year: 2024, intake: 80 }, { year: 2025, intake: 160 }, { year: 2026, intake: 300 }]);
  });
  it('lists where applicants exceed places, most oversubscribed first', () => {
    expect(stats.oversubscribed.map((o) => o.code)).toEqual(['720201', '660101', '710201']);
  });
  it('accepts a plain record and ignores unknown industry codes for the share', () => {
    const s = vocationalStats({ 2025: [p('740101', 70, 10, ['UNKNOWN'])] }, DEMO_INDUSTRIES);
    expect(s.alignedIntakeShare).toEqual({ numerator: 0, denominator: 70, value: 0 });
  });
  it('answers an empty input without dividing by zero', () => {
    expect(vocationalStats(new Map(), DEMO_INDUSTRIES)).toMatchObject({ year: null, alignedIntakeShare: { value: null }, growth: [], oversubscribed: [] });
  });
});

describe('ratio', () => {
  it('rounds half up', () => {
    expect(ratio(1, 3).value).toBe(0.3333);
    expect(ratio(2, 3).value).toBe(0.6667);
    expect(ratio(1, 20000).value).toBe(0.0001);
    expect(ratio(1, 20001).value).toBe(0);
    expect(ratio(5, 5).value).toBe(1);
  });
});
