import { describe, expect, it } from 'vitest';
import type { Kindergarten } from '../kindergarten/index.ts';
import { coverageReport, planningGaps } from './coverage.ts';
import type { CoverageReport } from './coverage.ts';
import { meets, ratio } from './ratio.ts';
import { DEFAULT_COVERAGE_TARGETS as TARGETS } from './targets.ts';

const kg = (id: string, districtCode: string, places: number, kind: Kindergarten['kind'], inclusiveYears: number[] = []): Kindergarten => ({
  id, name: id, kind, nonProfit: true, area: id.endsWith('R') ? 'RURAL' : 'URBAN', districtCode, places, rosters: {}, inclusiveYears,
});

function must(r: ReturnType<typeof coverageReport>): CoverageReport {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('coverage', () => {
  const kindergartens = [
    kg('A1', 'D1', 600, 'PUBLIC'), kg('A2R', 'D1', 200, 'PRIVATE', [2026]), kg('A3', 'D1', 100, 'PRIVATE'),
    kg('B1', 'D2', 400, 'PUBLIC'), kg('B2', 'D2', 300, 'UNLICENSED'),
  ];
  const children = [
    { districtCode: 'D1', year: 2026, children: 1000 }, { districtCode: 'D2', year: 2026, children: 500 }, { districtCode: 'D1', year: 2027, children: 5 },
  ];

  it('reports places, inclusive places and exact rates per district, unlicensed left out', () => {
    const r = must(coverageReport(2026, kindergartens, children, TARGETS));
    const d1 = r.districts[0]!;
    expect(d1).toMatchObject({ districtCode: 'D1', children: 1000, places: 900, inclusivePlaces: 800, placesByArea: { URBAN: 700, RURAL: 200 } });
    expect(d1.coverage).toEqual({ numerator: 900, denominator: 1000, perMille: 900 });
    expect(d1.inclusive.perMille).toBe(888);
    expect(d1.coverageMet && d1.inclusiveMet).toBe(true);
    expect(r.districts[1]).toMatchObject({ places: 400, coverageMet: false, inclusiveMet: true });
    expect(r.belowTarget).toEqual(['D2']);
    expect(planningGaps(r)).toEqual([{ districtCode: 'D2', placesMissing: 50, inclusivePlacesMissing: 0 }]);
  });

  it('drops recognition in a year it was not decided, and names the inclusive gap', () => {
    const r = must(coverageReport(2027, kindergartens, children, TARGETS));
    // 2027: A2R is private again, so D1 has 600 inclusive of 900 places: 85% needs 765.
    expect(planningGaps(r).find((g) => g.districtCode === 'D1')).toEqual({ districtCode: 'D1', placesMissing: 0, inclusivePlacesMissing: 165 });
    expect(coverageReport(2031, kindergartens, children, TARGETS)).toMatchObject({ ok: false, error: { code: 'TARGET_NOT_SET' } });
  });

  it('gives the smallest gap by integer ceiling, with no float drift', () => {
    for (let kids = 0; kids <= 300; kids++) {
      for (const places of [0, 1, 7, 50, 133, 269, 270, 271]) {
        const [gap] = planningGaps(must(coverageReport(2026, [kg('X', 'D', places, 'PUBLIC')], [{ districtCode: 'D', year: 2026, children: kids }], TARGETS)));
        const missing = gap?.placesMissing ?? 0;
        expect(meets(ratio(places + missing, kids), 900)).toBe(true);
        if (missing > 0) expect(meets(ratio(places + missing - 1, kids), 900)).toBe(false);
      }
    }
    expect(meets(ratio(0, 0), 900)).toBe(true);
    expect(ratio(2, 3).perMille).toBe(666);
  });
});
