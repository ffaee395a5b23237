import { describe, expect, it } from 'vitest';
import { isInclusiveIn, kindInYear, recordRoster } from './kindergarten.ts';
import type { Kindergarten } from './kindergarten.ts';

const k: Kindergarten = {
  id: 'K1', name: '阳光幼儿园', kind: 'PRIVATE', nonProfit: true, area: 'URBAN', districtCode: 'D1', places: 90, rosters: {}, inclusiveYears: [2026],
};

describe('kindergarten', () => {
  it('is inclusive private only in a recognised year', () => {
    expect(kindInYear(k, 2026)).toBe('INCLUSIVE_PRIVATE');
    expect(kindInYear(k, 2027)).toBe('PRIVATE');
    expect(isInclusiveIn({ ...k, kind: 'PUBLIC' }, 2027)).toBe(true);
    expect(kindInYear({ ...k, kind: 'UNLICENSED' }, 2026)).toBe('UNLICENSED');
  });

  it('records a roster, then a correction, without touching other years', () => {
    const first = recordRoster(k, 2026, 80);
    if (!first.ok) throw new Error(first.error.code);
    expect(first.value.events).toEqual([{ type: 'preschool.roster.recorded', payload: { kindergartenId: 'K1', schoolYear: 2026, enrolled: 80, previous: null } }]);
    const again = recordRoster(first.value.state, 2026, 75);
    expect(again.ok && again.value.events[0]?.type).toBe('preschool.roster.corrected');
    expect(again.ok && again.value.state.rosters).toEqual({ 2026: 75 });
    const same = recordRoster(first.value.state, 2026, 80);
    expect(same.ok && same.value.events).toEqual([]);
  });

  it('refuses rosters above places, negative, fractional, or for no year', () => {
    const codes = [recordRoster(k, 2026, 91), recordRoster(k, 2026, -1), recordRoster(k, 2026, 2.5), recordRoster(k, 26, 10)].map((r) => !r.ok && r.error.code);
    expect(codes).toEqual(['ABOVE_PLACES', 'INVALID_ENROLLED', 'INVALID_ENROLLED', 'INVALID_SCHOOL_YEAR']);
    expect(recordRoster(k, 2026, 90).ok).toBe(true);
    expect(recordRoster(k, 2026, 0).ok).toBe(true);
  });
});
