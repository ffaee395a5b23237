import { fen } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCLUSIVE_POLICIES as POLICIES, inclusivePolicy } from './inclusive-policy.ts';
import { kindInYear } from './kindergarten.ts';
import type { Kindergarten } from './kindergarten.ts';
import { recogniseInclusive } from './recognition.ts';

const k: Kindergarten = { id: 'K1', name: '小太阳幼儿园', kind: 'PRIVATE', nonProfit: true, area: 'RURAL', districtCode: 'D1', places: 60, rosters: {}, inclusiveYears: [] };
const req = { schoolYear: 2026, monthlyFeeFen: fen(60_000), decidedOn: '2026-08-20' };

describe('inclusive recognition', () => {
  it('recognises a non-profit private kindergarten at the cap, for that year only', () => {
    const r = recogniseInclusive(k, req, POLICIES);
    if (!r.ok) throw new Error(r.error.code);
    expect(kindInYear(r.value.state, 2026)).toBe('INCLUSIVE_PRIVATE');
    expect(kindInYear(r.value.state, 2027)).toBe('PRIVATE');
    expect(r.value.events[0]?.type).toBe('preschool.kindergarten.recognised-inclusive');
    const twice = recogniseInclusive(r.value.state, req, POLICIES);
    expect(!twice.ok && twice.error.code).toBe('ALREADY_RECOGNISED');
  });

  it('refuses for-profit, public, unlicensed and over-cap kindergartens', () => {
    const code = (kg: Kindergarten, fee = req.monthlyFeeFen) => {
      const r = recogniseInclusive(kg, { ...req, monthlyFeeFen: fee }, POLICIES);
      return !r.ok && r.error.code;
    };
    expect(code({ ...k, nonProfit: false })).toBe('FOR_PROFIT_NOT_ELIGIBLE');
    expect(code({ ...k, kind: 'PUBLIC' })).toBe('NOT_PRIVATE');
    expect(code({ ...k, kind: 'UNLICENSED' })).toBe('NOT_PRIVATE');
    expect(code(k, fen(60_001))).toBe('FEE_ABOVE_CAP');
    expect(code({ ...k, area: 'URBAN' }, fen(60_001))).toBe(false);
  });

  it('reads the policy in force: the latest row that has taken effect', () => {
    const rows = [...POLICIES, { ...POLICIES[1]!, effectiveFrom: 2027, monthlyFeeCapFen: fen(70_000) }];
    expect(inclusivePolicy(rows, 2026, 'RURAL')?.monthlyFeeCapFen).toBe(60_000);
    expect(inclusivePolicy(rows, 2028, 'RURAL')?.monthlyFeeCapFen).toBe(70_000);
    expect(inclusivePolicy(rows, 2024, 'RURAL')).toBeUndefined();
    const none = recogniseInclusive(k, { ...req, schoolYear: 2024 }, rows);
    expect(!none.ok && none.error.code).toBe('POLICY_NOT_SET');
  });
});
