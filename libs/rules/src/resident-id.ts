// Citizen identity number, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit
// sequence (odd = male) and a check character computed by ISO 7064 MOD 11-2.
import { compareDates, formatCalendarDate, parseCalendarDate, todayInShanghai } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export type ResidentIdErrorCode = 'LENGTH' | 'CHARACTERS' | 'AREA' | 'BIRTH_DATE' | 'CHECK_DIGIT' | 'LEGACY_15';

export interface ResidentId {
  /** Normalised: a trailing lower-case 'x' is upper-cased. */
  readonly id: string;
  readonly areaCode: string;
  readonly birthDate: CalendarDate;
  readonly sex: 'MALE' | 'FEMALE';
}

export interface ValidateResidentIdOptions {
  /** The date against which "not in the future" is judged; defaults to today in Asia/Shanghai. */
  readonly today?: CalendarDate;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level prefixes accepted as the first two digits. The mainland provinces and 71 (Taiwan)
 * are the GB/T 2260 province codes; 81 and 82 (Hong Kong, Macao) are too and are also used by the
 * residence permits for Hong Kong and Macao residents; 83 is not in GB/T 2260 but is the address
 * code given to Taiwan residents' residence permits (港澳台居民居住证申领发放办法, 2018), whose
 * numbers a school must be able to enrol.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);
/** Residence permits carry the bare region code 810000 / 820000 / 830000. */
const PERMIT_PREFIXES = new Set(['81', '82', '83']);

// Codes retired from GB/T 2260 stay printed on valid old cards, so a full code table would refuse
// real people; the only structural rule applied below the province is that a card is never issued
// under a bare province code (XX0000).
function areaProblem(areaCode: string): string | null {
  const province = areaCode.slice(0, 2);
  if (!PROVINCES.has(province)) return `area code ${areaCode}: ${province} is not a province-level code`;
  const rest = areaCode.slice(2);
  if (PERMIT_PREFIXES.has(province)) {
    return rest === '0000' ? null : `area code ${areaCode}: residence permits use ${province}0000`;
  }
  return rest === '0000' ? `area code ${areaCode} is a bare province code, not an issuing area` : null;
}

/** The check character (0-9 or X) for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

// Earlier birth years are typing errors, not people: the card format dates from 1999.
const EARLIEST_BIRTH_DATE = '1800-01-01';

export function validateResidentId(
  input: string,
  options: ValidateResidentIdOptions = {},
): Result<ResidentId, ResidentIdErrorCode> {
  if (typeof input !== 'string') return fail('CHARACTERS', 'Resident ID must be a string');
  if (/^\d{15}$/.test(input)) {
    return fail('LEGACY_15', 'Resident ID is a 15-digit legacy number; the 18-character resident ID is required');
  }
  if (input.length !== 18) {
    return fail('LENGTH', `Resident ID must be 18 characters long, got ${input.length}`, { length: input.length });
  }
  if (!/^\d{17}[\dXx]$/.test(input)) {
    return fail('CHARACTERS', 'Resident ID must be 17 digits followed by a digit or X');
  }
  const id = input.toUpperCase();
  const areaCode = id.slice(0, 6);
  const problem = areaProblem(areaCode);
  if (problem) return fail('AREA', `Resident ID ${problem}`, { areaCode });

  const parts = parseCalendarDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (!parts) return fail('BIRTH_DATE', `Resident ID birth date ${id.slice(6, 14)} is not an existing date`);
  const birthDate = formatCalendarDate(parts);
  const today = options.today ?? todayInShanghai();
  if (compareDates(birthDate, today) > 0) {
    return fail('BIRTH_DATE', `Resident ID birth date ${birthDate} is in the future`, { birthDate });
  }
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return fail('BIRTH_DATE', `Resident ID birth date ${birthDate} is before ${EARLIEST_BIRTH_DATE}`, { birthDate });
  }

  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    return fail('CHECK_DIGIT', `Resident ID check character is ${id[17]}, expected ${expected}`, {
      expected,
      actual: id[17] ?? '',
    });
  }
  return ok({ id, areaCode, birthDate, sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' });
}

/** Keeps the first 4 and last 4 characters; anything 8 characters or shorter is masked entirely. */
export function maskResidentId(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
