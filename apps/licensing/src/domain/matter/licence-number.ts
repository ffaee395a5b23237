// Private-school licence numbers (办学许可证编号), format chosen for this city:
//   教民 + area (6-digit administrative-division code) + level (1 digit) + year (4) + sequence (4)
//   e.g. 教民 320102 2 2026 0007 → 教民320102220260007 (15 digits after 教民).
// Deterministic: the same inputs always give the same number, and within an area, level and year the
// sequence (issued by the caller's counter) makes it unique.
import { INSTITUTION_LEVELS } from '@edugraph/rules';
import type { InstitutionLevel } from '@edugraph/rules';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export const LICENCE_PREFIX = '教民';
/** Digits by level, in the order the registry lists levels: 1 preschool … 6 training. */
export const LEVEL_DIGITS: Readonly<Record<InstitutionLevel, string>> = Object.fromEntries(
  INSTITUTION_LEVELS.map((level, i) => [level, String(i + 1)]),
) as Record<InstitutionLevel, string>;

export interface LicenceNumberParts {
  readonly areaCode: string;
  readonly level: InstitutionLevel;
  readonly year: number;
  readonly sequence: number;
}
export type LicenceNumberErrorCode = 'INVALID_AREA' | 'INVALID_LEVEL' | 'INVALID_YEAR' | 'INVALID_SEQUENCE' | 'INVALID_FORMAT';

export function licenceNumber(parts: LicenceNumberParts): Result<string, LicenceNumberErrorCode> {
  if (!/^\d{6}$/.test(parts.areaCode) || parts.areaCode.startsWith('0')) return fail('INVALID_AREA', `Area code must be a 6-digit division code, got ${parts.areaCode}`);
  const levelDigit = LEVEL_DIGITS[parts.level];
  if (!levelDigit) return fail('INVALID_LEVEL', `Level must be one of ${INSTITUTION_LEVELS.join(', ')}`);
  if (!Number.isSafeInteger(parts.year) || parts.year < 1000 || parts.year > 9999) return fail('INVALID_YEAR', `Year must have 4 digits, got ${parts.year}`);
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999) {
    return fail('INVALID_SEQUENCE', `Sequence must be 1-9999, got ${parts.sequence}`);
  }
  return ok(`${LICENCE_PREFIX}${parts.areaCode}${levelDigit}${parts.year}${String(parts.sequence).padStart(4, '0')}`);
}

export function parseLicenceNumber(input: string): Result<LicenceNumberParts, LicenceNumberErrorCode> {
  const match = /^教民(\d{6})(\d)(\d{4})(\d{4})$/u.exec(input);
  const level = match && INSTITUTION_LEVELS[Number(match[2]) - 1];
  if (!match || !level) return fail('INVALID_FORMAT', `${input} is not 教民 followed by area, level, year and sequence digits`);
  const parts = { areaCode: match[1] as string, level, year: Number(match[3]), sequence: Number(match[4]) };
  const again = licenceNumber(parts);
  return again.ok ? ok(parts) : fail('INVALID_FORMAT', again.error.message);
}
