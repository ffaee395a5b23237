import { describe, expect, it } from 'vitest';
import { checkCapacityChange, isEnrollingLevel } from './seat-capacity.rules.ts';

describe('seat capacity rules', () => {
  it('accepts a grade the school teaches', () => {
    expect(checkCapacityChange({ level: 'PRIMARY', year: 2026, grade: 1, capacity: 45, placed: 0 })).toEqual([]);
    expect(checkCapacityChange({ level: 'JUNIOR', year: 2026, grade: 9, capacity: 50, placed: 10 })).toEqual([]);
  });

  it('refuses a grade outside the level, and says which grades fit', () => {
    expect(checkCapacityChange({ level: 'PRIMARY', year: 2026, grade: 7, capacity: 45, placed: 0 })).toEqual([
      'grade must be 1–6 at a primary school (got 7)',
    ]);
  });

  it('never lets capacity drop below children already placed', () => {
    const problems = checkCapacityChange({ level: 'PRIMARY', year: 2026, grade: 1, capacity: 9, placed: 10 });
    expect(problems[0]).toMatch(/below the 10 children already placed/);
  });

  it('knows which levels enroll', () => {
    expect(isEnrollingLevel('PRIMARY')).toBe(true);
    expect(isEnrollingLevel('PRESCHOOL')).toBe(false);
  });
});
