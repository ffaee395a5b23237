import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskResidentId, residentIdCheckCharacter, validateResidentId } from './resident-id.ts';

const TODAY = '2026-11-25';
const opts = { today: TODAY };

const MAINLAND = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const areaArb = fc.oneof(
  fc.tuple(fc.constantFrom(...MAINLAND), fc.integer({ min: 1, max: 9999 })).map(([p, rest]) => p + pad(rest, 4)),
  fc.constantFrom('810000', '820000', '830000'),
);
const birthArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validIdArb = fc.tuple(areaArb, birthArb, fc.integer({ min: 0, max: 999 })).map(([area, birth, seq]) => {
  const first17 = area + birth.replaceAll('-', '') + pad(seq, 3);
  return first17 + residentIdCheckCharacter(first17);
});

describe('validateResidentId', () => {
  it('accepts the published example 11010519491231002X', () => {
    expect(validateResidentId('11010519491231002X', opts)).toEqual({
      ok: true,
      value: { id: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' },
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    const result = validateResidentId('11010519491231002x', opts);
    expect(result.ok && result.value.id).toBe('11010519491231002X');
  });

  it('accepts every generated valid id and reads its fields', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        const result = validateResidentId(id, opts);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.areaCode).toBe(id.slice(0, 6));
        expect(result.value.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));
        expect(result.value.sex).toBe(Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE');
      }),
    );
  });

  // MOD 11-2: every weight is non-zero mod the prime 11, so any substitution changes the sum; the
  // remaining cases (X in a digit position, a letter) are refused as characters.
  it('catches every single-character substitution', () => {
    const replacements = [...'0123456789Xx', 'A', ' '];
    fc.assert(
      fc.property(validIdArb, (id) => {
        for (let position = 0; position < 18; position++) {
          for (const c of replacements) {
            if (c.toUpperCase() === id[position]) continue; // x for X is the same id
            const changed = id.slice(0, position) + c + id.slice(position + 1);
            expect(validateResidentId(changed, opts).ok, changed).toBe(false);
          }
        }
      }),
    );
  });

  // Adjacent weights differ mod 11 (and the check character's weight 1 differs from 2), so every
  // swap of two different adjacent characters is caught, including with the check character.
  it('catches every transposition of adjacent characters', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        for (let i = 0; i < 17; i++) {
          if (id[i] === id[i + 1]) continue; // swapping equal characters changes nothing
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          expect(validateResidentId(swapped, opts).ok, swapped).toBe(false);
        }
      }),
    );
  });

  const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
  it.each([
    ['LENGTH', '1101051949123100'],
    ['LENGTH', '11010519491231002X1'],
    ['CHARACTERS', '1101051949123A002X'],
    ['CHARACTERS', '11010519491231002Y'],
    ['AREA', withCheck('00010519491231002')],
    ['AREA', withCheck('99010519491231002')],
    ['AREA', withCheck('11000019491231002')],
    ['AREA', withCheck('81010119491231002')],
    ['BIRTH_DATE', withCheck('11010519490230002')],
    ['BIRTH_DATE', withCheck('11010520261126002')],
    ['BIRTH_DATE', withCheck('11010517991231002')],
    ['CHECK_DIGIT', '110105194912310021'],
    ['LEGACY_15', '110105491231002'],
  ])('reports %s for %s', (code, id) => {
    const result = validateResidentId(id, opts);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/Resident ID/);
    }
  });

  it('says which check character was expected', () => {
    const result = validateResidentId('110105194912310021', opts);
    expect(!result.ok && result.error.details).toMatchObject({ expected: 'X', actual: '1' });
  });

  it('judges "in the future" against the given today', () => {
    const id = withCheck('11010520261125001');
    expect(validateResidentId(id, { today: '2026-11-25' }).ok).toBe(true);
    expect(validateResidentId(id, { today: '2026-11-24' }).ok).toBe(false);
  });
});

describe('maskResidentId', () => {
  it('keeps the first and last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });
  it('masks short input entirely rather than revealing all of it', () => {
    expect(maskResidentId('12345678')).toBe('********');
  });
});
