/** Grades each level of school teaches (China's 6 + 3 years of compulsory education). */
const GRADES: Record<string, { from: number; to: number }> = {
  PRIMARY: { from: 1, to: 6 },
  JUNIOR: { from: 7, to: 9 },
};

export function isEnrollingLevel(level: string): boolean {
  return level in GRADES;
}

/** Every reason a capacity change is refused, at once. */
export function checkCapacityChange(change: { level: string; year: number; grade: number; capacity: number; placed: number }): string[] {
  const problems: string[] = [];
  const grades = GRADES[change.level];
  if (!grades) problems.push(`a ${change.level} institution has no enrollment seats`);
  else if (!Number.isInteger(change.grade) || change.grade < grades.from || change.grade > grades.to) {
    problems.push(`grade must be ${grades.from}–${grades.to} at a ${change.level.toLowerCase()} school (got ${change.grade})`);
  }
  if (!Number.isInteger(change.year) || change.year < 2000 || change.year > 2100) problems.push(`year must be a school year such as 2026 (got ${change.year})`);
  if (!Number.isInteger(change.capacity) || change.capacity < 0 || change.capacity > 5000) problems.push(`capacity must be 0–5000 seats (got ${change.capacity})`);
  else if (change.capacity < change.placed) {
    problems.push(`capacity ${change.capacity} is below the ${change.placed} children already placed; placed children are never moved`);
  }
  return problems;
}
