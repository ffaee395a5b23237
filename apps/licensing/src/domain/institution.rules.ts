import { INSTITUTION_LEVELS, OWNERSHIPS, characterCount, nameKey, validateCreditCode } from '@edugraph/rules';
import type { InstitutionLevel, Ownership } from '@edugraph/rules';

export interface NewInstitution {
  name: string;
  level: InstitutionLevel;
  ownership: Ownership;
  districtCode: string;
  address: string | null;
  creditCode: string | null;
  sponsorCreditCode: string | null;
  licenceNumber: string | null;
}

export interface RegistrationProblem {
  field: keyof NewInstitution;
  message: string;
}

/** Checks a registration before it is stored; returns every problem at once (一次性告知). */
export function checkRegistration(input: NewInstitution): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const nameLength = characterCount(input.name.trim());
  if (nameLength < 2 || nameLength > 200) problems.push({ field: 'name', message: 'name must be 2–200 characters' });
  if (!INSTITUTION_LEVELS.includes(input.level)) problems.push({ field: 'level', message: `level must be one of ${INSTITUTION_LEVELS.join(', ')}` });
  if (!OWNERSHIPS.includes(input.ownership)) problems.push({ field: 'ownership', message: `ownership must be PUBLIC or PRIVATE` });
  if (!/^[A-Za-z0-9-]{1,40}$/.test(input.districtCode)) problems.push({ field: 'districtCode', message: 'districtCode must be 1–40 letters, digits or dashes' });
  if (input.creditCode !== null) {
    const check = validateCreditCode(input.creditCode);
    if (!check.ok) problems.push({ field: 'creditCode', message: `creditCode is not a valid unified social credit code: ${check.error.message}` });
  }
  if (input.sponsorCreditCode !== null) {
    const check = validateCreditCode(input.sponsorCreditCode);
    if (!check.ok) problems.push({ field: 'sponsorCreditCode', message: `sponsorCreditCode is not a valid unified social credit code: ${check.error.message}` });
    else if (input.ownership !== 'PRIVATE') problems.push({ field: 'sponsorCreditCode', message: 'sponsorCreditCode is for private schools; a public one has no sponsor to record' });
  }
  if (input.licenceNumber !== null && !/^\S{4,60}$/u.test(input.licenceNumber)) {
    problems.push({ field: 'licenceNumber', message: 'licenceNumber must be 4–60 characters without spaces' });
  }
  return problems;
}

/** Normalises what people type: trimmed names, upper-case credit codes, empty strings as absent. */
export function normaliseRegistration(input: NewInstitution): NewInstitution {
  const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  return {
    ...input,
    name: input.name.trim().replace(/\s+/g, ' '),
    districtCode: input.districtCode.trim(),
    address: blankToNull(input.address),
    creditCode: blankToNull(input.creditCode)?.toUpperCase() ?? null,
    sponsorCreditCode: blankToNull(input.sponsorCreditCode)?.toUpperCase() ?? null,
    licenceNumber: blankToNull(input.licenceNumber),
  };
}

/**
 * Two registrations in a district name the same institution when their names share this key:
 * case, full-width forms, NFD spellings, zero-width characters and spacing do not tell them apart.
 */
export function institutionNameKey(name: string): string {
  return nameKey(name);
}
