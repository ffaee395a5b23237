import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_AUTHORITIES } from './credit-code-authorities.ts';
import { creditCodeCheckCharacter, validateCreditCode } from './credit-code.ts';

const ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const DIGITS = [...'0123456789'];

const validCodeArb = fc
  .tuple(
    fc.constantFrom(...Object.keys(CREDIT_CODE_AUTHORITIES)),
    fc.constantFrom(...DIGITS),
    fc.array(fc.constantFrom(...DIGITS), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }),
  )
  .map(([authority, type, area, subject]) => {
    const first17 = authority + type + area.join('') + subject.join('');
    return first17 + creditCodeCheckCharacter(first17);
  });

describe('validateCreditCode', () => {
  it('refuses the published counter-example 91350100M000100Y4Z: its check character should be 3', () => {
    const result = validateCreditCode('91350100M000100Y4Z');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CHECK_DIGIT');
      expect(result.error.details).toMatchObject({ expected: '3' });
      expect(result.error.message).toContain('expected 3');
    }
  });

  it('accepts the corrected code and reads its parts', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        code: '91350100M000100Y43',
        registrationAuthority: { code: '9', name: 'Industry and commerce (工商)' },
        organisationType: { code: '1', name: 'Enterprise (企业)' },
        areaCode: '350100',
        organisationCode: 'M000100Y4',
      },
    });
  });

  it('accepts lower case and normalises it', () => {
    const result = validateCreditCode('91350100m000100y43');
    expect(result.ok && result.value.code).toBe('91350100M000100Y43');
  });

  it('accepts every generated valid code', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        expect(validateCreditCode(code).ok).toBe(true);
      }),
    );
  });

  // Weights 3^(i-1) mod 31 are never 0 mod the prime 31, so any substitution changes the sum.
  it('catches every single-character substitution', () => {
    const replacements = [...ALPHABET, 'I', 'O', 'S', 'V', 'Z', '-'];
    fc.assert(
      fc.property(validCodeArb, (code) => {
        for (let position = 0; position < 18; position++) {
          for (const c of replacements) {
            if (c === code[position]) continue;
            const changed = code.slice(0, position) + c + code.slice(position + 1);
            expect(validateCreditCode(changed).ok, changed).toBe(false);
          }
        }
      }),
    );
  });

  // w(i+1) = 3·w(i) mod 31, so a swap changes the sum by 2·w(i)·(difference) ≢ 0 mod 31.
  it('catches every transposition of adjacent characters', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        for (let i = 0; i < 17; i++) {
          if (code[i] === code[i + 1]) continue;
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(validateCreditCode(swapped).ok, swapped).toBe(false);
        }
      }),
    );
  });

  const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);
  it.each([
    ['LENGTH', '91350100M000100Y4'],
    ['CHARACTERS', '91350100M0001I0Y43'],
    ['AUTHORITY', withCheck('B1350100M000100Y4')],
    ['AUTHORITY', withCheck('01350100M000100Y4')],
    ['AREA', withCheck('9135A100M000100Y4')],
    ['CHECK_DIGIT', '91350100M000100Y44'],
  ])('reports %s for %s', (code, input) => {
    const result = validateCreditCode(input);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('reports an organisation type missing from the table without refusing the code', () => {
    const result = validateCreditCode(withCheck('97350100M000100Y4'));
    expect(result.ok && result.value.organisationType).toEqual({ code: '7', name: null });
  });
});

describe('creditCodeCheckCharacter', () => {
  it('refuses characters outside the alphabet', () => {
    expect(() => creditCodeCheckCharacter('91350100M0001O0Y4')).toThrow(RangeError);
  });
});
