// The age a child must have to enter a grade is policy, set per school year: data a city can
// replace, each row with its legal basis, never a constant in the checks.
import type { CalendarDate } from '@edugraph/rules';

export interface GradeAgeRule {
  readonly grade: number;
  /** Full years (周岁) the child must have reached on the cut-off day. */
  readonly minAge: number;
  /** Full years the child may have at most on the cut-off day. */
  readonly maxAge: number;
  readonly basis: string;
  /** True when the row was derived from an entry grade's rule rather than set by itself. */
  readonly derived: boolean;
}

export interface AgeRuleYear {
  /** School year: grade 1 of 2026 starts in September 2026. */
  readonly year: number;
  /** Day of year Y (MM-DD) on which ages are counted. */
  readonly cutoff: string;
  readonly basis: string;
  readonly grades: readonly GradeAgeRule[];
}

export type AgeRuleTable = readonly AgeRuleYear[];

const GRADE_1_BASIS =
  '义务教育法 art. 11: a child enters school at six full years (年满六周岁); where conditions are lacking, ' +
  'entry may be deferred to seven. So 6 is the minimum and 7 the maximum on the cut-off day; an older child ' +
  'goes to a grade by staff assessment (插班), not through this intake.';
const GRADE_7_BASIS =
  'Junior middle school follows six primary years (6-3 学制, 义务教育法 art. 2): 6 + 6 = 12 at least. Up to 14 ' +
  'admits children who started at 7 or repeated a year; older children are placed by staff assessment.';
const CUTOFF_BASIS = 'Cut-off 31 August of the school year, the date most provinces set for 年满六周岁 (the school year starts 1 September).';

/**
 * Grades between entry grades are transfers (插班): the entry grade's ages shifted by one year per
 * grade. They are listed in the table, not computed at check time, so a city that does not take
 * mid-stage transfers through this intake deletes the rows and those grades are refused.
 */
export function deriveGrades(entry: GradeAgeRule, through: number): GradeAgeRule[] {
  const rows: GradeAgeRule[] = [];
  for (let grade = entry.grade + 1; grade <= through; grade++) {
    const shift = grade - entry.grade;
    rows.push({
      grade,
      minAge: entry.minAge + shift,
      maxAge: entry.maxAge + shift,
      basis: `Derived from grade ${entry.grade}: one more year per grade (transfer entry, 插班).`,
      derived: true,
    });
  }
  return rows;
}

function year(y: number, note: string): AgeRuleYear {
  const grade1: GradeAgeRule = { grade: 1, minAge: 6, maxAge: 7, basis: GRADE_1_BASIS, derived: false };
  const grade7: GradeAgeRule = { grade: 7, minAge: 12, maxAge: 14, basis: GRADE_7_BASIS, derived: false };
  return {
    year: y,
    cutoff: '08-31',
    basis: `${CUTOFF_BASIS} ${note}`,
    grades: [grade1, ...deriveGrades(grade1, 6), grade7, ...deriveGrades(grade7, 9)],
  };
}

/** The default table: 2026 as published; 2027 carries 2026 over until the city publishes its own. */
export const DEFAULT_AGE_RULES: AgeRuleTable = [
  year(2026, 'School year 2026 (2026年秋季学期).'),
  year(2027, 'School year 2027: unchanged from 2026 until the city publishes otherwise.'),
];

export function ageRulesFor(table: AgeRuleTable, schoolYear: number): AgeRuleYear | undefined {
  return table.find((row) => row.year === schoolYear);
}

/** Full years (周岁) on `on`: a child born on 31 August is six on 31 August six years later. */
export function fullYearsOn(birthDate: CalendarDate, on: CalendarDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export type AgeCheck =
  | { readonly ok: true; readonly age: number; readonly rule: GradeAgeRule }
  | { readonly ok: false; readonly code: 'YEAR_NOT_OPEN' | 'GRADE_NOT_OFFERED' | 'TOO_YOUNG' | 'TOO_OLD'; readonly message: string };

export function checkAge(table: AgeRuleTable, schoolYear: number, grade: number, birthDate: CalendarDate): AgeCheck {
  const rules = ageRulesFor(table, schoolYear);
  if (!rules) return { ok: false, code: 'YEAR_NOT_OPEN', message: `no age rules are published for school year ${schoolYear}` };
  const rule = rules.grades.find((g) => g.grade === grade);
  if (!rule) return { ok: false, code: 'GRADE_NOT_OFFERED', message: `grade ${grade} is not open for application in ${schoolYear}` };
  const cutoffDate = `${schoolYear}-${rules.cutoff}`;
  const age = fullYearsOn(birthDate, cutoffDate);
  if (age < rule.minAge) {
    return { ok: false, code: 'TOO_YOUNG', message: `grade ${grade} needs ${rule.minAge} full years by ${cutoffDate}; the child will be ${age}` };
  }
  if (age > rule.maxAge) {
    return { ok: false, code: 'TOO_OLD', message: `grade ${grade} admits at most ${rule.maxAge} full years on ${cutoffDate}; the child will be ${age}` };
  }
  return { ok: true, age, rule };
}
