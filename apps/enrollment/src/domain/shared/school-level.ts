// Compulsory education is 6 + 3 years (义务教育法 art. 2; 6-3 学制): grades 1–6 primary, 7–9 junior.
// Funding and aid amounts differ by level, so both folders read a grade's level from here.
export type SchoolLevel = 'PRIMARY' | 'JUNIOR';

export function levelOfGrade(grade: number): SchoolLevel | undefined {
  if (!Number.isInteger(grade)) return undefined;
  if (grade >= 1 && grade <= 6) return 'PRIMARY';
  if (grade >= 7 && grade <= 9) return 'JUNIOR';
  return undefined;
}
