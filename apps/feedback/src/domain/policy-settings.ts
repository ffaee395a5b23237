// The numbers a city may change in its 好差评 and report rules, checked before a new version is kept.
import { fail, isCalendarDate, ok } from '@edugraph/rules';
import type { Result } from '@edugraph/rules';

export interface NumberRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export const REVIEW_POLICY_RULES: readonly NumberRule[] = [
  { name: 'ratingWindowDays', min: 1, max: 365 },
  { name: 'callbackWorkingDays', min: 1, max: 30 },
  { name: 'fixWorkingDays', min: 1, max: 90 },
  { name: 'dueSoonWorkingDays', min: 0, max: 30 },
];

export const REPORT_POLICY_RULES: readonly NumberRule[] = [
  { name: 'complaintWorkingDays', min: 1, max: 90 },
  { name: 'tipOffWorkingDays', min: 1, max: 90 },
  { name: 'suggestionWorkingDays', min: 1, max: 90 },
  { name: 'dueSoonWorkingDays', min: 0, max: 30 },
  { name: 'reopenWithinDays', min: 1, max: 365 },
];

export const DECISION_POLICY_RULES: readonly NumberRule[] = [{ name: 'commentPeriodDays', min: 1, max: 180 }];

/** Every problem at once: each number a whole number in its range, a basis, a real effective day not in the past. */
export function checkPolicyVersion(
  rules: readonly NumberRule[],
  values: Readonly<Record<string, number>>,
  version: { basis: string; effectiveOn: string },
  today: string,
): Result<Record<string, number>, 'BAD_USER_INPUT'> {
  const problems: string[] = [];
  const document: Record<string, number> = {};
  for (const rule of rules) {
    const value = values[rule.name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min || value > rule.max) problems.push(`${rule.name} must be a whole number ${rule.min}–${rule.max} (got ${String(value)})`);
    else document[rule.name] = value;
  }
  const basis = version.basis.trim();
  if (basis === '' || [...basis].length > 500) problems.push('basis must name the rule or document the numbers come from (1–500 characters)');
  if (!isCalendarDate(version.effectiveOn)) problems.push(`effectiveOn must be a date YYYY-MM-DD (got "${version.effectiveOn}")`);
  else if (version.effectiveOn < today) problems.push(`effectiveOn must not be in the past (today is ${today})`);
  return problems.length > 0 ? fail('BAD_USER_INPUT', problems.join('; ')) : ok(document);
}
