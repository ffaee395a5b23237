import { characterCount } from '@edugraph/rules';

export interface ProgrammeDraft {
  code: string;
  name: string;
  lengthYears: number;
  annualIntake: number;
}

/** Every problem with a programme at once, so a school fixes its row in one go. */
export function checkProgramme(p: ProgrammeDraft): string[] {
  const problems: string[] = [];
  if (!/^\d{6}$/.test(p.code)) problems.push(`code must be the 6-digit national catalogue code (got "${p.code}")`);
  const nameLength = characterCount(p.name.trim());
  if (nameLength < 2 || nameLength > 200) problems.push('name must be 2–200 characters');
  if (!Number.isInteger(p.lengthYears) || p.lengthYears < 1 || p.lengthYears > 6) problems.push(`lengthYears must be 1–6 (got ${p.lengthYears})`);
  if (!Number.isInteger(p.annualIntake) || p.annualIntake < 0 || p.annualIntake > 10_000) problems.push(`annualIntake must be 0–10000 (got ${p.annualIntake})`);
  return problems;
}
