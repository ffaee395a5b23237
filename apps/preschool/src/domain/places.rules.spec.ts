import { describe, expect, it } from 'vitest';
import { checkPlaces } from './places.rules.ts';

describe('kindergarten places', () => {
  it('accepts places at or above enrolment', () => {
    expect(checkPlaces(120, 120)).toEqual([]);
  });
  it('refuses fewer places than children enrolled', () => {
    expect(checkPlaces(100, 120)[0]).toMatch(/below the 120 children enrolled/);
  });
  it('refuses negative and absurd numbers', () => {
    expect(checkPlaces(-1, 0)).toHaveLength(1);
    expect(checkPlaces(1.5, 0)).toHaveLength(1);
    expect(checkPlaces(100_000, 0)).toHaveLength(1);
  });
});
