import { describe, expect, it } from 'vitest';
import { formatYuan } from '@edugraph/rules';
import { DEFAULT_AID_CRITERIA as CRITERIA } from './criteria.ts';
import type { AidLevelCode } from './criteria.ts';
import { aidDecidedEvents, decideAid } from './decide.ts';

const amount = (difficulty: AidLevelCode, schoolLevel: 'PRIMARY' | 'JUNIOR', boarding: boolean) => {
  const d = decideAid(CRITERIA, { difficulty, schoolLevel }, boarding, 2026);
  return d.ok ? formatYuan(d.value.amountFen) : d.error.code;
};

describe('decideAid', () => {
  it('grants the standard per level of school and boarding', () => {
    expect(amount('MINIMUM_LIVING_ALLOWANCE', 'PRIMARY', true)).toBe('¥1,000.00');
    expect(amount('MINIMUM_LIVING_ALLOWANCE', 'PRIMARY', false)).toBe('¥500.00');
    expect(amount('ORPHAN', 'JUNIOR', true)).toBe('¥1,250.00');
    expect(amount('FINANCIAL_HARDSHIP', 'JUNIOR', false)).toBe('¥625.00');
  });

  it('refuses a student without an identified difficulty, and a year without criteria', () => {
    const none = decideAid(CRITERIA, { difficulty: null, schoolLevel: 'PRIMARY' }, true, 2026);
    expect(!none.ok && none.error.code).toBe('NOT_ELIGIBLE');
    const dropped = decideAid([{ ...CRITERIA[0]!, levels: CRITERIA[0]!.levels.filter((l) => l.code !== 'DISABILITY') }], { difficulty: 'DISABILITY', schoolLevel: 'PRIMARY' }, true, 2026);
    expect(!dropped.ok && dropped.error.code).toBe('NOT_ELIGIBLE');
    const later = decideAid(CRITERIA, { difficulty: 'ORPHAN', schoolLevel: 'PRIMARY' }, true, 2031);
    expect(!later.ok && later.error.code).toBe('CRITERIA_NOT_SET');
  });

  it('one function and one table serve local and migrant students alike', () => {
    // The same student facts, once for a local child and once for a migrant child; the records carry
    // where the family is registered, which the decision must not read.
    const local = { difficulty: 'EXTREME_POVERTY' as const, schoolLevel: 'PRIMARY' as const, hukou: 'LOCAL' };
    const migrant = { difficulty: 'EXTREME_POVERTY' as const, schoolLevel: 'PRIMARY' as const, hukou: 'MIGRANT' };
    for (const boarding of [true, false]) {
      for (const year of [2026, 2027]) expect(decideAid(CRITERIA, migrant, boarding, year)).toEqual(decideAid(CRITERIA, local, boarding, year));
    }
    for (const level of CRITERIA[0]!.levels) {
      for (const schoolLevel of ['PRIMARY', 'JUNIOR'] as const) {
        expect(decideAid(CRITERIA, { ...migrant, difficulty: level.code, schoolLevel }, true, 2026)).toEqual(
          decideAid(CRITERIA, { ...local, difficulty: level.code, schoolLevel }, true, 2026),
        );
      }
    }
  });

  it('raises a decided event, and completed for an application the family waited on', () => {
    const granted = decideAid(CRITERIA, { difficulty: 'ORPHAN', schoolLevel: 'PRIMARY' }, false, 2026);
    expect(aidDecidedEvents('st1', granted, 'A1').map((e) => e.type)).toEqual(['enrollment.aid.decided', 'enrollment.application.completed']);
    expect(aidDecidedEvents('st1', granted, 'A1')[1]?.payload).toMatchObject({ applicationId: 'A1', step: 'AID', granted: true, amountFen: 50_000 });
    expect(aidDecidedEvents('st-local', granted)).toHaveLength(1);
  });
});
