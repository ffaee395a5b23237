import { describe, expect, it } from 'vitest';
import { checkAge, DEFAULT_AGE_RULES, deriveGrades, fullYearsOn } from './age-rules.ts';

describe('age rules', () => {
  it('counts full years (周岁): the birthday itself counts', () => {
    expect(fullYearsOn('2020-08-31', '2026-08-31')).toBe(6);
    expect(fullYearsOn('2020-09-01', '2026-08-31')).toBe(5);
    expect(fullYearsOn('2020-02-29', '2026-08-31')).toBe(6);
  });

  it('grade 1 of 2026: six by 31 August 2026, at most seven', () => {
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 1, '2020-08-31')).toMatchObject({ ok: true, age: 6 });
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 1, '2018-09-01')).toMatchObject({ ok: true, age: 7 });
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 1, '2020-09-01')).toMatchObject({ ok: false, code: 'TOO_YOUNG' });
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 1, '2018-08-31')).toMatchObject({ ok: false, code: 'TOO_OLD' });
  });

  it('grade 7: at least twelve, at most fourteen; 2027 has its own rows', () => {
    expect(checkAge(DEFAULT_AGE_RULES, 2027, 7, '2015-08-31')).toMatchObject({ ok: true, age: 12 });
    expect(checkAge(DEFAULT_AGE_RULES, 2027, 7, '2015-09-01')).toMatchObject({ ok: false, code: 'TOO_YOUNG' });
    expect(checkAge(DEFAULT_AGE_RULES, 2027, 7, '2012-08-31')).toMatchObject({ ok: false, code: 'TOO_OLD' });
  });

  it('derives transfer grades from the entry grade, and refuses grades and years not in the table', () => {
    expect(deriveGrades({ grade: 1, minAge: 6, maxAge: 7, basis: '', derived: false }, 3).map((g) => [g.grade, g.minAge, g.maxAge])).toEqual([
      [2, 7, 8],
      [3, 8, 9],
    ]);
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 3, '2018-03-01')).toMatchObject({ ok: true, age: 8 });
    expect(checkAge(DEFAULT_AGE_RULES, 2026, 10, '2010-03-01')).toMatchObject({ ok: false, code: 'GRADE_NOT_OFFERED' });
    expect(checkAge(DEFAULT_AGE_RULES, 2030, 1, '2024-03-01')).toMatchObject({ ok: false, code: 'YEAR_NOT_OPEN' });
    const onlyEntry = [{ ...DEFAULT_AGE_RULES[0]!, grades: DEFAULT_AGE_RULES[0]!.grades.filter((g) => !g.derived) }];
    expect(checkAge(onlyEntry, 2026, 3, '2018-03-01')).toMatchObject({ ok: false, code: 'GRADE_NOT_OFFERED' });
  });

  it('every row states its basis', () => {
    for (const year of DEFAULT_AGE_RULES) for (const grade of year.grades) expect(grade.basis.length).toBeGreaterThan(10);
  });
});
