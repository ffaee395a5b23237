// Unified social credit code, GB 32100-2015: registration authority (1), organisation type (1),
// administrative-division code of the registering authority (6 digits), subject identifier
// (9, the GB 11714 organisation code) and a MOD 31 check character.
import { CREDIT_CODE_AUTHORITIES } from './credit-code-authorities.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export type CreditCodeErrorCode = 'LENGTH' | 'CHARACTERS' | 'AUTHORITY' | 'AREA' | 'CHECK_DIGIT';

export interface CreditCode {
  /** Normalised to upper case. */
  readonly code: string;
  readonly registrationAuthority: { readonly code: string; readonly name: string };
  /** name is null when the type code is not in the table: the check character still vouches for it. */
  readonly organisationType: { readonly code: string; readonly name: string | null };
  readonly areaCode: string;
  readonly organisationCode: string;
}

// The standard's 31-character alphabet: digits and upper-case letters without I, O, S, V, Z.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** The check character for the first 17 characters (upper case, from the standard's alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`creditCodeCheckCharacter: ${first17[i]} is not in the code alphabet`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

export function validateCreditCode(input: string): Result<CreditCode, CreditCodeErrorCode> {
  if (typeof input !== 'string') return fail('CHARACTERS', 'Credit code must be a string');
  if (input.length !== 18) {
    return fail('LENGTH', `Credit code must be 18 characters long, got ${input.length}`, { length: input.length });
  }
  // Lower case is accepted as a typing convenience; the standard's alphabet is upper case.
  const code = input.toUpperCase();
  // Position 18 is left to the check below: a wrong check character, even one outside the alphabet
  // (the standard's own counter-example ends in Z), is reported as CHECK_DIGIT with the expected one.
  for (let i = 0; i < 17; i++) {
    if (!ALPHABET.includes(code[i] ?? '')) {
      return fail('CHARACTERS', `Credit code character ${i + 1} (${input[i]}) is not allowed (letters I, O, S, V, Z are never used)`, {
        position: i + 1,
      });
    }
  }
  const authorityCode = code[0] ?? '';
  const authority = CREDIT_CODE_AUTHORITIES[authorityCode];
  if (!authority) {
    return fail('AUTHORITY', `Credit code registration authority ${authorityCode} is not one of 1-9, A, N, Y`, {
      registrationAuthority: authorityCode,
    });
  }
  const areaCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(areaCode)) {
    return fail('AREA', `Credit code area code (characters 3-8) must be 6 digits, got ${areaCode}`, { areaCode });
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return fail('CHECK_DIGIT', `Credit code check character is ${code[17]}, expected ${expected}`, {
      expected,
      actual: code[17] ?? '',
    });
  }
  const typeCode = code[1] ?? '';
  return ok({
    code,
    registrationAuthority: { code: authorityCode, name: authority.name },
    organisationType: { code: typeCode, name: authority.organisationTypes[typeCode] ?? null },
    areaCode,
    organisationCode: code.slice(8, 17),
  });
}
